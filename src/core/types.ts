/**
 * Consentry's public types. This file is the contract between the guard
 * (src/guard), the UI (src/ui), the pure model (src/core) and site owners:
 * everything a site owner or a bundler user can see is declared here, and the
 * package entry re-exports only these names plus the documented functions.
 */

/** A category id. The built-in ones come from the privacy policy; site owners may add their own. */
export type CategoryId = 'necessary' | 'preferences' | 'analytics' | 'advertising' | 'email' | (string & {});

/** A language tag Consentry ships texts for, or one a site owner added through `translations`. */
export type Language = 'en' | 'zh-CN' | (string & {});

/** A text in several languages: `en` is required and is the fallback for every other language. */
export type LocalizedText = { en: string } & { [language: string]: string | undefined };

/** One cookie a vendor sets, shown to the visitor in the preference centre. */
export interface CookieInfo {
  /** Cookie name as the browser shows it; `*` is a wildcard (`_ga_*`). */
  name: string;
  purpose: LocalizedText;
  /** How long it is kept, in words ("2 years", "会话期间"). */
  duration: LocalizedText;
}

/** A third party (or the site itself) that sets cookies or sends beacons in a category. */
export interface VendorInfo {
  /** A brand, shown as written in every language, or a name by language (`{ en: 'This website', 'zh-CN': '本网站' }`). */
  name: string | LocalizedText;
  /** The vendor's own privacy policy (http(s) only). */
  policyUrl?: string;
  purpose: LocalizedText;
  cookies: CookieInfo[];
}

/** A consent category as the visitor sees it. */
export interface CategoryConfig {
  id: CategoryId;
  /** `true` only for `necessary`: always on, not switchable. */
  required?: boolean;
  name: LocalizedText;
  description: LocalizedText;
  vendors: VendorInfo[];
}

/**
 * A tracker rule: a request whose URL matches `hosts` (a host or any of its
 * subdomains) or `paths` (a path on any host, e.g. Matomo's `/matomo.js`), or a
 * cookie whose name matches `cookies` (`*` wildcard), belongs to `category`.
 * Rules are data: the built-in table lives in src/core/rules.ts.
 */
export interface TrackerRule {
  /**
   * Who the rule is for, named in console advice (`… (Our CDP, analytics)`).
   * Optional: the built-in rules carry none, to keep the guard's blocking bytes
   * small (their hosts say who they are for).
   */
  vendor?: string;
  category: CategoryId;
  hosts?: string[];
  paths?: string[];
  cookies?: string[];
}

/** The opt-outs the privacy policy promises beyond cookie categories. `true` means the visitor refused. */
export interface OptOuts {
  /** Promotional emails, product questionnaires and satisfaction surveys (policy 9.1). */
  promotionalEmail: boolean;
  /** Advertising personalised from the visitor's information (policy 8.2.3, 8.5; 关闭个性化广告). */
  personalisedAds: boolean;
  /** Sharing statistics with advertisers and partners (policy 8.2, 8.4; "Do Not Sell or Share"). */
  adSharing: boolean;
}

/** How a choice was made. */
export type ConsentMethod =
  | 'accept-all'
  | 'reject-all'
  | 'custom'
  | 'gpc'
  | 'api'
  | 'unsubscribe-link'
  | 'withdraw';

/** The visitor's choice, as stored in IndexedDB (the source of truth) and mirrored in a cookie. */
export interface ConsentRecord {
  /** Schema version of this record; older ones are migrated on read. */
  schema: 1;
  /** Random id (not derived from anything about the visitor). */
  id: string;
  policyVersion: string;
  language: Language;
  /** Every configured category; `necessary` is always `true`. */
  categories: Record<CategoryId, boolean>;
  optOuts: OptOuts;
  method: ConsentMethod;
  /** Whether `navigator.globalPrivacyControl` was on when the choice was made. */
  gpc: boolean;
  /** Set when the minors flow ran: whether the visitor said they are under the configured age, and whether a guardian confirmed. */
  minor?: { under: boolean; guardianConfirmed: boolean };
  /** Epoch milliseconds. */
  createdAt: number;
  updatedAt: number;
  expiresAt: number;
}

/** One entry in the append-only history beside the record. */
export interface HistoryEntry {
  at: number;
  method: ConsentMethod;
  policyVersion: string;
  categories: Record<CategoryId, boolean>;
  optOuts: OptOuts;
  gpc: boolean;
}

/** What `set()` takes: only what changes. */
export interface ConsentChange {
  categories?: Partial<Record<CategoryId, boolean>>;
  optOuts?: Partial<OptOuts>;
  /**
   * How the change was made. Consentry's own UI and signals name it
   * ('custom' from the preference centre, 'gpc'…); a change made through
   * `window.consentry` is always recorded as 'api', whatever it names.
   */
  method?: ConsentMethod;
  /** The minors flow's answer (policy section 10), stored as `ConsentRecord.minor`; the UI sends it when `config.minors.enabled`. */
  minor?: { under: boolean; guardianConfirmed: boolean };
}

