/**
 * Every `document.cookie` string needed to delete a cookie that a tracker may
 * have set with any domain and path. A browser only deletes a cookie when the
 * deletion names the same domain and path it was set with, and scripts cannot
 * read those attributes back, so we write one deletion per possible pair:
 * host-only and every parent domain down to (not past) the registrable domain,
 * times `/` and every prefix of the current path.
 */

/**
 * Public suffixes with more than one label that sites in our markets use. Not
 * the full Public Suffix List (which would not fit in the guard): a browser
 * rejects a cookie on a public suffix anyway, so a missing entry costs one
 * useless deletion string, never a wrong deletion.
 */
const MULTI_LABEL_SUFFIXES = new Set([
  'com.cn', 'net.cn', 'org.cn', 'gov.cn', 'edu.cn', 'ac.cn',
  'com.hk', 'org.hk', 'com.tw', 'com.sg', 'com.my',
  'co.uk', 'org.uk', 'ac.uk', 'gov.uk',
  'com.au', 'net.au', 'org.au', 'co.nz', 'co.jp', 'co.kr', 'co.in', 'com.br',
  'github.io', 'gitlab.io', 'netlify.app', 'vercel.app', 'pages.dev', 'web.app',
  'firebaseapp.com', 'herokuapp.com', 'appspot.com', 'azurewebsites.net', 'cloudfront.net',
]);

const IP_HOST = /^(\d+\.){3}\d+$|:/;

/**
 * The `domain=` values a cookie visible on `host` may carry, most specific
 * first: the host itself, then each parent down to the registrable domain.
 * Empty for localhost, single-label hosts and IP addresses (host-only cookies only).
 */
export function cookieDomains(host: string): string[] {
  const h = host.toLowerCase().replace(/\.$/, '');
  const labels = h.split('.');
  if (IP_HOST.test(h) || labels.length < 2) return [];
  const suffixLabels = MULTI_LABEL_SUFFIXES.has(labels.slice(-2).join('.')) ? 2 : 1;
  const domains: string[] = [];
  for (let i = 0; labels.length - i > suffixLabels; i++) domains.push(labels.slice(i).join('.'));
  return domains;
}

/** `/` and every prefix of `pathname`, with and without a trailing slash (`/a/b` gives `/`, `/a`, `/a/`, `/a/b`). */
export function cookiePaths(pathname: string): string[] {
  const paths = ['/'];
  const segments = pathname.split('/').filter(Boolean);
  let prefix = '';
  for (const segment of segments) {
    prefix += '/' + segment;
    paths.push(prefix, prefix + '/');
  }
  // The last segment is usually a file (`/a/page.html`); its trailing-slash form cannot be a cookie path of this page.
  if (!pathname.endsWith('/') && segments.length) paths.pop();
  return paths;
}

/** The `document.cookie` assignments that delete cookie `name` in every domain and path variant for a page at `host` + `pathname`. */
export function cookieDeletions(name: string, host: string, pathname: string): string[] {
  const domains: (string | undefined)[] = [undefined, ...cookieDomains(host)];
  const deletions: string[] = [];
  for (const path of cookiePaths(pathname)) {
    for (const domain of domains) {
      deletions.push(`${name}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=${path}${domain ? '; domain=' + domain : ''}`);
    }
  }
  return deletions;
}
