/**
 * Validation of what a site owner wrote. Every problem is reported at once,
 * each naming its path and what was expected, so one console message is
 * enough to fix a config. This file is bundled into the guard, so the schema
 * is data (`SCHEMA`) walked by one small function rather than hand-written
 * branches.
 */
import { BUILT_IN_CATEGORY_IDS } from './defaults';
import { isPlainObject } from './objects';
import { fitsMirrorCookie, POLICY_FIELD_MAX } from './policy-version';
import type { ConfigProblem } from './types';

/** A leaf check: returns what was expected when `value` is wrong, else nothing. */
type Leaf = (value: any) => string | false;
/**
 * A schema: a leaf; `[item]` for an array; an object of fields (a key starting
 * with `!` is required; any other key is unknown); `{ '*': schema }` for a
 * dictionary with any keys.
 */
type Schema = Leaf | [Schema] | { [key: string]: Schema };

/** How a wrong value is shown in a message: strings quoted, containers named. */
const show = (value: unknown): string =>
  typeof value === 'string'
    ? JSON.stringify(value)
    : Array.isArray(value)
      ? 'an array'
      : value === null
        ? 'null'
        : typeof value == 'object'
          ? 'an object'
          : typeof value == 'function'
            ? 'a function'
            : String(value);

const problem = (out: ConfigProblem[], path: string, message: string, warning?: true) =>
  out.push(warning ? { path, message: path + message, warning } : { path, message: path + message });

const fail = (out: ConfigProblem[], path: string, expected: string, value: unknown) =>
  problem(out, path, ` must be ${expected}, got ${show(value)}`);

const isText = (v: unknown): v is string => typeof v == 'string' && v.trim() != '';

