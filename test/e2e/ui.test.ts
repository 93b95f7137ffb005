/**
 * The banner and preference centre in real Chromium: accessibility (axe-core,
 * both languages, both themes), keyboard focus, strict CSP, layout shift and
 * a 320 px viewport — on a first visit to a page with the real guard, which
 * loads the UI itself (one test uses the stand-in host of pages/ui-host.js).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, ROOT, startServer, type TestServer } from './harness';

let browser: Browser;
let server: TestServer;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  [browser, server] = await Promise.all([launchChromium(), startServer()]);
});
afterAll(async () => {
  await Promise.all(contexts.map((c) => c.close()));
  await browser?.close();
  await server?.close();
});

/**
 * A first visit to a page with the real guard (a fresh browser context, so
 * no stored choice): the guard loads the UI and opens the banner. `lang`
 * switches with the UI's own language buttons; `view=preferences` opens the
 * centre through the public API.
 */
async function openPage(query = '', options: { width?: number; colorScheme?: 'light' | 'dark' } = {}): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: 800 },
    colorScheme: options.colorScheme ?? 'light',
    reducedMotion: 'reduce',
  });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(`${server.origin}/test/e2e/pages/ui-guard.html`);
  await page.waitForSelector('[data-consentry="banner"]');
  const params = new URLSearchParams(query);
  if (params.get('lang') === 'zh-CN') {
    // The Chinese texts are a separate data script, loaded when the visitor switches.
    await page.click('[data-consentry="banner"] button[lang="zh-CN"]');
    await page.waitForSelector('[data-consentry="banner"][lang="zh-CN"]');
  }
  if (params.get('view') === 'preferences') {
    await page.evaluate(() => (window as unknown as { consentry: { showPreferences(): Promise<void> } }).consentry.showPreferences());
    await page.waitForSelector('[data-consentry="preferences"]');
  }
  return page;
}

async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: `${ROOT}node_modules/axe-core/axe.min.js` });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: unknown): Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } }).axe;
    const result = await axe.run(document);
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
  });
}

/** Text (or aria-label) of the focused element, to follow the tab order. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return '';
    const label = el instanceof HTMLInputElement ? el.labels?.[0]?.textContent : null;
    return (label ?? el.getAttribute('aria-label') ?? el.textContent ?? '').trim() || el.tagName;
  });

describe('texts per language', () => {
  it('an English visitor downloads only the English texts; switching to Chinese loads them then', async () => {
    const context = await browser.newContext();
    contexts.push(context);
    const page = await context.newPage();
    const texts: string[] = [];
    page.on('request', (request) => {
      const file = /consentry-ui\.([^/]+)\.js$/.exec(request.url());
      if (file) texts.push(file[1]!);
    });
    await page.goto(`${server.origin}/test/e2e/pages/ui-guard.html`);
    await page.waitForSelector('[data-consentry="banner"]');
    expect(texts).toEqual(['en']);
    expect(await page.textContent('[data-consentry="banner"] h2')).toBe('Cookies on this site');
    await page.click('[data-consentry="banner"] button[lang="zh-CN"]');
    await page.waitForSelector('[data-consentry="banner"][lang="zh-CN"]');
    expect(texts).toEqual(['en', 'zh-CN']);
    expect(await page.textContent('[data-consentry="banner"] h2')).toBe('本网站使用 Cookie');
    await page.close();
  });
});

/** A fresh visit to ui-guard.html served with `<html lang="zh-CN">`, recording which text files the browser fetched. */
async function chineseVisit(query = ''): Promise<{ page: Page; texts: string[] }> {
  const context = await browser.newContext({ locale: 'zh-CN' });
  contexts.push(context);
  const page = await context.newPage();
  await page.route('**/test/e2e/pages/ui-guard.html*', async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, body: (await response.text()).replace('<html lang="en">', '<html lang="zh-CN">') });
  });
  const texts: string[] = [];
  page.on('request', (request) => {
    const file = /consentry-ui\.([^/]+)\.js$/.exec(request.url());
    if (file) texts.push(file[1]!);
  });
  await page.goto(`${server.origin}/test/e2e/pages/ui-guard.html${query}`);
  return { page, texts };
}

