/**
 * Several instances on one PostgreSQL: the same receipts sent to two ledger
 * processes at once are all stored, each once (one 201 and one 200 for each);
 * one-click POSTs of the same tokens to both make one entry each; and a
 * marketing reader paging the opt-out feed while both write sees every item
 * exactly once. The feed check runs on SQLite (one instance) too. A
 * transaction left open in another database of the same cluster does not
 * hold the feed back; one open in the ledger's own database does, and its
 * opt-out comes after it commits, not lost.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { signToken } from '../../src/server/tokens';
import type { ConsentReceipt } from '../../src/core/types';
import {
  browserReceipt,
  countRows,
  createDatabase,
  DATABASES,
  getWithKey,
  inParallel,
  postReceipt,
  startLedgerProcess,
  TOKEN_KEY,
  type LedgerProcess,
  type TestDatabase,
} from './ledger';

const RECEIPTS = 200;

describe('two ledger instances on one PostgreSQL', () => {
  let db: TestDatabase;
  let a: LedgerProcess;
  let b: LedgerProcess;

  beforeAll(async () => {
    db = await createDatabase('postgres');
    [a, b] = await Promise.all([startLedgerProcess(db), startLedgerProcess(db)]);
  });
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await db?.drop();
  });

  it('store every receipt sent to both at once exactly once', async () => {
    const receipts = Array.from({ length: RECEIPTS }, () => browserReceipt({ method: 'accept-all' }));
    const statuses = new Map<string, number[]>();
    await inParallel(receipts, 8, async (receipt) => {
      const answers = await Promise.all([postReceipt(a.origin, receipt), postReceipt(b.origin, receipt)]);
      statuses.set(receipt.recordId, answers.map((answer) => answer.status).sort());
    });
    expect([...statuses.values()].filter((pair) => pair.join() !== '200,201')).toEqual([]);
    const stored = await db.query<{ record_id: string; n: string }>('SELECT record_id, COUNT(*) AS n FROM receipts GROUP BY record_id');
    expect(stored).toHaveLength(RECEIPTS);
    expect(stored.filter((row) => row.n !== '1')).toEqual([]);
    expect(new Set(stored.map((row) => row.record_id))).toEqual(new Set(receipts.map((receipt) => receipt.recordId)));
  });

  it('put a recipient unsubscribed through both at once on the list once', async () => {
    const tokens = Array.from({ length: 60 }, (_, i) => signToken([TOKEN_KEY], 'race', `sub-${i}`));
    await inParallel(tokens, 8, async (token) => {
      const post = (origin: string) => fetch(`${origin}/v1/unsubscribe/${token}`, { method: 'POST', body: new URLSearchParams({ 'List-Unsubscribe': 'One-Click' }) });
      const answers = await Promise.all([post(a.origin), post(b.origin)]);
      expect(answers.map((answer) => answer.status)).toEqual([200, 200]);
    });
    const rows = await db.query<{ n: string }>("SELECT COUNT(*) AS n FROM optouts WHERE kind = 'email' AND list = 'race'");
    expect(rows).toEqual([{ n: '60' }]);
  });
});

describe.each(DATABASES)('the opt-out feed read while instances write, on %s', (kind) => {
  let db: TestDatabase;
  let writers: LedgerProcess[];

  beforeAll(async () => {
    db = await createDatabase(kind);
    // SQLite is one file on one machine: one instance. PostgreSQL: two.
    writers = await Promise.all((kind === 'postgres' ? [1, 2] : [1]).map(() => startLedgerProcess(db)));
  });
  afterAll(async () => {
    await Promise.all(writers.map((writer) => writer.stop()));
    await db?.drop();
  });

  it('gives every opt-out exactly once to a reader that pages while they are written', async () => {
    const receipts: ConsentReceipt[] = Array.from({ length: RECEIPTS }, () => browserReceipt({ optOuts: { personalisedAds: true } }));
    const seen: string[] = [];
    let cursor: string | undefined;
    const readPage = async () => {
      const response = await getWithKey(writers[0]!.origin, `/v1/optouts?limit=37${cursor ? `&cursor=${cursor}` : ''}`);
      const page = (await response.json()) as { items: { consentId: string }[]; cursor: string | null };
      seen.push(...page.items.map((item) => item.consentId));
      cursor = page.cursor ?? undefined;
    };
    let writing = true;
    const reader = (async () => {
      while (writing) await readPage();
    })();
    let i = 0;
    await inParallel(receipts, 8, async (receipt) => {
      const writer = writers[i++ % writers.length]!;
      expect((await postReceipt(writer.origin, receipt)).status).toBe(201);
    });
    writing = false;
    await reader;
    for (let drained = -1; drained !== seen.length; ) {
      drained = seen.length;
      await readPage();
    }
    expect(seen).toHaveLength(RECEIPTS);
    expect(new Set(seen)).toEqual(new Set(receipts.map((receipt) => receipt.recordId)));
    expect(await countRows(db, 'optouts')).toBe(RECEIPTS);
  });
});

describe('the opt-out feed beside open transactions, on PostgreSQL', () => {
  let db: TestDatabase;
  let neighbour: TestDatabase;
  let ledger: LedgerProcess;
  const open: pg.Client[] = [];

  beforeAll(async () => {
    [db, neighbour] = await Promise.all([createDatabase('postgres'), createDatabase('postgres')]);
    ledger = await startLedgerProcess(db);
    await neighbour.query('CREATE TABLE busy (n int)');
  });
  afterAll(async () => {
    await Promise.all(open.map((client) => client.end().catch(() => {})));
    await ledger?.stop();
    await Promise.all([db?.drop(), neighbour?.drop()]);
  });

  /** A client in `database` inside a transaction that has written (so it holds a transaction id). */
  async function openTransaction(database: TestDatabase, write: string): Promise<pg.Client> {
    const client = new pg.Client({ connectionString: database.url });
    open.push(client);
    await client.connect();
    await client.query('BEGIN');
    await client.query(write);
    return client;
  }
  const unsubscribe = (recipient: string) =>
    fetch(`${ledger.origin}/v1/unsubscribe/${signToken([TOKEN_KEY], 'horizon', recipient)}`, { method: 'POST', body: new URLSearchParams({ 'List-Unsubscribe': 'One-Click' }) });
  const feed = async () => ((await (await getWithKey(ledger.origin, '/v1/optouts?limit=1000')).json()) as { items: { recipient?: string }[] }).items.map((item) => item.recipient);

  it('is not held back by a transaction open in another database', async () => {
    const elsewhere = await openTransaction(neighbour, 'INSERT INTO busy VALUES (1)');
    expect((await unsubscribe('r-1')).status).toBe(200);
    expect(await feed()).toEqual(['r-1']);
    await elsewhere.query('ROLLBACK');
  });

  it("holds back what follows a transaction open in the ledger's database, and gives its row once it commits", async () => {
    const before = (await feed()).length;
    const writer = await openTransaction(db, "INSERT INTO optouts (kind, list, recipient, source, at) VALUES ('email', 'horizon', 'r-slow', 'landing', 0)");
    expect((await unsubscribe('r-2')).status).toBe(200);
    expect((await feed()).slice(before)).toEqual([]);
    await writer.query('COMMIT');
    expect((await feed()).slice(before)).toEqual(['r-slow', 'r-2']);
  });
});
