/**
 * The schema, as numbered migrations applied in order at start (and by
 * `consentry-ledger migrate`). Never edit a released migration: add the next.
 * Each has the same tables in both dialects; PostgreSQL's opt-out rows also
 * carry the id of the transaction that wrote them (`txid`), which the feed
 * needs to page safely while several instances write (see postgres.ts).
 */
export interface Migration {
  version: number;
  name: string;
  sqlite: string;
  postgres: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'receipts, opt-outs, rate limits',
    sqlite: `
      CREATE TABLE receipts (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        record_id TEXT NOT NULL,
        client_time TEXT NOT NULL,
        method TEXT NOT NULL,
        received_at INTEGER NOT NULL,
        body TEXT NOT NULL,
        UNIQUE (record_id, client_time, method)
      );
      CREATE INDEX receipts_received_at ON receipts (received_at);
      CREATE TABLE optouts (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        kind TEXT NOT NULL CHECK (kind IN ('email', 'advertising')),
        list TEXT,
        recipient TEXT,
        source TEXT,
        consent_id TEXT,
        personalised_ads INTEGER,
        ad_sharing INTEGER,
        gpc INTEGER,
        at INTEGER NOT NULL
      );
      CREATE UNIQUE INDEX optouts_email ON optouts (list, recipient) WHERE kind = 'email';
      CREATE INDEX optouts_consent ON optouts (consent_id) WHERE kind = 'advertising';
      CREATE INDEX optouts_at ON optouts (at);
      CREATE TABLE rate_limits (
        bucket TEXT NOT NULL,
        window_start INTEGER NOT NULL,
        hits INTEGER NOT NULL,
        PRIMARY KEY (bucket, window_start)
      );`,
    postgres: `
      CREATE TABLE receipts (
        seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        record_id TEXT NOT NULL,
        client_time TEXT NOT NULL,
        method TEXT NOT NULL,
        received_at BIGINT NOT NULL,
        body TEXT NOT NULL,
        UNIQUE (record_id, client_time, method)
      );
      CREATE INDEX receipts_received_at ON receipts (received_at);
      CREATE TABLE optouts (
        seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        txid XID8 NOT NULL DEFAULT pg_current_xact_id(),
        kind TEXT NOT NULL CHECK (kind IN ('email', 'advertising')),
        list TEXT,
        recipient TEXT,
        source TEXT,
        consent_id TEXT,
        personalised_ads BOOLEAN,
        ad_sharing BOOLEAN,
        gpc BOOLEAN,
        at BIGINT NOT NULL
      );
      CREATE UNIQUE INDEX optouts_email ON optouts (list, recipient) WHERE kind = 'email';
      CREATE INDEX optouts_consent ON optouts (consent_id) WHERE kind = 'advertising';
      CREATE INDEX optouts_feed ON optouts (txid, seq);
      CREATE INDEX optouts_at ON optouts (at);
      -- Counters only: not worth a WAL write and an fsync per request.
      CREATE UNLOGGED TABLE rate_limits (
        bucket TEXT NOT NULL,
        window_start BIGINT NOT NULL,
        hits INTEGER NOT NULL,
        PRIMARY KEY (bucket, window_start)
      );`,
  },
];
