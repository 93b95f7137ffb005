/** Putting the guard and the config on a page that lacks them (the Vite plugin's first step). */
import { describe, expect, it } from 'vitest';
import { injectGuard } from '../../../src/tagger';

const SRC = '/consentry/consentry.js';
const GUARD = `<script src="${SRC}"></script>`;

describe('injectGuard', () => {
  it('puts the config and the guard first in <head>, after a leading <meta charset>', () => {
    const html = '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>x</title>\n<script src="/app.js"></script>\n</head>\n<body></body>\n</html>\n';
    const result = injectGuard(html, { src: SRC, config: { policy: { url: '/privacy' } } });
    expect(result.html).toBe(html.replace('<meta charset="utf-8">', `<meta charset="utf-8">\n<script type="application/json" id="consentry-config">{"policy":{"url":"/privacy"}}</script>${GUARD}`));
    expect(result.added).toEqual(['config', 'guard']);
  });

  it('puts them right after <head> when it does not start with the charset, and escapes "<" in the config', () => {
    const html = '<html><head><title>x</title></head></html>';
    expect(injectGuard(html, { src: SRC, config: { translations: { en: { 'banner.title': '</script><script>alert(1)</script>' } } } }).html).toBe(
      '<html><head>\n<script type="application/json" id="consentry-config">{"translations":{"en":{"banner.title":"\\u003c/script>\\u003cscript>alert(1)\\u003c/script>"}}}</script>' +
        GUARD +
        '<title>x</title></head></html>',
    );
  });

  it('works on a page without <head> or <html> tags, and carries a nonce', () => {
    expect(injectGuard('<!doctype html><p>hi', { src: SRC, nonce: 'r4nd"m' }).html).toBe(`<!doctype html>\n<script src="${SRC}" nonce="r4nd&quot;m"></script><p>hi`);
    expect(injectGuard('<p>hi', { src: SRC }).html).toBe(`\n${GUARD}<p>hi`);
  });

  it('leaves a page that has them alone (its own config wins over the one given)', () => {
    const html = `<head><script type="application/json" id="consentry-config">{}</script><script src="/vendor/consentry.js?v=2"></script></head>`;
    expect(injectGuard(html, { src: SRC, config: { consentMode: true } })).toEqual({ html, added: [] });
  });
});
