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

/**
 * An embed the embed tests paste (test/e2e/embeds.test.ts): its `<iframe>` as
 * the vendor publishes it (or, for vendors that publish a script, the frame
 * their script makes), the URLs of its player (narrow enough not to claim a
 * pixel of `TEST_VENDORS`: a request is an embed's before it is a hit), and
 * what its placeholder must say.
 */
export interface TestEmbed {
  id: string;
  /** The vendor's name in each shipped language. */
  name: { en: string; 'zh-CN': string };
  category: 'analytics' | 'advertising';
  owns: (url: URL) => boolean;
  iframe: string;
}

const YOUTUBE_ALLOW = 'accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; picture-in-picture; web-share';

export const TEST_EMBEDS: TestEmbed[] = [
  {
    id: 'youtube',
    name: { en: 'YouTube', 'zh-CN': 'YouTube' },
    category: 'advertising',
    owns: (u) => on(u, 'youtube.com'),
    iframe: `<iframe width="560" height="315" src="https://www.youtube.com/embed/aqz-KE-bpKQ?si=c0nsentryTest01" title="YouTube video player" frameborder="0" allow="${YOUTUBE_ALLOW}" referrerpolicy="strict-origin-when-cross-origin" allowfullscreen></iframe>`,
  },
  {
    id: 'youtube-nocookie',
    name: { en: 'YouTube', 'zh-CN': 'YouTube' },
    category: 'advertising',
    owns: (u) => on(u, 'youtube-nocookie.com'),
    iframe: `<iframe width="560" height="315" src="https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ?si=c0nsentryTest01" title="YouTube video player" frameborder="0" allow="${YOUTUBE_ALLOW}" referrerpolicy="strict-origin-when-cross-origin" allowfullscreen></iframe>`,
  },
  {
    id: 'vimeo',
    name: { en: 'Vimeo', 'zh-CN': 'Vimeo' },
    category: 'analytics',
    owns: (u) => on(u, 'vimeo.com'),
    iframe: '<iframe src="https://player.vimeo.com/video/76979871?h=8272103f6e&amp;badge=0&amp;autopause=0&amp;player_id=0&amp;app_id=58479" width="640" height="360" frameborder="0" allow="autoplay; fullscreen; picture-in-picture; clipboard-write" title="The New Vimeo Player"></iframe>',
  },
  {
    id: 'google-maps',
    name: { en: 'Google Maps', 'zh-CN': 'Google 地图' },
    category: 'advertising',
    owns: (u) => on(u, 'google.com') && u.pathname.startsWith('/maps'),
    iframe: '<iframe src="https://www.google.com/maps/embed?pb=!1m18!1m12!1m3!1d3022.2!2d-73.985!3d40.758!2m3!1f0!2f0!3f0!3m2!1i1024!2i768!4f13.1!3m3!1m2!1s0x0%3A0x0!2sTimes%20Square!5e0!3m2!1sen!2sus!4v1700000000000" width="600" height="450" style="border:0;" allowfullscreen="" loading="lazy" referrerpolicy="no-referrer-when-downgrade"></iframe>',
  },
  {
    // widgets.js turns the published <blockquote> into this frame.
    id: 'x',
    name: { en: 'X (Twitter)', 'zh-CN': 'X（推特）' },
    category: 'advertising',
    owns: (u) => on(u, 'platform.twitter.com') || on(u, 'syndication.twitter.com'),
    iframe: '<iframe id="twitter-widget-0" scrolling="no" frameborder="0" allowtransparency="true" allowfullscreen="true" style="position: static; visibility: visible; width: 550px; height: 600px; display: block; flex-grow: 1;" title="X Post" src="https://platform.twitter.com/embed/Tweet.html?dnt=false&amp;frame=false&amp;hideCard=false&amp;hideThread=false&amp;id=20&amp;lang=en&amp;theme=light&amp;width=550px"></iframe>',
  },
  {
    id: 'facebook',
    name: { en: 'Facebook', 'zh-CN': 'Facebook' },
    category: 'advertising',
    owns: (u) => on(u, 'facebook.com') && u.pathname.startsWith('/plugins/'),
    iframe: '<iframe src="https://www.facebook.com/plugins/post.php?href=https%3A%2F%2Fwww.facebook.com%2FMeta%2Fposts%2Fpfbid0c0nsentry&amp;show_text=true&amp;width=500" width="500" height="498" style="border:none;overflow:hidden" scrolling="no" frameborder="0" allowfullscreen="true" allow="autoplay; clipboard-write; encrypted-media; picture-in-picture; web-share"></iframe>',
  },
  {
    // embed.js turns the published <blockquote class="instagram-media"> into this frame.
    id: 'instagram',
    name: { en: 'Instagram', 'zh-CN': 'Instagram' },
    category: 'advertising',
    owns: (u) => on(u, 'instagram.com'),
    iframe: '<iframe class="instagram-media instagram-media-rendered" id="instagram-embed-0" src="https://www.instagram.com/p/C0nsentry01/embed/captioned/?cr=1&amp;v=14" allowtransparency="true" allowfullscreen="true" frameborder="0" height="760" scrolling="no" style="background: white; max-width: 540px; width: calc(100% - 2px);"></iframe>',
  },
  {
    id: 'tiktok',
    name: { en: 'TikTok', 'zh-CN': 'TikTok' },
    category: 'advertising',
    owns: (u) => u.hostname === 'www.tiktok.com',
    iframe: '<iframe height="300" width="400" src="https://www.tiktok.com/player/v1/6718335390845095173?music_info=1&amp;description=1" allow="fullscreen" title="TikTok video"></iframe>',
  },
  {
    // Protocol-relative, as Bilibili's share dialog gives it.
    id: 'bilibili',
    name: { en: 'Bilibili', 'zh-CN': '哔哩哔哩' },
    category: 'advertising',
    owns: (u) => on(u, 'bilibili.com'),
    iframe: '<iframe src="//player.bilibili.com/player.html?isOutside=true&aid=170001&bvid=BV17x411w7KC&cid=279786&p=1" scrolling="no" border="0" frameborder="no" framespacing="0" allowfullscreen="true"></iframe>',
  },
  {
    // Unquoted attributes and a quoted attribute name, as Youku's share dialog gives it.
    id: 'youku',
    name: { en: 'Youku', 'zh-CN': '优酷' },
    category: 'advertising',
    owns: (u) => on(u, 'youku.com'),
    iframe: "<iframe height=498 width=510 src='https://player.youku.com/embed/XNTg2NjA3NjQw' frameborder=0 'allowfullscreen'></iframe>",
  },
  {
    id: 'tencent-video',
    name: { en: 'Tencent Video', 'zh-CN': '腾讯视频' },
    category: 'advertising',
    owns: (u) => on(u, 'v.qq.com'),
    iframe: '<iframe frameborder="0" src="https://v.qq.com/txp/iframe/player.html?vid=m3500v3e2ng" allowFullScreen="true"></iframe>',
  },
  {
    id: 'weibo',
    name: { en: 'Weibo', 'zh-CN': '微博' },
    category: 'advertising',
    owns: (u) => on(u, 'weibo.com'),
    iframe: '<iframe width="100%" height="550" class="share_self" frameborder="0" scrolling="no" src="https://widget.weibo.com/weiboshow/index.php?language=&width=0&height=550&fansRow=2&ptype=1&speed=0&skin=1&isTitle=1&noborder=1&isWeibo=1&isFans=1&uid=1642909335&verifier=&dpc=1"></iframe>',
  },
];

/** One request that left the page for a third party. */
export interface TrackerRequest {
  url: string;
  /** Vendor id (a `TEST_VENDORS` or `TEST_EMBEDS` one), or 'unknown' for a third-party URL no test vendor claims. */
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
  for (const embed of TEST_EMBEDS) if (embed.owns(url)) return { vendor: embed.id, kind: 'embed' };
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
        await route.fulfill({ status: 200, contentType: 'text/html', body: `<!doctype html><title>${owner.vendor}</title><p>embedded player</p>` });
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
