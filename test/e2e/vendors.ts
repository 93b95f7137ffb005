/**
 * Third-party traffic for the guard tests: every request that leaves the test
 * server's origin is a tracker request here (the guard test pages embed
 * nothing else). Vendor libraries are answered with their stand-ins from
 * demo/vendors/ (which set cookies and send hits like the real ones); every
 * other vendor URL — pixel, beacon, fetch, XHR — is a hit, answered with a
 * 1×1 GIF (images) or 204. WebSockets to Hotjar are answered locally too, and
 * each socket and each message sent on it is recorded as a hit.
 *
 * The tables below are written independently of src/core/rules.ts on purpose:
 * a rule missing from the product must show up as a leak here, not be missed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Route } from 'playwright-core';
import { ROOT } from './harness';

/** A vendor the test pages embed: how to recognise its library and its hits. */
export interface TestVendor {
  id: string;
  category: 'analytics' | 'advertising';
  /** The stand-in in demo/vendors/ and the URL it answers. */
  file: string;
  library: (url: URL) => boolean;
  /** Hit URLs (pixels, beacons, fetches, sockets). */
  hit: (url: URL) => boolean;
  /** First-party cookies the vendor sets. */
  cookies: RegExp;
}

const on = (url: URL, domain: string) => url.hostname === domain || url.hostname.endsWith('.' + domain);

export const TEST_VENDORS: TestVendor[] = [
  {
    id: 'gtag',
    category: 'analytics',
    file: 'gtag.js',
    library: (u) => on(u, 'googletagmanager.com') && u.pathname === '/gtag/js',
    hit: (u) => on(u, 'google-analytics.com'),
    cookies: /^_ga(_|$)/,
  },
  {
    id: 'gtm',
    category: 'analytics',
    file: 'gtm.js',
    library: (u) => on(u, 'googletagmanager.com') && u.pathname === '/gtm.js',
    // The container's Google Ads tag: advertising.
    hit: (u) => on(u, 'doubleclick.net') || (on(u, 'google.com') && u.pathname.startsWith('/pagead/')),
    cookies: /^_gcl_au$/,
  },
  {
    id: 'meta',
    category: 'advertising',
    file: 'fbevents.js',
    library: (u) => on(u, 'connect.facebook.net'),
    hit: (u) => on(u, 'facebook.com'),
    cookies: /^_fbp$/,
  },
  {
    id: 'tiktok',
    category: 'advertising',
    file: 'tiktok.js',
    library: (u) => on(u, 'tiktok.com') && u.pathname === '/i18n/pixel/events.js',
    hit: (u) => on(u, 'tiktok.com'),
    cookies: /^_tt(p|_enable_cookie)$/,
  },
  {
    id: 'linkedin',
    category: 'advertising',
    file: 'linkedin.js',
    library: (u) => on(u, 'snap.licdn.com'),
    hit: (u) => on(u, 'linkedin.com'),
    cookies: /^li_fat_id$/,
  },
  {
    id: 'clarity',
    category: 'analytics',
    file: 'clarity.js',
    library: (u) => on(u, 'clarity.ms') && u.pathname.startsWith('/tag/'),
    hit: (u) => on(u, 'clarity.ms'),
    cookies: /^_cl(ck|sk)$/,
  },
  {
    id: 'hotjar',
    category: 'analytics',
    file: 'hotjar.js',
    library: (u) => on(u, 'static.hotjar.com'),
    hit: (u) => on(u, 'hotjar.com') || on(u, 'hotjar.io'),
    cookies: /^_hjSession(User)?_/,
  },
  {
    id: 'baidu',
    category: 'analytics',
    file: 'hm.js',
    library: (u) => on(u, 'hm.baidu.com') && u.pathname === '/hm.js',
    hit: (u) => on(u, 'hm.baidu.com'),
    cookies: /^Hm_l(v|pv)t_/,
  },
  {
    id: 'matomo',
    category: 'analytics',
    file: 'matomo.js',
    library: (u) => u.pathname.endsWith('/matomo.js'),
    hit: (u) => u.pathname.endsWith('/matomo.php'),
    cookies: /^_pk_(id|ses)\./,
  },
  {
    id: 'cnzz',
    category: 'analytics',
    file: 'cnzz.js',
    library: (u) => on(u, 'cnzz.com') && u.pathname === '/z_stat.php',
    hit: (u) => on(u, 'cnzz.com'),
    cookies: /^(CNZZDATA|UM_distinctid)/,
  },
];

