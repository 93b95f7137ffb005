// @vitest-environment node
/**
 * The decoders of what comes back from the browser, fuzzed (issue #11): the
 * mirror cookie (any page, extension or server can write it), the stored
 * record and history entries with their migration (IndexedDB is the page's
 * too: corrupt, truncated, from a newer schema), and the receipt built from
 * whatever record was decoded. None may throw; anything that is not exactly
 * what Consentry writes is `null`; and nothing decoded may allow a category
 * with times that cannot be true.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { BUILT_IN_CATEGORY_IDS, defaultConfig } from '../../src/core/defaults';
import { decodeMirrorCookie, encodeMirrorCookie, MAX_CATEGORIES, MIRROR_METHODS, recordFromMirror } from '../../src/core/mirror-cookie';
import { CLOCK_SKEW, effectiveCategories, isOutdated } from '../../src/core/policy';
import { buildReceipt, buildWithdrawalReceipt } from '../../src/core/receipt';
import { escapePolicy, fitsMirrorCookie } from '../../src/core/policy-version';
import { addMonths, decodeHistoryEntry, decodeStoredRecord, historyEntryOf } from '../../src/core/record';
import type { ConsentMethod, ConsentRecord, ConsentryConfig } from '../../src/core/types';
import { validate } from '../../src/core/validate';
import { FUZZ, FUZZ_TIMEOUT, jsonArb, keyArb, must, numberArb, textArb } from './fuzz/arbitraries';

const NOW = Date.UTC(2026, 10, 29, 12, 0, 0);
const MONTH = 30 * 86_400_000;

/** A config with 0–30 site categories after the built-in ones (the cookie has bits for 31; their names are not in it). */
const configArb: fc.Arbitrary<ConsentryConfig> = fc.tuple(fc.nat({ max: 30 }), fc.integer({ min: 1, max: 24 })).map(([extra, expiryMonths]) => {
  const config = defaultConfig();
  for (let i = 0; i < extra; i++) config.categories.push({ id: `site-${i}`, name: { en: `Site ${i}` }, description: { en: '' }, vendors: [] });
  config.expiryMonths = expiryMonths;
  return config;
});

/** Short policy versions, as sites write them (all fit the cookie). */
const shortVersionArb = fc.oneof(
  fc.constantFrom('2021-10-24', 'v2', '2026.1', '第二版', "o'brien (draft) *final*", '~%.!'),
  fc.string({ minLength: 1, maxLength: 20 }).filter((v) => v.trim() !== ''),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }).filter((v) => v.trim() !== ''),
);

/** Any policy version the old validator let through (non-empty text): long, CJK, lone surrogates. */
const policyVersionArb = fc.oneof(
  shortVersionArb,
  fc.constantFrom('隐私政策二〇二六年一月修订版，适用于所有中国大陆用户', '\uD800', 'v\uDC00', '\uDBFF\uDBFF'),
  fc.string({ unit: 'binary', minLength: 20, maxLength: 120 }).filter((v) => v.trim() !== ''),
);

/** What a record is made of, independent of the config (arbitraries built once: building them per run is what costs). */
const recordPartsArb = fc.record({
  id: fc.oneof(fc.uuid(), fc.stringMatching(/^[0-9a-f]{32}$/)),
  // Versions a valid config can have (the validator refuses the others, see below).
  policyVersion: fc.option(shortVersionArb, { nil: undefined }),
  language: fc.constantFrom('en', 'zh-CN'),
  categories: fc.array(fc.boolean(), { minLength: 36, maxLength: 36 }),
  optOuts: fc.record({ promotionalEmail: fc.boolean(), personalisedAds: fc.boolean(), adSharing: fc.boolean() }),
  method: fc.constantFrom(...MIRROR_METHODS),
  gpc: fc.boolean(),
  minor: fc.option(fc.record({ under: fc.boolean(), guardianConfirmed: fc.boolean() }), { nil: undefined }),
  age: fc.double({ min: 0, max: 1, noNaN: true }),
});

