/** Opens the database DATABASE_URL names; each driver is loaded only when used. */
import type { DatabaseTarget } from '../config';
import type { Store } from './types';

export async function openStore(target: DatabaseTarget): Promise<Store> {
  if (target.kind === 'postgres') return (await import('./postgres')).openPostgres(target.url);
  return (await import('./sqlite')).openSqlite(target.path);
}
