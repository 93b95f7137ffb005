/**
 * Retention on SQLite and PostgreSQL: `consentry-ledger purge` deletes the
 * receipts stored longer ago than LEDGER_RETENTION_DAYS (at least six
 * months), keeps the younger ones and the whole suppression list. The ages
 * are made by moving rows' storage time back in the database, as if they had
 * been received that long ago.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  allOptOuts,
  browserReceipt,
  createDatabase,
  DATABASES,
  getWithKey,
  issueToken,
  postReceipt,
  runCli,
  startLedgerProcess,
  type LedgerProcess,
  type TestDatabase,
} from './ledger';

const DAY = 86_400_000;

describe.each(DATABASES)('purge on %s', (kind) => {
  let db: TestDatabase;
  let ledger: LedgerProcess;

  // Each test ages rows of its own: a database each, so purge counts only them.
  beforeEach(async () => {
    db = await createDatabase(kind);
    ledger = await startLedgerProcess(db);
  });
  afterEach(async () => {
    await ledger?.stop();
    await db?.drop();
  });

  async function storedDaysAgo(days: number, options: Parameters<typeof browserReceipt>[0] = {}) {
    const receipt = browserReceipt(options);
    expect((await postReceipt(ledger.origin, receipt)).status).toBe(201);
    const sql = kind === 'sqlite' ? 'UPDATE receipts SET received_at = ? WHERE record_id = ?' : 'UPDATE receipts SET received_at = $1 WHERE record_id = $2';
    await db.query(sql, [Date.now() - days * DAY, receipt.recordId]);
    return receipt.recordId;
  }
  const receiptsOf = async (id: string) => (await getWithKey(ledger.origin, `/v1/receipts/${id}`)).status;

  it('deletes receipts older than six months by default, keeps younger ones and every opt-out', async () => {
    const token = await issueToken(db, 'news', 'sub-kept');
    const old = await storedDaysAgo(200, { method: 'unsubscribe-link', optOuts: { promotionalEmail: true, personalisedAds: true }, unsubscribe: { list: 'news', token } });
    const sixMonthsAgo = await storedDaysAgo(183);
    const recent = await storedDaysAgo(1);
    const optOutsBefore = (await allOptOuts(ledger.origin)).items;
    // One receipt wrote both (in one transaction, so in either order).
    expect(optOutsBefore.map((item) => item.type).sort()).toEqual(['advertising', 'email']);

    const { code, stdout } = await runCli(['purge'], db);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^consentry-ledger: purged 1 receipts stored before \d{4}-\d\d-\d\dT[\d:.]+Z \(LEDGER_RETENTION_DAYS=184\); the suppression list is kept\n$/);
    expect([await receiptsOf(old), await receiptsOf(sixMonthsAgo), await receiptsOf(recent)]).toEqual([404, 200, 200]);
    expect((await allOptOuts(ledger.origin)).items).toEqual(optOutsBefore);
  });

  it('honours a longer LEDGER_RETENTION_DAYS', async () => {
    const kept = await storedDaysAgo(300);
    const gone = await storedDaysAgo(400);
    const { code, stdout } = await runCli(['purge'], db, { LEDGER_RETENTION_DAYS: '365' });
    expect(code).toBe(0);
    expect(stdout).toContain('purged 1 receipts');
    expect([await receiptsOf(kept), await receiptsOf(gone)]).toEqual([200, 404]);
  });

  it('refuses a retention shorter than six months, naming the variable, and deletes nothing', async () => {
    const young = await storedDaysAgo(40);
    const { code, stderr } = await runCli(['purge'], db, { LEDGER_RETENTION_DAYS: '30' });
    expect(code).toBe(2);
    expect(stderr).toBe('consentry-ledger: invalid configuration:\n  - LEDGER_RETENTION_DAYS must be a whole number from 184 to 36500 (got "30") (at least 184: six months)\n');
    expect(await receiptsOf(young)).toBe(200);
  });
});
