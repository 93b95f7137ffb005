/**
 * Starting and stopping the service: migrations first, then listen; on
 * SIGTERM or SIGINT stop taking connections, let in-flight requests finish
 * (fastify answers 503 to new ones meanwhile), close the database, exit.
 */
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app';
import type { LedgerConfig } from './config';
import { openStore } from './store/open';
import type { Store } from './store/types';

export interface RunningLedger {
  /** e.g. `http://127.0.0.1:8790` */
  origin: string;
  app: FastifyInstance;
  store: Store;
  /** Graceful stop: in-flight requests finish, then the database closes. */
  close(): Promise<void>;
}

export async function startLedger(config: LedgerConfig, options: { logStream?: NodeJS.WritableStream } = {}): Promise<RunningLedger> {
  const store = await openStore(config.database);
  try {
    const applied = await store.migrate();
    const lifecycle = { closing: false };
    const app = await buildApp({ config, store, lifecycle, ...options });
    if (applied.length) app.log.info({ migrations: applied }, 'database migrated');
    await app.listen({ host: config.host, port: config.port });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    let closing: Promise<void> | null = null;
    return {
      origin: `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`,
      app,
      store,
      close: () => {
        lifecycle.closing = true;
        return (closing ??= app.close().then(() => store.close()));
      },
    };
  } catch (error) {
    await store.close().catch(() => {});
    throw error;
  }
}
