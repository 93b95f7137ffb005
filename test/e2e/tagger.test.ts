/**
 * The tagging tool end to end: the built `consentry` bin (dist/cli.js), run
 * as a process, tags copies of pages with vendor snippets pasted as
 * published; real Chromium then loads them with every third-party request
 * routed to the stand-ins and counted (vendors.ts). Also the Vite plugin
 * (dist/vite.js) in a real `vite build`. Uses the built dist/ (`npm run build` first).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, createServer } from 'vite';
import { launchChromium, ROOT, startServer, type TestServer } from './harness';
import { routeVendors, TEST_VENDORS, trackerCookies, type VendorTraffic } from './vendors';

declare global {
  interface Window {
    __standIns?: Record<string, number>;
    __firstParty?: { ran: number; fetchStatus?: number };
    __firstPartyInline?: boolean;
    __observers?: number;
  }
}

const CLI = join(ROOT, 'dist/cli.js');
/** Tagged copies live under the served root, so their absolute URLs (/dist/consentry.js…) still work. */
const WORK = join(ROOT, '.tmp/e2e-tagger');

let browser: Browser;
let server: TestServer;

beforeAll(async () => {
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(WORK, { recursive: true });
  server = await startServer();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(WORK, { recursive: true, force: true });
});

/** Runs the built bin. */
function consentry(...args: string[]) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: WORK, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A copy of a test page in WORK, tagged by the CLI unless `tagged` is false. */
function preparePage(name: string, tagged = true): string {
  const copy = `${tagged ? 'tagged' : 'pasted'}-${name}`;
  copyFileSync(join(ROOT, 'test/e2e/pages', name), join(WORK, copy));
  if (tagged) {
    const result = consentry('tag', copy);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  }
  return `/.tmp/e2e-tagger/${copy}`;
}

interface Opened {
  context: BrowserContext;
  page: Page;
  traffic: VendorTraffic;
  errors: string[];
}

/** Opens a page with third parties routed and the page's MutationObservers counted. */
async function open(path: string): Promise<Opened> {
  const context = await browser.newContext({ locale: 'en-US' });
  const traffic = await routeVendors(context, server.origin);
  await context.addInitScript(() => {
    const Native = window.MutationObserver;
    window.__observers = 0;
    window.MutationObserver = class extends Native {
      constructor(callback: MutationCallback) {
        super(callback);
        window.__observers! += 1;
      }
    };
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(server.origin + path);
  await page.evaluate(() => window.consentry!.ready.then(() => undefined));
  return { context, page, traffic, errors };
}

/** Absence of traffic shows only over time: a little over the stand-ins' 1 s send interval. */
const settle = (page: Page) => page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 1300)));
const standIns = (page: Page) => page.evaluate(() => ({ ...window.__standIns }));
const ALL = TEST_VENDORS.map((v) => v.id);

