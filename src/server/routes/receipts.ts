/**
 * POST /v1/receipts: consent receipts from the sites in LEDGER_ORIGINS.
 *
 * The browser sends a receipt as `application/json` to its own origin, and as
 * `text/plain` (still JSON) in `no-cors` mode to another one, like a beacon
 * (src/guard/signals/receipts.ts): both are parsed as JSON. A browser always
 * sends `Origin` on a POST, so the allowlist is checked on it before the body
 * is read; CORS headers are added for allowed origins only. A receipt that
 * carries an unsubscribe token (an email landing) is stored only if the
 * token is ours, and puts its recipient on the suppression list.
 */
import cors from '@fastify/cors';
import type { FastifyInstance } from 'fastify';
import { RECEIPT_SCHEMA } from '../../core/receipt-schema';
import type { ConsentReceipt } from '../../core/types';
import type { LedgerConfig } from '../config';
import { HttpError } from '../errors';
import { perMinute } from '../rate-limit';
import type { Store } from '../store/types';
import { verifyToken } from '../tokens';
import { FieldError, receiptRouteValidator } from '../validation';

/** A receipt is ~400 bytes; a site with many categories stays far below this. */
export const RECEIPT_BODY_LIMIT = 16_384;

export async function receiptRoutes(app: FastifyInstance, { config, store }: { config: LedgerConfig; store: Store }) {
  const jsonParser = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('text/plain');
  app.addContentTypeParser('text/plain', { parseAs: 'string' }, jsonParser);

  app.addHook('onRequest', async (request) => {
    const origin = request.headers.origin;
    if (!origin) throw new HttpError(403, 'the Origin header is missing: receipts are accepted from browsers on the sites in LEDGER_ORIGINS');
    if (!config.origins.has(origin)) throw new HttpError(403, `origin ${origin} is not in LEDGER_ORIGINS`);
  });
  await app.register(cors, { origin: [...config.origins], methods: ['POST'], maxAge: 600 });

  app.post(
    '/v1/receipts',
    {
      bodyLimit: RECEIPT_BODY_LIMIT,
      schema: { body: RECEIPT_SCHEMA },
      validatorCompiler: () => receiptRouteValidator,
      config: {
        rateLimit: perMinute(config.rateLimit.receiptsPerOrigin, 'LEDGER_RATE_LIMIT_RECEIPTS', (request) => `origin ${request.headers.origin}`, 'from one site origin'),
      },
    },
    async (request, reply) => {
      const receipt = request.body as ConsentReceipt;
      let email: { list: string; recipient: string } | undefined;
      if (receipt.unsubscribe) {
        if (!config.tokenKeys.length) throw new HttpError(503, 'this ledger cannot verify unsubscribe tokens: LEDGER_TOKEN_KEYS is not set');
        const subject = verifyToken(config.tokenKeys, receipt.unsubscribe.token);
        if (!subject) throw new FieldError('unsubscribe.token', 'unsubscribe.token is not a token this ledger issued (forged, truncated or signed with a retired key)');
        if (subject.list !== receipt.unsubscribe.list) throw new FieldError('unsubscribe.list', `unsubscribe.list must be the list its token was issued for (${subject.list})`);
        email = subject;
      }
      const result = await store.insertReceipt({ receipt, receivedAt: Date.now(), ...(email && { email }) });
      if (result === 'conflict') {
        throw new HttpError(409, 'a different receipt with this recordId, timestamp and method is already stored');
      }
      return reply.code(result === 'stored' ? 201 : 200).send({ stored: result === 'stored' });
    },
  );
}