/** A record as Consentry writes it, for `config`, made at most `expiryMonths` ago. */
function buildRecord(config: ConsentryConfig, parts: typeof recordPartsArb extends fc.Arbitrary<infer T> ? T : never): ConsentRecord {
  const { categories, age, minor, policyVersion, ...rest } = parts;
  const updatedAt = NOW - Math.floor(age * (addMonths(NOW, 0) - addMonths(NOW, -config.expiryMonths)));
  const record: ConsentRecord = {
    schema: 1,
    ...rest,
    policyVersion: policyVersion ?? config.policy.version,
    categories: Object.fromEntries(config.categories.map((c, i) => [c.id, c.id === 'necessary' || categories[i]!])) as ConsentRecord['categories'],
    createdAt: updatedAt - 1000,
    updatedAt,
    expiresAt: addMonths(updatedAt, config.expiryMonths),
  };
  if (minor) record.minor = minor;
  return record;
}

const configAndRecord = fc.tuple(configArb, recordPartsArb).map(([config, parts]) => [config, buildRecord(config, parts)] as const);

const RECORD_FIELDS: (keyof ConsentRecord)[] = ['schema', 'id', 'policyVersion', 'language', 'categories', 'optOuts', 'method', 'gpc', 'minor', 'createdAt', 'updatedAt', 'expiresAt'];

/** How a stored record gets damaged: a field removed, a field given any value (wrong type or not), truncated, or from a newer schema. */
const damageArb = fc.record({
  kind: fc.nat({ max: 4 }),
  field: fc.constantFrom(...RECORD_FIELDS),
  value: fc.oneof(jsonArb, numberArb, textArb),
  schema: fc.integer({ min: 2, max: 99 }),
  cut: fc.nat({ max: 200 }),
});

/** `record` damaged as `damage` says, and whether what is left is broken (must decode to null). */
function damaged(record: ConsentRecord, damage: typeof damageArb extends fc.Arbitrary<infer T> ? T : never): { value: unknown; broken: boolean } {
  const { kind, field, value, schema, cut } = damage;
  if (kind === 0) {
    const { [field]: _gone, ...rest } = record;
    return { value: rest, broken: field !== 'minor' };
  }
  if (kind === 1) return { value: { ...record, [field]: value }, broken: !fitsField(field, value, record) };
  if (kind === 2) return { value: { ...record, schema }, broken: true };
  if (kind === 3) return { value: JSON.stringify(record).slice(0, cut), broken: true };
  return { value: { ...record, categories: [true, false] }, broken: true };
}

/** Whether `value` is still a valid value of `field` (what `decodeStoredRecord` must accept). */
function fitsField(field: keyof ConsentRecord, value: unknown, record: ConsentRecord): boolean {
  const time = (v: unknown) => typeof v === 'number' && v > 0 && v <= 8.64e15;
  switch (field) {
    case 'schema': return value === 1;
    case 'id': return typeof value === 'string' && /^[\w-]{1,64}$/.test(value);
    case 'policyVersion': return fitsMirrorCookie(value);
    case 'language': return typeof value === 'string';
    case 'gpc': return typeof value === 'boolean';
    case 'createdAt': case 'updatedAt': case 'expiresAt': return time(value);
    case 'method': return MIRROR_METHODS.includes(value as ConsentMethod);
    case 'categories': return isBools(value);
    case 'optOuts': return isBools(value) && ['promotionalEmail', 'personalisedAds', 'adSharing'].every((k) => k in (value as object));
    case 'minor': return value === undefined || (isBools(value) && ['under', 'guardianConfirmed'].every((k) => k in (value as object)));
    default: return record[field] === value;
  }
}
const isBools = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every((x) => typeof x === 'boolean');

/** What must hold of anything a decoder gave: the shape Consentry writes, and no category allowed on times that cannot be true. */
function mustBeSaneRecord(record: ConsentRecord, config: ConsentryConfig) {
  must(record.schema === 1 && typeof record.id === 'string' && record.categories.necessary === true, 'decoded record without schema, id or necessary');
  must(MIRROR_METHODS.includes(record.method), 'decoded record with an unknown method');
  for (const t of [record.createdAt, record.updatedAt, record.expiresAt]) must(Number.isFinite(t) && t > 0 && t <= 8.64e15, () => `decoded record with a time outside the Date range: ${t}`);
  const allowed = effectiveCategories(record, config, NOW);
  if (allowed.size > 1) {
    must(record.updatedAt <= NOW + CLOCK_SKEW, 'a choice made in the future allows something');
    must(NOW < record.expiresAt && record.expiresAt <= addMonths(record.updatedAt, config.expiryMonths) + CLOCK_SKEW, 'a choice past its expiry allows something');
    must(!isOutdated(record, config, NOW), 'an outdated choice allows something');
  }
}

