/**
 * Errors the ledger answers with, and the one error handler that turns any
 * error into `{ statusCode, error, message[, field] }`. Messages say what
 * was wrong and, for bad input, which field; a 5xx says nothing internal.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { STATUS_CODES } from 'node:http';
import { FieldError } from './validation';

/** An error with the HTTP status to answer. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** fastify's own body errors, in the ledger's words (limit in bytes filled in). */
const FASTIFY_MESSAGES: Record<string, (limit: number) => string> = {
  FST_ERR_CTP_INVALID_JSON_BODY: () => 'the body is not valid JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: () => 'the body is empty: a JSON object was expected',
  FST_ERR_CTP_BODY_TOO_LARGE: (limit) => `the body is larger than ${limit} bytes`,
  FST_ERR_CTP_INVALID_MEDIA_TYPE: () => 'unsupported Content-Type',
};

export function errorHandler(error: FastifyError | HttpError | FieldError, request: FastifyRequest, reply: FastifyReply): void {
  const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 600 ? error.statusCode : 500;
  const code = 'code' in error ? error.code : undefined;
  let message = error.message;
  if (status >= 500) {
    request.log.error({ err: error }, 'request failed');
    message = status === 503 ? error.message : 'internal error';
  } else if (code && code in FASTIFY_MESSAGES) {
    message = FASTIFY_MESSAGES[code]!(request.routeOptions.bodyLimit ?? 0);
  } else if (error instanceof SyntaxError) {
    message = 'the body is not valid JSON';
  }
  if (error instanceof HttpError) reply.headers(error.headers);
  const body: Record<string, unknown> = { statusCode: status, error: STATUS_CODES[status] ?? 'Error', message };
  if (error instanceof FieldError) body.field = error.field;
  void reply.code(status).send(body);
}