describe('texts a Chinese visitor downloads', () => {
  it('only the Chinese texts for the banner and the centre (they are complete, English is not a needed fallback)', async () => {
    const { page, texts } = await chineseVisit();
    await page.waitForSelector('[data-consentry="banner"][lang="zh-CN"]');
    expect(await page.textContent('[data-consentry="banner"] h2')).toBe('本网站使用 Cookie');
    await page.click('[data-action="manage"]');
    await page.waitForSelector('[data-consentry="preferences"]');
    expect(await page.textContent('[data-consentry="preferences"] h2')).toBe('隐私设置');
    expect(texts).toEqual(['zh-CN']);
    // Switching to English loads it then.
    await page.click('[data-consentry="preferences"] button[lang="en"]');
    await page.waitForSelector('[data-consentry="preferences"][lang="en"]');
    expect(await page.textContent('[data-consentry="preferences"] h2')).toBe('Privacy preferences');
    expect(texts).toEqual(['zh-CN', 'en']);
    await page.close();
  });

  it('only the Chinese texts for the bilingual unsubscribe confirmation, whose English part comes with them', async () => {
    const { page, texts } = await chineseVisit('?unsubscribe=weekly-news&token=Tok_12345678.ab');
    const dialog = page.locator('[data-consentry="unsubscribe"]');
    await dialog.waitFor();
    expect(await dialog.getAttribute('lang')).toBe('zh-CN');
    expect(await dialog.locator('h2').textContent()).toBe('退订成功');
    expect(await dialog.locator('[data-consentry="second-language"]').getAttribute('lang')).toBe('en');
    expect(await dialog.locator('[data-consentry="second-language"]').textContent()).toBe(
      "You're unsubscribed — You won't receive “weekly-news” emails from us any more. We'll still send service announcements, such as security and payment notices.",
    );
    expect(texts).toEqual(['zh-CN']);
    await page.close();
  });
});

describe('axe-core finds no violations', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    for (const lang of ['en', 'zh-CN']) {
      it(`banner and preference centre, ${lang}, ${colorScheme}`, async () => {
        const page = await openPage(`?lang=${lang}`, { colorScheme });
        expect(await page.getAttribute('[data-consentry="banner"]', 'lang')).toBe(lang);
        expect(await axeViolations(page)).toEqual([]);
        await page.click('[data-action="manage"]');
        await page.click('.consentry-vendors summary');
        expect(await axeViolations(page)).toEqual([]);
        await page.click('[data-section="optouts"]');
        expect(await axeViolations(page)).toEqual([]);
        await page.close();
      });
    }
  }
});

describe('axe-core on the other views', () => {
  it('unsubscribe confirmation, policy notice, settings button, opt-outs with GPC, your data', async () => {
    const context = await browser.newContext({ reducedMotion: 'reduce' });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${server.origin}/test/e2e/pages/ui-banner.html?view=unsubscribe&unsubscribe=Product%20news&policyChanged=1&gpc=1`);
    await page.waitForSelector('[data-consentry="unsubscribe"]');
    expect(await axeViolations(page)).toEqual([]);
    await page.click('[data-action="close"]');
    await page.click('[data-action="reject-all"]');
    await page.waitForSelector('.consentry-policy');
    expect(await axeViolations(page)).toEqual([]);
    await page.click('[data-consentry-settings]');
    await page.click('[data-section="optouts"]');
    await page.waitForSelector('[data-consentry="gpc"]');
    expect(await axeViolations(page)).toEqual([]);
    await page.click('[data-section="data"]');
    await page.waitForSelector('[data-consentry="history"]');
    expect(await axeViolations(page)).toEqual([]);
  });

  it("the 'notice' view alone (Chinese, dark): accessible, and Dismiss remembers the policy version", async () => {
    const context = await browser.newContext({ reducedMotion: 'reduce', colorScheme: 'dark' });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${server.origin}/test/e2e/pages/ui-banner.html?view=notice&policyChanged=1&lang=zh-CN`);
    await page.waitForSelector('.consentry-policy');
    expect(await page.$('[data-consentry="banner"], [role="dialog"], [data-consentry-settings]')).toBeNull();
    expect(await axeViolations(page)).toEqual([]);
    await page.click('.consentry-policy button');
    await page.waitForSelector('.consentry-policy', { state: 'detached' });
    expect(await page.evaluate(() => localStorage.getItem('consentry:notice'))).toBe('2021-10-24');
    await page.close();
  });
});

