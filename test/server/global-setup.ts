/**
 * Before any ledger test: the built service must exist, and PostgreSQL must
 * answer. The tests fail at once with what to do, rather than skipping: a
 * green run must have tested both databases.
 */
import { existsSync } from 'node:fs';
import pg from 'pg';
import { CLI, PG_URL } from './ledger';

export default async function setup(): Promise<void> {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: build the ledger first (npm run build, or vite build --mode server)`);
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    const where = new URL(PG_URL);
    throw new Error(
      `PostgreSQL is not reachable at ${where.host} as ${where.username} (${(error as Error).message}). ` +
        'The ledger tests need a real PostgreSQL: run .ci/run, which installs, starts and prepares it; ' +
        'or start it (pg_ctlcluster --skip-systemctl-redirect 15 main start); or point TEST_POSTGRES_URL at one.',
    );
  } finally {
    await client.end().catch(() => {});
  }
}
