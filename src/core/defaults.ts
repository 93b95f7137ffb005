/**
 * The default configuration, taken from the site's privacy policy
 * (../shared/policy/privacy-policy.txt, sections 8, 9, 10, 12, 13). Only short
 * texts live here because the guard bundles this file: category descriptions,
 * vendors and cookie tables are in `policy-texts.ts`, which only the UI and the
 * ESM build import (`withPolicyTexts`).
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
export const DEFAULT_POLICY_VERSION = '2021-10-24';
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
      // 2.1.2: sign-in, security, fraud prevention.
      category('necessary', 'Strictly necessary', '必要'),
      // 8.2.1, 2.1.4: remembering settings, personalised help.
      category('preferences', 'Preferences', '偏好设置'),
      // 2.1.6, 8.2.2: third-party statistics and analysis tools, traffic patterns.
      category('analytics', 'Analytics', '统计分析'),
      // 8.2.3, 8.4: ad optimisation, statistics shared with advertisers.
      category('advertising', 'Advertising', '广告'),
      // 8.3: tracking of links clicked in emails.
      category('email', 'Email link tracking', '邮件链接追踪'),
    ],
    rules: [],
    policy: {
      version: DEFAULT_POLICY_VERSION,
      effectiveDate: DEFAULT_POLICY_VERSION,
      material: false,
      url: '/privacy',
      noticeDays: 30,
    },
    contact: { hotline: '400-058-3528', email: 'support@ketianyun.com' },
    // 182 days: about six months, inside every regulator's range for a consent cookie.
    cookie: { name: DEFAULT_COOKIE_NAME, days: 182 },
    expiryMonths: DEFAULT_EXPIRY_MONTHS,
    reloadOnWithdraw: false,
    observeMarkup: true,
    consentMode: false,
    // No `serviceWorker`: the network backstop is opt-in (the site must serve the file from its root).
    ui: { settingsButton: 'bottom-left' },
    translations: {},
    email: {
      unsubscribeParams: { ...DEFAULT_UNSUBSCRIBE_PARAMS },
      trackingParams: [...DEFAULT_TRACKING_PARAMS],
    },
    minors: { enabled: false, age: 18 },
  };
}