/** Absolute http(s), or relative (same site): never `javascript:`, `data:` or protocol-relative `//host`. */
export const isSiteUrl = (v: unknown): boolean =>
  typeof v == 'string' && !/\s/.test(v) && (/^https?:\/\/[^/?#]/i.test(v) || (v != '' && !/^([a-z][\w+.-]*:|\/\/)/i.test(v)));

/**
 * A path from the site's root (`/consentry-sw.js`), never `//host` or `/\\host`:
 * a service worker's script must be on the page's origin, and a root path
 * gives every page the same worker and scope.
 */
export const isRootPath = (v: unknown): v is string => typeof v == 'string' && /^\/(?![/\\])\S*$/.test(v);

const leaf =
  (ok: (value: any) => unknown, expected: string): Leaf =>
  (value) =>
    !ok(value) && expected;
const matching = (re: RegExp, expected: string) => leaf((v) => typeof v == 'string' && re.test(v), expected);
const int = (min: number, max: number) => leaf((v) => Number.isInteger(v) && v >= min && v <= max, `a whole number from ${min} to ${max}`);

const TEXT = leaf(isText, 'a non-empty string');
const STRING = leaf((v) => typeof v == 'string', 'a string');
const BOOL = leaf((v) => typeof v == 'boolean', 'true or false');
const SITE_URL = leaf(isSiteUrl, 'an http(s) URL or a same-site path');
const LOCALIZED = { '*': STRING };
// A category id is a key of every record's `categories`: `__proto__` there would read as allowed (Object.prototype is truthy).
const ID: Leaf = (v) =>
  !isText(v) ? 'a non-empty string' : !/^[\w-]+$/.test(v) ? 'letters, digits, "-" or "_"' : v in {} && 'a name JavaScript objects do not already have';

const SCHEMA: Schema = {
  categories: [
    {
      '!id': ID,
      required: BOOL,
      name: LOCALIZED,
      description: LOCALIZED,
      vendors: [
        {
          '!name': leaf(
            (v) => isText(v) || (isPlainObject(v) && Object.values(v).some(isText) && Object.values(v).every((s) => typeof s == 'string')),
            'a non-empty string or names by language ({ "en": "…", "zh-CN": "…" })',
          ),
          policyUrl: matching(/^https?:\/\/[^/?#\s]+\S*$/i, 'an http(s) URL'),
          '!purpose': LOCALIZED,
          '!cookies': [{ '!name': TEXT, '!purpose': LOCALIZED, '!duration': LOCALIZED }],
        },
      ],
    },
  ],
  rules: [
    {
      vendor: TEXT,
      '!category': TEXT,
      // A host (its subdomains too), optionally narrowed to a path prefix, as the built-in rules write embeds.
      hosts: [matching(/^(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*(\/[^\s?#]*)?$/i, 'a host name such as "example.com", or a host and a path prefix such as "example.com/embed"')],
      paths: [matching(/^\/\S*$/, 'a path starting with "/"')],
      cookies: [TEXT],
    },
  ],
  policy: {
    version: leaf((v) => isText(v) && fitsMirrorCookie(v), `a non-empty string the mirror cookie can carry (at most ${POLICY_FIELD_MAX} characters URL-encoded)`),
    effectiveDate: leaf((v) => typeof v == 'string' && /^\d{4}-\d\d-\d\d$/.test(v) && Date.parse(v) >= 0, 'a date as YYYY-MM-DD'),
    material: BOOL,
    url: SITE_URL,
    noticeDays: int(0, 365),
  },
  contact: { hotline: TEXT, email: matching(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'an email address') },
  cookie: {
    name: matching(/^[\w!#$%&'*+.^`|~-]+$/, 'a cookie name (letters, digits, "-", "_")'),
    domain: matching(/^\.?[a-z0-9-]+(\.[a-z0-9-]+)*$/i, 'a domain such as "example.com"'),
    days: int(1, 400),
  },
  language: TEXT,
  expiryMonths: int(1, 24),
  reloadOnWithdraw: BOOL,
  observeMarkup: BOOL,
  consentMode: BOOL,
  receiptEndpoint: SITE_URL,
  serviceWorker: leaf(isRootPath, 'a path on your site starting with "/", such as "/consentry-sw.js"'),
  ui: {
    src: SITE_URL,
    css: SITE_URL,
    layout: leaf((v) => ['bar', 'box'].includes(v), 'one of "bar", "box"'),
    settingsButton: leaf((v) => ['bottom-left', 'bottom-right', 'none'].includes(v), 'one of "bottom-left", "bottom-right", "none"'),
    nonce: matching(/^[\w+/=-]+$/, 'a CSP nonce'),
  },
  translations: { '*': LOCALIZED },
  email: {
    unsubscribeParams: { list: TEXT, token: TEXT },
    trackingParams: [matching(/^[\w.\-[\]]+\*?$/, 'a query parameter name (optionally ending in "*")')],
  },
  minors: { enabled: BOOL, age: int(10, 21) },
};

/** A schema's own field (a config key such as `constructor` or `__proto__` names no field: it must not reach `Object.prototype`). */
const fieldOf = (schema: { [key: string]: Schema }, key: string): Schema | undefined =>
  Object.prototype.hasOwnProperty.call(schema, key) ? schema[key] : undefined;

const childPath = (path: string, key: string) =>
  /^[\w-]+$/.test(key) ? (path ? `${path}.${key}` : key) : `${path}[${JSON.stringify(key)}]`;

function walk(schema: Schema, value: unknown, path: string, out: ConfigProblem[]): void {
  if (typeof schema == 'function') {
    const expected = schema(value);
    if (expected) fail(out, path, expected, value);
  } else if (Array.isArray(schema)) {
    if (!Array.isArray(value)) fail(out, path, 'an array', value);
    else value.forEach((item, i) => walk(schema[0], item, `${path}[${i}]`, out));
  } else if (!isPlainObject(value)) {
    fail(out, path, 'an object', value);
  } else {
    for (const key of Object.keys(value)) {
      const field = fieldOf(schema, '*') ?? (key[0] == '!' ? undefined : fieldOf(schema, key) ?? fieldOf(schema, '!' + key));
      const at = childPath(path, key);
      if (!field) problem(out, at, ' is not a known option');
      else if (value[key] !== undefined) walk(field, value[key], at, out);
    }
    for (const key of Object.keys(schema))
      if (key[0] == '!' && value[key.slice(1)] === undefined) problem(out, childPath(path, key.slice(1)), ' is required');
  }
}

/** Cross-field checks: category ids unique, `required` only on necessary, names of new categories, rules pointing at known categories, the expiry range. */
function checkRelations(user: Record<string, any>, out: ConfigProblem[]) {
  const known = [...BUILT_IN_CATEGORY_IDS];
  const firstAt = new Map<string, number>();
  (Array.isArray(user.categories) ? user.categories : []).forEach((c: any, i: number) => {
    const at = `categories[${i}]`;
    if (!isPlainObject(c) || !isText(c.id)) return;
    const name: any = c.name;
    if (c.required === true && c.id != 'necessary') problem(out, `${at}.required`, ' can only be true for "necessary"');
    if (!known.includes(c.id) && !isText(name?.en)) problem(out, `${at}.name.en`, ` is required for the new category "${c.id}"`);
    if (firstAt.has(c.id)) problem(out, `${at}.id`, ` "${c.id}" is already used by categories[${firstAt.get(c.id)}]`);
    else firstAt.set(c.id, i);
    if (!known.includes(c.id)) known.push(c.id);
  });
  (Array.isArray(user.rules) ? user.rules : []).forEach((r: any, i: number) => {
    const at = `rules[${i}]`;
    if (!isPlainObject(r)) return;
    if (isText(r.category) && !known.includes(r.category))
      fail(out, `${at}.category`, `one of the configured categories (${known.join(', ')})`, r.category);
    if (!r.hosts && !r.paths && !r.cookies) problem(out, at, ' must have hosts, paths or cookies');
  });
  const months = user.expiryMonths;
  if (Number.isInteger(months) && months > 0 && months < 25 && (months < 6 || months > 13))
    problem(out, 'expiryMonths', ` is ${months}; regulators expect 6 to 13 months`, true);
}

/**
 * What every site must say about itself (README "Embed"), as [path, is it set,
 * what the visitor misses meanwhile]. The defaults name no one's policy or
 * contact, so a config without these still works, with a warning.
 */
const SITE_FIELDS: [string, (user: Record<string, any>) => unknown, string][] = [
  ['policy.url', (user) => user.policy?.url, 'every site sets it (until then the banner and the preference centre show no policy link)'],
  ['policy.version', (user) => user.policy?.version, 'every site sets it (until then choices are stored under the version "unversioned")'],
  ['contact', (user) => user.contact?.email ?? user.contact?.hotline, 'every site sets contact.email, contact.hotline or both (until then the preference centre has no contact section)'],
];

function checkSiteFields(user: Record<string, any>, out: ConfigProblem[]) {
  for (const [path, isSet, expected] of SITE_FIELDS) if (isSet(user) === undefined) problem(out, path, ` is not set; ${expected}`, true);
}

/**
 * Every problem in a site owner's config, in document order; an empty array
 * when it is valid. Entries with `warning: true` are doubtful but usable.
 * Never throws.
 */
export function validate(user: unknown): ConfigProblem[] {
  const out: ConfigProblem[] = [];
  try {
    if (!isPlainObject(user)) fail(out, 'config', 'an object', user);
    else {
      walk(SCHEMA, user, '', out);
      checkRelations(user, out);
      checkSiteFields(user, out);
    }
  } catch {
    // Not JSON data (a getter or proxy trap that throws): the guard reads its config as JSON first, callers of this export may not.
    problem(out, 'config', ' cannot be read as JSON data (a getter or proxy that throws?)');
  }
  return out;
}
