/**
 * A UiHost whose API keeps the choice in memory and logs every call, so UI
 * tests can assert what each button did to the stored record without the guard.
 */
import type { ConsentChange, ConsentRecord, ConsentState, ConsentryApi, ConsentryConfig, HistoryEntry, UiHost } from '../../src/core/types';
import { mergeConfig } from '../../src/core/merge-config';

/** A typical site's config: its policy and a contact channel (the defaults name no one's). */
export const SITE = {
  policy: { url: '/privacy', version: '2021-10-24', effectiveDate: '2021-10-24' },
  contact: { hotline: '+44 20 7946 0000', email: 'privacy@example.com' },
};

export interface FakeHost extends UiHost {
  calls: { name: string; arg?: unknown }[];
  record(): ConsentRecord | null;
}

/**
 * `user` is what the site wrote (merged over the defaults; `SITE` when absent);
 * `configPatch` then replaces whole top-level keys of the result.
 */
export function fakeHost(
  overrides: Partial<UiHost> & { user?: unknown; configPatch?: Partial<ConsentryConfig>; initial?: Partial<ConsentRecord> } = {},
): FakeHost {
  const config: ConsentryConfig = { ...mergeConfig(overrides.user ?? SITE), ...overrides.configPatch };
  const calls: FakeHost['calls'] = [];
  const listeners = new Set<(state: ConsentState) => void>();
  const history: HistoryEntry[] = [];
  let record: ConsentRecord | null = null;
  const now = Date.UTC(2026, 10, 29, 12, 0, 0);

  const state = (): ConsentState => ({ record, needsChoice: record === null, degraded: false });
  const emit = () => {
    const s = state();
    for (const fn of listeners) fn(s);
    return s;
  };
  const write = (change: ConsentChange, method: ConsentRecord['method']) => {
    const categories: Record<string, boolean> = {};
    for (const c of config.categories) categories[c.id] = c.required ? true : (change.categories?.[c.id] ?? record?.categories[c.id] ?? false);
    record = {
      schema: 1,
      id: 'fake-id',
      policyVersion: config.policy.version,
      language: 'en',
      categories,
      optOuts: { promotionalEmail: false, personalisedAds: false, adSharing: false, ...record?.optOuts, ...change.optOuts },
      method,
      gpc: false,
      ...(change.minor ? { minor: change.minor } : {}),
      createdAt: record?.createdAt ?? now,
      updatedAt: now + history.length * 60_000,
      expiresAt: now + 365 * 86_400_000,
    };
    history.push({ at: record.updatedAt, method, policyVersion: record.policyVersion, categories, optOuts: record.optOuts, gpc: false });
    return Promise.resolve(emit());
  };
  const all = (value: boolean) => Object.fromEntries(config.categories.map((c) => [c.id, value]));

  if (overrides.initial) {
    void write({}, 'api');
    record = { ...(record as unknown as ConsentRecord), ...overrides.initial };
  }

  const api: ConsentryApi = {
    ready: Promise.resolve(state()),
    get: state,
    has: (category) => category === 'necessary' || record?.categories[category] === true,
    acceptAll: () => (calls.push({ name: 'acceptAll' }), write({ categories: all(true) }, 'accept-all')),
    rejectAll: () => (calls.push({ name: 'rejectAll' }), write({ categories: all(false) }, 'reject-all')),
    set: (change) => (calls.push({ name: 'set', arg: change }), write(change, change.method ?? 'api')),
    withdraw: () => {
      calls.push({ name: 'withdraw' });
      record = null;
      history.length = 0;
      return Promise.resolve(emit());
    },
    history: () => Promise.resolve(history.map((entry) => ({ ...entry }))),
    show: () => Promise.resolve(),
    showPreferences: () => Promise.resolve(),
    showOptOuts: () => Promise.resolve(),
    on: (event, fn) => {
      if (event !== 'change') return () => undefined;
      const listener = fn as (state: ConsentState) => void;
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    config,
    language: 'en',
    version: 'test',
  };
  return {
    api,
    config,
    language: overrides.language ?? 'en',
    gpc: overrides.gpc ?? false,
    policyChanged: overrides.policyChanged ?? false,
    ...(overrides.unsubscribe ? { unsubscribe: overrides.unsubscribe } : {}),
    calls,
    record: () => record,
  };
}
