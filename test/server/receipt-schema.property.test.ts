/**
 * Property tests of the receipt schema as the ledger applies it
 * (validateReceipt: the same compiled validator POST /v1/receipts uses).
 * Over 22,000 generated inputs: every receipt the browser's buildReceipt can
 * make is accepted unchanged; every receipt with one defect is refused with
 * a message naming exactly the field at fault; and no input at all, however
 * odd, makes the validator throw.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LIST_SHAPE, TOKEN_SHAPE } from '../../src/core/params';
import { buildReceipt } from '../../src/core/receipt';
import { METHODS } from '../../src/core/record';
import type { ConsentReceipt, ConsentRecord } from '../../src/core/types';
import { fieldPath, validateReceipt } from '../../src/server/validation';

const categoryId = fc.stringMatching(/^[\w-]{1,64}$/);

/** A stored record as the browser keeps it, and an optional unsubscribe landing. */
const browserReceipt: fc.Arbitrary<ConsentReceipt> = fc
  .record({
    id: fc.oneof(fc.uuid(), fc.stringMatching(/^[0-9a-f]{32}$/), fc.stringMatching(/^[\w-]{1,100}$/)),
    policyVersion: fc.stringMatching(/^[^\0-\x1f\x7f]{1,100}$/),
    language: fc.oneof(fc.constantFrom('en', 'zh-CN', 'zh-TW', 'fr'), fc.stringMatching(/^[A-Za-z0-9_-]{1,35}$/)),
    categories: fc.dictionary(categoryId, fc.boolean(), { maxKeys: 12 }),
    optOuts: fc.record({ promotionalEmail: fc.boolean(), personalisedAds: fc.boolean(), adSharing: fc.boolean() }),
    method: fc.constantFrom(...METHODS),
    gpc: fc.boolean(),
    updatedAt: fc.integer({ min: 0, max: Date.UTC(9999, 11, 31) }),
    unsubscribe: fc.option(fc.record({ list: fc.stringMatching(LIST_SHAPE), token: fc.stringMatching(TOKEN_SHAPE) }), { nil: undefined }),
  })
  .map(({ unsubscribe, categories, updatedAt, ...fields }) => {
    const record: ConsentRecord = { schema: 1, ...fields, categories: { ...categories, necessary: true } as ConsentRecord['categories'], createdAt: updatedAt, updatedAt, expiresAt: updatedAt };
    return buildReceipt(record, unsubscribe);
  });

/** A JSON value of a different JSON type than `keep` (for wrong-type defects). */
const otherType = (keep: 'string' | 'boolean' | 'object') =>
  fc
    .oneof(fc.string(), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null), fc.array(fc.integer(), { maxLength: 3 }), fc.dictionary(fc.string(), fc.integer(), { maxKeys: 2 }))
    .filter((value) => (keep === 'object' ? value === null || typeof value !== 'object' || Array.isArray(value) : typeof value !== keep));

const FIELD_TYPES = {
  recordId: 'string',
  timestamp: 'string',
  policyVersion: 'string',
  language: 'string',
  categories: 'object',
  optOuts: 'object',
  method: 'string',
  gpc: 'boolean',
} as const;
const REQUIRED = Object.keys(FIELD_TYPES) as (keyof typeof FIELD_TYPES)[];
const OPT_OUTS = ['promotionalEmail', 'personalisedAds', 'adSharing'] as const;

/** Sets an own property (even one named `__proto__`) on a copy. */
function withField<T extends object>(object: T, key: string, value: unknown): T {
  const copy = { ...object };
  Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}
function without<T extends object>(object: T, key: string): T {
  const copy = { ...object } as Record<string, unknown>;
  delete copy[key];
  return copy as T;
}

type Defect = { value: unknown; field: string };

