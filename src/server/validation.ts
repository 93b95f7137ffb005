/**
 * JSON Schema validation for every route, with answers that name the field.
 *
 * fastify's default ajv strips unknown fields and coerces types; a ledger
 * must refuse both, so bodies are checked by an ajv that does neither.
 * Query strings and path parameters arrive as text and are coerced. One
 * problem is reported (see firstProblem), and the message says which field
 * and what was expected (the schema's `description`).
 */
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { RECEIPT_SCHEMA } from '../core/receipt-schema';
import type { ConsentReceipt } from '../core/types';

/** A request that failed its schema: `field` is a dotted path (`optOuts.adSharing`), "" for the whole value. */
export class FieldError extends Error {
  readonly statusCode = 400;
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

const strictAjv = new Ajv({ allErrors: true, verbose: true, coerceTypes: false, removeAdditional: false, useDefaults: false });
const textAjv = new Ajv({ allErrors: true, verbose: true, coerceTypes: true, removeAdditional: false, useDefaults: true });

/**
 * The problem to report when there are several: an unknown field first (a
 * sender on another version of the schema learns at once what to drop),
 * then the first in ajv's order.
 */
function firstProblem(errors: readonly ErrorObject[]): ErrorObject {
  return errors.find((error) => error.keyword === 'additionalProperties') ?? errors[0]!;
}

/**
 * A field's path as answers name it: `optOuts.adSharing`, and a key that is
 * not a plain name in brackets (`categories["a b"]`, `[""]`), so every field
 * is named unambiguously.
 */
export function fieldPath(segments: readonly string[]): string {
  return segments
    .map((segment, i) => (/^[A-Za-z_$][\w$-]*$/.test(segment) ? `${i ? '.' : ''}${segment}` : `[${JSON.stringify(segment)}]`))
    .join('');
}

/** A JSON pointer's segments: `/categories/a~1b` → `categories`, `a/b`. */
function segments(pointer: string): string[] {
  return pointer
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function typeName(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** The one problem ajv reported, as a field and a sentence. */
export function describe(error: ErrorObject, subject: string): FieldError {
  const parent = segments(error.instancePath);
  const at = fieldPath(parent);
  const child = (name: unknown) => fieldPath([...parent, String(name)]);
  const expected = (error.parentSchema?.description as string | undefined) ?? error.message ?? 'a valid value';
  const named = (field: string) => (field ? field : subject);
  switch (error.keyword) {
    case 'additionalProperties': {
      const field = child(error.params.additionalProperty);
      const known = Object.keys((error.parentSchema?.properties as object | undefined) ?? {});
      return new FieldError(field, `${field} is not a known field${known.length ? ` (known: ${known.join(', ')})` : ''}`);
    }
    case 'required': {
      const field = child(error.params.missingProperty);
      return new FieldError(field, `${field} is required`);
    }
    case 'propertyNames': {
      const field = child(error.params.propertyName);
      return new FieldError(field, `${field}: ${named(at)} keys must be ${expected}`);
    }
    case 'pattern':
      // A propertyNames failure reports its inner pattern error first, with the key's schema as parent.
      if (error.propertyName !== undefined) {
        const field = child(error.propertyName);
        return new FieldError(field, `${field}: ${named(at)} keys must be ${expected}`);
      }
      return new FieldError(at, `${named(at)} must be ${expected}`);
    case 'maxProperties':
      return new FieldError(at, `${named(at)} has more than ${String(error.params.limit)} fields`);
    default:
      return new FieldError(at, `${named(at)} must be ${expected} (got ${typeName(error.data)})`);
  }
}

/** A validator in the shape fastify's `setValidatorCompiler` wants: `{ value }` or `{ error }`. */
export type RouteValidator = (data: unknown) => { value: unknown } | { error: FieldError };

function routeValidator(validate: ValidateFunction, subject: string): RouteValidator {
  return (data) => (validate(data) ? { value: data } : { error: describe(firstProblem(validate.errors!), subject) });
}

/** fastify validator compiler: bodies strictly, query strings / params / headers with text coerced to the schema's types. */
export function compileRouteSchema({ schema, httpPart }: { schema: object; httpPart?: string }): RouteValidator {
  const ajv = httpPart === 'body' ? strictAjv : textAjv;
  return routeValidator(ajv.compile(schema), httpPart === 'body' ? 'the body' : httpPart === 'querystring' ? 'the query' : (httpPart ?? 'the value'));
}

const receiptValidator = routeValidator(strictAjv.compile(RECEIPT_SCHEMA), 'the body');

/**
 * Checks a parsed JSON value against the receipt schema, as `POST /v1/receipts`
 * does. Never throws: a bad value comes back as `{ error }` naming its field.
 */
export function validateReceipt(value: unknown): { receipt: ConsentReceipt } | { error: FieldError } {
  const result = receiptValidator(value);
  return 'error' in result ? result : { receipt: result.value as ConsentReceipt };
}

/** The compiled receipt validator itself, so the route reuses it instead of compiling the schema twice. */
export const receiptRouteValidator: RouteValidator = receiptValidator;
