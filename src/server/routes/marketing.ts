/**
 * What marketing pulls, behind an API key (`Authorization: Bearer <key>`):
 *
 * - GET /v1/optouts: the opt-out feed, oldest first, cursor-paged. Email
 *   unsubscribes by list and recipient (one-click and landing alike), and
 *   advertising opt-outs and GPC by consent id. JSON (`{ items, cursor,
 *   more }`) or NDJSON (`?format=ndjson` or `Accept: application/x-ndjson`,
 *   one item a line, the cursor in headers). Every answer carries
 *   `Consentry-Cursor`; `Link: <…>; rel="next"` when more is ready.
 * - GET /v1/receipts/:consentId: every receipt of one consent record, for a
 *   visitor's or a regulator's request.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { bearerKey, matchApiKey } from '../api-keys';
import type { LedgerConfig } from '../config';
import { HttpError } from '../errors';
import { perMinute } from '../rate-limit';
import type { Store } from '../store/types';
import { FieldError } from '../validation';

declare module 'fastify' {
  interface FastifyRequest {
    /** Short id of the API key that authenticated the request. */
    apiKeyId?: string;
  }
}

const optOutsQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    since: {
      type: 'string',
      pattern: '^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,3})?)?(Z|[+-]\\d{2}:\\d{2}))?$',
      description: 'an ISO 8601 date or time such as 2026-06-01 or 2026-06-01T00:00:00Z',
    },
    cursor: { type: 'string', pattern: '^[0-9.]{0,41}$', description: 'the Consentry-Cursor of an earlier answer (empty: from the start)' },
    limit: { type: 'integer', minimum: 1, maximum: 1000, default: 100, description: 'a whole number from 1 to 1000' },
    format: { type: 'string', enum: ['json', 'ndjson'], description: 'json or ndjson' },
  },
} as const;

const consentParams = {
  type: 'object',
  required: ['consentId'],
  properties: { consentId: { type: 'string', pattern: '^[\\w-]{1,100}$', description: 'a consent record id (letters, digits, "-" or "_")' } },
} as const;

type OptOutsQuery = { since?: string; cursor?: string; limit: number; format?: 'json' | 'ndjson' };

export async function marketingRoutes(app: FastifyInstance, { config, store }: { config: LedgerConfig; store: Store }) {
  app.addHook('onRequest', async (request: FastifyRequest) => {
    const challenge = { 'www-authenticate': 'Bearer realm="consentry-ledger"' };
    if (!config.apiKeyHashes.length) throw new HttpError(503, 'the marketing endpoints are off: LEDGER_API_KEYS is not set');
    const key = bearerKey(request.headers.authorization);
    if (!key) throw new HttpError(401, 'an API key is required: Authorization: Bearer <key>', challenge);
    const id = matchApiKey(config.apiKeyHashes, key);
    if (!id) throw new HttpError(401, 'the API key is not valid', challenge);
    request.apiKeyId = id;
  });
  const rateLimit = perMinute(config.rateLimit.requestsPerKey, 'LEDGER_RATE_LIMIT_API', (request) => `key ${request.apiKeyId}`, 'per API key');

  app.get('/v1/optouts', { schema: { querystring: optOutsQuery }, config: { rateLimit } }, async (request, reply) => {
    const query = request.query as OptOutsQuery;
    const since = query.since === undefined ? undefined : Date.parse(query.since);
    if (Number.isNaN(since)) throw new FieldError('since', 'since must be a real date (got an impossible one)');
    let page;
    try {
      page = await store.optOuts({ limit: query.limit, ...(since !== undefined && { since }), ...(query.cursor && { cursor: query.cursor }) });
    } catch (error) {
      if (error instanceof RangeError) throw new FieldError('cursor', error.message);
      throw error;
    }
    reply.header('cache-control', 'no-store');
    if (page.cursor) reply.header('consentry-cursor', page.cursor);
    reply.header('consentry-more', String(page.more));
    if (page.more && page.cursor) {
      const next = new URLSearchParams({ cursor: page.cursor, limit: String(query.limit), ...(query.format && { format: query.format }) });
      reply.header('link', `</v1/optouts?${next}>; rel="next"`);
    }
    const ndjson = query.format === 'ndjson' || (query.format === undefined && /\bapplication\/x-ndjson\b/.test(request.headers.accept ?? ''));
    if (ndjson) {
      return reply.type('application/x-ndjson; charset=utf-8').send(page.items.map((item) => `${JSON.stringify(item)}\n`).join(''));
    }
    return page;
  });

  app.get('/v1/receipts/:consentId', { schema: { params: consentParams }, config: { rateLimit } }, async (request, reply) => {
    const { consentId } = request.params as { consentId: string };
    const receipts = await store.receiptsOf(consentId);
    reply.header('cache-control', 'no-store');
    if (!receipts.length) {
      throw new HttpError(404, `no receipts stored for consent id ${consentId} (never received, or purged after LEDGER_RETENTION_DAYS)`);
    }
    return { consentId, receipts };
  });
}
