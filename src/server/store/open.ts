/** Opens the database DATABASE_URL names; each driver is loaded only when used. */
import type { DatabaseTarget } from '../config';
import type { Store } from './types';

/** Where the database is, for messages: never the URL itself (it may carry a password). */
export function describeTarget(target: DatabaseTarget): string {
  if (target.kind === 'sqlite') return `SQLite file ${target.path}`;
  const url = new URL(target.url);
  return `PostgreSQL ${url.host}${url.pathname}`;
}

/** Opens the store and checks the database answers; a failure says which database and why. */
export async function openStore(target: DatabaseTarget): Promise<Store> {
  let store: Store | undefined;
  try {
    store = target.kind === 'postgres' ? await (await import('./postgres')).openPostgres(target.url) : await (await import('./sqlite')).openSqlite(target.path);
    await store.ping();
    return store;
  } catch (error) {
    await store?.close().catch(() => {});
    throw new Error(`cannot use the database in DATABASE_URL (${describeTarget(target)}): ${(error as Error).message}`);
  }
}
