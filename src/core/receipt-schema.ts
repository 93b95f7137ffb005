/**
 * The consent receipt as a JSON Schema: what `buildReceipt` (receipt.ts)
 * sends, and exactly what the consent ledger (src/server) accepts. Kept next
 * to the builder and typed against `ConsentReceipt`, so a field added to the
 * receipt fails the typecheck until the schema lists it too. Data only: the
 * browser bundles never import it, the server compiles it with ajv.
 *
 * Every property has a `description` that says what is expected; the ledger
 * quotes it in its 400 answers ("optOuts.adSharing must be true or false").
 */
import type { ConsentReceipt } from './types';
import { LIST_SHAPE, TOKEN_SHAPE } from './params';
import { METHODS } from './record';

/** A record id: letters, digits, "-" and "_" (the mirror cookie's alphabet), as `crypto.randomUUID()` or hex makes them. */
const RECORD_ID = '^[\\w-]{1,100}$';
/** `Date.prototype.toISOString()` output: the only timestamp shape the browser sends. */
const ISO_TIMESTAMP = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z$';
/** Text without control characters: policy versions are the site owner's free text. */
const PLAIN_TEXT = '^[^\\u0000-\\u001f\\u007f]{1,100}$';

const boolean = { type: 'boolean', description: 'true or false' } as const;

/** Field name → schema, for every field of `ConsentReceipt` (the typecheck fails if one is missing). */
const properties = {
  recordId: { type: 'string', pattern: RECORD_ID, description: 'letters, digits, "-" or "_" (1 to 100)' },
  timestamp: { type: 'string', pattern: ISO_TIMESTAMP, description: 'an ISO 8601 UTC time such as 2026-06-07T08:09:10.011Z' },
  policyVersion: { type: 'string', pattern: PLAIN_TEXT, description: 'text of 1 to 100 characters without control characters' },
  language: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,35}$', description: 'a language tag such as en or zh-CN' },
  categories: {
    type: 'object',
    description: 'category ids mapped to true or false, with "necessary": true',
    propertyNames: { pattern: '^[\\w-]{1,64}$', description: 'a category id: letters, digits, "-" or "_" (1 to 64)' },
    maxProperties: 64,
    required: ['necessary'],
    properties: { necessary: { type: 'boolean', const: true, description: 'true (necessary cookies are always on)' } },
    additionalProperties: boolean,
  },
  optOuts: {
    type: 'object',
    description: 'an object with promotionalEmail, personalisedAds and adSharing',
    additionalProperties: false,
    required: ['promotionalEmail', 'personalisedAds', 'adSharing'],
    properties: { promotionalEmail: boolean, personalisedAds: boolean, adSharing: boolean },
  },
  method: { type: 'string', enum: [...METHODS], description: `one of ${METHODS.join(', ')}` },
  gpc: boolean,
  unsubscribe: {
    type: 'object',
    description: 'an object with list and token',
    additionalProperties: false,
    required: ['list', 'token'],
    properties: {
      list: { type: 'string', pattern: LIST_SHAPE.source, description: 'a list name of 1 to 100 characters without control characters' },
      token: { type: 'string', pattern: TOKEN_SHAPE.source, description: '8 to 256 characters of A-Z a-z 0-9 _ - .' },
    },
  },
} as const satisfies Record<keyof ConsentReceipt, object>;

/** Fields every receipt carries; only `unsubscribe` is optional. */
const required = [
  'recordId',
  'timestamp',
  'policyVersion',
  'language',
  'categories',
  'optOuts',
  'method',
  'gpc',
] as const satisfies readonly Exclude<keyof ConsentReceipt, 'unsubscribe'>[];

/** JSON Schema (draft 7, as ajv reads it) of a consent receipt. Unknown fields are refused, types are never coerced. */
export const RECEIPT_SCHEMA = {
  type: 'object',
  description: 'a consent receipt (a JSON object)',
  additionalProperties: false,
  required: [...required],
  properties,
} as const;
