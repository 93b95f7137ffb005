import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/core/defaults';
import { decodeMirrorCookie, encodeMirrorCookie, recordFromMirror } from '../../src/core/mirror-cookie';
import { effectiveCategories, needsChoice } from '../../src/core/policy';
import { policyNoticeActive } from '../../src/core/policy-notice';
import { addMonths, applyChange, decodeHistoryEntry, decodeStoredRecord, historyEntryOf, migrateV0, newRecordId, sameChange } from '../../src/core/record';
import { reconcile } from '../../src/core/reconcile';
import type { ConsentRecord, ConsentryConfig } from '../../src/core/types';

/** A site's config: the defaults with its policy's version and date (the defaults name no one's). */
const config: ConsentryConfig = { ...defaultConfig(), policy: { ...defaultConfig().policy, version: '2021-10-24', effectiveDate: '2021-10-24' } };
const IDS = config.categories.map((c) => c.id);
const NOW = Date.UTC(2026, 10, 29, 12, 0, 0);
const DAY = 86_400_000;

const record = (over: Partial<ConsentRecord> = {}): ConsentRecord => ({
  schema: 1,
  id: 'r-1',
  policyVersion: '2021-10-24',
  language: 'en',
  categories: { necessary: true, preferences: true, analytics: true, advertising: true, email: false },
  optOuts: { promotionalEmail: false, personalisedAds: false, adSharing: false },
  method: 'custom',
  gpc: false,
  createdAt: NOW - DAY,
  updatedAt: NOW - DAY,
  expiresAt: addMonths(NOW - DAY, 12),
  ...over,
});

const withPolicy = (policy: Partial<ConsentryConfig['policy']>, over: Partial<ConsentryConfig> = {}): ConsentryConfig => ({
  ...config,
  ...over,
  policy: { ...config.policy, ...policy },
});

describe('record ids', () => {
  it('uses crypto.randomUUID, or 32 random hex digits where it is missing (http pages)', () => {
    expect(newRecordId()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const original = crypto.randomUUID;
    try {
      Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true });
      const a = newRecordId();
      expect(a).toMatch(/^[0-9a-f]{32}$/);
      expect(newRecordId()).not.toBe(a);
    } finally {
      Object.defineProperty(crypto, 'randomUUID', { value: original, configurable: true });
    }
  });
});

describe('addMonths', () => {
  it.each([
    [Date.UTC(2026, 0, 31), 1, Date.UTC(2026, 1, 28)],
    [Date.UTC(2026, 10, 29, 12), 12, Date.UTC(2027, 10, 29, 12)],
    [Date.UTC(2024, 1, 29), 12, Date.UTC(2025, 1, 28)],
    [Date.UTC(2026, 5, 15), 6, Date.UTC(2026, 11, 15)],
  ])('%i + %i months', (from, months, expected) => {
    expect(addMonths(from, months)).toBe(expected);
  });
});