describe('mirror cookie decoder, fuzzed', { timeout: FUZZ_TIMEOUT }, () => {
  it('reads back every cookie, record and history entry Consentry writes, for any record and any category list', () => {
    fc.assert(
      fc.property(configAndRecord, ([config, record]) => {
        const ids = config.categories.map((c) => c.id);
        const value = encodeMirrorCookie(record, ids);
        const decision = decodeMirrorCookie(value, ids, NOW);
        must(decision, () => `cookie not read back: ${value}`);
        must(decision!.policyVersion === record.policyVersion && decision!.id === record.id && decision!.method === record.method, 'fields differ');
        must(decision!.updatedAt === Math.floor(record.updatedAt / 1000) * 1000, 'time differs');
        ids.forEach((id, i) => must(decision!.categories[id] === (i < MAX_CATEGORIES && (record.categories[id] || id === 'necessary')), () => `category ${id} differs`));
        must(JSON.stringify(decision!.optOuts) === JSON.stringify(record.optOuts) && decision!.gpc === record.gpc, 'opt-outs differ');
        must(JSON.stringify(decision!.minor ?? null) === JSON.stringify(record.minor?.under || record.minor?.guardianConfirmed ? record.minor : null), 'minor differs');

        const stored = structuredClone(record);
        must(JSON.stringify(decodeStoredRecord(stored, config)) === JSON.stringify(record), 'record not read back as written');
        must(JSON.stringify(decodeHistoryEntry(structuredClone(historyEntryOf(record)))) === JSON.stringify(historyEntryOf(record)), 'history entry not read back');
        mustBeSaneRecord(decodeStoredRecord(stored, config)!, config);
      }),
      FUZZ,
    );
  });

  it('never throws on any value, and anything it accepts is a sane choice', () => {
    const cookieLike = fc.tuple(
      fc.constantFrom('1', '2', '', '01'),
      fc.oneof(policyVersionArb.map((v) => (fitsMirrorCookie(v) ? escapePolicy(v) : v)), fc.string({ maxLength: 12 })),
      fc.oneof(fc.nat().map((n) => n.toString(16)), fc.string({ maxLength: 9 })),
      fc.oneof(fc.nat({ max: 0x1ff }).map((n) => n.toString(16)), fc.string({ maxLength: 4 })),
      fc.oneof(fc.integer({ min: 0, max: 2 ** 41 }).map((n) => n.toString(36)), fc.string({ maxLength: 9 })),
      fc.oneof(fc.uuid(), fc.string({ maxLength: 70 })),
    ).map((parts) => parts.join('.'));
    fc.assert(
      fc.property(fc.oneof(cookieLike, textArb, jsonArb, fc.string({ maxLength: 300 })), configArb, (value, config) => {
        const ids = config.categories.map((c) => c.id);
        const decision = decodeMirrorCookie(value, ids, NOW);
        if (!decision) return;
        must(typeof value === 'string' && /^[\w~!'()*.-]+$/.test(value), 'accepted a value outside the format');
        must(decision.updatedAt > 0 && decision.updatedAt <= NOW + CLOCK_SKEW, 'accepted a time in the future');
        must(Object.keys(decision.categories).join() === ids.join(), 'categories are not the configured ones');
        mustBeSaneRecord(recordFromMirror(decision, config, 'en'), config);
      }),
      FUZZ,
    );
  });
});

describe('policy versions, fuzzed', { timeout: FUZZ_TIMEOUT }, () => {
  const DEFAULTS = defaultConfig();
  const SOME_PARTS = fc.sample(recordPartsArb, { seed: 1, numRuns: 1 })[0]!;

  it('the validator takes exactly the versions the cookie can carry, and the cookie carries every one of them', () => {
    fc.assert(
      fc.property(fc.oneof(policyVersionArb, textArb), (version) => {
        const problems = validate({ policy: { version } }).map((p) => p.path);
        const fits = version.trim() !== '' && fitsMirrorCookie(version);
        must(problems.includes('policy.version') === !fits, () => `validator and cookie disagree on ${JSON.stringify(version)}`);
        if (!fits) return;
        const record = buildRecord(DEFAULTS, { ...SOME_PARTS, policyVersion: version });
        must(decodeMirrorCookie(encodeMirrorCookie(record, BUILT_IN_CATEGORY_IDS), BUILT_IN_CATEGORY_IDS, NOW)?.policyVersion === version, () => `cookie lost ${JSON.stringify(version)}`);
      }),
      FUZZ,
    );
  });
});

describe('stored record and history decoders, fuzzed', { timeout: FUZZ_TIMEOUT }, () => {
  it('never throw on a damaged, truncated, foreign or newer record: null for what is broken, a sane record otherwise', () => {
    const v0 = fc.record({ id: fc.uuid(), policy: shortVersionArb, allowed: fc.array(fc.constantFrom(...BUILT_IN_CATEGORY_IDS, 'x')), ts: fc.integer({ min: NOW - 12 * MONTH, max: NOW }), via: fc.constantFrom('banner', 'api') });
    const v0Damage = fc.tuple(fc.constantFrom('id', 'policy', 'allowed', 'ts'), fc.oneof(numberArb, textArb, jsonArb));
    const input = fc.tuple(
      configAndRecord,
      fc.oneof(
        { weight: 4, arbitrary: damageArb.map((damage) => (record: ConsentRecord) => damaged(record, damage)) },
        { weight: 1, arbitrary: v0.map((value) => () => ({ value, broken: false as boolean | undefined })) },
        { weight: 1, arbitrary: fc.tuple(v0, v0Damage).map(([old, [k, v]]) => () => ({ value: { ...old, [k]: v } as unknown, broken: undefined })) },
        { weight: 1, arbitrary: fc.oneof(jsonArb, fc.dictionary(keyArb, jsonArb)).map((value) => () => ({ value, broken: undefined })) },
      ),
    ).map(([[config, record], make]) => [config, make(record)] as const);
    fc.assert(
      fc.property(input, ([config, { value, broken }]) => {
        const record = decodeStoredRecord(value, config);
        if (broken === true) must(record === null, () => `accepted a broken record: ${JSON.stringify(value)}`);
        if (broken === false) must(record !== null, () => `refused a good record: ${JSON.stringify(value)}`);
        if (record) mustBeSaneRecord(record, config);
        const entry = decodeHistoryEntry(value);
        if (entry) must(MIRROR_METHODS.includes(entry.method) && Number.isFinite(entry.at) && entry.at > 0 && entry.at <= 8.64e15, () => `accepted a broken history entry: ${JSON.stringify(value)}`);
      }),
      FUZZ,
    );
  });
});

describe('receipts, fuzzed', { timeout: FUZZ_TIMEOUT }, () => {
  const FIELDS = ['recordId', 'timestamp', 'policyVersion', 'language', 'categories', 'optOuts', 'method', 'gpc'];

  it('from any record a decoder accepts: exactly the documented fields, as JSON, never throwing', () => {
    const decoded = fc.oneof(
      configAndRecord.map(([config, record]) => ({ config, record: record as ConsentRecord | null })),
      fc.tuple(configAndRecord, damageArb).map(([[config, record], damage]) => ({ config, record: decodeStoredRecord(damaged(record, damage).value, config) })),
    );
    fc.assert(
      fc.property(decoded, fc.option(fc.record({ list: textArb, token: textArb }), { nil: undefined }), ({ record }, unsubscribe) => {
        if (!record) return;
        for (const receipt of [buildReceipt(record, unsubscribe), buildWithdrawalReceipt(record, NOW)]) {
          const keys = Object.keys(receipt);
          must(keys.slice(0, FIELDS.length).join() === FIELDS.join(), () => `receipt fields: ${keys.join()}`);
          must(keys.length === FIELDS.length + (receipt.unsubscribe ? 1 : 0), 'receipt has extra fields');
          must(/^(\d{4}|\+\d{6})-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/.test(receipt.timestamp) && Date.parse(receipt.timestamp) >= 0, () => `timestamp ${receipt.timestamp}`);
          must(Object.values(receipt.categories).every((v) => typeof v === 'boolean') && receipt.categories.necessary === true, 'categories are not booleans');
          must(JSON.stringify(JSON.parse(JSON.stringify(receipt))) === JSON.stringify(receipt), 'not JSON');
        }
      }),
      FUZZ,
    );
  });
});
