/**
 * Deleting tracker cookies already set, in every domain and path variant they
 * could have been set with, when their category becomes denied (a withdrawal,
 * "reject all" after "accept all"). Only the runtime's API can deny, so this
 * lives here and is plugged into the head's blockers as `purge`.
 */
import { cookieDeletions } from '../../core/cookie-variants';
import type { CategoryId } from '../../core/types';
import type { Rules } from '../kernel';

/**
 * Delete every tracker cookie of `categories` that this page can see, judged
 * by the blockers' own rules. Cookies set on another path or for another
 * subdomain's host are invisible to the page and are deleted when the visitor
 * is on that page.
 */
export function purgeTrackerCookies(rules: Pick<Rules, 'forCookie'>, categories: Iterable<CategoryId>): void {
  try {
    const denied = new Set(categories);
    const secure = location.protocol === 'https:' ? '; secure' : '';
    for (const pair of document.cookie.split(';')) {
      const name = pair.split('=')[0]!.trim();
      const rule = name && rules.forCookie(name);
      if (rule && denied.has(rule.category)) {
        for (const deletion of cookieDeletions(name, location.hostname, location.pathname)) document.cookie = deletion + secure;
      }
    }
  } catch (error) {
    console.error('consentry: could not delete tracker cookies', error);
  }
}
