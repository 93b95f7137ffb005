/**
 * The embedded store: one SQLite file, zero set-up (better-sqlite3).
 *
 * WAL with `synchronous=FULL`: a receipt is acknowledged only after its
 * commit reached the disk, so a crash (even SIGKILL or power loss) loses
 * nothing the ledger answered 2xx for. Rate-limit counters go through a
 * second connection with `synchronous=OFF` on the same file: they need no
 * fsync, and the next durable commit flushes them anyway. A busy timeout
 * lets the CLI (`purge`, `export`) work beside a running server.
 */
import type { Database as SqliteDatabase } from 'better-sqlite3';
import { MIGRATIONS } from './migrations';
import { optOutExportRow, optOutItem, receiptExportRow, storedReceipt, type OptOutRow } from './rows';
import { advertisingState, receiptKey, type InsertResult, type NewReceipt, type OptOutPage, type Store } from './types';

type DatabaseConstructor = new (path: string, options?: { timeout?: number }) => SqliteDatabase;

const CURSOR = /^\d{1,19}$/;
/** Rate-limit windows older than this are deleted by `purge` (buckets clear their own on their next window too). */
const STALE_COUNTERS_MS = 3_600_000;

export async function openSqlite(path: string): Promise<Store> {
  const Database = await loadDriver();
  const db = new Database(path, { timeout: 5000 });
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  let counters: SqliteDatabase | null = null;

  const migrate = db.transaction(() => {
    db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)');
    const applied = new Set(db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[]);
    const names: string[] = [];
    for (const migration of MIGRATIONS) {
      if (applied.has(migration.version)) continue;
      db.exec(migration.sqlite);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(migration.version, migration.name, Date.now());
      names.push(`${migration.version} ${migration.name}`);
    }
    return names;
  });

  // Statements are prepared after the migrations created the tables.
  let statements: ReturnType<typeof prepare> | null = null;
  const prepared = () => (statements ??= prepare(db));

  const insert = db.transaction((input: NewReceipt): InsertResult => {
    const s = prepared();
    const { receipt, receivedAt, email } = input;
    const body = JSON.stringify(receipt);
    const [recordId, clientTime, method] = receiptKey(receipt);
    if (s.insertReceipt.run(recordId, clientTime, method, receivedAt, body).changes === 0) {
      return s.receiptBody.get(recordId, clientTime, method) === body ? 'duplicate' : 'conflict';
    }
    const ads = advertisingState(receipt);
    if (ads.any || s.hasAdvertising.get(recordId)) {
      s.insertAdvertising.run(recordId, Number(ads.personalisedAds), Number(ads.adSharing), Number(ads.gpc), receivedAt);
    }
    if (email) s.insertEmail.run(email.list, email.recipient, 'landing', receivedAt);
    return 'stored';
  });

  return {
    kind: 'sqlite',
    async migrate() {
      return migrate.immediate();
    },
    async insertReceipt(input) {
      return insert.immediate(input);
    },
    async suppress(list, recipient, source, at) {
      return prepared().insertEmail.run(list, recipient, source, at).changes === 1;
    },
    async receiptsOf(consentId) {
      const rows = prepared().receiptsOf.all(consentId) as { body: string; received_at: number }[];
      return rows.map((row) => storedReceipt(row.body, row.received_at));
    },
    async optOuts({ since = 0, cursor, limit }): Promise<OptOutPage> {
      if (cursor !== undefined && !CURSOR.test(cursor)) throw new RangeError('cursor is not one this ledger gave out (it runs on SQLite)');
      const rows = prepared().feed.all(cursor ?? 0, since, limit + 1) as (OptOutRow & { seq: number })[];
      const page = rows.slice(0, limit);
      return { items: page.map(optOutItem), cursor: page.length ? String(page.at(-1)!.seq) : (cursor ?? null), more: rows.length > limit };
    },
    async purge(before) {
      const s = prepared();
      const removed = db.transaction(() => {
        s.purgeRateLimits.run(Date.now() - STALE_COUNTERS_MS);
        return s.purgeReceipts.run(before).changes;
      });
      return removed.immediate();
    },
    async *exportRows(what, since = 0) {
      const s = prepared();
      if (what === 'receipts') {
        for (const row of s.exportReceipts.iterate(since) as Iterable<{ body: string; received_at: number }>) yield receiptExportRow(row.body, row.received_at);
      } else {
        for (const row of s.exportOptOuts.iterate(since) as Iterable<OptOutRow>) yield optOutExportRow(row);
      }
    },
    async countHit(bucket, windowStart) {
      counters ??= openCounters(Database, path);
      const hits = counters.prepare('INSERT INTO rate_limits (bucket, window_start, hits) VALUES (?, ?, 1) ON CONFLICT (bucket, window_start) DO UPDATE SET hits = hits + 1 RETURNING hits').pluck().get(bucket, windowStart) as number;
      // A bucket's first hit in a window clears its older windows: the table stays as small as the number of buckets.
      if (hits === 1) counters.prepare('DELETE FROM rate_limits WHERE bucket = ? AND window_start < ?').run(bucket, windowStart);
      return hits;
    },
    async ping() {
      db.prepare('SELECT 1').get();
    },
    async close() {
      counters?.close();
      db.close();
    },
  };
}

