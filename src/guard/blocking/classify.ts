/**
 * The rules the guard runs with (site rules first, then the built-in table)
 * and the two questions every interceptor asks: is this URL, or this cookie,
 * a tracker whose category is denied right now?
 */
import { BUILTIN_RULES } from '../../core/rules';
import { ruleForCookie, ruleForUrl } from '../../core/url-match';
import type { ConsentryConfig, TrackerRule } from '../../core/types';
import { isAllowed } from '../gate';

let rules: readonly TrackerRule[] = BUILTIN_RULES;

/** Use the site's rules (checked first, so they override) together with the built-in ones. */
export function useRules(config: ConsentryConfig): void {
  rules = [...(config.rules || []), ...BUILTIN_RULES];
}

/**
 * The rule a URL (absolute, or relative to the page's base URL, as the browser
 * resolves it: a `<base href>` counts) belongs to; undefined for first-party
 * URLs and anything that is not a URL.
 */
export function urlRule(url: unknown): TrackerRule | undefined {
  try {
    return ruleForUrl(rules, new URL(String(url), document.baseURI));
  } catch {
    return undefined;
  }
}

/** The rule a cookie name belongs to. */
export function cookieRule(name: string): TrackerRule | undefined {
  return ruleForCookie(rules, name);
}

/** Whether a request to `url` must not leave the page now. */
export function isBlockedUrl(url: unknown): boolean {
  const rule = urlRule(url);
  return !!rule && !isAllowed(rule.category);
}
