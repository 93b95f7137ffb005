/**
 * Pure matching of URLs and cookie names against tracker rules. No DOM, no
 * side effects: the guard calls these on every blocked-or-not decision.
 */
import type { TrackerRule } from './types';

/** A host as compared: lowercase, without a trailing dot (`example.com.` is `example.com`). */
const normalHost = (host: string) => host.toLowerCase().replace(/\.$/, '');

/**
 * A rule's host as compared: lowercase, and `*.example.com` (a common way to
 * write "and its subdomains") read as `example.com`, which already covers them.
 */
const normalPattern = (pattern: string) => pattern.toLowerCase().replace(/^\*\./, '');

/**
 * Whether a URL's `pathname` matches a path rule: the rule is the end of the
 * path on a segment boundary (`/matomo.js` matches `/stats/matomo.js`, never
 * `/notmatomo.js`).
 */
export function pathMatches(pathname: string, rulePath: string): boolean {
  return pathname === rulePath || pathname.endsWith(rulePath);
}

/** Whether `path` is under a host entry's path prefix, on a segment boundary (`/tr` matches `/tr` and `/tr/x`, not `/track`); `''` is every path. */
function underPrefix(path: string, prefix: string): boolean {
  return !prefix || path === prefix || path.startsWith(prefix.endsWith('/') ? prefix : prefix + '/');
}

/**
 * Rules compiled for lookup: each host entry under its host, as
 * `[rule's position, path prefix or '']`, and every path rule. A URL is then
 * looked up under its host and each parent domain (a handful of map reads)
 * instead of being compared with every entry of every rule (about 100): the
 * guard asks this for every request, image, script and iframe of the page.
 */
interface RuleIndex {
  hosts: Map<string, [position: number, prefix: string][]>;
  paths: [position: number, path: string][];
}

/**
 * The strings of a rule's list. A site rule reaches the guard before its config is
 * validated, so a list of another shape must not make lookups throw (which would
 * let the URL through): it is read as no entries, and validation says why.
 */
const strings = (list: unknown): string[] => (Array.isArray(list) ? list.filter((entry) => typeof entry == 'string') : []);

/** One index per rules list (the guard builds its list once: site rules, then the built-in ones). */
const indexes = new WeakMap<readonly TrackerRule[], RuleIndex>();

function indexRules(rules: readonly TrackerRule[]): RuleIndex {
  let index = indexes.get(rules);
  if (!index) {
    const hosts = new Map<string, [number, string][]>();
    const paths: [number, string][] = [];
    rules.forEach((rule, position) => {
      for (const entry of strings(rule?.hosts)) {
        const slash = entry.indexOf('/');
        const host = normalPattern(slash < 0 ? entry : entry.slice(0, slash));
        if (!hosts.has(host)) hosts.set(host, []);
        hosts.get(host)!.push([position, slash < 0 ? '' : entry.slice(slash)]);
      }
      for (const path of strings(rule?.paths)) paths.push([position, path]);
    });
    indexes.set(rules, (index = { hosts, paths }));
  }
  return index;
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
 * The first rule (in list order: site rules come first) a URL belongs to, or
 * undefined. A rule claims a URL by one of its `hosts` (the host or a parent
 * domain, on a dot boundary: `google-analytics.com` never claims
 * `notgoogle-analytics.com` or `google-analytics.com.evil.test`; and the
 * entry's path prefix if it has one) or one of its `paths`.
 * Only http(s) and ws(s) URLs can be trackers; `data:`, `blob:` and the like
 * never match. The list must not change after its first lookup (it is indexed
 * once).
 */
export function ruleForUrl(rules: readonly TrackerRule[], url: URL): TrackerRule | undefined {
  if (!/^(http|ws)s?:$/.test(url.protocol)) return undefined;
  const { hosts, paths } = indexRules(rules);
  const path = url.pathname;
  let first = rules.length;
  // `a.b.example.com`, then `b.example.com`, `example.com`, `com`.
  for (let host = normalHost(url.hostname); host; host = host.slice(host.indexOf('.') + 1 || host.length)) {
    for (const [position, prefix] of hosts.get(host) ?? []) if (position < first && underPrefix(path, prefix)) first = position;
  }
  for (const [position, rulePath] of paths) if (position < first && pathMatches(path, rulePath)) first = position;
  return rules[first];
}

/** The first rule a cookie name belongs to, or undefined (first-party cookies that match nothing). */
export function ruleForCookie(rules: readonly TrackerRule[], name: string): TrackerRule | undefined {
  return rules.find((rule) => strings(rule?.cookies).some((pattern) => globMatches(name, pattern)));
}
