/**
 * Tracker cookie writes are dropped while the cookie's category is denied
 * (first-party cookies that match no rule pass untouched, and deletions always
 * pass). Deleting the ones already set is the runtime's (runtime/purge.ts).
 */
import { allows } from './gate';
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

/** Filter `document.cookie` writes (and `cookieStore.set`, which Chromium also offers). */
export function guardCookieWrites(): void {
  const proto = Document.prototype;
  const native = Object.getOwnPropertyDescriptor(proto, 'cookie')!;
  Object.defineProperty(proto, 'cookie', {
    ...native,
    set(this: Document, value: unknown) {
      const cookie = String(value);
      const rule = forCookie(cookieName(cookie));
      if (!rule || allows(rule.category) || isDeletion(cookie)) native.set!.call(this, value);
    },
  });
  const store = (window as unknown as { CookieStore?: { prototype: { set: (...args: unknown[]) => Promise<void> } } }).CookieStore;
  const nativeSet = store?.prototype.set;
  if (nativeSet) {
    store.prototype.set = function (this: unknown, ...args: unknown[]) {
      const first = args[0] as string | { name?: string };
      const rule = forCookie(typeof first === 'string' ? first : String(first?.name));
      return rule && !allows(rule.category) ? Promise.resolve() : nativeSet.apply(this, args);
    };
  }
}
