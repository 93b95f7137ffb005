/**
 * The guard's blocking, in real Chromium, over two pages that embed ten
 * vendors: guard-pasted.html (snippets pasted as the vendors publish them) and
 * guard-tagged.html (the same, tagged). Every third-party request is answered
 * by the stand-ins in demo/vendors/ and recorded (test/e2e/vendors.ts).
 * Uses the built dist/consentry.js (`npm run build` first).
 *
 * Absence of traffic can only be observed over time: `settle` waits a little
 * over one second, the interval at which the Clarity and Hotjar stand-ins send.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, startServer, type TestServer } from './harness';
import { routeVendors, TEST_VENDORS, trackerCookies, type TrackerRequest, type VendorTraffic } from './vendors';

declare global {
  interface Window {
    __standIns?: Record<string, number>;
    __firstParty?: { ran: number; fetchStatus?: number };
    __firstPartyInline?: boolean;
    order?: string[];
  }
}

let browser: Browser;
let server: TestServer;
const pings: string[] = [];

beforeAll(async () => {
  server = await startServer();
  server.handle((req, res) => {
    if (!req.url?.startsWith('/test/e2e/pages/guard-ping')) return false;
    pings.push(req.url);
    res.writeHead(204).end();
    return true;
  });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Opened {
  context: BrowserContext;
  page: Page;
  traffic: VendorTraffic;
  warnings: string[];
  errors: string[];
}

async function open(name: 'pasted' | 'tagged' | 'late' | 'order', locale = 'en-US'): Promise<Opened> {
  const context = await browser.newContext({ locale });
  const traffic = await routeVendors(context, server.origin);
  const page = await context.newPage();
  const warnings: string[] = [];
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'warning') warnings.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${server.origin}/test/e2e/pages/guard-${name}.html`);
  await ready(page);
  return { context, page, traffic, warnings, errors };
}

const ready = (page: Page) => page.evaluate(() => window.consentry!.ready.then(() => undefined));
const settle = (page: Page) => page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 1300)));
const cookiesOf = async (context: BrowserContext) => trackerCookies((await context.cookies()).map((c) => c.name));
const standIns = (page: Page) => page.evaluate(() => ({ ...window.__standIns }));

/** The one request the pasted page cannot prevent: the preload scanner fetching the gtag.js `<script src>` in its HTML. */
const PRELOAD = { vendor: 'gtag', kind: 'library', type: 'script' };
function withoutPreload(requests: TrackerRequest[], name: string): TrackerRequest[] {
  return requests.filter(
    (r) => !(name === 'pasted' && r.vendor === PRELOAD.vendor && r.kind === PRELOAD.kind && r.type === PRELOAD.type && r.url.includes('/gtag/js?id=G-F2F0TEST01')),
  );
}

async function expectNothingTracks(opened: Opened, name: string): Promise<void> {
  await settle(opened.page);
  expect(withoutPreload(opened.traffic.requests, name)).toEqual([]);
  expect(opened.traffic.hits()).toEqual([]);
  expect(await cookiesOf(opened.context)).toEqual([]);
  expect(await standIns(opened.page)).toEqual({});
}

async function waitForHits(traffic: VendorTraffic, vendors: string[]): Promise<void> {
  for (const vendor of vendors) await expect.poll(() => traffic.hits(vendor).length, { timeout: 10_000 }).toBeGreaterThan(0);
}

const ALL = TEST_VENDORS.map((v) => v.id);
// GTM is analytics, but its only tag is a Google Ads one: with advertising denied it runs and sends nothing.
const ANALYTICS_HITS = TEST_VENDORS.filter((v) => v.category === 'analytics' && v.id !== 'gtm').map((v) => v.id);
const ADVERTISING = TEST_VENDORS.filter((v) => v.category === 'advertising').map((v) => v.id);