describe('applyChange', () => {
  const base = { config, language: 'zh-CN', gpc: false, now: NOW };

  it('creates a first record: unnamed categories denied, necessary always on, expiry from config', () => {
    const r = applyChange({ ...base, previous: null, change: { categories: { analytics: true, necessary: false }, method: 'custom' } });
    expect(r).toEqual({
      schema: 1,
      id: expect.stringMatching(/^[0-9a-f-]{32,36}$/),
      policyVersion: '2021-10-24',
      language: 'zh-CN',
      categories: { necessary: true, preferences: false, analytics: true, advertising: false, email: false },
      optOuts: { promotionalEmail: false, personalisedAds: false, adSharing: false },
      method: 'custom',
      gpc: false,
      createdAt: NOW,
      updatedAt: NOW,
      expiresAt: Date.UTC(2027, 10, 29, 12),
    });
  });

  it('a first record made under GPC starts with both ad opt-outs on', () => {
    const r = applyChange({ ...base, gpc: true, previous: null, change: { categories: { advertising: true } } });
    expect(r.optOuts).toEqual({ promotionalEmail: false, personalisedAds: true, adSharing: true });
    expect(r.gpc).toBe(true);
    expect(r.method).toBe('api');
  });

  it('keeps what the change does not name, the id and the creation time; renews the expiry', () => {
    const previous = record({ minor: { under: true, guardianConfirmed: true }, optOuts: { promotionalEmail: true, personalisedAds: false, adSharing: false } });
    const r = applyChange({ ...base, previous, change: { optOuts: { adSharing: true }, method: 'custom' } });
    expect(r.id).toBe('r-1');
    expect(r.createdAt).toBe(NOW - DAY);
    expect(r.updatedAt).toBe(NOW);
    expect(r.categories).toEqual(previous.categories);
    expect(r.optOuts).toEqual({ promotionalEmail: true, personalisedAds: false, adSharing: true });
    expect(r.minor).toEqual({ under: true, guardianConfirmed: true });
    expect(historyEntryOf(r)).toEqual({ at: NOW, method: 'custom', policyVersion: '2021-10-24', categories: r.categories, optOuts: r.optOuts, gpc: false });
  });

  it('records the minors answer given with the change', () => {
    const r = applyChange({ ...base, previous: record(), change: { minor: { under: true, guardianConfirmed: false } } });
    expect(r.minor).toEqual({ under: true, guardianConfirmed: false });
  });
});

