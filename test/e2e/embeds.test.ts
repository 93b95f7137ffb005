/**
 * Embeds pasted as published, in real Chromium, one row per vendor
 * (`TEST_EMBEDS`, test/e2e/vendors.ts): the vendor's `<iframe>` in the HTML
 * (seen by the markup observer) and the same markup inserted by a script
 * (`innerHTML`), under an English and a Chinese browser. Before consent the
 * page asks the vendor for nothing (from the HTML: at most the navigation the
 * parser started before any script ran, stopped there) and shows a placeholder naming the vendor
 * and the category in the visitor's language; its button allows the category
 * and the player loads, once. YouTube's page has no config (a built-in rule);
 * the others' pages add README "Embeds"' rules (src/core/embed-rules.ts).
 * Uses the built dist/consentry.js (`npm run build` first).
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, startServer, type TestServer } from './harness';
import { BUILTIN_RULES } from '../../src/core/rules';
import { EMBED_RULES } from '../../src/core/embed-rules';
import { ruleForUrl } from '../../src/core/url-match';
import { routeVendors, TEST_EMBEDS } from './vendors';

/** Whether the guard holds this embed with its built-in rules alone (else the page's config adds README "Embeds"' rules). */
const builtIn = (iframe: string) => !!ruleForUrl(BUILTIN_RULES, new URL(/\ssrc=["']?([^"'\s>]+)/.exec(iframe)![1]!.replace(/&amp;/g, '&'), 'https://site.test/'));

let browser: Browser;
let server: TestServer;

/** `/test/e2e/embed/<id>?insert=html|script`: a page with the guard first and the vendor's embed, pasted or inserted. */
const PAGE = /^\/test\/e2e\/embed\/([\w-]+)\?insert=(html|script)$/;

beforeAll(async () => {
  server = await startServer();
  server.handle((req, res) => {
    const [, id, insert] = PAGE.exec(req.url ?? '') ?? [];
    const embed = TEST_EMBEDS.find((e) => e.id === id);
    if (!embed) return false;
    // No lang attribute: the placeholder follows the browser's language.
    const body =
      insert === 'html'
        ? embed.iframe
        : `<div id="box"></div><script>document.getElementById('box').innerHTML = ${JSON.stringify(embed.iframe).replace(/</g, '\\u003c')};</script>`;
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    const config = builtIn(embed.iframe) ? '' : `<script type="application/json" id="consentry-config">${JSON.stringify({ rules: EMBED_RULES })}</script>`;
    res.end(`<!doctype html><html><head><meta charset="utf-8">${config}<script src="/dist/consentry.js"></script><title>${embed.id}</title></head><body>${body}</body></html>`);
    return true;
  });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const CATEGORY_TEXTS = {
  en: { advertising: 'Advertising', analytics: 'Analytics', text: (c: string) => `${c} cookies are needed to show this content.`, button: (c: string) => `Allow ${c}` },
  'zh-CN': { advertising: '广告', analytics: '统计分析', text: (c: string) => `显示此内容需要允许“${c}”。`, button: (c: string) => `允许${c}` },
} as const;

describe.each(TEST_EMBEDS)('$id embed, pasted as published', (embed) => {
  it.each([
    ['in the HTML', 'an English', 'html', 'en-US', 'en'],
    ['inserted by a script', 'a Chinese', 'script', 'zh-CN', 'zh-CN'],
  ] as const)('%s, in %s browser: nothing is requested before consent; the placeholder names the vendor and category, and its button loads the player once', async (_how, _browser, insert, locale, language) => {
    const context = await browser.newContext({ locale });
    try {
      const traffic = await routeVendors(context, server.origin);
      const page = await context.newPage();
      await page.goto(`${server.origin}/test/e2e/embed/${embed.id}?insert=${insert}`);
      const texts = CATEGORY_TEXTS[language];
      const category = texts[embed.category];

      const placeholder = page.locator('.consentry-placeholder');
      await expect.poll(() => placeholder.count()).toBe(1);
      expect(await placeholder.locator('.consentry-placeholder-vendor').textContent()).toBe(embed.name[language]);
      expect(await placeholder.locator('p').textContent()).toBe(texts.text(category));
      expect(await page.locator('iframe').isVisible()).toBe(false);
      // Absence of a request can only be seen over time: a frame left loading would have asked by now.
      await page.evaluate(() => window.consentry!.ready.then(() => new Promise((resolve) => setTimeout(resolve, 500))));
      const documents = () => traffic.requests.filter((r) => r.vendor === embed.id && r.type === 'document').length;
      const early = traffic.requests.map((r) => [r.vendor, r.kind, r.type]);
      if (insert === 'script') expect(early).toEqual([]);
      else {
        // From the HTML the parser may start the frame's navigation before any script runs (as the preload scanner
        // fetches): the guard stops it there, so the player never shows; the tagging tool writes it tagged instead.
        expect(early.length).toBeLessThanOrEqual(1);
        expect(early.every(([vendor, kind, type]) => vendor === embed.id && kind === 'embed' && type === 'document')).toBe(true);
        expect(await page.locator('iframe').getAttribute('src')).toBe('about:blank');
      }

      await placeholder.getByRole('button', { name: texts.button(category) }).click();
      // The player loads: the frame shows the vendor's document (the stand-in titles it with the vendor id).
      await expect.poll(() => Promise.all(page.frames().map((frame) => frame.title().catch(() => '')))).toContain(embed.id);
      expect(await page.locator('.consentry-placeholder').count()).toBe(0);
      expect(await page.locator('iframe').isVisible()).toBe(true);
      expect(await page.evaluate((id) => window.consentry!.has(id), embed.category)).toBe(true);
      await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 300)));
      // Once: one request for the player (after a stopped navigation from the HTML, that one and this one), nothing else.
      expect(traffic.requests.every((r) => r.vendor === embed.id && r.kind === 'embed' && r.type === 'document')).toBe(true);
      if (insert === 'script') expect(documents()).toBe(1);
      else expect([1, 2]).toContain(documents());
    } finally {
      await context.close();
    }
  });
});