describe('keyboard', () => {
  it('the banner is first in the tab order: the two answers, then "Manage choices", the policy link, the language switch and ×', async () => {
    const page = await openPage();
    const order: string[] = [];
    for (let i = 0; i < 7; i++) {
      await page.keyboard.press('Tab');
      order.push(await focused(page));
    }
    expect(order).toEqual(['Accept all', 'Reject all', 'Manage choices', 'Privacy policy', '中文', 'Close without choosing (only necessary cookies are used)', 'See pricing']);
    await page.close();
  });

  it('the centre takes focus, traps Tab and Shift+Tab, closes on Escape and gives focus back', async () => {
    const page = await openPage();
    await page.focus('[data-action="manage"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[role="dialog"]');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('dialog');
    const inside = () => page.evaluate(() => !!document.activeElement?.closest('[role="dialog"]'));
    const seen: string[] = [];
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab');
      expect(await inside()).toBe(true);
      seen.push(await focused(page));
    }
    // The cycle wraps: the first stop (the language switch) comes round again, and every footer button was reached.
    expect(seen.filter((s) => s === '中文').length).toBeGreaterThan(1);
    expect(seen).toEqual(expect.arrayContaining(['Save choices', 'Accept all', 'Reject all', 'Analytics']));
    await page.focus('[role="dialog"] [lang="zh-CN"]');
    await page.keyboard.press('Shift+Tab');
    expect(await focused(page)).toBe('Reject all');
    await page.keyboard.press('Escape');
    await page.waitForSelector('[role="dialog"]', { state: 'detached' });
    expect(await focused(page)).toBe('Manage choices');
    expect(await page.evaluate(() => (window as unknown as { consentry: { get(): { record: unknown } } }).consentry.get().record)).toBeNull();
    await page.close();
  });

  it('a switch toggles with Space and Save records it', async () => {
    const page = await openPage('?view=preferences');
    await page.focus('#consentry-cat-analytics');
    await page.keyboard.press('Space');
    expect(await page.isChecked('#consentry-cat-analytics')).toBe(true);
    await page.click('[data-action="save"]');
    await page.waitForSelector('[data-consentry-settings]');
    await page.waitForFunction(
      () => (window as unknown as { consentry: { get(): { record: { method: string } | null } } }).consentry.get().record?.method === 'custom',
    );
    expect(
      await page.evaluate(() => (window as unknown as { consentry: { get(): { record: { categories: Record<string, boolean> } } } }).consentry.get().record.categories),
    ).toEqual({ necessary: true, preferences: false, analytics: true, advertising: false, email: false });
    await page.close();
  });
});

