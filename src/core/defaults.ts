/**
 * The default configuration: neutral, true of any site that embeds Consentry.
 * It names no company, contact channel or vendor; what a site must say about
 * itself (its policy's URL and version, its contact channels) is the site's
 * to set, and validation warns until it does. Only short texts live here
 * because the guard bundles this file: the category descriptions are in
 * `category-texts.ts`, which only the UI and the ESM build import.
 */
import type { CategoryConfig, CategoryId, ConsentryConfig } from './types';

/**
 * The built-in categories in their fixed order. The order matters: it is the
 * bit order of the mirror cookie (see README "Mirror cookie"), so new
 * categories are only ever appended.
 */
export const BUILT_IN_CATEGORY_IDS: readonly CategoryId[] = ['necessary', 'preferences', 'analytics', 'advertising', 'email'];

const category = (id: CategoryId, en: string, zh: string): CategoryConfig => ({
  id,
  ...(id === 'necessary' ? { required: true } : {}),
  name: { en, 'zh-CN': zh },
  description: { en: '' },
  vendors: [],
});

/** Defaults the guard's head reads on its own (src/guard/head/config.ts), without the rest of the config. */
export const DEFAULT_POLICY_VERSION = 'unversioned';
export const DEFAULT_COOKIE_NAME = 'consentry';
export const DEFAULT_EXPIRY_MONTHS = 12;
export const DEFAULT_UNSUBSCRIBE_PARAMS = { list: 'unsubscribe', token: 'token' };
export const DEFAULT_TRACKING_PARAMS = [
  'utm_*', // Google Analytics campaign tags, used by every mail tool
  'mc_cid', 'mc_eid', // Mailchimp
  '_hsenc', '_hsmi', // HubSpot
  'mkt_tok', // Marketo
  'vero_id', 'vero_conv', // Vero
  'oly_anon_id', 'oly_enc_id', // Omeda
  '_ke', '_kx', // Klaviyo
  'ml_subscriber', 'ml_subscriber_hash', // MailerLite
  '__s', // Drip
  // Not ad click ids (gclid, fbclid…): they belong to advertising, not email.
];

/** A fresh copy of the defaults (callers may mutate it). */
export function defaultConfig(): ConsentryConfig {
  return {
    categories: [
      category('necessary', 'Strictly necessary', '必要'),
      category('preferences', 'Preferences', '偏好'),
      category('analytics', 'Analytics', '统计分析'),
      category('advertising', 'Advertising', '广告'),
      // Tracking of links clicked in emails (the guard strips its parameters while this is denied).
      category('email', 'Email link tracking', '邮件链接追踪'),
    ],
    rules: [],
    // No url, effectiveDate or contact channel: they are the site's own (validate.ts warns while they are missing).
    // The version every choice is stored under until the site names its policy's.
    policy: { version: DEFAULT_POLICY_VERSION, material: false, noticeDays: 30 },
    contact: {},
    // 182 days: about six months, inside every regulator's range for a consent cookie.
    cookie: { name: DEFAULT_COOKIE_NAME, days: 182 },
    expiryMonths: DEFAULT_EXPIRY_MONTHS,
    reloadOnWithdraw: false,
    observeMarkup: true,
    consentMode: false,
    // No `serviceWorker`: the network backstop is opt-in (the site must serve the file from its root).
    ui: { layout: 'bar', settingsButton: 'bottom-left' },
    translations: {},
    email: {
      unsubscribeParams: { ...DEFAULT_UNSUBSCRIBE_PARAMS },
      trackingParams: [...DEFAULT_TRACKING_PARAMS],
    },
    minors: { enabled: false, age: 18 },
  };
}
