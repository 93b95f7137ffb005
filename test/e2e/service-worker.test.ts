/**
 * The service worker (dist/consentry-sw.js, `serviceWorker` in the config),
 * in real Chromium. Tracker hostnames are mapped to the test server with
 * `--host-resolver-rules`, and every tracker request is counted where it
 * arrives, at the server: requests the preload scanner, CSS, a worker or the
 * service worker itself make are seen like any other (Playwright's routing
 * does not see a service worker's requests). The worker is served from the
 * site's root, as README "The service worker" asks.
 * Uses the built dist/ (`npm run build` first).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ConsentryApi } from '../../src/core/types';
import { launchChromium, ROOT, startServer, type TestServer } from './harness';

declare global {
  interface Window {
    consentry?: ConsentryApi;
    workerFetch?: Promise<string>;
    scriptMade?: { controlled: boolean; fetch: string; beacon: boolean; image: string };
  }
}

/**
 * Other sites the test pages load from, all answered by the test server: tracker hosts of the built-in rules (none
 * HSTS-preloaded, so plain http reaches the server), and a CDN no rule names.
 */
const MAPPED_HOSTS = ['static.hotjar.com', 'hm.baidu.com', 'cdn.mxpnl.com', 's4.cnzz.com', 'px.ads.linkedin.com', 'tajs.qq.com', 'www.clarity.ms', 'static.site-cdn.test'];

/** What the pasted page loads from trackers, each once, when everything is allowed. */
const PASTED_TRACKERS = [
  'cdn.mxpnl.com/fonts/tracked.woff2', // @font-face
  'hm.baidu.com/hm.js?sw', // <script src>
  'px.ads.linkedin.com/collect/?pid=1&fmt=gif', // <img src>
  's4.cnzz.com/stat.gif?id=1', // CSS url()
  'static.hotjar.com/c/hotjar-1.js?sv=6', // <link rel=preload>
  'tajs.qq.com/collect?from=worker', // a worker's fetch
];

/** Content types of the answers to tracker requests, by the URL's extension (a WebSocket's upgrade is answered as a plain request: it fails, after it was counted). */
const TYPES: Record<string, string> = { js: 'text/javascript', gif: 'image/gif', css: 'text/css', html: 'text/html' };
const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
/** Files served from the site's root, as a site serves its service workers. */
const ROOT_FILES: Record<string, Buffer> = {
  '/consentry-sw.js': readFileSync(join(ROOT, 'dist/consentry-sw.js')),
  '/site-sw.js': readFileSync(join(ROOT, 'test/e2e/pages/sw-site-worker.js')),
};

let server: TestServer;
let browser: Browser;
/** Requests to other sites that reached the server, as `host/path?query`, in arrival order. */
let hits: string[] = [];

