/**
 * `purgeTrackerCookies` deletes tracker cookies already set, in every domain
 * and path variant they could have been set with. It is only needed when a
 * category becomes denied, which only the API (the guard's async part,
 * dist/consentry-runtime.js) can do, so it lives there: the synchronous part's
 * blockers call it through `usePurge` (./index.ts).
 */
import { cookieDeletions } from '../../core/cookie-variants';
import type { CategoryId, ConsentryConfig } from '../../core/types';
import { cookieRule, useRules } from './classify';
import { cookieName } from './cookies';

/**
 * Delete every tracker cookie of `categories` that this page can see, in each
 * domain and path variant (see src/core/cookie-variants.ts). Cookies set on
 * another path or for another subdomain's host are invisible to the page and
 * are deleted when the visitor is on that page.
 */
export function purgeTrackerCookies(config: ConsentryConfig, categories: Iterable<CategoryId>): void {
  try {
    useRules(config);
    const denied = new Set(categories);
    const secure = location.protocol === 'https:' ? '; secure' : '';
    for (const pair of document.cookie.split(';')) {
      const name = cookieName(pair);
      const rule = name && cookieRule(name);
      if (rule && denied.has(rule.category)) {
        for (const deletion of cookieDeletions(name, location.hostname, location.pathname)) document.cookie = deletion + secure;
      }
    }
  } catch (error) {
    console.error('consentry: could not delete tracker cookies', error);
  }
}
