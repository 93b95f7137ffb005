import { describe, expect, it } from 'vitest';
import { fireEvent, screen, within } from '@testing-library/preact';
import { fakeHost } from './fake-host';
import { openUi } from './open-ui';
import { defaultConfig } from '../../src/core/defaults';

const XSS = '<img src=x onerror=alert(1)>';

describe('languages', () => {
  it('switches the banner to Chinese and back, with the lang attribute', () => {
    openUi('banner', fakeHost());
    const region = screen.getByRole('region', { name: 'Cookies on this site' });
    expect(region.getAttribute('lang')).toBe('en');
    fireEvent.click(screen.getByRole('button', { name: '中文' }));
    const zh = screen.getByRole('region', { name: '本网站使用 Cookie' });
    expect(zh.getAttribute('lang')).toBe('zh-CN');
    expect(screen.getByRole('button', { name: '全部接受' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '全部拒绝' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '自定义设置' })).toBeTruthy();
    // With two languages the switch is one button naming the other one, in its own language.
    expect(screen.queryByRole('button', { name: '中文' })).toBeNull();
    expect(screen.getByRole('button', { name: 'English' }).getAttribute('lang')).toBe('en');
    fireEvent.click(screen.getByRole('button', { name: 'English' }));
    expect(screen.getByRole('button', { name: 'Accept all' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '中文' }).getAttribute('lang')).toBe('zh-CN');
  });

  it('the centre switches language too, category names included', () => {
    openUi('preferences', fakeHost());
    fireEvent.click(screen.getByRole('button', { name: '中文' }));
    const dialog = screen.getByRole('dialog', { name: '隐私设置' });
    expect(dialog.getAttribute('lang')).toBe('zh-CN');
    expect(screen.getByRole('switch', { name: '统计分析' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '保存设置' })).toBeTruthy();
  });

  it.each([
    ['config.language wins', { configPatch: { language: 'zh-CN' } }, 'en', 'zh-CN'],
    ["the guard's pick (from <html lang>)", { language: 'zh-CN' }, '', 'zh-CN'],
    ['<html lang> when the guard said nothing useful', { language: 'xx' }, 'zh-Hans', 'zh-CN'],
    ['English otherwise', { language: 'xx' }, 'xx', 'en'],
  ] as const)('%s', (_name, hostPatch, htmlLang, expected) => {
    document.documentElement.lang = htmlLang;
    openUi('banner', fakeHost(hostPatch as Parameters<typeof fakeHost>[0]));
    expect(document.querySelector('[data-consentry="banner"]')?.getAttribute('lang')).toBe(expected);
  });

  it('site owners override strings and add a language that falls back to English', () => {
    openUi(
      'banner',
      fakeHost({
        configPatch: {
          translations: { en: { 'actions.manage': 'Let me choose' }, fr: { 'language.name': 'Français', 'actions.acceptAll': 'Tout accepter' } },
        },
      }),
    );
    expect(screen.getByRole('button', { name: 'Let me choose' })).toBeTruthy();
    // Three languages: a group of buttons, the current one pressed.
    const group = screen.getByRole('group', { name: 'Language' });
    expect(within(group).getAllByRole('button').map((b) => [b.textContent, b.getAttribute('aria-pressed')])).toEqual([
      ['English', 'true'],
      ['中文', 'false'],
      ['Français', 'false'],
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Français' }));
    expect(screen.getByRole('button', { name: 'Tout accepter' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Reject all' })).toBeTruthy();
    expect(document.querySelector('[data-consentry="banner"]')?.getAttribute('lang')).toBe('fr');
  });
});

describe('category texts', () => {
  it('come from the built-in texts by id, in the visitor\'s language, with owner overrides first', () => {
    const host = fakeHost({
      configPatch: { translations: { 'zh-CN': { 'category.analytics.name': '访问统计' } } },
    });
    host.config.categories.push({ id: 'chat', name: { en: 'Live chat' }, description: { en: 'Lets you talk to support.' }, vendors: [] });
    openUi('preferences', host);
    const analytics = document.querySelector('[data-category="analytics"]')!;
    expect(analytics.textContent).toContain('Count visits and show which pages are used and how');
    fireEvent.click(screen.getByRole('button', { name: '中文' }));
    expect(screen.getByRole('switch', { name: '访问统计' })).toBeTruthy();
    expect(analytics.textContent).toContain('统计访问量，了解哪些页面被使用');
    // A category the owner wrote only in English shows in English rather than not at all.
    expect(screen.getByRole('switch', { name: 'Live chat' })).toBeTruthy();
    expect(document.querySelector('[data-category="chat"]')?.textContent).toContain('Lets you talk to support.');
  });
});

describe('safety', () => {
  it('shows markup in config and translation strings as characters', () => {
    const host = fakeHost({
      configPatch: { translations: { en: { 'banner.title': XSS } } },
    });
    host.config.categories[2] = { ...host.config.categories[2], name: { en: XSS }, description: { en: `<script>alert(2)</script>` } };
    openUi('banner', host);
    expect(screen.getByRole('region', { name: XSS }).querySelector('h2')?.textContent).toBe(XSS);
    fireEvent.click(screen.getByRole('button', { name: 'Manage choices' }));
    expect(screen.getByRole('switch', { name: XSS })).toBeTruthy();
    expect(document.body.textContent).toContain('<script>alert(2)</script>');
    expect(document.querySelectorAll('#consentry-root img, #consentry-root script')).toHaveLength(0);
  });

  it.each(['javascript:alert(1)', 'data:text/html,hi', '//evil.example/privacy', ' java\nscript:alert(1)'])('does not link the policy URL %j', (url) => {
    const host = fakeHost({ configPatch: { policy: { ...defaultConfig().policy, url } } });
    openUi('banner', host);
    expect(screen.queryByRole('link', { name: 'Privacy policy' })).toBeNull();
    expect(screen.getByText('Privacy policy').tagName).toBe('SPAN');
  });

  it('links an https policy URL, opening off-site in a new tab without opener', () => {
    const host = fakeHost({ configPatch: { policy: { ...defaultConfig().policy, url: 'https://legal.example/privacy' } } });
    openUi('banner', host);
    const link = screen.getByRole('link', { name: 'Privacy policy' });
    expect([link.getAttribute('href'), link.getAttribute('target'), link.getAttribute('rel')]).toEqual([
      'https://legal.example/privacy',
      '_blank',
      'noopener noreferrer',
    ]);
  });

  it('renders no inline handlers or style attributes', () => {
    openUi('preferences', fakeHost());
    const attributes = Array.from(document.querySelectorAll('#consentry-root *')).flatMap((el) => Array.from(el.attributes).map((a) => a.name));
    expect(attributes.filter((name) => name.startsWith('on') || name === 'style')).toEqual([]);
  });
});