describe('reading stored records', () => {
  const v0 = { id: 'old-1', policy: '2020-01-01', lang: 'zh-CN', allowed: ['necessary', 'analytics'], noEmail: true, ts: NOW - 10 * DAY, via: 'banner' as const };

  it('migrates the schema 0 shape', () => {
    const expected: ConsentRecord = {
      schema: 1,
      id: 'old-1',
      policyVersion: '2020-01-01',
      language: 'zh-CN',
      categories: { necessary: true, preferences: false, analytics: true, advertising: false, email: false },
      optOuts: { promotionalEmail: true, personalisedAds: true, adSharing: true },
      method: 'custom',
      gpc: false,
      createdAt: NOW - 10 * DAY,
      updatedAt: NOW - 10 * DAY,
      expiresAt: addMonths(NOW - 10 * DAY, 12),
    };
    expect(migrateV0(v0, config)).toEqual(expected);
    expect(decodeStoredRecord(v0, config)).toEqual(expected);
    expect(decodeStoredRecord({ ...v0, v: 0, via: undefined, lang: undefined, noEmail: undefined, allowed: ['advertising'] }, config)).toMatchObject({
      language: 'en',
      method: 'api',
      categories: { advertising: true, necessary: true },
      optOuts: { personalisedAds: false, adSharing: false, promotionalEmail: false },
    });
  });

  it('reads schema 1 as is, forcing necessary on', () => {
    expect(decodeStoredRecord(record(), config)).toEqual(record());
    expect(decodeStoredRecord(record({ categories: { necessary: false, analytics: true } as never }), config)?.categories).toEqual({ necessary: true, analytics: true });
    expect(decodeStoredRecord(record({ minor: { under: false, guardianConfirmed: false } }), config)?.minor).toEqual({ under: false, guardianConfirmed: false });
  });

  it.each<[string, unknown]>([
    ['null', null],
    ['a string', 'analytics=1'],
    ['an array', [record()]],
    ['a future schema', { ...record(), schema: 2 }],
    ['no id', { ...record(), id: '' }],
    ['categories not booleans', { ...record(), categories: { analytics: 'yes' } }],
    ['an opt-out missing', { ...record(), optOuts: { promotionalEmail: false, personalisedAds: false } }],
    ['an unknown method', { ...record(), method: 'coerced' }],
    ['a non-numeric time', { ...record(), updatedAt: '2026-11-29' }],
    ['a NaN expiry', { ...record(), expiresAt: NaN }],
    ['a broken minor answer', { ...record(), minor: { under: 'yes' } }],
    ['v0 with a non-list', { ...v0, allowed: 'analytics' }],
    ['v0 without a time', { ...v0, ts: undefined }],
    // Found by fuzzing (test/unit/fuzz-decoders.test.ts).
    ['a time no Date can hold (it read as a choice that never expires)', { ...record(), updatedAt: 1e300, expiresAt: 1e300 }],
    ['an infinite expiry', { ...record(), expiresAt: Infinity }],
    ['v0 whose migrated expiry falls past the last Date', { ...v0, ts: 8.64e15 - DAY }],
    ['an id the mirror cookie cannot carry', { ...record(), id: 'r.1' }],
    ['v0 with such an id', { ...v0, id: 'old 1' }],
    ['a policy version with a lone surrogate (encoding the cookie threw)', { ...record(), policyVersion: 'v\uD800' }],
    ['a policy version too long for the cookie', { ...record(), policyVersion: 'x'.repeat(201) }],
    ['v0 with an empty policy', { ...v0, policy: '' }],
  ])('ignores %s', (_name, stored) => {
    expect(decodeStoredRecord(stored, config)).toBeNull();
  });

  it('tells the same change from another (a record rebuilt from the cookie adds no second history entry)', () => {
    const entry = historyEntryOf(record({ updatedAt: NOW + 700 }));
    const fromCookie = historyEntryOf(recordFromMirror(decodeMirrorCookie(encodeMirrorCookie(record({ updatedAt: NOW + 700 }), IDS), IDS, NOW + DAY)!, config, 'en'));
    expect(sameChange(entry, fromCookie)).toBe(true);
    expect(sameChange(entry, { ...fromCookie, at: NOW + 1000 })).toBe(false);
    expect(sameChange(entry, { ...fromCookie, method: 'accept-all' })).toBe(false);
    expect(sameChange(entry, { ...fromCookie, categories: { ...fromCookie.categories, email: true } })).toBe(false);
    expect(sameChange(entry, { ...fromCookie, optOuts: { ...fromCookie.optOuts, adSharing: true } })).toBe(false);
  });

  it('reads history entries and rejects broken ones', () => {
    const entry = historyEntryOf(record());
    expect(decodeHistoryEntry(entry)).toEqual(entry);
    expect(decodeHistoryEntry({ ...entry, method: 'nope' })).toBeNull();
    expect(decodeHistoryEntry({ ...entry, optOuts: null })).toBeNull();
    expect(decodeHistoryEntry('x')).toBeNull();
  });
});

describe('needsChoice', () => {
  it.each<[string, ConsentRecord | null, ConsentryConfig, boolean]>([
    ['no record', null, config, true],
    ['a fresh record', record(), config, false],
    ['an expired record', record({ expiresAt: NOW }), config, true],
    ['a record older than a shortened expiry', record({ updatedAt: NOW - 200 * DAY, expiresAt: NOW + DAY }), { ...config, expiryMonths: 6 }, true],
    ['a record made 50,000 years from now (forged or corrupt)', record({ updatedAt: NOW + 50_000 * 365 * DAY, expiresAt: NOW + 50_001 * 365 * DAY }), config, true],
    ['a record made a day from now', record({ updatedAt: NOW + DAY, expiresAt: addMonths(NOW + DAY, 12) }), config, true],
    ['a record made within the clock skew allowed (an hour)', record({ updatedAt: NOW + 60_000, expiresAt: addMonths(NOW + 60_000, 12) }), config, false],
    ['a record that expires later than expiryMonths allows', record({ expiresAt: NOW + 100 * 365 * DAY }), config, true],
    // Found by fuzzing: a time past what a Date holds made every comparison false (NaN), which read as "still valid".
    ['a record made at a time no Date can hold', record({ updatedAt: 1e300, expiresAt: 1e300 }), config, true],
    ['a record with a NaN expiry', record({ expiresAt: NaN }), config, true],
    ['an older policy, material change', record({ policyVersion: '2020-01-01' }), withPolicy({ version: '2026-11-01', material: true }), true],
    ['an older policy, minor change', record({ policyVersion: '2020-01-01' }), withPolicy({ version: '2026-11-01', material: false }), false],
    ['the same policy, flagged material', record(), withPolicy({ material: true }), false],
    ['made by an unsubscribe link alone (nothing allowed)', record({ method: 'unsubscribe-link', categories: { necessary: true, preferences: false, analytics: false, advertising: false, email: false } }), config, true],
    ['an unsubscribe on top of a choice that allowed something', record({ method: 'unsubscribe-link', categories: { necessary: true, preferences: true, analytics: false, advertising: false, email: false } }), config, false],
  ])('%s', (_name, r, c, expected) => {
    expect(needsChoice(r, c, NOW)).toBe(expected);
  });
});

