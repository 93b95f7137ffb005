/**
 * Validation of what a site owner wrote. Every problem is reported at once,
 * each naming its path and what was expected, so one console message is
 * enough to fix a config. This file is bundled into the guard, so the checks
 * are small combinators over a schema rather than hand-written branches.
 */
import { BUILT_IN_CATEGORY_IDS } from './defaults';
import { isPlainObject } from './objects';
import type { ConfigProblem } from './types';

type Check = (value: unknown, path: string, out: ConfigProblem[]) => void;

/** How a wrong value is shown in a message: strings quoted, containers named. */
const show = (value: unknown): string =>
  typeof value === 'string'
    ? JSON.stringify(value)
    : Array.isArray(value)
      ? 'an array'
      : value === null
        ? 'null'
        : typeof value === 'object'
          ? 'an object'
          : typeof value === 'function'
            ? 'a function'
            : String(value);

const fail = (out: ConfigProblem[], path: string, expected: string, value: unknown) =>
  out.push({ path, message: `${path} must be ${expected}, got ${show(value)}` });

const when =
  (ok: (value: any) => boolean, expected: string): Check =>
  (value, path, out) => {
    if (!ok(value)) fail(out, path, expected, value);
  };

const isText = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

/** Absolute http(s), or relative (same site): never `javascript:`, `data:` or protocol-relative `//host`. */
export const isSiteUrl = (v: unknown): boolean =>
  typeof v === 'string' && !/\s/.test(v) && (/^https?:\/\/[^/?#]/i.test(v) || (v !== '' && !/^([a-z][\w+.-]*:|\/\/)/i.test(v)));

const text = when(isText, 'a non-empty string');
const bool = when((v) => typeof v === 'boolean', 'true or false');
const int = (min: number, max: number) => when((v) => Number.isInteger(v) && v >= min && v <= max, `a whole number from ${min} to ${max}`);
const siteUrl = when(isSiteUrl, 'an http(s) URL or a same-site path');
const httpUrl = when((v) => typeof v === 'string' && /^https?:\/\/[^/?#\s]+\S*$/i.test(v), 'an http(s) URL');
const pattern = (re: RegExp, expected: string) => when((v) => typeof v === 'string' && re.test(v), expected);
const oneOf = (...values: string[]) => when((v) => values.includes(v), `one of ${values.map(show).join(', ')}`);

const childPath = (path: string, key: string) => {
  const part = /^[\w-]+$/.test(key) ? key : `[${JSON.stringify(key)}]`;
  return !path ? part : part[0] === '[' ? path + part : `${path}.${part}`;
};

const list =
  (item: Check): Check =>
  (value, path, out) =>
    Array.isArray(value) ? value.forEach((v, i) => item(v, `${path}[${i}]`, out)) : fail(out, path, 'an array', value);

const dict =
  (item: Check): Check =>
  (value, path, out) =>
    isPlainObject(value) ? Object.keys(value).forEach((k) => item(value[k], childPath(path, k), out)) : fail(out, path, 'an object', value);

/** An object with known fields only; `required` fields must be present. */
const shape =
  (fields: Record<string, Check>, required: string[] = []): Check =>
  (value, path, out) => {
    if (!isPlainObject(value)) return fail(out, path, 'an object', value);
    for (const key of Object.keys(value)) {
      const at = childPath(path, key);
      const check = fields[key];
      if (!check) out.push({ path: at, message: `${at} is not a known option` });
      else if (value[key] !== undefined) check(value[key], at, out);
    }
    for (const key of required) {
      const at = childPath(path, key);
      if (value[key] === undefined) out.push({ path: at, message: `${at} is required` });
    }
  };

/** `{ en, 'zh-CN', … }`: every value a string. `en` may be left out when overriding a built-in text. */
const localized = dict(when((v) => typeof v === 'string', 'a string'));

const cookieInfo = shape({ name: text, purpose: localized, duration: localized }, ['name', 'purpose', 'duration']);
const vendor = shape({ name: text, policyUrl: httpUrl, purpose: localized, cookies: list(cookieInfo) }, ['name', 'purpose', 'cookies']);

const categoryId: Check = (value, path, out) =>
  !isText(value) ? fail(out, path, 'a non-empty string', value) : pattern(/^[\w-]+$/, 'letters, digits, "-" or "_"')(value, path, out);

const categoryFields = shape({ id: categoryId, required: bool, name: localized, description: localized, vendors: list(vendor) }, ['id']);

const category: Check = (value, path, out) => {
  categoryFields(value, path, out);
  if (!isPlainObject(value) || typeof value.id !== 'string') return;
  if (value.required === true && value.id !== 'necessary')
    out.push({ path: `${path}.required`, message: `${path}.required can only be true for "necessary"` });
  const name = value.name;
  if (!BUILT_IN_CATEGORY_IDS.includes(value.id) && !(isPlainObject(name) && isText(name.en)))
    out.push({ path: `${path}.name.en`, message: `${path}.name.en is required for the new category "${value.id}"` });
};

const rule = shape(
  {
    vendor: text,
    category: text,
    hosts: list(pattern(/^(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*$/i, 'a host name such as "example.com"')),
    paths: list(pattern(/^\/\S*$/, 'a path starting with "/"')),
    cookies: list(text),
  },
  ['vendor', 'category'],
);

const configShape = shape({
  categories: list(category),
  rules: list(rule),
  policy: shape({
    version: text,
    effectiveDate: when((v) => typeof v === 'string' && /^\d{4}-\d\d-\d\d$/.test(v) && !isNaN(Date.parse(v)), 'a date as YYYY-MM-DD'),
    material: bool,
    url: siteUrl,
    noticeDays: int(0, 365),
  }),
  contact: shape({ hotline: text, email: pattern(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'an email address') }),
  cookie: shape({
    name: pattern(/^[\w!#$%&'*+.^`|~-]+$/, 'a cookie name (letters, digits, "-", "_")'),
    domain: pattern(/^\.?[a-z0-9-]+(\.[a-z0-9-]+)*$/i, 'a domain such as "example.com"'),
    days: int(1, 400),
  }),
  language: text,
  expiryMonths: int(1, 24),
  reloadOnWithdraw: bool,
  consentMode: bool,
  receiptEndpoint: siteUrl,
  ui: shape({ src: siteUrl, css: siteUrl, settingsButton: oneOf('bottom-left', 'bottom-right', 'none'), nonce: pattern(/^[\w+/=-]+$/, 'a CSP nonce') }),
  translations: dict(dict(when((v) => typeof v === 'string', 'a string'))),
  email: shape({
    unsubscribeParams: shape({ list: text, token: text }),
    trackingParams: list(pattern(/^[\w.\-[\]]+\*?$/, 'a query parameter name (optionally ending in "*")')),
  }),
  minors: shape({ enabled: bool, age: int(10, 21) }),
});

/** Cross-field checks: unique category ids, rules pointing at known categories, the expiry range. */
function checkRelations(user: Record<string, unknown>, out: ConfigProblem[]) {
  const known = [...BUILT_IN_CATEGORY_IDS];
  const firstAt = new Map<string, number>();
  if (Array.isArray(user.categories))
    user.categories.forEach((c: unknown, i) => {
      if (!isPlainObject(c) || !isText(c.id)) return;
      const seen = firstAt.get(c.id);
      if (seen !== undefined)
        out.push({ path: `categories[${i}].id`, message: `categories[${i}].id "${c.id}" is already used by categories[${seen}]` });
      else firstAt.set(c.id, i);
      if (!known.includes(c.id)) known.push(c.id);
    });
  if (Array.isArray(user.rules))
    user.rules.forEach((r: unknown, i) => {
      if (!isPlainObject(r)) return;
      if (isText(r.category) && !known.includes(r.category))
        fail(out, `rules[${i}].category`, `one of the configured categories (${known.join(', ')})`, r.category);
      if (r.hosts === undefined && r.paths === undefined && r.cookies === undefined)
        out.push({ path: `rules[${i}]`, message: `rules[${i}] must have hosts, paths or cookies` });
    });
  const months = user.expiryMonths;
  if (Number.isInteger(months) && ((months as number) < 6 || (months as number) > 13))
    out.push({ path: 'expiryMonths', message: `expiryMonths is ${months}; regulators expect 6 to 13 months`, warning: true });
}

/**
 * Every problem in a site owner's config, in document order; an empty array
 * when it is valid. Entries with `warning: true` are doubtful but usable.
 */
export function validate(user: unknown): ConfigProblem[] {
  const out: ConfigProblem[] = [];
  if (!isPlainObject(user)) {
    fail(out, 'config', 'an object', user);
    return out;
  }
  configShape(user, '', out);
  checkRelations(user, out);
  return out;
}