/** The state `ready` resolves to and events carry. `record` is null until the visitor chose. */
export interface ConsentState {
  record: ConsentRecord | null;
  /** Whether the visitor must be asked (no record, expired, or a material policy change). */
  needsChoice: boolean;
  /** Whether storage fell back to cookie + memory (IndexedDB missing, blocked or failing). */
  degraded: boolean;
  /**
   * On `change` only: `true` when the change was made in another tab of the
   * site and reached this one by tab sync (so work done once per change, like
   * sending a consent receipt, is left to the tab that made it).
   */
  fromOtherTab?: true;
}

/** Events emitted through `on()`, and as DOM `CustomEvent`s named `consentry:<event>` on `document`. */
export interface ConsentryEvents {
  /** Storage reconciled; fires once. */
  ready: ConsentState;
  /** The choice changed (in this tab or another one). */
  change: ConsentState;
}

/**
 * Where the site's policy lives and how changes are treated. Every site sets
 * `url` and `version` (validation warns when they are missing).
 */
export interface PolicyConfig {
  /** The policy's version, stored with every choice; `"unversioned"` until the site sets one. */
  version: string;
  /** ISO date (YYYY-MM-DD) this version took effect; starts the change notice. No notice without it. */
  effectiveDate?: string;
  /** A material change asks every visitor again. */
  material: boolean;
  /** Link to the policy; without it the UI shows no policy link. */
  url?: string;
  /** Days the "policy changed" notice shows after `effectiveDate` (default 30). */
  noticeDays: number;
}

/** The mirror cookie's settings. */
export interface CookieConfig {
  name: string;
  /** Set to share the choice across subdomains (e.g. `example.com`); host-only when absent. */
  domain?: string;
  /** Lifetime in days. */
  days: number;
}

/** The full configuration. Site owners write only what differs (`UserConfig`). */
export interface ConsentryConfig {
  categories: CategoryConfig[];
  /** Site rules, checked before the built-in ones (so they can override a built-in category). */
  rules: TrackerRule[];
  policy: PolicyConfig;
  /** How visitors reach the site about privacy; every site sets at least one (without any, the preference centre has no contact section). */
  contact: { hotline?: string; email?: string };
  cookie: CookieConfig;
  /** Force a language; otherwise `<html lang>`, then `navigator.languages`, then English. */
  language?: Language;
  /** A choice is asked again after this many months (6–13 is regulators' range). */
  expiryMonths: number;
  /** Reload the page after a withdrawal, to stop tracker scripts that are already running. */
  reloadOnWithdraw: boolean;
  /**
   * Watch the HTML while it is parsed and stop untagged tracker `<script>`
   * tags in it (on by default). `false` is for sites whose HTML tags every
   * tracker element: it spares every later DOM insertion Chromium's
   * MutationObserver bookkeeping; scripts inserted later are still caught.
   */
  observeMarkup: boolean;
  /** Google Consent Mode v2: off unless `true`. */
  consentMode: boolean;
  /** URL that receives a JSON consent receipt on every change (same-site or https). */
  receiptEndpoint?: string;
  /**
   * Where the site serves Consentry's service worker (`dist/consentry-sw.js`),
   * a path from the site's root such as `/consentry-sw.js`: the runtime
   * registers it and tells it the visitor's choice, and it refuses tracker
   * requests no hook in the page can reach (the preload scanner, CSS, media,
   * workers). Off when absent; removing it unregisters the worker Consentry
   * registered.
   */
  serviceWorker?: string;
  ui: {
    /** Where the UI bundle lives; defaults to `consentry-ui.js` beside the guard. */
    src?: string;
    /** Where the CSS lives; defaults to `consentry.css` beside the guard. */
    css?: string;
    /** The banner's shape: a bar along the bottom of the viewport, or a box in the bottom corner (a bar on phones). */
    layout: 'bar' | 'box';
    /** The persistent "Cookie settings" button. */
    settingsButton: 'bottom-left' | 'bottom-right' | 'none';
    /** CSP nonce for the stylesheet and UI script, for sites that require one. */
    nonce?: string;
  };
  /** Extra or overridden strings: `{ en: { 'banner.title': '…' }, fr: { … } }`. */
  translations: Record<string, Record<string, string>>;
  email: {
    /** Query parameter names of an unsubscribe link. */
    unsubscribeParams: { list: string; token: string };
    /** Click-tracking parameters removed from the address bar while `email` is denied (`*` wildcard). */
    trackingParams: string[];
  };
  minors: { enabled: boolean; age: number };
}

/**
 * A category as a site owner writes it: its id, and for a built-in id only
 * what changes (categories merge by id); a new id also needs `name.en`.
 */
export type CategoryPatch = { id: CategoryId } & Partial<Omit<CategoryConfig, 'id'>>;

