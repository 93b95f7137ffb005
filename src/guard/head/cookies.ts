/**
 * Tracker cookie writes are dropped while the cookie's category is denied
 * (first-party cookies that match no rule pass untouched, and deletions always
 * pass). Deleting the ones already set is the runtime's (runtime/purge.ts).
 */
import type { Realm } from './elements';
import { allows } from './gate';
import { patchMethods, patchSetter } from './patch';
import { forCookie } from './rules';

/** Whether a cookie string deletes its cookie (expired, or `max-age` of zero or less). */
function isDeletion(cookie: string): boolean {
  const maxAge = /;\s*max-age\s*=\s*(-?\d+)/i.exec(cookie);
  if (maxAge) return +maxAge[1]! <= 0;
  const expires = /;\s*expires\s*=\s*([^;]+)/i.exec(cookie);
  return !!expires && Date.parse(expires[1]!) <= Date.now();
}

/** The name in a `document.cookie` string or pair. */
export function cookieName(cookie: string): string {
  return cookie.split(/[=;]/)[0]!.trim();
}

/** Filter `document.cookie` writes (and `cookieStore.set`, which Chromium also offers) in `realm`. */
export function guardCookieWrites(realm: Realm): void {
  patchSetter<Document>(realm.Document.prototype, 'cookie', function (value, native) {
    // Read once: what is judged is what is written.
    const cookie = String(value);
    const rule = forCookie(cookieName(cookie));
    if (!rule || allows(rule.category) || isDeletion(cookie)) native(cookie);
  });
  patchMethods((realm as unknown as { CookieStore?: { prototype: object } }).CookieStore?.prototype, 'set', (native) =>
    function (this: unknown, first: unknown, ...rest: unknown[]) {
      // `set(name, value)` or `set({ name, value, … })`: read once, and that copy is what the browser gets.
      const options = typeof first == 'object' && first ? { ...first } : undefined;
      const name = String(options ? (options as { name?: unknown }).name : first);
      const rule = forCookie(name);
      return rule && !allows(rule.category) ? Promise.resolve() : native.call(this, options ?? name, ...rest);
    },
  );
}
