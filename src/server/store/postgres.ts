/**
 * The shared store: PostgreSQL (pg), for several stateless ledger instances
 * behind a load balancer. Nothing here assumes the process is alone:
 *
 * - A receipt, its advertising opt-out and its suppression entry are written
 *   by one statement (data-modifying CTEs), atomic without a round trip for
 *   BEGIN/COMMIT; uniqueness is the database's (ON CONFLICT), so two
 *   instances storing the same receipt at once store it once.
 * - Migrations run under a transaction-scoped advisory lock: instances
 *   starting together apply each migration once.
 * - The opt-out feed pages by (transaction id, seq) and returns only rows of
 *   transactions older than every transaction still running that could
 *   write to this database (FEED_HORIZON). Sequence numbers are handed out
 *   before commit, so a reader paging by seq alone could see 11 committed
 *   before 10 and skip 10 for ever; with the horizon, a row that commits
 *   later always sorts after the cursor. Transaction ids are cluster-wide,
 *   so the plain horizon (`pg_snapshot_xmin`) let any open transaction in
 *   another database of the cluster (another application, a long report)
 *   hold the feed back; those are left out when pg_stat_activity names
 *   their database. The price that remains: a transaction open on the
 *   ledger's own database, or one whose database the ledger's role may not
 *   see, holds the feed back until it ends — late, never lost.
 * - Rate-limit counters are an UNLOGGED table (no WAL, no fsync).
 */
import pg from 'pg';
import { MIGRATIONS } from './migrations';
import { optOutExportRow, optOutItem, receiptExportRow, storedReceipt, type OptOutRow } from './rows';
import { advertisingState, receiptKey, type OptOutPage, type Store } from './types';

const CURSOR = /^(\d{1,20})\.(\d{1,19})$/;
const MIGRATION_LOCK = 4_205_873_109; // any constant: the same for every instance
const STALE_COUNTERS_MS = 3_600_000;
const EXPORT_BATCH = 1000;
/**
 * The first transaction id the feed may not pass: the oldest transaction in
 * this statement's snapshot still running, unless pg_stat_activity shows it
 * running in another database (it cannot write our rows); the snapshot's
 * xmax when none is. Read from the statement's own snapshot, so a
 * transaction that ends between the two reads is counted (late, not lost).
 */
const FEED_HORIZON = `COALESCE(
  (SELECT min(running) FROM pg_snapshot_xip(pg_current_snapshot()) AS running
   WHERE running::xid NOT IN (SELECT backend_xid FROM pg_stat_activity WHERE backend_xid IS NOT NULL AND datname IS DISTINCT FROM current_database())),
  pg_snapshot_xmax(pg_current_snapshot()))`;
const OPT_OUT_COLUMNS = 'seq, kind, list, recipient, source, consent_id, personalised_ads, ad_sharing, gpc, at';

const INSERT_RECEIPT = `
  WITH new AS (
    INSERT INTO receipts (record_id, client_time, method, received_at, body)
    VALUES ($1, $2, $3, $4, $5)
    ON CONFLICT (record_id, client_time, method) DO NOTHING
    RETURNING seq
  ), advertising AS (
    INSERT INTO optouts (kind, consent_id, personalised_ads, ad_sharing, gpc, at)
    SELECT 'advertising', $1, $6, $7, $8, $4
    WHERE EXISTS (SELECT 1 FROM new)
      AND ($9 OR EXISTS (SELECT 1 FROM optouts WHERE kind = 'advertising' AND consent_id = $1))
  ), email AS (
    INSERT INTO optouts (kind, list, recipient, source, at)
    SELECT 'email', $10, $11, 'landing', $4
    WHERE $10::text IS NOT NULL AND EXISTS (SELECT 1 FROM new)
    ON CONFLICT (list, recipient) WHERE kind = 'email' DO NOTHING
  )
  SELECT (SELECT seq FROM new) AS seq`;

/** Rows of `sql` (parameters: after seq, since, limit) page by page: constant memory, no server-side cursor. */
async function* keysetPages<Row extends { seq: string }>(pool: pg.Pool, sql: string, since: number): AsyncGenerator<Row> {
  for (let after = 0; ; ) {
    const { rows } = await pool.query<Row>(sql, [after, since, EXPORT_BATCH]);
    yield* rows;
    if (rows.length < EXPORT_BATCH) return;
    after = Number(rows.at(-1)!.seq);
  }
}