/** One defect in an otherwise valid receipt, and the field the answer must name. */
const defective: fc.Arbitrary<Defect> = fc.oneof(
  // An unknown field, at the top or inside optOuts / unsubscribe.
  fc.tuple(browserReceipt, fc.string({ maxLength: 20 }).filter((key) => !(key in FIELD_TYPES) && key !== 'unsubscribe'), fc.jsonValue()).map(([receipt, key, value]) => ({ value: withField(receipt, key, value), field: fieldPath([key]) })),
  fc.tuple(browserReceipt, fc.string({ maxLength: 20 }).filter((key) => !(OPT_OUTS as readonly string[]).includes(key)), fc.boolean()).map(([receipt, key, value]) => ({ value: { ...receipt, optOuts: withField(receipt.optOuts, key, value) }, field: fieldPath(['optOuts', key]) })),
  fc.tuple(browserReceipt, fc.constantFrom('email', 'recipient', 'ip'), fc.string()).map(([receipt, key, value]) => ({ value: { ...receipt, unsubscribe: withField({ list: 'news', token: 'abcdefgh12' }, key, value) }, field: `unsubscribe.${key}` })),
  // A required field missing.
  fc.tuple(browserReceipt, fc.constantFrom(...REQUIRED)).map(([receipt, key]) => ({ value: without(receipt, key), field: key })),
  fc.tuple(browserReceipt, fc.constantFrom(...OPT_OUTS)).map(([receipt, key]) => ({ value: { ...receipt, optOuts: without(receipt.optOuts, key) }, field: `optOuts.${key}` })),
  // A field of the wrong type.
  fc.constantFrom(...REQUIRED).chain((key) => fc.tuple(browserReceipt, otherType(FIELD_TYPES[key])).map(([receipt, value]) => ({ value: { ...receipt, [key]: value }, field: key }))),
  fc.tuple(browserReceipt, fc.constantFrom(...OPT_OUTS), otherType('boolean')).map(([receipt, key, value]) => ({ value: { ...receipt, optOuts: { ...receipt.optOuts, [key]: value } }, field: `optOuts.${key}` })),
  fc.tuple(browserReceipt, categoryId.filter((id) => id !== 'necessary'), otherType('boolean')).map(([receipt, id, value]) => ({ value: { ...receipt, categories: { ...receipt.categories, [id]: value } }, field: fieldPath(['categories', id]) })),
  fc.tuple(browserReceipt, otherType('object')).map(([receipt, value]) => ({ value: { ...receipt, unsubscribe: value }, field: 'unsubscribe' })),
  // A value of the right type but the wrong shape.
  fc.tuple(browserReceipt, fc.oneof(fc.constant(''), fc.string({ minLength: 101, maxLength: 120 }), fc.string().filter((s) => /[^\w-]/.test(s)))).map(([receipt, id]) => ({ value: { ...receipt, recordId: id }, field: 'recordId' })),
  fc.tuple(browserReceipt, fc.string().filter((s) => !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(s))).map(([receipt, time]) => ({ value: { ...receipt, timestamp: time }, field: 'timestamp' })),
  fc.tuple(browserReceipt, fc.string().filter((s) => !(METHODS as readonly string[]).includes(s))).map(([receipt, method]) => ({ value: { ...receipt, method }, field: 'method' })),
  fc.tuple(browserReceipt).map(([receipt]) => ({ value: { ...receipt, categories: { ...receipt.categories, necessary: false } }, field: 'categories.necessary' })),
  fc.tuple(browserReceipt, fc.string({ maxLength: 10 }).filter((s) => !/^[\w-]{1,64}$/.test(s))).map(([receipt, id]) => ({ value: { ...receipt, categories: withField(receipt.categories, id, true) }, field: fieldPath(['categories', id]) })),
  fc.tuple(browserReceipt, fc.string({ maxLength: 300 }).filter((s) => !TOKEN_SHAPE.test(s))).map(([receipt, token]) => ({ value: { ...receipt, unsubscribe: { list: 'news', token } }, field: 'unsubscribe.token' })),
);

describe('the receipt schema, on generated inputs', () => {
  it('accepts every receipt the browser builds, unchanged (2,000 records)', () => {
    fc.assert(
      fc.property(browserReceipt, (receipt) => {
        const copy = structuredClone(receipt);
        const result = validateReceipt(copy);
        expect(result).toEqual({ receipt });
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses every receipt with one defect, naming the field at fault (10,000 receipts)', () => {
    fc.assert(
      fc.property(defective, ({ value, field }) => {
        const result = validateReceipt(value);
        expect('error' in result && { field: result.error.field, named: result.error.message.startsWith(`${field} `) || result.error.message.startsWith(`${field}:`) }).toEqual({ field, named: true });
      }),
      { numRuns: 10_000 },
    );
  });

  it('never throws on any value, and names a field or the body in every refusal (10,000 values)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.jsonValue(), fc.object()), (value) => {
        const result = validateReceipt(value);
        expect('error' in result).toBe(true);
        if ('error' in result) {
          const { field, message } = result.error;
          expect(field ? message.startsWith(`${field} `) || message.startsWith(`${field}:`) : message.startsWith('the body ')).toBe(true);
        }
      }),
      { numRuns: 10_000 },
    );
  });
});
