/**
 * The mirror cookie on the page (the codec is src/core/mirror-cookie.ts):
 * first-party, SameSite=Lax, Secure on https, path `/`, the configured name,
 * domain and lifetime. js-cookie does the escaping and attribute syntax.
 * Where cookies are refused (`document.cookie` throws in a sandboxed frame),
 * there is no cookie to read and writes are dropped: the choice lives in
 * memory for the page.
 */
import Cookies from 'js-cookie';
import type { ConsentryConfig } from '../../core/types';

const attributes = ({ cookie }: ConsentryConfig): Cookies.CookieAttributes => ({
  path: '/',
  domain: cookie.domain,
  sameSite: 'Lax',
  secure: location.protocol === 'https:',
});

/** `fn()`, or `undefined` when cookies are refused. */
function ifCookies<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch {
    return undefined;
  }
}

/** The raw cookie value, or `undefined` when there is none. */
export const readMirror = (config: ConsentryConfig): string | undefined => ifCookies(() => Cookies.get(config.cookie.name));

export const writeMirror = (config: ConsentryConfig, value: string): void =>
  void ifCookies(() => Cookies.set(config.cookie.name, value, { ...attributes(config), expires: config.cookie.days }));

export const removeMirror = (config: ConsentryConfig): void => ifCookies(() => Cookies.remove(config.cookie.name, attributes(config)));
