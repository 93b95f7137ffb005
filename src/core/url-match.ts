/**
 * Pure matching of URLs and cookie names against tracker rules. No DOM, no
 * side effects: the guard calls these on every blocked-or-not decision.
 */
import type { TrackerRule } from './types';

/**
 * Whether `host` is `pattern` or one of its subdomains. The match is on a dot
 * boundary, so `notgoogle-analytics.com` and `google-analytics.com.evil.test`
 * never match `google-analytics.com`. A trailing dot (`example.com.`) is ignored.
 */
export function hostMatches(host: string, pattern: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  const p = pattern.toLowerCase();
  return h === p || h.endsWith('.' + p);
}

/**
 * Whether a URL's `pathname` matches a path rule: the rule is the end of the
 * path on a segment boundary (`/matomo.js` matches `/stats/matomo.js`, never
 * `/notmatomo.js`).
 */
export function pathMatches(pathname: string, rulePath: string): boolean {
  return pathname === rulePath || pathname.endsWith(rulePath);
}

/**
 * Whether a URL matches one `hosts` entry: `host` alone, or `host/prefix`
 * (a path prefix on a segment boundary: `facebook.com/tr` matches `/tr` and
 * `/tr/`, not `/track`).
 */
export function hostEntryMatches(url: URL, entry: string): boolean {
  const slash = entry.indexOf('/');
  if (slash < 0) return hostMatches(url.hostname, entry);
  const prefix = entry.slice(slash);
  const path = url.pathname;
  return (
    hostMatches(url.hostname, entry.slice(0, slash)) &&
    (path === prefix || path.startsWith(prefix.endsWith('/') ? prefix : prefix + '/'))
  );
}

const globCache = new Map<string, RegExp>();

/** Whether a cookie name matches a pattern where `*` stands for any run of characters (case-sensitive, as cookie names are). */
export function globMatches(name: string, pattern: string): boolean {
  let re = globCache.get(pattern);
  if (!re) {
    re = new RegExp('^' + pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*') + '$');
    globCache.set(pattern, re);
  }
  return re.test(name);
}

/**
 * The first rule a URL belongs to, or undefined. Only http(s) and ws(s) URLs
 * can be trackers; `data:`, `blob:` and the like never match.
 */
export function ruleForUrl(rules: readonly TrackerRule[], url: URL): TrackerRule | undefined {
  if (!/^(http|ws)s?:$/.test(url.protocol)) return undefined;
  return rules.find(
    (rule) =>
      rule.hosts?.some((entry) => hostEntryMatches(url, entry)) ||
      rule.paths?.some((path) => pathMatches(url.pathname, path)),
  );
}

/** The first rule a cookie name belongs to, or undefined (first-party cookies that match nothing). */
export function ruleForCookie(rules: readonly TrackerRule[], name: string): TrackerRule | undefined {
  return rules.find((rule) => rule.cookies?.some((pattern) => globMatches(name, pattern)));
}