describe('page safety and layout', () => {
  it('no CSP violations under a strict policy', async () => {
    server.headers['content-security-policy'] = "default-src 'self'; script-src 'self'; style-src 'self'";
    try {
      const context = await browser.newContext();
      contexts.push(context);
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('console', (msg) => {
        if (msg.location().url.endsWith('/favicon.ico')) return;
        if (msg.type() === 'error' || /Content Security Policy/i.test(msg.text())) problems.push(msg.text());
      });
      page.on('pageerror', (error) => problems.push(error.message));
      await page.goto(`${server.origin}/test/e2e/pages/ui-banner.html?lang=zh-CN&policyChanged=1`);
      await page.waitForSelector('[data-consentry="banner"]');
      await page.click('[data-action="manage"]');
      await page.click('[data-section="data"]');
      await page.click('[data-section="cookies"]');
      await page.click('[data-action="accept-all"]');
      await page.waitForSelector('[data-consentry-settings]');
      // Stand-in host here, to cover the policy-change notice and Chinese; test/e2e/ui-guard.test.ts runs the guard's path under the same CSP.
      // The stylesheet really applied (a CSP block would leave the banner unstyled).
      expect(await page.evaluate(() => getComputedStyle(document.querySelector('.consentry-settings')!).position)).toBe('fixed');
      expect(problems).toEqual([]);
      await page.close();
    } finally {
      delete server.headers['content-security-policy'];
    }
  });

  it('under a nonce-only script policy the guard, the UI and both text files load with the nonce (switch included)', async () => {
    server.headers['content-security-policy'] = "default-src 'self'; script-src 'nonce-n0nce'; style-src 'self'";
    try {
      const context = await browser.newContext();
      contexts.push(context);
      const page = await context.newPage();
      await page.route('**/test/e2e/pages/ui-guard.html', async (route) => {
        const response = await route.fetch();
        const body = (await response.text())
          .replace('<script src="/dist/consentry.js">', '<script nonce="n0nce" src="/dist/consentry.js">')
          .replace('"ui": { "settingsButton": "bottom-right" }', '"ui": { "settingsButton": "bottom-right", "nonce": "n0nce" }');
        await route.fulfill({ response, body });
      });
      const problems: string[] = [];
      page.on('console', (msg) => {
        if (msg.type() === 'error' || /Content Security Policy/i.test(msg.text())) problems.push(msg.text());
      });
      page.on('pageerror', (error) => problems.push(error.message));
      await page.goto(`${server.origin}/test/e2e/pages/ui-guard.html`);
      await page.waitForSelector('[data-consentry="banner"][lang="en"]');
      expect(await page.textContent('[data-consentry="banner"] h2')).toBe('Cookies on this site');
      await page.click('[data-consentry="banner"] button[lang="zh-CN"]');
      await page.waitForSelector('[data-consentry="banner"][lang="zh-CN"]');
      expect(await page.textContent('[data-consentry="banner"] h2')).toBe('本网站使用 Cookie');
      expect(problems).toEqual([]);
      await page.close();
    } finally {
      delete server.headers['content-security-policy'];
    }
  });

  it('the banner appears with no layout shift (CLS 0)', async () => {
    const context = await browser.newContext({ reducedMotion: 'no-preference' });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${server.origin}/test/e2e/pages/ui-guard.html`);
    await page.waitForSelector('[data-consentry="banner"]');
    const shifts = await page.evaluate(
      () =>
        new Promise<number[]>((resolve) => {
          const values: number[] = [];
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries()) values.push((entry as unknown as { value: number }).value);
          }).observe({ type: 'layout-shift', buffered: true });
          // Two frames after the banner: any shift it caused has been reported by now.
          requestAnimationFrame(() => requestAnimationFrame(() => resolve(values)));
        }),
    );
    expect(shifts).toEqual([]);
    await page.close();
  });

  it.each([
    ['banner', ''],
    ['preference centre', '?view=preferences'],
    ['Chinese preference centre', '?view=preferences&lang=zh-CN'],
  ])('%s fits a 320 px viewport without horizontal scrolling', async (_name, query) => {
    const page = await openPage(query, { width: 320 });
    if (query) await page.click('.consentry-vendors summary');
    const widths = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
    expect(widths).toEqual([320, 320]);
    const overflowing = await page.evaluate(() =>
      Array.from(document.querySelectorAll('#consentry-root *'))
        .filter((el) => el.getBoundingClientRect().right > 320.5 && !el.closest('.consentry-table-wrap'))
        .map((el) => el.className || el.tagName),
    );
    expect(overflowing).toEqual([]);
    await page.close();
  });
});

/** A first visit through the real guard at a given viewport, in `lang`, with the banner's `layout`. */
async function bannerPage(viewport: { width: number; height: number }, lang: string, layout?: 'box'): Promise<Page> {
  const context = await browser.newContext({ viewport, reducedMotion: 'reduce', locale: lang });
  contexts.push(context);
  const page = await context.newPage();
  await page.route('**/test/e2e/pages/ui-guard.html', async (route) => {
    const response = await route.fetch();
    let body = (await response.text()).replace('<html lang="en">', `<html lang="${lang}">`);
    if (layout) body = body.replace('"ui": { "settingsButton": "bottom-right" }', `"ui": { "settingsButton": "bottom-right", "layout": "${layout}" }`);
    await route.fulfill({ response, body });
  });
  await page.goto(`${server.origin}/test/e2e/pages/ui-guard.html`);
  await page.waitForSelector(`[data-consentry="banner"][lang="${lang}"]`);
  await page.evaluate(() => document.fonts.ready);
  return page;
}

const boxOf = (page: Page, selector: string) =>
  page.$eval(selector, (el) => {
    const r = el.getBoundingClientRect();
    return { left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height };
  });

describe('a compact banner', () => {
  for (const lang of ['en', 'zh-CN']) {
    it(`covers at most 40 % of a 360 × 640 phone (${lang}), the answers side by side`, async () => {
      const page = await bannerPage({ width: 360, height: 640 }, lang);
      const banner = await boxOf(page, '[data-consentry="banner"]');
      expect(banner.bottom).toBe(640);
      expect(banner.height / 640).toBeLessThanOrEqual(0.4);
      const [accept, reject] = await Promise.all([boxOf(page, '[data-action="accept-all"]'), boxOf(page, '[data-action="reject-all"]')]);
      expect(accept.top).toBe(reject.top);
      await page.close();
    });

    it(`is a bar at most 160 px tall at 1280 × 800, or a corner box with ui.layout "box" (${lang})`, async () => {
      const bar = await bannerPage({ width: 1280, height: 800 }, lang);
      const barBox = await boxOf(bar, '[data-consentry="banner"]');
      expect([barBox.left, barBox.right, barBox.bottom]).toEqual([0, 1280, 800]);
      expect(barBox.height).toBeLessThanOrEqual(160);
      await bar.close();
      const corner = await bannerPage({ width: 1280, height: 800 }, lang, 'box');
      const box = await boxOf(corner, '[data-consentry="banner"]');
      // In the bottom-right corner, clear of the edges, and far narrower than the viewport.
      expect(box.right).toBeGreaterThan(1240);
      expect(box.right).toBeLessThan(1280);
      expect(box.bottom).toBeGreaterThan(760);
      expect(box.bottom).toBeLessThan(800);
      expect(box.width).toBeLessThanOrEqual(420);
      expect(box.height).toBeLessThanOrEqual(800 * 0.4);
      await corner.close();
    });
  }

  it('"Accept all" and "Reject all" are identical in size, colour and weight and first in the tab order; "Manage choices" is a link', async () => {
    for (const lang of ['en', 'zh-CN']) {
      const page = await bannerPage({ width: 360, height: 640 }, lang);
      const look = (selector: string) =>
        page.$eval(selector, (el) => {
          const style = getComputedStyle(el);
          const r = el.getBoundingClientRect();
          return { width: r.width, height: r.height, background: style.backgroundColor, color: style.color, weight: style.fontWeight, size: style.fontSize, border: style.borderTopColor };
        });
      const [accept, reject, manage] = await Promise.all([look('[data-action="accept-all"]'), look('[data-action="reject-all"]'), look('[data-action="manage"]')]);
      expect(reject).toEqual(accept);
      // Secondary: no fill and no box of its own, smaller than the answers.
      expect(manage.background).toBe('rgba(0, 0, 0, 0)');
      expect(manage.height).toBeLessThan(accept.height);
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-action'))).toBe('accept-all');
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-action'))).toBe('reject-all');
      await page.close();
    }
  });
});

describe('the preference centre keeps its shape', () => {
  for (const width of [360, 1280]) {
    it(`switching tabs starts each at its top and keeps the dialog's size and place (${width} px)`, async () => {
      const page = await bannerPage({ width, height: width === 360 ? 640 : 800 }, 'en');
      await page.click('[data-action="manage"]');
      await page.waitForSelector('[data-consentry="preferences"]');
      const dialog = () => boxOf(page, '[data-consentry="preferences"]');
      const scrollTop = () => page.$eval('.consentry-dialog-body', (el) => el.scrollTop);
      const first = await dialog();
      const scrolledBefore: number[] = [];
      for (const section of ['optouts', 'data', 'cookies', 'optouts']) {
        // Scrolled down in the tab before (as far as it scrolls), as a visitor reading it would be.
        await page.$eval('.consentry-dialog-body', (el) => el.scrollTo(0, el.scrollHeight));
        scrolledBefore.push(await scrollTop());
        await page.click(`[data-section="${section}"]`);
        await page.waitForSelector(`[data-section="${section}"][aria-current="true"]`);
        expect(await scrollTop()).toBe(0);
        expect(await dialog()).toEqual(first);
      }
      // The cookies tab (before the first and the last switch) is longer than the dialog: it really was scrolled.
      expect(scrolledBefore[0]).toBeGreaterThan(0);
      expect(scrolledBefore[3]).toBeGreaterThan(0);
      // The tab's heading is in view at the top of the body.
      const heading = await boxOf(page, '#consentry-optouts-title');
      const body = await boxOf(page, '.consentry-dialog-body');
      expect(heading.top).toBeGreaterThanOrEqual(body.top);
      expect(heading.bottom).toBeLessThan(body.top + 60);
      await page.close();
    });
  }

  it('on a phone the title stays whole words and header plus tabs stay compact', async () => {
    const page = await bannerPage({ width: 320, height: 640 }, 'en');
    await page.click('[data-action="manage"]');
    await page.waitForSelector('[data-consentry="preferences"]');
    // One line: a title broken inside a word ("preferenc / es") would be two.
    const title = await page.$eval('#consentry-dialog-title', (el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      return { lines: new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size, text: el.textContent };
    });
    expect(title).toEqual({ lines: 1, text: 'Privacy preferences' });
    const nav = await boxOf(page, '.consentry-nav');
    const dialog = await boxOf(page, '[data-consentry="preferences"]');
    expect(nav.bottom - dialog.top).toBeLessThanOrEqual(110);
    await page.close();
  });

  it('"Save choices" is the primary button, "Accept all" and "Reject all" equal secondaries; "Delete my choices" is destructive and asks first', async () => {
    const page = await bannerPage({ width: 1280, height: 800 }, 'en');
    await page.click('[data-action="manage"]');
    await page.waitForSelector('[data-consentry="preferences"]');
    const look = (selector: string) =>
      page.$eval(selector, (el) => {
        const style = getComputedStyle(el);
        const r = el.getBoundingClientRect();
        return { width: Math.round(r.width), height: r.height, background: style.backgroundColor, color: style.color, weight: style.fontWeight, border: style.borderTopColor };
      });
    const foot = '[data-consentry="preferences"] .consentry-dialog-foot';
    const [save, accept, reject] = await Promise.all([look(`${foot} [data-action="save"]`), look(`${foot} [data-action="accept-all"]`), look(`${foot} [data-action="reject-all"]`)]);
    expect(reject).toEqual(accept);
    expect(accept.background).toBe('rgba(0, 0, 0, 0)');
    expect(save.background).not.toBe('rgba(0, 0, 0, 0)');
    expect([save.width, save.height]).toEqual([accept.width, accept.height]);
    await page.click('[data-section="data"]');
    const [download, remove] = await Promise.all([look('[data-action="download"]'), look('[data-action="delete"]')]);
    expect(remove.color).not.toBe(download.color);
    expect(remove.border).not.toBe(download.border);
    await page.click('[data-action="delete"]');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-action'))).toBe('delete-cancel');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-action'))).toBe('delete');
    await page.close();
  });
});

