/**
 * One measured visit pair for one tool, in a fresh browser context:
 * a first visit (banner, bytes, layout shift, what leaks before consent),
 * then "Accept all" through the tool's API, then a returning visit (bytes,
 * time until the allowed tracker runs). Third-party URLs never leave the
 * machine: Playwright answers them with the bench's tracker stand-ins and
 * counts every request, hit and cookie.
 */
import { readFileSync } from 'node:fs';
import { probeScript } from './probe.mjs';
import { totalSize } from './sizes.mjs';
import { startTrace, scriptTimeMs } from './trace.mjs';

const STAND_INS = {
  'www.googletagmanager.com': readFileSync(new URL('./trackers/ga.js', import.meta.url), 'utf8'),
  'static.hotjar.com': readFileSync(new URL('./trackers/hotjar.js', import.meta.url), 'utf8'),
};
const HIT_HOSTS = ['www.google-analytics.com', 'in.hotjar.com'];
const TRACKER_COOKIE = /^(_ga|_gid|_hj)/;
/** How long a first visit is watched after the banner shows, for trackers that would run late. */
const SETTLE_MS = 800;
const TIMEOUT_MS = 15_000;

/** Routes every non-local request: stand-in libraries, hits answered empty; all counted. */
async function routeThirdParties(context, log) {
  await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => {
    const url = new URL(route.request().url());
    const standIn = STAND_INS[url.hostname];
    if (standIn) {
      log.scripts.push(url.href);
      return route.fulfill({ status: 200, contentType: 'text/javascript', body: standIn });
    }
    if (HIT_HOSTS.includes(url.hostname)) log.hits.push(url.href);
    else log.other.push(url.href);
    return route.fulfill({ status: 204 });
  });
}

/** Local paths the page requested from the bench server. */
function watchLocalRequests(context, origin) {
  const paths = [];
  context.on('request', (request) => {
    const url = new URL(request.url());
    if (url.origin === origin) paths.push(url.pathname);
  });
  return paths;
}

/** Bytes of the tool's inline config/init scripts (marked data-bench-cm on the pages). */
const inlineToolTexts = (page) =>
  page.$$eval('[data-bench-cm]', (elements) => elements.map((element) => element.textContent ?? ''));

/** Paths of synchronous, parser-inserted scripts in <head> (they block the parser). */
const parserBlockingScripts = (page) =>
  page.$$eval('head script[src]', (scripts) =>
    scripts
      .filter((s) => !s.async && !s.defer && ['', 'text/javascript', 'application/javascript'].includes(s.type))
      .map((s) => new URL(s.src).pathname),
  );

/**
 * Measures one tool once.
 * @param {import('playwright-core').Browser} browser
 * @param {string} origin
 * @param {import('./tools.mjs').TOOLS[number]} tool
 * @param {{ trace: boolean }} options  trace: also record main-thread time (a separate run, tracing slows the page)
 */
