/**
 * Tracker cookies: writes are dropped while the cookie's category is denied
 * (first-party cookies that match no rule pass untouched, and deletions always
 * pass), and `purgeTrackerCookies` deletes the ones already set, in every
 * domain and path variant they could have been set with.
 */
import { cookieDeletions } from '../../core/cookie-variants';
import type { CategoryId, ConsentryConfig } from '../../core/types';
import { isAllowed } from '../gate';
import { cookieRule, useRules } from './classify';

/** Whether a cookie string deletes its cookie (expired, or `max-age` of zero or less). */
function isDeletion(cookie: string): boolean {
  const maxAge = /;\s*max-age\s*=\s*(-?\d+)/i.exec(cookie);
  if (maxAge) return +maxAge[1]! <= 0;
  const expires = /;\s*expires\s*=\s*([^;]+)/i.exec(cookie);
  return !!expires && Date.parse(expires[1]!) <= Date.now();
}

function cookieName(cookie: string): string {
  return cookie.split(/[=;]/)[0]!.trim();
}

/** Filter `document.cookie` writes (and `cookieStore.set`, which Chromium also offers). */
export function guardCookieWrites(): void {
  const proto = Document.prototype;
  const native = Object.getOwnPropertyDescriptor(proto, 'cookie')!;
  Object.defineProperty(proto, 'cookie', {
    ...native,
    set(this: Document, value: unknown) {
      const cookie = String(value);
      const rule = cookieRule(cookieName(cookie));
      if (!rule || isAllowed(rule.category) || isDeletion(cookie)) native.set!.call(this, value);
    },
  });
  const store = (window as unknown as { CookieStore?: { prototype: { set: (...args: unknown[]) => Promise<void> } } }).CookieStore;
  const nativeSet = store?.prototype.set;
  if (nativeSet) {
    store.prototype.set = function (this: unknown, ...args: unknown[]) {
      const first = args[0] as string | { name?: string };
      const rule = cookieRule(typeof first === 'string' ? first : String(first?.name));
      return rule && !isAllowed(rule.category) ? Promise.resolve() : nativeSet.apply(this, args);
    };
  }
}

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
