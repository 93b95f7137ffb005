/**
 * The demo serves its pages through Consentry's Vite plugin (demo/tag-pages.mjs):
 * the snippets it pastes as published reach the browser tagged, and the config
 * says the guard needs no markup observer. (demo.test.ts checks, in Chromium,
 * that the first page view leaks nothing and the monitor shows nothing.)
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startDemo, type DemoServer } from '../../demo/server.mjs';
// @ts-expect-error -- plain .mjs data module of the demo
import { GOOGLE_TAG, META_PIXEL } from '../../demo/snippets.mjs';

let demo: DemoServer;
beforeAll(async () => {
  demo = await startDemo({ port: 0, quiet: true });
});
afterAll(() => demo?.close());

it('serves every page with the pasted snippets tagged and observeMarkup: false in its config', async () => {
  expect(GOOGLE_TAG).toContain('<script async src="https://www.googletagmanager.com/gtag/js?id=');
  for (const path of ['/', '/pricing', '/privacy', '/newsletter', '/try/gpc']) {
    const html = await (await fetch(demo.origin + path)).text();
    expect(html, path).toContain('<script type="text/plain" data-consent="analytics" async src="https://www.googletagmanager.com/gtag/js?id=');
    expect(html, path).toContain(META_PIXEL.replace('<script>', '<script type="text/plain" data-consent="advertising">'));
    expect(html, path).toMatch(/<script type="application\/json" id="consentry-config">\n\{\n {2}"observeMarkup": false,\n {2}"policy": \{/);
  }
});
