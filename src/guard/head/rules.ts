/**
 * The rules the blockers run with (the kernel's `Rules`: site rules first,
 * then the built-in table) and the question every interceptor asks: is this
 * URL a tracker whose category is denied right now?
 */
import { BUILTIN_RULES } from '../../core/rules';
import { ruleForCookie, ruleForUrl } from '../../core/url-match';
import type { TrackerRule } from '../../core/types';
import { allows } from './gate';

let rules: readonly TrackerRule[] = BUILTIN_RULES;

/** Run with the site's rules (checked first, so they override) together with the built-in ones. */
export function use(siteRules: readonly TrackerRule[]): void {
  rules = [...siteRules, ...BUILTIN_RULES];
}

/**
 * The rule a URL (absolute, or relative to the page's base URL, as the browser
 * resolves it: a `<base href>` counts) belongs to; undefined for first-party
 * URLs and anything that is not a URL.
 */
export function forUrl(url: unknown): TrackerRule | undefined {
  try {
    return ruleForUrl(rules, new URL(String(url), document.baseURI));
  } catch {
    return undefined;
  }
}

/** The rule a cookie name belongs to. */
export const forCookie = (name: string): TrackerRule | undefined => ruleForCookie(rules, name);

/** Whether a request to `url` must not leave the page now. */
export function isBlockedUrl(url: unknown): boolean {
  const rule = forUrl(url);
  return !!rule && !allows(rule.category);
}