export async function openPostgres(url: string): Promise<Store> {
  const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 5000 });
  // An idle client losing its connection (a database restart) must not crash the process: the pool replaces it.
  pool.on('error', () => {});

  return {
    kind: 'postgres',
    async migrate() {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
        await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)');
        const applied = new Set((await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((row) => row.version));
        const names: string[] = [];
        for (const migration of MIGRATIONS) {
          if (applied.has(migration.version)) continue;
          await client.query(migration.postgres);
          await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [migration.version, migration.name, Date.now()]);
          names.push(`${migration.version} ${migration.name}`);
        }
        await client.query('COMMIT');
        return names;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    async insertReceipt({ receipt, receivedAt, email }) {
      const body = JSON.stringify(receipt);
      const [recordId, clientTime, method] = receiptKey(receipt);
      const ads = advertisingState(receipt);
      const { rows } = await pool.query<{ seq: string | null }>(INSERT_RECEIPT, [
        recordId,
        clientTime,
        method,
        receivedAt,
        body,
        ads.personalisedAds,
        ads.adSharing,
        ads.gpc,
        ads.any,
        email?.list ?? null,
        email?.recipient ?? null,
      ]);
      if (rows[0]!.seq !== null) return 'stored';
      // Not inserted: the same id is stored (by us earlier, or by another instance a moment ago).
      const existing = await pool.query<{ body: string }>('SELECT body FROM receipts WHERE record_id = $1 AND client_time = $2 AND method = $3', [recordId, clientTime, method]);
      return existing.rows[0]?.body === body ? 'duplicate' : 'conflict';
    },
    async suppress(list, recipient, source, at) {
      const result = await pool.query(
        "INSERT INTO optouts (kind, list, recipient, source, at) VALUES ('email', $1, $2, $3, $4) ON CONFLICT (list, recipient) WHERE kind = 'email' DO NOTHING",
        [list, recipient, source, at],
      );
      return result.rowCount === 1;
    },
    async receiptsOf(consentId) {
      const { rows } = await pool.query<{ body: string; received_at: string }>('SELECT body, received_at FROM receipts WHERE record_id = $1 ORDER BY seq', [consentId]);
      return rows.map((row) => storedReceipt(row.body, row.received_at));
    },
    async optOuts({ since = 0, cursor, limit }): Promise<OptOutPage> {
      const position = cursor === undefined ? ['0', '0'] : CURSOR.exec(cursor)?.slice(1);
      if (!position) throw new RangeError('cursor is not one this ledger gave out (it runs on PostgreSQL)');
      const { rows } = await pool.query<OptOutRow & { txid: string; seq: string }>(
        `SELECT txid::text AS txid, ${OPT_OUT_COLUMNS} FROM optouts
         WHERE (txid, seq) > ($1::xid8, $2::bigint) AND txid < ${FEED_HORIZON} AND at >= $3
         ORDER BY txid, seq LIMIT $4`,
        [position[0], position[1], since, limit + 1],
      );
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      return { items: page.map(optOutItem), cursor: last ? `${last.txid}.${last.seq}` : (cursor ?? null), more: rows.length > limit };
    },
    async purge(before) {
      await pool.query('DELETE FROM rate_limits WHERE window_start < $1', [Date.now() - STALE_COUNTERS_MS]);
      return (await pool.query('DELETE FROM receipts WHERE received_at < $1', [before])).rowCount ?? 0;
    },
    async *exportRows(what, since = 0) {
      if (what === 'receipts') {
        for await (const row of keysetPages<{ seq: string; body: string; received_at: string }>(pool, 'SELECT seq, body, received_at FROM receipts WHERE seq > $1 AND received_at >= $2 ORDER BY seq LIMIT $3', since)) {
          yield receiptExportRow(row.body, row.received_at);
        }
      } else {
        for await (const row of keysetPages<OptOutRow & { seq: string }>(pool, `SELECT ${OPT_OUT_COLUMNS} FROM optouts WHERE seq > $1 AND at >= $2 ORDER BY seq LIMIT $3`, since)) {
          yield optOutExportRow(row);
        }
      }
    },
    async countHit(bucket, windowStart) {
      const { rows } = await pool.query<{ hits: number }>(
        'INSERT INTO rate_limits (bucket, window_start, hits) VALUES ($1, $2, 1) ON CONFLICT (bucket, window_start) DO UPDATE SET hits = rate_limits.hits + 1 RETURNING hits',
        [bucket, windowStart],
      );
      const hits = rows[0]!.hits;
      if (hits === 1) await pool.query('DELETE FROM rate_limits WHERE bucket = $1 AND window_start < $2', [bucket, windowStart]);
      return hits;
    },
    async ping() {
      await pool.query('SELECT 1');
    },
    async close() {
      await pool.end();
    },
  };
}