describe.each(['pasted', 'tagged'] as const)('guard-%s.html', (name) => {
  it('before any choice: no tracker runs, sends a hit or sets a cookie; first-party code is untouched', async () => {
    const opened = await open(name);
    await expectNothingTracks(opened, name);
    const firstParty = await opened.page.evaluate(() => ({ ...window.__firstParty, inline: window.__firstPartyInline, cookie: document.cookie }));
    expect(firstParty).toMatchObject({ ran: 1, fetchStatus: 200, inline: true });
    expect(firstParty.cookie).toContain('cart=3');
    expect(opened.errors).toEqual([]);
    await opened.context.close();
  });

  it('after reject all: nothing tracks, on the page and after a reload', async () => {
    const opened = await open(name);
    await opened.page.evaluate(() => window.consentry!.rejectAll().then(() => undefined));
    await expectNothingTracks(opened, name);
    opened.traffic.clear();
    await opened.page.reload();
    await ready(opened.page);
    await expectNothingTracks(opened, name);
    await opened.context.close();
  });

  it('after accept all: every vendor runs exactly once, sets its cookies and sends its hits', async () => {
    const opened = await open(name);
    await opened.page.evaluate(() => window.consentry!.acceptAll().then(() => undefined));
    await waitForHits(opened.traffic, ALL);
    await settle(opened.page);
    expect(await standIns(opened.page)).toEqual(Object.fromEntries(ALL.map((id) => [id, 1])));
    const cookies = await cookiesOf(opened.context);
    for (const vendor of TEST_VENDORS) expect(cookies.some((c) => vendor.cookies.test(c)), vendor.id).toBe(true);
    // Each library was requested once; on the pasted page gtag.js may be requested twice: by the preload
    // scanner before the choice, and again on release when Chromium does not reuse the preloaded copy.
    for (const id of ALL) {
      const count = opened.traffic.libraries(id).length;
      if (name === 'pasted' && id === 'gtag') expect([1, 2], id).toContain(count);
      else expect(count, id).toBe(1);
    }
    // Hotjar's socket carries its recording once allowed.
    expect(opened.traffic.requests.some((r) => r.type === 'websocket-message' && r.vendor === 'hotjar')).toBe(true);
    expect(opened.errors).toEqual([]);

    // A returning visitor (choice in the mirror cookie): everything runs again, once, as the page loads.
    opened.traffic.clear();
    await opened.page.reload();
    await waitForHits(opened.traffic, ALL);
    await settle(opened.page);
    expect(await standIns(opened.page)).toEqual(Object.fromEntries(ALL.map((id) => [id, 1])));
    expect(opened.errors).toEqual([]);
    await opened.context.close();
  });

  it('analytics only: analytics vendors run, advertising stays blocked (requests, hits and cookies)', async () => {
    const opened = await open(name);
    await opened.page.evaluate(() => window.consentry!.set({ categories: { analytics: true } }).then(() => undefined));
    await waitForHits(opened.traffic, ANALYTICS_HITS);
    await settle(opened.page);
    expect(opened.traffic.requests.filter((r) => ADVERTISING.includes(r.vendor) || r.vendor === 'gtm' && r.kind === 'hit')).toEqual([]);
    expect(await standIns(opened.page)).toEqual(Object.fromEntries(TEST_VENDORS.filter((v) => v.category === 'analytics').map((v) => [v.id, 1])));
    const advertisingCookies = TEST_VENDORS.filter((v) => v.category === 'advertising' || v.id === 'gtm').map((v) => v.cookies);
    expect((await cookiesOf(opened.context)).filter((c) => advertisingCookies.some((re) => re.test(c)))).toEqual([]);
    await opened.context.close();
  });

  it('accept, then withdraw: tracker cookies are deleted and stay gone; running recorders send nothing more, on the page or after a reload', async () => {
    const opened = await open(name);
    await opened.page.evaluate(() => window.consentry!.acceptAll().then(() => undefined));
    await waitForHits(opened.traffic, ALL);
    // A cookie set on a deeper path must be deleted too.
    await opened.context.addCookies([{ name: '_ga_DEEP', value: '1', url: `${server.origin}/test/e2e/pages/` }]);
    expect((await cookiesOf(opened.context)).length).toBeGreaterThan(TEST_VENDORS.length);
    await opened.page.evaluate(() => window.consentry!.withdraw().then(() => undefined));
    expect(await cookiesOf(opened.context)).toEqual([]);
    if (name === 'tagged') {
      // The released video frame is unloaded and its placeholder is back.
      expect(await opened.page.locator('#video').getAttribute('src')).toBe('about:blank');
      expect(await opened.page.locator('.consentry-placeholder').isVisible()).toBe(true);
    }
    opened.traffic.clear();
    await settle(opened.page);
    await settle(opened.page);
    expect(opened.traffic.requests).toEqual([]);
    expect(await cookiesOf(opened.context)).toEqual([]);
    // The stand-ins are still running (they cannot be unloaded) and still trying.
    expect(await opened.page.evaluate(() => document.cookie.includes('_clsk'))).toBe(false);
    await opened.page.reload();
    await ready(opened.page);
    await expectNothingTracks(opened, name);
    await opened.context.close();
  });
});