describe('policyNoticeActive', () => {
  const changed = withPolicy({ effectiveDate: '2026-11-20', noticeDays: 30 });
  it.each<[string, number, boolean]>([
    ['before the effective date', Date.UTC(2026, 10, 19, 23), false],
    ['on the effective date', Date.UTC(2026, 10, 20), true],
    ['29 days later', Date.UTC(2026, 11, 19, 23), true],
    ['30 days later', Date.UTC(2026, 11, 20), false],
  ])('%s', (_name, now, expected) => {
    expect(policyNoticeActive(changed, now)).toBe(expected);
  });
  it('is off for the default policy (effective 2021)', () => {
    expect(policyNoticeActive(config, NOW)).toBe(false);
  });
});

describe('effectiveCategories', () => {
  const sorted = (s: Set<string>) => [...s].sort();
  it.each<[string, ConsentRecord | null, ConsentryConfig, string[]]>([
    ['no record', null, config, ['necessary']],
    ['what the record allows', record(), config, ['advertising', 'analytics', 'necessary', 'preferences']],
    ['personalised ads refused: no advertising', record({ optOuts: { promotionalEmail: false, personalisedAds: true, adSharing: false } }), config, ['analytics', 'necessary', 'preferences']],
    ['sharing refused: no advertising', record({ optOuts: { promotionalEmail: false, personalisedAds: false, adSharing: true } }), config, ['analytics', 'necessary', 'preferences']],
    ['promotional email refused: categories unchanged', record({ optOuts: { promotionalEmail: true, personalisedAds: false, adSharing: false } }), config, ['advertising', 'analytics', 'necessary', 'preferences']],
    ['a minor without a guardian', record({ minor: { under: true, guardianConfirmed: false } }), config, ['necessary']],
    ['a minor with a guardian: never advertising', record({ minor: { under: true, guardianConfirmed: true } }), config, ['analytics', 'necessary', 'preferences']],
    ['an adult', record({ minor: { under: false, guardianConfirmed: false } }), config, ['advertising', 'analytics', 'necessary', 'preferences']],
    ['expired', record({ expiresAt: NOW - 1 }), config, ['necessary']],
    ['a material policy change', record({ policyVersion: 'old' }), withPolicy({ material: true }), ['necessary']],
    ['a category no longer configured', record({ categories: { necessary: true, video: true } as never }), config, ['necessary']],
  ])('%s', (_name, r, c, expected) => {
    expect(sorted(effectiveCategories(r, c, NOW))).toEqual(expected);
  });
});