function openCounters(Database: DatabaseConstructor, path: string): SqliteDatabase {
  const counters = new Database(path, { timeout: 5000 });
  counters.pragma('synchronous = OFF');
  return counters;
}

function prepare(db: SqliteDatabase) {
  const optOutColumns = 'seq, kind, list, recipient, source, consent_id, personalised_ads, ad_sharing, gpc, at';
  return {
    insertReceipt: db.prepare(
      'INSERT INTO receipts (record_id, client_time, method, received_at, body) VALUES (?, ?, ?, ?, ?) ON CONFLICT (record_id, client_time, method) DO NOTHING',
    ),
    receiptBody: db.prepare('SELECT body FROM receipts WHERE record_id = ? AND client_time = ? AND method = ?').pluck(),
    hasAdvertising: db.prepare("SELECT 1 FROM optouts WHERE kind = 'advertising' AND consent_id = ? LIMIT 1").pluck(),
    insertAdvertising: db.prepare(
      "INSERT INTO optouts (kind, consent_id, personalised_ads, ad_sharing, gpc, at) VALUES ('advertising', ?, ?, ?, ?, ?)",
    ),
    insertEmail: db.prepare(
      "INSERT INTO optouts (kind, list, recipient, source, at) VALUES ('email', ?, ?, ?, ?) ON CONFLICT (list, recipient) WHERE kind = 'email' DO NOTHING",
    ),
    receiptsOf: db.prepare('SELECT body, received_at FROM receipts WHERE record_id = ? ORDER BY seq'),
    feed: db.prepare(`SELECT ${optOutColumns} FROM optouts WHERE seq > ? AND at >= ? ORDER BY seq LIMIT ?`),
    purgeReceipts: db.prepare('DELETE FROM receipts WHERE received_at < ?'),
    purgeRateLimits: db.prepare('DELETE FROM rate_limits WHERE window_start < ?'),
    exportReceipts: db.prepare('SELECT body, received_at FROM receipts WHERE received_at >= ? ORDER BY seq'),
    exportOptOuts: db.prepare(`SELECT ${optOutColumns} FROM optouts WHERE at >= ? ORDER BY seq`),
  };
}

/** better-sqlite3 is an optional dependency (a native addon): say what to do when it is missing. */
async function loadDriver(): Promise<DatabaseConstructor> {
  try {
    return (await import('better-sqlite3')).default as unknown as DatabaseConstructor;
  } catch (error) {
    throw new Error(
      `SQLite needs better-sqlite3, which could not be loaded (${(error as Error).message.split('\n')[0]}). ` +
        'Install it with its install script allowed (npm install better-sqlite3 --allow-scripts=better-sqlite3), or set DATABASE_URL to a postgres:// URL.',
    );
  }
}