beforeAll(async () => {
  server = await startServer();
  const host = new URL(server.origin).host;
  server.handle((req, res) => {
    if (req.headers.host === host) return false;
    const url = `${req.headers.host}${req.url}`;
    hits.push(url);
    const type = TYPES[/\.(\w+)(\?|$)/.exec(url)?.[1] ?? ''] ?? 'text/plain';
    res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store', 'access-control-allow-origin': '*' });
    res.end(type === 'image/gif' ? GIF : '');
    return true;
  });
  server.handle((req, res) => {
    const file = ROOT_FILES[new URL(req.url ?? '/', server.origin).pathname];
    if (!file) return false;
    res.writeHead(200, { 'content-type': 'text/javascript', 'cache-control': 'no-store' }).end(file);
    return true;
  });
  const port = new URL(server.origin).port;
  browser = await launchChromium([`--host-resolver-rules=${MAPPED_HOSTS.map((h) => `MAP ${h} 127.0.0.1:${port}`).join(', ')}`]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

beforeEach(() => {
  hits = [];
});

const PAGES = '/test/e2e/pages/';

/** A page view; fails fast when the guard does not start. */
async function view(page: Page, path: string): Promise<void> {
  await page.goto(server.origin + PAGES + path);
  await page.waitForFunction(() => window.consentry?.get, undefined, { timeout: 5000 });
  await page.evaluate(() => window.consentry!.ready.then(() => undefined));
}

/** Waits until the page is controlled by a service worker (the first view, once it claimed it). */
const controlled = (page: Page) => page.waitForFunction(() => !!navigator.serviceWorker.controller, undefined, { timeout: 5000 });

/** The script URL of the worker that controls the page, or null. */
const controller = (page: Page) => page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? null);

/** Everything the pasted page loads has loaded or failed: images and preloads (load), the font, the worker's fetch. */
const pastedSettled = (page: Page) => page.evaluate(async () => (await document.fonts.ready, window.workerFetch));

/** The scripts of every registration of the context's origin, by scope. */
const registrations = (page: Page) =>
  page.evaluate(async () =>
    Object.fromEntries(
      (await navigator.serviceWorker.getRegistrations()).map((r) => [new URL(r.scope).pathname, (r.installing ?? r.waiting ?? r.active)!.scriptURL]),
    ),
  );

/** Registers a worker as site code would, and waits until it controls the page (the site's worker claims; ours is claimed by a reload). */
async function registerAsSite(page: Page, script: string, scope?: string): Promise<void> {
  await page.evaluate(
    async ([script, scope]) => {
      const registration = await navigator.serviceWorker.register(script, scope ? { scope } : {});
      const worker = registration.installing ?? registration.waiting ?? registration.active!;
      if (worker.state !== 'activated') await new Promise((resolve) => worker.addEventListener('statechange', () => worker.state === 'activated' && resolve(undefined)));
    },
    [script, scope] as const,
  );
}

/** What the site's own worker (sw-site-worker.js) saw: requests its fetch listener got, and Consentry messages. */
const siteWorkerSaw = (page: Page) => page.evaluate(() => fetch('/site-worker/seen').then((r) => r.json() as Promise<{ seen: string[]; messages: string[] }>));

/** Stops every service worker, as the browser does with idle ones: what a worker kept in memory is gone. */
async function stopWorkers(context: BrowserContext, page: Page): Promise<void> {
  const cdp = await context.newCDPSession(page);
  const running = new Map<string, string>();
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    for (const v of versions) running.set(v.versionId, v.runningStatus);
  });
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await expect.poll(() => [...running.values()].every((status) => status === 'stopped') && running.size > 0, { timeout: 5000 }).toBe(true);
  await cdp.detach();
}

/** The categories the decision the worker stored in IndexedDB allows (null: none stored). */
const storedAllowed = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<string[] | null>((resolve, reject) => {
        const open = indexedDB.open('consentry');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const read = open.result.transaction('consent').objectStore('consent').get('sw-decision');
          read.onsuccess = () => {
            open.result.close();
            resolve(read.result?.allowed ?? null);
          };
        };
      }),
  );

/** Whether each image of sw-plain.html loaded. */
const plainImages = (page: Page) =>
  page.evaluate(() => Object.fromEntries([...document.images].map((img) => [img.id, img.complete && img.naturalWidth > 0])));

async function withContext(run: (context: BrowserContext, page: Page) => Promise<void>): Promise<void> {
  const context = await browser.newContext();
  try {
    await run(context, await context.newPage());
  } finally {
    await context.close();
  }
}


/**
 * After "Accept all" on sw-pasted.html: the script the guard held is requested, once, and nothing else but,
 * at most once, the released `<link rel=preload>` (whether the browser fetches a preload again when its href
 * comes back is its own choice).
 */
async function expectReleased(hits: () => string[]): Promise<void> {
  const PRELOAD = 'static.hotjar.com/c/hotjar-1.js?sv=6';
  await expect.poll(hits, { timeout: 5000 }).toContain('hm.baidu.com/hm.js?sw');
  expect(hits().filter((hit) => hit !== PRELOAD)).toEqual(['hm.baidu.com/hm.js?sw']);
  expect(hits().filter((hit) => hit === PRELOAD).length).toBeLessThanOrEqual(1);
}