export async function measureVisit(browser, origin, tool, { trace }) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const log = { scripts: [], hits: [], other: [] };
    await routeThirdParties(context, log);
    await context.addInitScript({ content: probeScript(tool.bannerSelector) });
    const paths = watchLocalRequests(context, origin);
    const page = await context.newPage();
    const cdp = trace ? await context.newCDPSession(page) : null;
    const belongs = (url) => url.startsWith(origin) && tool.owns(new URL(url).pathname);

    // First visit.
    let stopTrace = cdp ? await startTrace(cdp) : null;
    await page.goto(origin + tool.page, { waitUntil: 'load' });
    await page.waitForFunction(() => window.__benchProbe.bannerAt !== null, null, { timeout: TIMEOUT_MS });
    await page.waitForTimeout(SETTLE_MS);
    const firstEvents = stopTrace ? await stopTrace() : null;
    const first = await page.evaluate(() => ({ bannerAt: window.__benchProbe.bannerAt, cls: window.__benchProbe.cls }));
    const cookiesBefore = (await context.cookies()).filter((c) => TRACKER_COOKIE.test(c.name)).map((c) => c.name);
    const firstPaths = paths.splice(0).filter(tool.owns);
    const firstInline = await inlineToolTexts(page);
    const blockingPaths = (await parserBlockingScripts(page)).filter(tool.owns);
    const before = { scripts: log.scripts.length, hits: log.hits.length, other: log.other.length, cookies: cookiesBefore.length };

    // Accept all, then wait until the allowed tracker has run.
    await page.evaluate(tool.acceptAll);
    await page.waitForFunction(() => Boolean(window.__benchGa), null, { timeout: TIMEOUT_MS });
    await page.waitForTimeout(200); // let the tool write its cookie / record
    paths.splice(0);

    // Returning visit.
    stopTrace = cdp ? await startTrace(cdp) : null;
    await page.goto(origin + tool.page, { waitUntil: 'load' });
    await page.waitForFunction(() => Boolean(window.__benchGa), null, { timeout: TIMEOUT_MS });
    await page.waitForTimeout(trace ? SETTLE_MS : 0);
    const returningEvents = stopTrace ? await stopTrace() : null;
    const trackerAt = await page.evaluate(() => window.__benchGa.ranAt);
    // Hotjar is pasted as published on every page (Consentry holds it; the peers let it run from the start).
    await page.waitForFunction(() => Boolean(window.__benchHotjar), null, { timeout: TIMEOUT_MS });
    const pastedTrackerAt = await page.evaluate(() => window.__benchHotjar.ranAt);
    const returningPaths = paths.splice(0).filter(tool.owns);

    return {
      firstBytes: totalSize(firstPaths, firstInline),
      returningBytes: totalSize(returningPaths, firstInline),
      blockingBytes: totalSize(blockingPaths),
      firstFiles: firstPaths,
      returningFiles: returningPaths,
      bannerMs: first.bannerAt,
      cls: first.cls,
      trackerMs: trackerAt,
      pastedTrackerMs: pastedTrackerAt,
      before,
      cookiesBefore,
      scriptMsFirst: firstEvents ? scriptTimeMs(firstEvents, belongs, { countModules: tool.modules }) : null,
      scriptMsReturning: returningEvents ? scriptTimeMs(returningEvents, belongs, { countModules: tool.modules }) : null,
      guardMsFirst: firstEvents ? scriptTimeMs(firstEvents, (url) => url === `${origin}/dist/consentry.js`) : null,
      guardMsReturning: returningEvents ? scriptTimeMs(returningEvents, (url) => url === `${origin}/dist/consentry.js`) : null,
    };
  } finally {
    await context.close();
  }
}

/** One run of the URL-check page (bench/pages/url-checks.html); returns the time of its 300 checks in ms. */
export async function measureUrlChecks(browser, origin) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${origin}/bench/pages/url-checks.html`, { waitUntil: 'load' });
    const { ms, trackers } = await page.waitForFunction(() => window.__urlChecks, null, { timeout: TIMEOUT_MS }).then((handle) => handle.jsonValue());
    if (trackers !== 30) throw new Error(`url-checks: expected 30 trackers among 300 URLs, the guard found ${trackers}`);
    return ms;
  } finally {
    await context.close();
  }
}

/**
 * One run of the 10,000-element page; returns the insertion time in ms.
 * `afterLoad`: the insertions start after the load event (a single-page app
 * rendering), not while the HTML is parsed.
 */
export async function measureDom10k(browser, origin, variant, afterLoad = false) {
  const context = await browser.newContext();
  try {
    await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.fulfill({ status: 204 }));
    const page = await context.newPage();
    await page.goto(`${origin}/bench/pages/dom10k-${variant}.html${afterLoad ? '?after=load' : ''}`, { waitUntil: 'load' });
    return await page.waitForFunction(() => window.__dom10k, null, { timeout: TIMEOUT_MS }).then((handle) => handle.jsonValue());
  } finally {
    await context.close();
  }
}