describe('a page of pasted snippets, tagged by the CLI', () => {
  it('makes no tracker request of any kind on its first view (preload included), registers no markup observer, and runs each vendor once after "Accept all"', async () => {
    const opened = await open(preparePage('tagger-pasted.html'));
    await settle(opened.page);
    expect(opened.traffic.requests).toEqual([]);
    expect(await opened.page.evaluate(() => window.__observers)).toBe(0);
    expect(trackerCookies((await opened.context.cookies()).map((c) => c.name))).toEqual([]);
    expect(await standIns(opened.page)).toEqual({});
    // First-party code is untouched and runs.
    expect(await opened.page.evaluate(() => ({ ran: window.__firstParty?.ran, inline: window.__firstPartyInline }))).toEqual({ ran: 1, inline: true });

    await opened.page.evaluate(() => window.consentry!.acceptAll().then(() => undefined));
    for (const vendor of ALL) await expect.poll(() => opened.traffic.hits(vendor).length, { timeout: 10_000 }).toBeGreaterThan(0);
    await settle(opened.page);
    expect(await standIns(opened.page)).toEqual(Object.fromEntries(ALL.map((id) => [id, 1])));
    for (const id of ALL) expect(opened.traffic.libraries(id).length, id).toBe(1);
    // The tagged pixel and the tagged preload were released too.
    expect(opened.traffic.hits('meta').map((r) => new URL(r.url).searchParams.get('ev'))).toEqual(expect.arrayContaining(['PageView', 'Preload']));
    expect(opened.errors).toEqual([]);
    await opened.context.close();
  });

  it('the same page untagged: the browser fetches the tracker <script src>, pixel and preload before any choice (what the test above proves gone)', async () => {
    const opened = await open(preparePage('tagger-pasted.html', false));
    await settle(opened.page);
    const early = opened.traffic.requests.map((r) => `${r.vendor} ${r.kind} ${r.type}`);
    expect(early).toEqual(expect.arrayContaining(['gtag library script', 'cnzz library script', 'meta hit image']));
    expect(await opened.page.evaluate(() => window.__observers)).toBe(1);
    await opened.context.close();
  });

  // CNZZ's classic snippet writes its <script> with document.write. Tagged, it is released after the page
  // has loaded, where document.write would replace the page: the guard's release parses what it writes in place (#17).
  it("CNZZ's document.write snippet, tagged: the page survives \"Accept all\" and CNZZ runs once", async () => {
    const opened = await open(preparePage('tagger-cnzz-write.html'));
    await settle(opened.page);
    expect(opened.traffic.requests).toEqual([]);
    // Not awaited in the page: a released document.write may replace the document under the evaluation.
    await opened.page.evaluate(() => void window.consentry!.acceptAll());
    await expect.poll(() => opened.traffic.hits('cnzz').length, { timeout: 5_000 }).toBe(1);
    // A page whose document was replaced by document.write stops answering: fail in seconds, not at the test timeout.
    const answer = <T>(work: Promise<T>) =>
      Promise.race([work, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('the page stopped answering: document.write replaced its document')), 3_000))]);
    expect(await answer(opened.page.evaluate(() => document.getElementById('content')?.textContent))).toBe('Page content that must survive "Accept all"');
    expect(await answer(opened.page.evaluate(() => document.getElementById('after') !== null))).toBe(true);
    await answer(settle(opened.page));
    expect(await answer(standIns(opened.page))).toEqual({ cnzz: 1 });
    expect(opened.traffic.hits('cnzz').length).toBe(1);
    expect(await answer(opened.page.evaluate(() => document.getElementById('cnzz_stat_icon_1280000001')?.textContent))).toBe('站长统计');
    await opened.context.close();
  });
});

describe('a tagged iframe on a page whose config says observeMarkup: false', () => {
  // With observeMarkup: false no observer sees the HTML: the runtime shows the placeholders of held frames once it is parsed.
  it('shows its placeholder before consent and loads it on "Accept all"', async () => {
    const opened = await open(preparePage('tagger-iframe.html'));
    expect(await opened.page.evaluate(() => window.__observers)).toBe(0);
    await expect.poll(() => opened.page.locator('.consentry-placeholder').count(), { timeout: 3_000 }).toBe(1);
    expect(opened.traffic.requests).toEqual([]);
    await opened.page.evaluate(() => window.consentry!.acceptAll().then(() => undefined));
    await expect.poll(() => opened.traffic.requests.filter((r) => r.type === 'document').length, { timeout: 5_000 }).toBe(1);
    expect(await opened.page.locator('.consentry-placeholder').count()).toBe(0);
    await opened.context.close();
  });
});

describe('the built bin as a process', () => {
  it('--check exits 1 on the pasted page and writes nothing; tag writes it; --check then exits 0', () => {
    copyFileSync(join(ROOT, 'test/e2e/pages/tagger-pasted.html'), join(WORK, 'check.html'));
    const before = readFileSync(join(WORK, 'check.html'), 'utf8');
    const check = consentry('tag', '--check', 'check.html');
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(/^check\.html: would change\n/);
    expect(readFileSync(join(WORK, 'check.html'), 'utf8')).toBe(before);
    expect(consentry('tag', 'check.html').code).toBe(0);
    expect(consentry('tag', '--check', 'check.html')).toMatchObject({ code: 0, stdout: 'check.html: nothing to tag\n1 file: 0 elements to tag, 0 that cannot be tagged (--check: nothing written)\n' });
    expect(consentry('tag', 'nowhere/*.html')).toMatchObject({ code: 2, stderr: 'consentry: no file matches "nowhere/*.html"\n' });
  });
});