describe('the service worker', () => {
  it('makes a second view of a pasted page send zero tracker requests before consent, and lets everything load after "Accept all"', async () => {
    await withContext(async (_context, page) => {
      await view(page, 'sw-pasted.html');
      // The first view is claimed once the worker is active: what the page loads from now on goes through it.
      await controlled(page);
      expect(await controller(page)).toBe(`${server.origin}/consentry-sw.js`);

      hits = [];
      await view(page, 'sw-pasted.html');
      expect(await pastedSettled(page)).toBe('refused');
      expect(hits).toEqual([]);

      await page.getByRole('button', { name: 'Accept all', exact: true }).click();
      // The guard releases the script it held; the worker, told at once, lets it through.
      await expectReleased(() => hits);

      hits = [];
      await view(page, 'sw-pasted.html');
      expect(await pastedSettled(page)).toBe('sent');
      await expect.poll(() => [...hits].sort(), { timeout: 5000 }).toEqual(PASTED_TRACKERS);
    });
  });

  it('lets a released script through even when the message that allows it reaches the worker late', async () => {
    await withContext(async (context, page) => {
      // A message goes to the worker by another path than the page's requests: here it takes 300 ms longer.
      await context.addInitScript(() => {
        const post = ServiceWorker.prototype.postMessage as (this: ServiceWorker, ...args: unknown[]) => void;
        ServiceWorker.prototype.postMessage = function (this: ServiceWorker, ...args: unknown[]) {
          setTimeout(() => post.apply(this, args), 300);
        };
      });
      await view(page, 'sw-pasted.html');
      await controlled(page);
      hits = [];
      await view(page, 'sw-pasted.html');
      await page.getByRole('button', { name: 'Accept all', exact: true }).click();
      await expectReleased(() => hits);
    });
  });

  it('keeps its decision across a restart, from IndexedDB, in both directions', async () => {
    await withContext(async (context, page) => {
      await view(page, 'sw-pasted.html');
      await controlled(page);
      await page.evaluate(() => window.consentry!.acceptAll());
      await expect.poll(() => storedAllowed(page), { timeout: 5000 }).toEqual(['necessary', 'preferences', 'analytics', 'advertising', 'email']);
      await stopWorkers(context, page);
      // A page without Consentry: nothing tells the restarted worker anything; it reads what it stored.
      hits = [];
      await page.goto(server.origin + PAGES + 'sw-plain.html');
      expect(await plainImages(page)).toEqual({ tracker: true, 'first-party': true, cdn: true });
      expect(hits.sort()).toEqual(['static.site-cdn.test/logo.gif', 'www.clarity.ms/collect.gif?from=plain']);

      await view(page, 'sw-pasted.html');
      await page.evaluate(() => window.consentry!.rejectAll());
      await expect.poll(() => storedAllowed(page), { timeout: 5000 }).toEqual(['necessary']);
      await stopWorkers(context, page);
      hits = [];
      await page.goto(server.origin + PAGES + 'sw-plain.html');
      expect(await plainImages(page)).toEqual({ tracker: false, 'first-party': true, cdn: true });
      expect(hits).toEqual(['static.site-cdn.test/logo.gif']);
    });
  });

  it('refuses trackers while it knows no decision, and lets everything else through', async () => {
    await withContext(async (_context, page) => {
      await page.goto(server.origin + PAGES + 'sw-plain.html');
      await registerAsSite(page, '/consentry-sw.js');
      hits = [];
      await page.reload();
      expect(await controller(page)).toBe(`${server.origin}/consentry-sw.js`);
      expect(await plainImages(page)).toEqual({ tracker: false, 'first-party': true, cdn: true });
      expect(hits).toEqual(['static.site-cdn.test/logo.gif']);
    });
  });

  it('checks the site rules first, and is told the built-in rules only when the config is invalid', async () => {
    await withContext(async (_context, page) => {
      await view(page, 'sw-necessary.html');
      await controlled(page);
      hits = [];
      await view(page, 'sw-necessary.html');
      // The site moved hm.baidu.com to "necessary": the worker lets it through.
      await expect.poll(() => hits, { timeout: 5000 }).toEqual(['hm.baidu.com/hm.js?site-rule']);

      // The same rule in an invalid config counts for nothing: the worker refuses the built-in tracker.
      await view(page, 'sw-invalid.html');
      hits = [];
      await view(page, 'sw-invalid.html');
      await page.waitForFunction(() => document.readyState === 'complete', undefined, { timeout: 5000 });
      expect(hits).toEqual([]);
    });
  });

  it('unregistered, leaves the in-page guard refusing what page script sends; the runtime registers it again', async () => {
    await withContext(async (_context, page) => {
      await view(page, 'sw-script.html');
      await controlled(page);
      await page.evaluate(async () => {
        for (const registration of await navigator.serviceWorker.getRegistrations()) await registration.unregister();
      });
      hits = [];
      await view(page, 'sw-script.html');
      await page.waitForFunction(() => window.scriptMade!.fetch !== 'pending', undefined, { timeout: 5000 });
      await page.waitForTimeout(500);
      // The fetch fails at once; the beacon and the pixel are held while the visitor decides (head/hits.ts): none is sent.
      expect(await page.evaluate(() => window.scriptMade)).toEqual({ controlled: false, fetch: 'TypeError', beacon: true, image: 'pending' });
      expect(hits).toEqual([]);
      // The config still names it: this view registers it again, and it claims the page.
      await controlled(page);
      expect(await registrations(page)).toEqual({ '/': `${server.origin}/consentry-sw.js` });
    });
  });

  it('is unregistered when the config no longer names it, and only it', async () => {
    await withContext(async (_context, page) => {
      await view(page, 'sw-pasted.html');
      await controlled(page);
      await registerAsSite(page, '/site-sw.js', '/test/e2e/pages/elsewhere/');
      expect(await registrations(page)).toEqual({ '/': `${server.origin}/consentry-sw.js`, '/test/e2e/pages/elsewhere/': `${server.origin}/site-sw.js` });

      await view(page, 'sw-off.html');
      await expect.poll(() => registrations(page), { timeout: 5000 }).toEqual({ '/test/e2e/pages/elsewhere/': `${server.origin}/site-sw.js` });
      expect(await page.evaluate(() => localStorage.getItem('consentry:sw'))).toBeNull();
      await view(page, 'sw-off.html');
      expect(await controller(page)).toBeNull();
    });
  });

  it("never replaces the site's own worker, and tells it nothing unless the config names ours", async () => {
    await withContext(async (_context, page) => {
      await page.goto(server.origin + PAGES + 'sw-plain.html');
      await registerAsSite(page, '/site-sw.js');
      await view(page, 'sw-off.html');
      expect(await siteWorkerSaw(page)).toMatchObject({ messages: [] });
      expect(await page.evaluate(() => localStorage.getItem('consentry:sw'))).toBeNull();

      await view(page, 'sw-pasted.html');
      await expect.poll(async () => (await siteWorkerSaw(page)).messages, { timeout: 5000 }).toEqual(['decision']);
      expect(await registrations(page)).toEqual({ '/': `${server.origin}/site-sw.js` });
      expect(await controller(page)).toBe(`${server.origin}/site-sw.js`);
    });
  });

  it("imported into the site's own worker, refuses trackers before its listeners see them, which keep every other request", async () => {
    await withContext(async (_context, page) => {
      await page.goto(server.origin + PAGES + 'sw-plain.html');
      await registerAsSite(page, '/site-sw.js?import');
      // The first view with Consentry tells the site's worker the decision (nothing allowed yet).
      await view(page, 'sw-pasted.html');
      await pastedSettled(page);

      hits = [];
      await view(page, 'sw-pasted.html');
      expect(await pastedSettled(page)).toBe('refused');
      expect(hits).toEqual([]);
      const { seen } = await siteWorkerSaw(page);
      expect(seen).toContain('/dist/consentry.js');
      expect(seen).toContain('/test/e2e/pages/sw-pasted.js');
      expect(seen.filter((url) => !url.startsWith('/'))).toEqual([]);

      await page.getByRole('button', { name: 'Accept all', exact: true }).click();
      await expectReleased(() => hits);
      hits = [];
      await view(page, 'sw-pasted.html');
      expect(await pastedSettled(page)).toBe('sent');
      await expect.poll(() => [...hits].sort(), { timeout: 5000 }).toEqual(PASTED_TRACKERS);
      expect(await registrations(page)).toEqual({ '/': `${server.origin}/site-sw.js?import` });
    });
  });
});

