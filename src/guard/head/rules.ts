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
 * The rule a URL (absolute, or relative to `base` as the browser resolves it:
 * the document's base URL by default, so a `<base href>` counts) belongs to;
 * undefined for first-party URLs and anything that is not a URL.
 */
export function forUrl(url: unknown, base = document.baseURI): TrackerRule | undefined {
  try {
    return ruleForUrl(rules, new URL(String(url), base));
  } catch {
    return undefined;
  }
}

/** The rule a cookie name belongs to. */
export const forCookie = (name: string): TrackerRule | undefined => ruleForCookie(rules, name);

/** The rule `url` belongs to when its category is denied now: a request to it must not leave the page. */
export function deniedRule(url: unknown, base?: string): TrackerRule | undefined {
  const rule = forUrl(url, base);
  return rule && !allows(rule.category) ? rule : undefined;
}

/** Whether a request to `url` must not leave the page now. */
export const isBlockedUrl = (url: unknown, base?: string): boolean => !!deniedRule(url, base);
