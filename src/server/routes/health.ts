/** /healthz: the process answers. /readyz: and its database does (a load balancer's routing check). */
import type { FastifyInstance } from 'fastify';
import type { Store } from '../store/types';

export async function healthRoutes(app: FastifyInstance, { store }: { store: Store }) {
  const quiet = { logLevel: 'warn' as const, schema: {} };
  app.get('/healthz', quiet, async () => ({ status: 'ok' }));
  app.get('/readyz', quiet, async (request, reply) => {
    try {
      await store.ping();
      return { status: 'ready', database: store.kind };
    } catch (error) {
      request.log.warn({ err: error }, 'database unreachable');
      return reply.code(503).send({ status: 'unavailable', database: store.kind });
    }
  });
}
