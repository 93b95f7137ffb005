/**
 * The ledger's HTTP service: fastify with the routes, the shared rate-limit
 * store, schema validation that names fields, and logs that keep nothing
 * personal (no IP address, no token, no API key).
 */
import Fastify, { type FastifyInstance } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import type { LedgerConfig } from './config';
import { errorHandler, HttpError } from './errors';
import { databaseRateStore } from './rate-limit';
import { healthRoutes } from './routes/health';
import { marketingRoutes } from './routes/marketing';
import { receiptRoutes } from './routes/receipts';
import { unsubscribeRoutes } from './routes/unsubscribe';
import type { Store } from './store/types';
import { compileRouteSchema } from './validation';

/** A URL as logged: the token of a one-click URL is a recipient id and stays out of the logs. */
export const loggedUrl = (url: string) => url.replace(/(\/v1\/unsubscribe\/)[^/?#]+/, '$1[token]');

export interface AppOptions {
  config: LedgerConfig;
  store: Store;
  /** Set to true when the service starts stopping: answers then close their connection. */
  lifecycle?: { closing: boolean };
  /** Log destination (a pino destination stream); stdout when omitted. */
  logStream?: NodeJS.WritableStream;
}

export async function buildApp({ config, store, logStream, lifecycle = { closing: false } }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: {
      level: config.logLevel,
      ...(logStream && { stream: logStream }),
      serializers: {
        // fastify's default also logs the client's address and port: personal data the ledger does not keep.
        req: (request: { method: string; url: string }) => ({ method: request.method, url: loggedUrl(request.url) }),
      },
    },
    bodyLimit: 16_384,
    trustProxy: false,
    return503OnClosing: true,
  });
  // While stopping, a kept-alive connection would hold the stop up until its idle timeout (72 s):
  // the answers to requests still in flight close theirs.
  app.addHook('onSend', async (_request, reply) => {
    if (lifecycle.closing) reply.header('connection', 'close');
  });
  app.setValidatorCompiler(compileRouteSchema);
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler((request) => {
    throw new HttpError(404, `no route ${request.method} ${loggedUrl(request.url.split('?')[0]!)}`);
  });

  await app.register(rateLimit, { global: false, store: databaseRateStore(store) });
  await app.register(healthRoutes, { store });
  await app.register(receiptRoutes, { config, store });
  await app.register(unsubscribeRoutes, { config, store });
  await app.register(marketingRoutes, { config, store });
  return app;
}
