/**
 * What the head decides with, read from the site's config before anyone has
 * validated it: the rules, the markup observer, the mirror cookie's name and
 * categories, the policy version, the expiry, Consent Mode, the email
 * parameters of the address bar and the nonce. Each value is
 * taken only if it is of its default's kind (a wrong one is the default: the
 * runtime's validation says why), so nothing here can throw on a site's
 * config. The runtime merges and validates the whole config
 * (core/merge-config.ts) and puts it on `window.consentry.config`; until it
 * has, `config` holds what the head decided with.
 */
import {
  BUILT_IN_CATEGORY_IDS,
  DEFAULT_COOKIE_NAME,
  DEFAULT_EXPIRY_MONTHS,
  DEFAULT_POLICY_VERSION,
  DEFAULT_TRACKING_PARAMS,
  DEFAULT_UNSUBSCRIBE_PARAMS,
} from '../../core/defaults';
import { isPlainObject } from '../../core/objects';
import type { ConsentryConfig } from '../../core/types';

const kind = (value: unknown) => (Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value);

/** The head's part of the config, in the config's own shape. */
export function headConfig(user: Record<string, unknown>): ConsentryConfig {
  /** The value at `path` in the site's config if it is of `fallback`'s kind, else `fallback`. */
  const at = <T>(path: string, fallback: T): T => {
    let value: unknown = user;
    for (const key of path.split('.')) value = isPlainObject(value) ? value[key] : undefined;
    return kind(value) == kind(fallback) ? (value as T) : fallback;
  };
  // The built-in categories in their order (the cookie's bit order), then the site's own.
  const ids = new Set([...BUILT_IN_CATEGORY_IDS, ...at<{ id?: unknown }[]>('categories', []).map((c) => (isPlainObject(c) ? c.id : 0))]);
  return {
    rules: at('rules', []),
    observeMarkup: at('observeMarkup', true),
    categories: [...ids].filter((id) => typeof id == 'string').map((id) => ({ id, required: id == 'necessary' })),
    cookie: { name: at('cookie.name', DEFAULT_COOKIE_NAME) },
    policy: { version: at('policy.version', DEFAULT_POLICY_VERSION), material: at('policy.material', false) },
    expiryMonths: at('expiryMonths', DEFAULT_EXPIRY_MONTHS),
    consentMode: at('consentMode', false),
    email: {
      unsubscribeParams: { list: at('email.unsubscribeParams.list', DEFAULT_UNSUBSCRIBE_PARAMS.list), token: at('email.unsubscribeParams.token', DEFAULT_UNSUBSCRIBE_PARAMS.token) },
      trackingParams: at('email.trackingParams', DEFAULT_TRACKING_PARAMS),
    },
    ui: { nonce: at('ui.nonce', '') || undefined },
  } as unknown as ConsentryConfig;
}
