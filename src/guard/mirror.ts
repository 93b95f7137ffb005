/**
 * The mirror cookie on the page (the codec is src/core/mirror-cookie.ts):
 * first-party, SameSite=Lax, Secure on https, path `/`, the configured name,
 * domain and lifetime. js-cookie does the escaping and attribute syntax.
 */
import Cookies from 'js-cookie';
import type { ConsentryConfig } from '../core/types';

const attributes = ({ cookie }: ConsentryConfig): Cookies.CookieAttributes => ({
  path: '/',
  domain: cookie.domain,
  sameSite: 'Lax',
  secure: location.protocol === 'https:',
});

/** The raw cookie value, or `undefined` when there is none. */
export const readMirror = (config: ConsentryConfig): string | undefined => Cookies.get(config.cookie.name);

export const writeMirror = (config: ConsentryConfig, value: string): void => {
  Cookies.set(config.cookie.name, value, { ...attributes(config), expires: config.cookie.days });
};

export const removeMirror = (config: ConsentryConfig): void => Cookies.remove(config.cookie.name, attributes(config));
