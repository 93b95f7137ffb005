import { describe, expect, it } from 'vitest';
import { cookieDeletions, cookieDomains, cookiePaths } from '../../src/core/cookie-variants';

describe('cookieDomains', () => {
  it.each([
    ['www.example.com', ['www.example.com', 'example.com']],
    ['example.com', ['example.com']],
    ['a.b.shop.example.com', ['a.b.shop.example.com', 'b.shop.example.com', 'shop.example.com', 'example.com']],
    ['www.example.com.cn', ['www.example.com.cn', 'example.com.cn']],
    ['shop.example.co.uk', ['shop.example.co.uk', 'example.co.uk']],
    ['www.example.com.au', ['www.example.com.au', 'example.com.au']],
    ['me.github.io', ['me.github.io']],
    ['WWW.Example.COM.', ['www.example.com', 'example.com']],
    ['localhost', []],
    ['127.0.0.1', []],
    ['[::1]', []],
    ['com.cn', []],
  ])('%s -> %j', (host, expected) => {
    expect(cookieDomains(host)).toEqual(expected);
  });
});

describe('cookiePaths', () => {
  it.each([
    ['/', ['/']],
    ['', ['/']],
    ['/page.html', ['/', '/page.html']],
    ['/shop/', ['/', '/shop', '/shop/']],
    ['/shop/cart/view', ['/', '/shop', '/shop/', '/shop/cart', '/shop/cart/', '/shop/cart/view']],
  ])('%s -> %j', (path, expected) => {
    expect(cookiePaths(path)).toEqual(expected);
  });
});

describe('cookieDeletions', () => {
  it('writes one expired cookie per domain and path variant, host-only first', () => {
    expect(cookieDeletions('_ga', 'www.example.com', '/shop/')).toEqual([
      '_ga=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/',
      '_ga=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/; domain=www.example.com',
      '_ga=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/; domain=example.com',
      '_ga=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/shop',
      '_ga=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/shop; domain=www.example.com',
      '_ga=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/shop; domain=example.com',
      '_ga=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/shop/',
      '_ga=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/shop/; domain=www.example.com',
      '_ga=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/shop/; domain=example.com',
    ]);
  });

  it('on localhost or an IP address only host-only deletions are possible', () => {
    expect(cookieDeletions('_fbp', '127.0.0.1', '/')).toEqual(['_fbp=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/']);
  });
});