describe('reconcile (IndexedDB is the source of truth)', () => {
  const stored = record();
  const cookieOf = (r: ConsentRecord) => encodeMirrorCookie(r, IDS);
  const none = { writeCookie: false, removeCookie: false, saveRecord: false, unreadable: false };
  /** The cookie as the head reads it (head/mirror.ts): raw, and decoded for this config. */
  const mirror = (raw: string | undefined, language = 'en') => {
    const decision = decodeMirrorCookie(raw, IDS, NOW);
    return { raw, record: decision && recordFromMirror(decision, config, language) };
  };

  it('a stored record with its cookie: nothing to repair', () => {
    expect(reconcile(stored, mirror(cookieOf(stored), 'en'), config)).toEqual({ ...none, record: stored });
  });
  it('a stored record without cookie: the cookie is restored', () => {
    expect(reconcile(stored, mirror(undefined, 'en'), config)).toEqual({ ...none, record: stored, writeCookie: true });
  });
  it('a stored record with an older cookie: the cookie is rewritten', () => {
    const older = cookieOf(record({ updatedAt: NOW - 5 * DAY, categories: { ...stored.categories, analytics: false } }));
    expect(reconcile(stored, mirror(older, 'en'), config)).toEqual({ ...none, record: stored, writeCookie: true });
  });
  it('a newer cookie (another subdomain sharing it): the cookie is recorded', () => {
    const newer = record({ id: 'other', updatedAt: NOW, method: 'reject-all', categories: { necessary: true, preferences: false, analytics: false, advertising: false, email: false } });
    const result = reconcile(stored, mirror(cookieOf(newer), 'en'), config);
    expect(result).toMatchObject({ saveRecord: true, writeCookie: false, record: { id: 'other', method: 'reject-all', updatedAt: NOW } });
  });
  it('a cookie without a stored record: re-recorded', () => {
    const result = reconcile(undefined, mirror(cookieOf(stored), 'zh-CN'), config);
    expect(result).toMatchObject({ ...none, saveRecord: true, record: { id: 'r-1', language: 'zh-CN', categories: stored.categories } });
  });
  it('an unreadable stored record and no valid cookie: ignored, the visitor asked again', () => {
    expect(reconcile('garbage', mirror(undefined, 'en'), config)).toEqual({ ...none, record: null, unreadable: true });
    expect(reconcile({ schema: 1, id: 'r-1' }, mirror('1.broken', 'en'), config)).toEqual({ ...none, record: null, unreadable: true, removeCookie: true });
  });
  // Issue #11: a corrupt or truncated record used to cost the visitor the choice the cookie still held.
  it.each<[string, unknown]>([
    ['a corrupt record', { ...record(), categories: 'garbled' }],
    ['a truncated record', '{"schema":1,"id":"r-1","policyVer'],
    ['a record some other program wrote', { hello: 'world' }],
  ])("%s with a valid cookie: the cookie's choice is kept and recorded over it", (_name, broken) => {
    const result = reconcile(broken, mirror(cookieOf(stored), 'en'), config);
    expect(result).toMatchObject({ unreadable: true, saveRecord: true, removeCookie: false, writeCookie: false, record: { id: 'r-1', categories: stored.categories, method: stored.method } });
  });
  it("a record from a newer schema with a valid cookie: the cookie's choice is used, and the newer record is left for newer code", () => {
    const result = reconcile({ ...record(), schema: 2, extra: { from: 'the future' } }, mirror(cookieOf(stored), 'en'), config);
    expect(result).toMatchObject({ unreadable: true, saveRecord: false, removeCookie: false, writeCookie: false, record: { id: 'r-1', categories: stored.categories } });
  });
  it('a malformed cookie and nothing stored: dropped', () => {
    expect(reconcile(undefined, mirror('nonsense', 'en'), config)).toEqual({ ...none, record: null, removeCookie: true });
  });
  it('a cookie dated in the future never replaces the stored record: the cookie is repaired', () => {
    const future = cookieOf(record({ id: 'forged', updatedAt: NOW + 50_000 * 365 * DAY }));
    expect(mirror(future).record).toBeNull();
    expect(reconcile(stored, mirror(future), config)).toEqual({ ...none, record: stored, writeCookie: true });
  });
  it('nothing at all: no choice', () => {
    expect(reconcile(undefined, mirror(undefined, 'en'), config)).toEqual({ ...none, record: null });
  });
});