/**
 * What the service worker sees, one row per row of README "The service
 * worker" table: the surfaces of sw-surfaces.html (named by the path of their
 * tracker URL), and whether the worker refuses them or never sees them.
 */
const SURFACES: [row: string, seen: boolean, paths: string[]][] = [
  ['scripts: <script src>, <script type=module>, import()', true, ['script-src', 'script-module', 'dynamic-import']],
  ['<link rel=preload|prefetch|modulepreload|stylesheet>', true, ['link-preload', 'link-prefetch', 'link-modulepreload', 'link-stylesheet']],
  ['<link rel=icon>', false, ['link-icon']],
  ['images: <img src|srcset>, <picture><source>, new Image(), <input type=image>, SVG <image>, <table background>', true, ['img-src', 'img-srcset', 'picture-source', 'new-image', 'input-image', 'svg-image', 'table-background']],
  ['media: <video src|poster>, <audio src>', true, ['video-src', 'video-poster', 'audio-src']],
  ['CSS: url() in <style>, style attributes and constructable stylesheets, @import, @font-face', true, ['css-url', 'style-attr', 'constructable', 'css-import', 'css-font']],
  ['requests: fetch (keepalive too), XMLHttpRequest, EventSource, sendBeacon, <a ping>', true, ['fetch', 'fetch-keepalive', 'xhr', 'eventsource', 'beacon', 'a-ping']],
  ["workers: Worker, SharedWorker and blob: workers' fetch and importScripts, AudioWorklet.addModule", true, ['worker-fetch', 'worker-importscripts', 'shared-worker-fetch', 'shared-worker-importscripts', 'blob-worker-fetch', 'audio-worklet']],
  ["a srcdoc frame's requests", true, ['srcdoc-img']],
  ["an about:blank frame's requests", false, ['blank-frame-fetch']],
  ['navigations: <iframe src>, <embed src>, <object data>, form.submit()', false, ['iframe-src', 'embed-src', 'object-data', 'form-submit']],
  ['WebSocket', false, ['websocket']],
];