/** One request that left the page for a third party. */
export interface TrackerRequest {
  url: string;
  /** Vendor id, or 'unknown' for a third-party URL no test vendor claims (or 'embed' for the video iframe). */
  vendor: string;
  kind: 'library' | 'hit' | 'embed';
  /** Playwright's resource type (script, image, ping, fetch, xhr, websocket, document, …). */
  type: string;
}

export interface VendorTraffic {
  readonly requests: TrackerRequest[];
  hits(vendor?: string): TrackerRequest[];
  libraries(vendor?: string): TrackerRequest[];
  /** Forget what was recorded so far. */
  clear(): void;
}

const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
const standIn = (file: string) => readFileSync(join(ROOT, 'demo/vendors', file));

/** The vendor owning a URL, and whether the URL is its library or a hit. */
export function classifyTestUrl(url: URL): Omit<TrackerRequest, 'url' | 'type'> {
  for (const vendor of TEST_VENDORS) if (vendor.library(url)) return { vendor: vendor.id, kind: 'library' };
  if (on(url, 'youtube-nocookie.com')) return { vendor: 'embed', kind: 'embed' };
  for (const vendor of TEST_VENDORS) if (vendor.hit(url)) return { vendor: vendor.id, kind: 'hit' };
  return { vendor: 'unknown', kind: 'hit' };
}

/** Route every third-party request of `context` to the stand-ins and record it. `firstParty` is the test server's origin. */
export async function routeVendors(context: BrowserContext, firstParty: string): Promise<VendorTraffic> {
  const requests: TrackerRequest[] = [];
  const firstHost = new URL(firstParty).host;
  await context.route(
    (url) => url.host !== firstHost || url.pathname.endsWith('/matomo.js') || url.pathname.endsWith('/matomo.php'),
    async (route: Route) => {
      const request = route.request();
      const url = new URL(request.url());
      const owner = classifyTestUrl(url);
      requests.push({ url: request.url(), type: request.resourceType(), ...owner });
      if (owner.kind === 'library') {
        const vendor = TEST_VENDORS.find((v) => v.id === owner.vendor)!;
        await route.fulfill({ status: 200, contentType: 'text/javascript', body: standIn(vendor.file) });
      } else if (owner.kind === 'embed') {
        await route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>video</title><p>video player</p>' });
      } else if (request.resourceType() === 'image') {
        await route.fulfill({ status: 200, contentType: 'image/gif', body: GIF });
      } else {
        await route.fulfill({ status: 204, headers: { 'access-control-allow-origin': '*' } });
      }
    },
  );
  await context.routeWebSocket(
    (url) => url.host !== firstHost,
    (socket) => {
      const url = new URL(socket.url());
      requests.push({ url: socket.url(), type: 'websocket', ...classifyTestUrl(url) });
      socket.onMessage(() => requests.push({ url: socket.url(), type: 'websocket-message', ...classifyTestUrl(url) }));
    },
  );
  const select = (kind: TrackerRequest['kind']) => (vendor?: string) =>
    requests.filter((r) => r.kind === kind && (vendor === undefined || r.vendor === vendor));
  return {
    requests,
    hits: select('hit'),
    libraries: select('library'),
    clear: () => void requests.splice(0),
  };
}

/** Names of the tracker cookies (of any test vendor) among `names`. */
export function trackerCookies(names: string[]): string[] {
  return names.filter((name) => TEST_VENDORS.some((vendor) => vendor.cookies.test(name))).sort();
}