describe("the preference centre's bundle", () => {
  /** A first visit through the guard, recording which UI files the browser fetched. */
  async function visit(options: { nonce?: boolean } = {}) {
    const context = await browser.newContext({ reducedMotion: 'reduce' });
    contexts.push(context);
    const page = await context.newPage();
    if (options.nonce) {
      await page.route('**/test/e2e/pages/ui-guard.html', async (route) => {
        const response = await route.fetch();
        const body = (await response.text()).replace('<script src="/dist/consentry.js">', '<script nonce="n0nce" src="/dist/consentry.js">');
        await route.fulfill({ response, body });
      });
    }
    const files: string[] = [];
    page.on('request', (request) => {
      const file = /\/dist\/(consentry[^/?]*)$/.exec(request.url());
      if (file) files.push(file[1]!);
    });
    const problems: string[] = [];
    page.on('console', (msg) => {
      if (msg.location().url.endsWith('/favicon.ico')) return;
      if (msg.type() === 'error' || /Content Security Policy/i.test(msg.text())) problems.push(msg.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(`${server.origin}/test/e2e/pages/ui-guard.html`);
    await page.waitForSelector('[data-consentry="banner"]');
    return { page, files, problems };
  }

  it('is not downloaded for the banner; "Manage choices" loads it once, beside the UI bundle', async () => {
    const { page, files, problems } = await visit();
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 300)));
    expect(files.sort()).toEqual(['consentry-runtime.js', 'consentry-ui.en.js', 'consentry-ui.js', 'consentry.css', 'consentry.js']);
    await page.click('[data-action="manage"]');
    await page.waitForSelector('[data-consentry="preferences"]');
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-consentry="banner"]');
    await page.click('[data-action="manage"]');
    await page.waitForSelector('[data-consentry="preferences"]');
    expect(files.filter((file) => file === 'consentry-ui-centre.js')).toEqual(['consentry-ui-centre.js']);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('starts loading when the pointer reaches "Manage choices", before the click', async () => {
    const { page, files } = await visit();
    await page.hover('[data-action="manage"]');
    await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('/consentry-ui-centre.js')));
    expect(files).toContain('consentry-ui-centre.js');
    expect(await page.$('[data-consentry="preferences"]')).toBeNull();
    await page.close();
  });

  it('opens straight into a view of the centre the API asks for, and loads with the nonce under a nonce-only policy', async () => {
    server.headers['content-security-policy'] = "default-src 'self'; script-src 'nonce-n0nce'; style-src 'self'";
    try {
      const { page, files, problems } = await visit({ nonce: true });
      await page.evaluate(() => (window as unknown as { consentry: { showOptOuts(): Promise<void> } }).consentry.showOptOuts());
      await page.waitForSelector('[data-consentry="optouts"]');
      expect(files).toContain('consentry-ui-centre.js');
      expect(await page.$eval('script[src$="/consentry-ui-centre.js"]', (script) => (script as HTMLScriptElement).nonce)).toBe('n0nce');
      expect(problems).toEqual([]);
      await page.close();
    } finally {
      delete server.headers['content-security-policy'];
    }
  });

  it('when it cannot be loaded, says so on the console and the banner stays usable', async () => {
    const context = await browser.newContext();
    contexts.push(context);
    const page = await context.newPage();
    await page.route('**/dist/consentry-ui-centre.js', (route) => route.fulfill({ status: 404, body: 'not found' }));
    const errors: string[] = [];
    page.on('console', (msg) => msg.type() === 'error' && errors.push(msg.text()));
    await page.goto(`${server.origin}/test/e2e/pages/ui-guard.html`);
    await page.click('[data-action="manage"]');
    await expect.poll(() => errors.filter((e) => e.startsWith('consentry: the preference centre could not be loaded from '))).toHaveLength(1);
    expect(await page.$('[data-consentry="preferences"]')).toBeNull();
    await page.click('[data-action="reject-all"]');
    await page.waitForSelector('[data-consentry="banner"]', { state: 'detached' });
    await page.close();
  });
});