/** The surfaces of sw-surfaces.html that reached the server, by path. */
const surfacesHit = () => [...new Set(hits.map((hit) => new URL(`http://${hit}`).pathname.slice(1).replace(/\.\w+$/, '')))].sort();
const pathsOf = (seen?: boolean) => SURFACES.filter((row) => seen === undefined || row[1] === seen).flatMap((row) => row[2]).sort();

describe('what the service worker sees', () => {
  it('refuses every surface of its README table it covers, and never sees the others', async () => {
    // Without it, every surface sends its request: each row is a real one.
    await withContext(async (_context, page) => {
      await page.goto(server.origin + PAGES + 'sw-surfaces.html');
      await expect.poll(surfacesHit, { timeout: 5000 }).toEqual(pathsOf());
    });
    hits = [];
    await withContext(async (_context, page) => {
      await page.goto(server.origin + PAGES + 'sw-plain.html');
      await registerAsSite(page, '/consentry-sw.js');
      hits = [];
      await page.goto(server.origin + PAGES + 'sw-surfaces.html');
      expect(await controller(page)).toBe(`${server.origin}/consentry-sw.js`);
      await expect.poll(surfacesHit, { timeout: 5000 }).toEqual(pathsOf(false));
      // What it refuses never comes later either.
      await page.waitForTimeout(1000);
      expect(surfacesHit()).toEqual(pathsOf(false));
    });
  });
});
