/**
 * Which third-party URLs the demo answers locally, and with what.
 *
 * Shared by the demo server (Node) and the demo's service worker (a module
 * worker), so both agree on one table. A vendor's library URL (`scripts`) is
 * answered with its local stand-in from demo/vendors/ (written to behave like
 * the real library: set its cookies, send its hits). Every other request to a
 * vendor host — pixels, beacons, fetches — is a "hit" and is forwarded to the
 * demo server's collector. Requests to a third-party host missing from this
 * table are answered empty and reported as `unknown`, so nothing ever leaves
 * the machine.
 */

/**
 * @typedef {object} DemoVendor
 * @property {string} id        short id used in the monitor and collector
 * @property {string} name      what the monitor shows
 * @property {string} category  the Consentry category the vendor belongs to
 * @property {string[]} hosts   hosts (and their subdomains) the vendor uses
 * @property {{ path: RegExp, file: string }[]} scripts  library URLs -> stand-in file in demo/vendors/
 * @property {string[]} cookies cookie names the vendor sets (`*` wildcard)
 */

/** @type {DemoVendor[]} */
export const DEMO_VENDORS = [
  {
    id: 'ga4',
    name: 'Google Analytics 4 (gtag.js)',
    category: 'analytics',
    hosts: ['googletagmanager.com', 'google-analytics.com', 'analytics.google.com'],
    scripts: [{ path: /^\/gtag\/js/, file: 'gtag.js' }],
    cookies: ['_ga', '_ga_*', '_gid'],
  },
  {
    id: 'meta',
    name: 'Meta Pixel',
    category: 'advertising',
    hosts: ['connect.facebook.net', 'facebook.com'],
    scripts: [{ path: /\/fbevents\.js$/, file: 'fbevents.js' }],
    cookies: ['_fbp', '_fbc'],
  },
  {
    id: 'baidu',
    name: 'Baidu Tongji 百度统计',
    category: 'analytics',
    hosts: ['hm.baidu.com'],
    scripts: [{ path: /^\/hm\.js/, file: 'hm.js' }],
    cookies: ['Hm_lvt_*', 'Hm_lpvt_*', 'HMACCOUNT'],
  },
  {
    id: 'clarity',
    name: 'Microsoft Clarity',
    category: 'analytics',
    hosts: ['clarity.ms'],
    scripts: [{ path: /^\/tag\//, file: 'clarity.js' }],
    cookies: ['_clck', '_clsk', 'CLID', 'MUID'],
  },
  {
    id: 'hotjar',
    name: 'Hotjar',
    category: 'analytics',
    hosts: ['hotjar.com', 'hotjar.io'],
    scripts: [{ path: /^\/c\/hotjar-/, file: 'hotjar.js' }],
    cookies: ['_hjSessionUser_*', '_hjSession_*', '_hjid'],
  },
  {
    id: 'linkedin',
    name: 'LinkedIn Insight Tag',
    category: 'advertising',
    hosts: ['snap.licdn.com', 'px.ads.linkedin.com', 'linkedin.com'],
    scripts: [{ path: /\/insight\.min\.js$/, file: 'linkedin.js' }],
    cookies: ['li_fat_id', 'lidc', 'bcookie', 'li_sugr'],
  },
  {
    id: 'youtube',
    name: 'YouTube (video embed)',
    category: 'advertising',
    hosts: ['youtube.com', 'youtube-nocookie.com', 'ytimg.com'],
    scripts: [],
    cookies: ['VISITOR_INFO1_LIVE', 'YSC'],
  },
];

/** Whether `host` is `domain` or one of its subdomains (never a look-alike such as `domain.evil.test`). */
export function hostMatches(host, domain) {
  return host === domain || host.endsWith('.' + domain);
}

/** The demo vendor that owns `url`'s host, or undefined. */
export function vendorForUrl(url) {
  return DEMO_VENDORS.find((vendor) => vendor.hosts.some((domain) => hostMatches(url.hostname, domain)));
}

/** The stand-in file that answers `url` when it is a vendor's library, or undefined. */
export function standInFor(vendor, url) {
  return vendor.scripts.find((script) => script.path.test(url.pathname))?.file;
}

/** The demo vendor whose cookie list matches `cookieName`, or undefined. */
export function vendorForCookie(cookieName) {
  return DEMO_VENDORS.find((vendor) =>
    vendor.cookies.some((pattern) =>
      pattern.endsWith('*') ? cookieName.startsWith(pattern.slice(0, -1)) : cookieName === pattern,
    ),
  );
}