describe('observeMarkup: false (a site that tags every tracker element)', () => {
  /** guard-tagged.html with the config given before the guard, counting the MutationObservers the page creates. */
  async function openTagged(config: object): Promise<Opened> {
    const context = await browser.newContext();
    const traffic = await routeVendors(context, server.origin);
    await context.addInitScript(() => {
      const Native = window.MutationObserver;
      const counted = window as unknown as { __observers: number };
      counted.__observers = 0;
      window.MutationObserver = class extends Native {
        constructor(callback: MutationCallback) {
          super(callback);
          counted.__observers += 1;
        }
      };
    });
    await context.route('**/test/e2e/pages/guard-tagged.html', async (route) => {
      const response = await route.fetch();
      const body = (await response.text()).replace(
        '<script src="/dist/consentry.js">',
        `<script type="application/json" id="consentry-config">${JSON.stringify(config)}</script>\n<script src="/dist/consentry.js">`,
      );
      await route.fulfill({ response, body });
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${server.origin}/test/e2e/pages/guard-tagged.html`);
    await ready(page);
    return { context, page, traffic, warnings: [], errors };
  }
  const observers = (opened: Opened) => opened.page.evaluate(() => (window as unknown as { __observers: number }).__observers);

  it('registers no MutationObserver, still leaks nothing before a choice, and runs every vendor once after accept all', async () => {
    const watched = await openTagged({});
    expect(await observers(watched)).toBe(1);
    await watched.context.close();

    const opened = await openTagged({ observeMarkup: false });
    expect(await observers(opened)).toBe(0);
    await expectNothingTracks(opened, 'tagged');
    opened.traffic.clear();
    await opened.page.evaluate(() => window.consentry!.acceptAll().then(() => undefined));
    await waitForHits(opened.traffic, ALL);
    await settle(opened.page);
    expect(await standIns(opened.page)).toEqual(Object.fromEntries(ALL.map((id) => [id, 1])));
    expect(opened.errors).toEqual([]);
    await opened.context.close();
  });
});

describe('pasted page specifics', () => {
  it('after "Reject all", a blocked call fails the way a blocked request fails in the browser, and reaches no one', async () => {
    const opened = await open('pasted');
    // While the visitor decides, beacons and pixels are held instead (test/e2e/surfaces.test.ts).
    await opened.page.evaluate(() => window.consentry!.rejectAll().then(() => undefined));
    const result = await opened.page.evaluate(async () => {
      const tracker = 'https://www.google-analytics.com/g/collect?v=2';
      const fetched = await fetch(tracker).then(
        () => 'resolved',
        (error: Error) => `${error.name}: ${error.message}`,
      );
      const beacon = navigator.sendBeacon(tracker);
      const xhr = await new Promise((resolve) => {
        const request = new XMLHttpRequest();
        const events: string[] = [];
        request.open('POST', tracker);
        request.onreadystatechange = () => events.push(`readystatechange ${request.readyState}`);
        request.onerror = () => events.push('error');
        request.onloadend = () => resolve({ events: [...events, 'loadend'], status: request.status });
        request.send('x');
      });
      const image = await new Promise((resolve) => {
        const pixel = new Image();
        pixel.onload = () => resolve('load');
        pixel.onerror = () => resolve('error');
        pixel.src = 'https://www.facebook.com/tr/?id=1&ev=PageView';
      });
      const socket = await new Promise((resolve) => {
        const ws = new WebSocket('wss://ws.hotjar.com/api/v2/client/ws');
        const events: string[] = [];
        ws.onerror = () => events.push('error');
        ws.addEventListener('close', (event) => {
          events.push(`close ${event.code}`);
          ws.send('after close'); // a closed socket's send does not throw
          resolve({ events, readyState: ws.readyState, isWebSocket: ws instanceof WebSocket });
        });
      });
      const stream = await new Promise((resolve) => {
        const source = new EventSource('https://k.clarity.ms/stream');
        source.onerror = () => resolve({ readyState: source.readyState });
      });
      return { fetched, beacon, xhr, image, socket, stream };
    });
    expect(result).toEqual({
      fetched: 'TypeError: Failed to fetch',
      beacon: false,
      xhr: { events: ['readystatechange 4', 'error', 'loadend'], status: 0 },
      image: 'error',
      socket: { events: ['error', 'close 1006'], readyState: 3, isWebSocket: true },
      stream: { readyState: 2 },
    });
    expect(withoutPreload(opened.traffic.requests, 'pasted')).toEqual([]);
    await opened.context.close();
  });

  it('warns once about the untagged tracker script in the HTML, and a link ping reaches the site but not the tracker', async () => {
    const opened = await open('pasted');
    // Said by the guard's async part once the HTML is parsed (the words stay off the critical path).
    await expect.poll(() => opened.warnings.filter((w) => w.includes('untagged'))).toEqual([
      'consentry: untagged <script src="https://www.googletagmanager.com/gtag/js?id=G-F2F0TEST01"> (analytics) in the HTML: the browser may fetch it before Consentry runs. Tag it with data-consent="analytics" (docs/blocking.md).',
    ]);
    pings.length = 0;
    await opened.page.click('#pinged');
    await expect.poll(() => pings.length).toBe(1);
    await settle(opened.page);
    expect(withoutPreload(opened.traffic.requests, 'pasted')).toEqual([]);
    await opened.context.close();
  });

  it('says so when a tracker script ran before the guard', async () => {
    const opened = await open('late');
    await expect.poll(() => opened.warnings).toContain(
      'consentry: must be the first script in <head>: https://static.hotjar.com/c/hotjar-3200003.js?sv=6 (analytics) ran before it.',
    );
    await opened.context.close();
  });
});

describe('tagged iframe placeholder', () => {
  it.each([
    ['en-US', 'Advertising cookies are needed to show this content.', 'Allow Advertising'],
    ['zh-CN', '显示此内容需要允许“广告”。', '允许广告'],
  ])('%s: same size as the iframe, names the category, and its button allows it', async (locale, text, button) => {
    const opened = await open('tagged', locale);
    const placeholder = opened.page.locator('.consentry-placeholder');
    await expect.poll(() => placeholder.count()).toBe(1);
    expect(await placeholder.locator('p').textContent()).toBe(text);
    const box = await placeholder.boundingBox();
    expect({ width: box?.width, height: box?.height }).toEqual({ width: 560, height: 315 });
    expect(await opened.page.locator('#video').isVisible()).toBe(false);
    await placeholder.getByRole('button', { name: button }).click();
    await expect.poll(() => opened.traffic.requests.filter((r) => r.kind === 'embed').length).toBe(1);
    expect(await opened.page.locator('.consentry-placeholder').count()).toBe(0);
    expect(await opened.page.locator('#video').getAttribute('src')).toBe('https://www.youtube-nocookie.com/embed/consentry');
    expect(await opened.page.locator('#video').isVisible()).toBe(true);
    // Only advertising was allowed: analytics vendors still send nothing.
    expect(opened.traffic.hits().filter((r) => ANALYTICS_HITS.includes(r.vendor))).toEqual([]);
    await opened.context.close();
  });
});

describe('release of tagged scripts (guard-order.html, under a strict CSP with a nonce)', () => {
  it('runs them in document order, each once, with their attributes, nonce and load events', async () => {
    server.headers['content-security-policy'] = "script-src 'self' 'nonce-n0nce'";
    let opened: Opened;
    try {
      opened = await open('order');
    } finally {
      delete server.headers['content-security-policy'];
    }
    const { page } = opened;
    const order = () => page.evaluate(() => [...window.order!]);
    await settle(page);
    expect(await order()).toEqual([]);

    await page.evaluate(() => window.consentry!.set({ categories: { analytics: true } }).then(() => undefined));
    const analytics = ['a', 'a:load', 'b:b', 'c', 'c:load', 'd:module', 'd:load'];
    await expect.poll(order).toEqual(analytics);
    await page.evaluate(() => window.consentry!.set({ categories: { advertising: true } }).then(() => undefined));
    await expect.poll(order).toEqual([...analytics, 'e', 'f']);
    // Denying and allowing again runs nothing twice.
    await page.evaluate(() => window.consentry!.rejectAll().then(() => window.consentry!.acceptAll()).then(() => undefined));
    await settle(page);
    expect(await order()).toEqual([...analytics, 'e', 'f']);

    const released = await page.evaluate(() => {
      const a = document.getElementById('a') as HTMLScriptElement;
      const d = document.getElementById('d') as HTMLScriptElement;
      return {
        a: { type: a.getAttribute('type'), integrity: a.integrity, crossOrigin: a.crossOrigin, referrerPolicy: a.referrerPolicy, tagged: a.hasAttribute('data-consent') },
        d: d.type,
        g: document.getElementById('g')!.hasAttribute('data-consent'),
      };
    });
    expect(released).toEqual({
      a: { type: null, integrity: expect.stringMatching(/^sha384-/), crossOrigin: 'anonymous', referrerPolicy: 'no-referrer', tagged: false },
      d: 'module',
      g: false,
    });
    await opened.context.close();
  });
});

describe('elements inserted after the page loaded', () => {
  it('HTML strings: tracker iframes and pixels never load whatever the API, and the page\'s own HTML is untouched', async () => {
    const opened = await open('pasted');
    const result = await opened.page.evaluate(() => {
      const gtm = 'https://www.googletagmanager.com/ns.html?id=GTM-F2F0TST';
      const pixel = 'https://www.google-analytics.com/collect?v=1&t=pageview';
      const host = document.createElement('div');
      document.body.appendChild(host);
      // Shadow roots parse HTML with their own innerHTML.
      const shadow = host.attachShadow({ mode: 'open' });
      shadow.innerHTML = `<p>in shadow</p><iframe id="shadow-frame" src="${gtm}"></iframe>`;
      // insertAdjacentHTML on an element not in the page: its images load all the same.
      const detached = document.createElement('div');
      detached.insertAdjacentHTML('beforeend', `<img id="detached-pixel" src="${pixel}">`);
      const box = document.createElement('div');
      document.body.appendChild(box);
      box.insertAdjacentHTML('afterbegin', `<iframe id="adjacent-frame" src="${gtm}"></iframe><b>own</b>`);
      const cleared = document.createElement('div');
      cleared.innerHTML = '<i>x</i>';
      cleared.innerHTML = null as unknown as string;
      const own = document.createElement('div');
      own.innerHTML = '<iframe src="/test/e2e/pages/guard-first-party.js" title="own"></iframe>';
      // A held frame keeps its URL in the tagged form, for its placeholder and its release.
      const held = (frame: Element) => [frame.getAttribute('src'), frame.getAttribute('data-src'), frame.getAttribute('data-consent')];
      return {
        shadowFrame: held(shadow.getElementById('shadow-frame')!),
        shadowText: shadow.querySelector('p')!.textContent,
        detachedPixel: detached.querySelector('img')!.hasAttribute('src'),
        adjacentFrame: held(document.getElementById('adjacent-frame')!),
        adjacentText: box.querySelector('b')!.textContent,
        cleared: cleared.innerHTML,
        ownFrame: own.querySelector('iframe')!.getAttribute('src'),
      };
    });
    const gtm = 'https://www.googletagmanager.com/ns.html?id=GTM-F2F0TST';
    expect(result).toEqual({
      shadowFrame: [null, gtm, 'analytics'],
      shadowText: 'in shadow',
      detachedPixel: false,
      adjacentFrame: [null, gtm, 'analytics'],
      adjacentText: 'own',
      cleared: '',
      ownFrame: '/test/e2e/pages/guard-first-party.js',
    });
    await settle(opened.page);
    expect(withoutPreload(opened.traffic.requests, 'pasted')).toEqual([]);
    await opened.context.close();
  });

  it('insertBefore and replaceChild keep their native contract; a tracker script made behind the setters (attribute node, contextual fragment, another frame, a <base href>) is held', async () => {
    const opened = await open('pasted');
    const result = await opened.page.evaluate(() => {
      const list = document.createElement('ul');
      document.body.appendChild(list);
      const first = list.appendChild(document.createElement('li'));
      let oneArgument = '';
      try {
        (list.insertBefore as (node: Node) => Node)(document.createElement('li'));
      } catch (error) {
        oneArgument = (error as Error).name;
      }
      const second = document.createElement('li');
      const inserted = list.insertBefore(second, first);
      const replaced = list.replaceChild(document.createElement('li'), first);
      // A tracker script set up behind our back (an attribute node) is judged where it is inserted...
      const script = document.createElement('script');
      const attribute = document.createAttribute('src');
      attribute.value = 'https://www.clarity.ms/tag/late';
      script.setAttributeNode(attribute);
      list.insertBefore(script, second);
      // ...as is one parsed by createContextualFragment (it would run), and one made in another frame.
      const fragment = document.createRange().createContextualFragment('<script src="https://www.clarity.ms/tag/fragment"></script>');
      const parsed = fragment.querySelector('script')!;
      document.body.appendChild(fragment);
      const frame = document.body.appendChild(document.createElement('iframe'));
      const foreign = frame.contentDocument!.createElement('script');
      foreign.src = 'https://www.clarity.ms/tag/foreign';
      document.head.appendChild(foreign);
      // ...and a relative URL that a <base href> points at a tracker.
      const base = document.head.appendChild(document.createElement('base'));
      base.href = 'https://www.clarity.ms/';
      const relative = document.createElement('script');
      relative.src = 'tag/relative';
      document.head.appendChild(relative);
      base.remove();
      const held = (s: HTMLScriptElement) => s.type === 'text/plain' && !s.hasAttribute('src');
      return {
        oneArgument,
        insertedIsSecond: inserted === second,
        replacedIsFirst: replaced === first,
        rows: list.children.length,
        held: [held(script), held(parsed), held(foreign), held(relative)],
      };
    });
    expect(result).toEqual({ oneArgument: 'TypeError', insertedIsSecond: true, replacedIsFirst: true, rows: 3, held: [true, true, true, true] });
    await settle(opened.page);
    expect(withoutPreload(opened.traffic.requests, 'pasted')).toEqual([]);
    await opened.context.close();
  });

  it('a tagged iframe appended by a script gets its placeholder; so does a tracker iframe in innerHTML, which never loads until allowed', async () => {
    const opened = await open('pasted');
    await opened.page.evaluate(() => {
      const frame = document.createElement('iframe');
      frame.id = 'late-video';
      frame.setAttribute('data-consent', 'advertising');
      frame.setAttribute('data-src', 'https://www.youtube-nocookie.com/embed/late');
      frame.width = '320';
      frame.height = '180';
      document.body.appendChild(frame);
      const box = document.createElement('div');
      document.body.appendChild(box);
      box.innerHTML = '<iframe id="late-tracker" src="https://www.googletagmanager.com/ns.html?id=GTM-F2F0TST"></iframe>';
    });
    const placeholder = opened.page.locator('.consentry-placeholder');
    await expect.poll(() => placeholder.count()).toBe(2);
    expect(await placeholder.first().boundingBox()).toMatchObject({ width: 320, height: 180 });
    expect(await opened.page.locator('#late-tracker').getAttribute('src')).toBeNull();
    expect(await opened.page.locator('#late-tracker').getAttribute('data-consent')).toBe('analytics');
    await settle(opened.page);
    expect(withoutPreload(opened.traffic.requests, 'pasted')).toEqual([]);
    await placeholder.getByRole('button', { name: 'Allow Advertising' }).click();
    await expect.poll(() => opened.traffic.requests.filter((r) => r.kind === 'embed').length).toBe(1);
    // The analytics one is still held.
    expect(opened.traffic.requests.filter((r) => r.url.includes('/ns.html'))).toEqual([]);
    await placeholder.getByRole('button', { name: 'Allow Analytics' }).click();
    await expect.poll(() => opened.traffic.requests.filter((r) => r.url.includes('/ns.html')).length).toBe(1);
    await opened.context.close();
  });
});
