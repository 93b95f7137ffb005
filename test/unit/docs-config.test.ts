/**
 * The README's "Configuration reference" cannot drift from the code:
 * - `CONFIG_KEYS` must name exactly the leaf keys of `ConsentryConfig`
 *   (TypeScript rejects a missing or an unknown key: it is a
 *   `Record<ConfigKey, …>` over a type derived from the interface);
 * - the README table must document exactly those keys;
 * - every key the defaults set is one of them, and each documented scalar
 *   default is the real default value.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/core/defaults';
import type { ConsentryConfig } from '../../src/core/types';

/** Dotted paths to the leaves of T; arrays and string-keyed maps are leaves. */
type LeafKeys<T> = {
  [K in keyof T & string]-?: NonNullable<T[K]> extends readonly unknown[]
    ? K
    : NonNullable<T[K]> extends object
      ? string extends keyof NonNullable<T[K]>
        ? K
        : `${K}.${LeafKeys<NonNullable<T[K]>>}`
      : K;
}[keyof T & string];

type ConfigKey = LeafKeys<ConsentryConfig>;

/** Every config key, and whether the defaults set it (false: optional, absent by default). */
const CONFIG_KEYS: Record<ConfigKey, { hasDefault: boolean }> = {
  categories: { hasDefault: true },
  rules: { hasDefault: true },
  'policy.version': { hasDefault: true },
  'policy.effectiveDate': { hasDefault: false },
  'policy.material': { hasDefault: true },
  'policy.url': { hasDefault: false },
  'policy.noticeDays': { hasDefault: true },
  'contact.hotline': { hasDefault: false },
  'contact.email': { hasDefault: false },
  'cookie.name': { hasDefault: true },
  'cookie.domain': { hasDefault: false },
  'cookie.days': { hasDefault: true },
  language: { hasDefault: false },
  expiryMonths: { hasDefault: true },
  reloadOnWithdraw: { hasDefault: true },
  observeMarkup: { hasDefault: true },
  consentMode: { hasDefault: true },
  receiptEndpoint: { hasDefault: false },
  serviceWorker: { hasDefault: false },
  'ui.src': { hasDefault: false },
  'ui.css': { hasDefault: false },
  'ui.layout': { hasDefault: true },
  'ui.settingsButton': { hasDefault: true },
  'ui.nonce': { hasDefault: false },
  translations: { hasDefault: true },
  'email.unsubscribeParams.list': { hasDefault: true },
  'email.unsubscribeParams.token': { hasDefault: true },
  'email.trackingParams': { hasDefault: true },
  'minors.enabled': { hasDefault: true },
  'minors.age': { hasDefault: true },
};

/** Leaf paths of a plain value (arrays and maps of unknown keys are leaves, as in LeafKeys). */
function leafPaths(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || prefix === 'translations') return [prefix];
  return Object.entries(value).flatMap(([key, child]) => leafPaths(child, prefix ? `${prefix}.${key}` : key));
}

function valueAt(config: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], config);
}

/** The rows of docs/configuration.md's "Configuration reference" table: key -> default cell. */
function readmeRows(): Map<string, string> {
  const readme = readFileSync(resolve(__dirname, '../../docs/configuration.md'), 'utf8');
  const start = readme.indexOf('\n## Configuration reference');
  expect(start, 'docs/configuration.md has a "## Configuration reference" section').toBeGreaterThan(-1);
  const end = readme.indexOf('\n## ', start + 1);
  const section = readme.slice(start, end === -1 ? undefined : end);
  const rows = new Map<string, string>();
  for (const line of section.split('\n')) {
    // Cells may contain escaped pipes (`\|`), as in a union type.
    const match = /^\| `([\w.]+)` \| (?:[^|\\]|\\.)+ \| ((?:[^|\\]|\\.)*) \|/.exec(line);
    if (match) rows.set(match[1], match[2].trim());
  }
  return rows;
}

describe('README configuration reference', () => {
  it('documents exactly the keys of ConsentryConfig', () => {
    expect([...readmeRows().keys()].sort()).toEqual(Object.keys(CONFIG_KEYS).sort());
  });

  it('lists every key the defaults set, and only keys marked as defaulted', () => {
    const defaulted = leafPaths(defaultConfig()).sort();
    const marked = Object.entries(CONFIG_KEYS)
      .filter(([, key]) => key.hasDefault)
      .map(([path]) => path)
      .sort();
    expect(defaulted).toEqual(marked);
  });

  it('shows the real default of every scalar key, and "—" for keys without a default', () => {
    const rows = readmeRows();
    const defaults = defaultConfig();
    for (const [path, { hasDefault }] of Object.entries(CONFIG_KEYS)) {
      const cell = rows.get(path);
      const value = valueAt(defaults, path);
      if (!hasDefault) expect(cell, path).toBe('—');
      else if (typeof value !== 'object') expect(cell, path).toBe(`\`${JSON.stringify(value)}\``);
    }
  });
});