describe('consentry/vite in a real vite build', () => {
  it('tags the pages, puts the guard and config first in <head>, and copies Consentry into the output', async () => {
    const site = mkdtempSync(join(tmpdir(), 'consentry-vite-'));
    try {
      writeFileSync(
        join(site, 'index.html'),
        `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Shop</title>
<script async src="https://www.googletagmanager.com/gtag/js?id=G-SHOP"></script>
<script type="module" src="./main.js"></script>
</head>
<body><img src="https://www.facebook.com/tr?id=1&ev=PageView" alt=""></body>
</html>
`,
      );
      writeFileSync(join(site, 'main.js'), "document.body.dataset.app = 'on';\n");
      const { default: consentryPlugin } = await import(join(ROOT, 'dist/vite.js'));
      const logged: string[] = [];
      await build({
        root: site,
        configFile: false,
        logLevel: 'silent',
        build: { outDir: 'out' },
        plugins: [consentryPlugin({ config: { policy: { url: '/privacy', version: '2026-01-01' } }, log: { info: (m: string) => logged.push(m), warn: (m: string) => logged.push('warn ' + m) } })],
      });
      const html = readFileSync(join(site, 'out/index.html'), 'utf8');
      const head = html.slice(html.indexOf('<head>'), html.indexOf('</head>'));
      expect(head.replace(/index-[\w-]+\.js/, 'index.js')).toBe(
        '<head>\n<meta charset="utf-8">\n' +
          '<script type="application/json" id="consentry-config">{"observeMarkup": false, "policy":{"url":"/privacy","version":"2026-01-01"}}</script><script src="/consentry/consentry.js"></script>\n' +
          '<title>Shop</title>\n' +
          '<script type="text/plain" data-consent="analytics" async src="https://www.googletagmanager.com/gtag/js?id=G-SHOP"></script>\n' +
          '  <script type="module" crossorigin src="/assets/index.js"></script>\n',
      );
      expect(html).toContain('<img data-consent="advertising" data-src="https://www.facebook.com/tr?id=1&ev=PageView" alt="">');
      const copied = readdirSync(join(site, 'out/consentry')).sort();
      // Everything a page loads at some point: the preference centre's two files were missing once (opening it failed).
      expect(copied).toEqual([
        'consentry-runtime.js',
        'consentry-ui-centre.css',
        'consentry-ui-centre.js',
        'consentry-ui.en.js',
        'consentry-ui.js',
        'consentry-ui.zh-CN.js',
        'consentry.css',
        'consentry.js',
      ]);
      expect(readFileSync(join(site, 'out/consentry/consentry.js'))).toEqual(readFileSync(join(ROOT, 'dist/consentry.js')));
      expect(existsSync(join(site, 'out/consentry-sw.js'))).toBe(existsSync(join(ROOT, 'dist/consentry-sw.js')));
      expect(logged).toEqual(['consentry: /index.html: 2 tracker elements tagged (<script src> analytics; <img src> advertising)']);
    } finally {
      rmSync(site, { recursive: true, force: true });
    }
  });

  it('serves the same in dev: tagged pages, and Consentry\'s files under /consentry/', async () => {
    const site = mkdtempSync(join(tmpdir(), 'consentry-vite-dev-'));
    const { default: consentryPlugin } = await import(join(ROOT, 'dist/vite.js'));
    writeFileSync(join(site, 'index.html'), '<!doctype html><html><head><title>Dev</title></head><body><script src="https://hm.baidu.com/hm.js?1"></script></body></html>');
    const dev = await createServer({ root: site, configFile: false, logLevel: 'silent', server: { port: 0, host: '127.0.0.1', hmr: false }, plugins: [consentryPlugin({ log: { info() {}, warn() {} } })] });
    try {
      await dev.listen();
      const origin = dev.resolvedUrls!.local[0]!.replace(/\/$/, '');
      const html = await (await fetch(origin + '/')).text();
      expect(html).toContain('<script src="/consentry/consentry.js"></script>');
      expect(html).toContain('<script type="text/plain" data-consent="analytics" src="https://hm.baidu.com/hm.js?1"></script>');
      const guard = await fetch(origin + '/consentry/consentry.js');
      expect(guard.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
      expect(Buffer.from(await guard.arrayBuffer())).toEqual(readFileSync(join(ROOT, 'dist/consentry.js')));
      expect((await fetch(origin + '/consentry/consentry.css')).status).toBe(200);
    } finally {
      await dev.close();
      rmSync(site, { recursive: true, force: true });
    }
  });
});
