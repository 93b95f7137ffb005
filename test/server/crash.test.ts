/**
 * Crash safety on SQLite and PostgreSQL: the ledger is killed with SIGKILL
 * in the middle of a burst of receipts. Every receipt it answered 201 for is
 * in the database afterwards, and the ledger starts again on that database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserReceipt, createDatabase, DATABASES, getWithKey, inParallel, postReceipt, startLedgerProcess, type TestDatabase } from './ledger';

const BURST = 400;
const KILL_AFTER = 100;

describe.each(DATABASES)('SIGKILL mid-burst on %s', (kind) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createDatabase(kind);
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('loses no receipt it acknowledged', async () => {
    const ledger = await startLedgerProcess(db);
    const receipts = Array.from({ length: BURST }, () => browserReceipt({ method: 'reject-all' }));
    const acknowledged: string[] = [];
    let failed = 0;
    await inParallel(receipts, 16, async (receipt) => {
      try {
        const response = await postReceipt(ledger.origin, receipt);
        if (response.status === 201) acknowledged.push(receipt.recordId);
        if (acknowledged.length === KILL_AFTER) ledger.child.kill('SIGKILL');
      } catch {
        failed++; // refused or cut off by the kill: never acknowledged
      }
    });
    expect(await ledger.exited).toBeNull(); // killed by the signal, not exited
    // The kill came mid-burst: some receipts were acknowledged, the rest failed.
    expect(acknowledged.length).toBeGreaterThanOrEqual(KILL_AFTER);
    expect(failed).toBeGreaterThan(0);
    expect(acknowledged.length + failed).toBe(BURST);

    const stored = new Set((await db.query<{ record_id: string }>('SELECT record_id FROM receipts')).map((row) => row.record_id));
    expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);

    const restarted = await startLedgerProcess(db);
    try {
      expect((await fetch(`${restarted.origin}/readyz`)).status).toBe(200);
      expect((await getWithKey(restarted.origin, `/v1/receipts/${acknowledged.at(-1)}`)).status).toBe(200);
    } finally {
      await restarted.stop();
    }
  });
});