/** What a site owner writes: any part of the config; the rest comes from the defaults. */
export type UserConfig = {
  [K in Exclude<keyof ConsentryConfig, 'categories'>]?: ConsentryConfig[K] extends object
    ? ConsentryConfig[K] extends unknown[]
      ? ConsentryConfig[K]
      : Partial<ConsentryConfig[K]>
    : ConsentryConfig[K];
} & { categories?: CategoryPatch[] };

/** One problem `validate()` found: where, and what was expected. */
export interface ConfigProblem {
  /** e.g. `categories[2].id` */
  path: string;
  /** e.g. `categories[2].id must be a non-empty string, got 42` */
  message: string;
  /** A doubtful but usable value (reported with `console.warn`); the config stays valid. */
  warning?: true;
}

/**
 * The views the UI can open. `notice` is the policy-changed notice alone (for
 * a returning visitor whose choice is still valid); its dismissal is stored as
 * `localStorage['consentry:notice'] = policy version`.
 */
export type UiView = 'banner' | 'preferences' | 'optouts' | 'unsubscribe' | 'notice';

/** Options of `withdraw()`. */
export interface WithdrawOptions {
  /** Also delete the history of choices (the preference centre's "delete my choices"). */
  forgetHistory?: boolean;
}

/** `window.consentry`, and the ESM export. */
export interface ConsentryApi {
  /** Resolves once the stored choice has been reconciled with IndexedDB. */
  readonly ready: Promise<ConsentState>;
  /** The current state, synchronously. */
  get(): ConsentState;
  /** Whether a category is allowed now (`necessary` is always allowed). */
  has(category: CategoryId): boolean;
  /** Every category on. Called by page code, recorded with method 'api' (the banner's button records 'accept-all'). */
  acceptAll(): Promise<ConsentState>;
  /** Only `necessary`. Called by page code, recorded with method 'api'. */
  rejectAll(): Promise<ConsentState>;
  /** Change only what is named. Called by page code, recorded with method 'api', whatever `change.method` says. */
  set(change: ConsentChange): Promise<ConsentState>;
  /**
   * Deny every optional category, delete the stored choice (record and mirror
   * cookie) and tracker cookies, and ask again. The withdrawal is appended to
   * the history unless `forgetHistory` ("delete my choices") deletes it too.
   */
  withdraw(options?: WithdrawOptions): Promise<ConsentState>;
  /** The append-only history of choices, oldest first. */
  history(): Promise<HistoryEntry[]>;
  /** Open the banner. */
  show(): Promise<void>;
  /** Open the preference centre. */
  showPreferences(): Promise<void>;
  /** Open the opt-out centre (email and advertising opt-outs). */
  showOptOuts(): Promise<void>;
  /** Subscribe to an event; returns the unsubscribe function. */
  on<E extends keyof ConsentryEvents>(event: E, fn: (state: ConsentryEvents[E]) => void): () => void;
  /** The resolved configuration (read-only). */
  readonly config: Readonly<ConsentryConfig>;
  /** The language texts are shown in. */
  readonly language: Language;
  readonly version: string;
}

/**
 * What the guard hands the UI bundle. The UI bundle, when loaded, assigns
 * `window.consentryUI = { open(view, host) }`; the guard calls it.
 */
export interface UiHost {
  /**
   * `window.consentry` as Consentry's own UI uses it: the same object, with
   * actions that record the method the UI names (`accept-all`, `custom`…),
   * where page code's calls record `api`.
   */
  api: ConsentryApi;
  config: Readonly<ConsentryConfig>;
  language: Language;
  /** `navigator.globalPrivacyControl` seen on this page view. */
  gpc: boolean;
  /** True while the policy-change notice should show (section 12). */
  policyChanged: boolean;
  /** For the unsubscribe view: the list and token read from the landing URL. */
  unsubscribe?: { list: string; token: string; valid: boolean };
  /**
   * A script URL as the browser takes it: through Consentry's Trusted Types
   * policy where the page enforces Trusted Types (the UI loads its
   * preference centre and language files with it). Without it, the URL as is.
   */
  scriptUrl?(url: string): string;
}

/** An email unsubscribe link's list and opaque token, as read from the landing URL. */
export interface UnsubscribeRequest {
  list: string;
  token: string;
}

/**
 * The JSON body POSTed to `receiptEndpoint` on every change (see README
 * "Signals and opt-outs"). Exactly these fields: nothing about the visitor
 * (no IP, email address, user agent or page URL).
 */
export interface ConsentReceipt {
  /** The record's random id (stable across changes until a withdrawal). */
  recordId: string;
  /** When the choice was made, ISO 8601 UTC. */
  timestamp: string;
  policyVersion: string;
  language: Language;
  categories: Record<CategoryId, boolean>;
  optOuts: OptOuts;
  method: ConsentMethod;
  gpc: boolean;
  /** Only on an unsubscribe-link landing: which list, and the email system's token. */
  unsubscribe?: UnsubscribeRequest;
}

export interface ConsentryUi {
  open(view: UiView, host: UiHost): void;
  close(): void;
}
