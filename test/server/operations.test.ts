/**
 * Running the ledger: health and readiness, a graceful stop that finishes the
 * request in flight, and rate limits that hold across instances (counted in
 * the database, not in each process).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  API_KEY,
  browserReceipt,
  countRows,
  createDatabase,
  DATABASES,
  getWithKey,
  postReceipt,
  SITE,
  startLedgerProcess,
  type LedgerProcess,
  type TestDatabase,
} from './ledger';

/** Fixed one-minute windows: start a counting test early in a window, so it cannot straddle two. */
async function earlyInAMinute(): Promise<void> {
  const left = 60_000 - (Date.now() % 60_000);
  if (left < 10_000) await sleep(left + 100);
}

describe.each(DATABASES)('health and shutdown on %s', (kind) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createDatabase(kind);
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('answers /healthz and /readyz', async () => {
    const ledger = await startLedgerProcess(db);
    try {
      const health = await fetch(`${ledger.origin}/healthz`);
      expect([health.status, await health.json()]).toEqual([200, { status: 'ok' }]);
      const ready = await fetch(`${ledger.origin}/readyz`);
      expect([ready.status, await ready.json()]).toEqual([200, { status: 'ready', database: kind }]);
    } finally {
      await ledger.stop();
    }
  });

  it('on SIGTERM finishes the request in flight, stores it, and exits 0', async () => {
    const ledger = await startLedgerProcess(db);
    const body = JSON.stringify(browserReceipt());
    const answer = new Promise<number>((resolve, reject) => {
      const req = request(`${ledger.origin}/v1/receipts`, { method: 'POST', headers: { origin: SITE, 'content-type': 'text/plain', 'content-length': Buffer.byteLength(body) } }, (res) => {
        res.resume();
        resolve(res.statusCode!);
      });
      req.on('error', reject);
      req.write(body.slice(0, 40));
      // The request is in flight (headers and part of the body sent) when the stop signal comes.
      void sleep(300)
        .then(() => ledger.child.kill('SIGTERM'))
        .then(() => sleep(300))
        .then(() => req.end(body.slice(40)));
    });
    expect(await answer).toBe(201);
    expect(await ledger.exited).toBe(0);
    expect(ledger.output()).toContain('consentry-ledger: SIGTERM: finishing requests in flight, then stopping');
    const id = (JSON.parse(body) as { recordId: string }).recordId;
    expect(await db.query(kind === 'sqlite' ? 'SELECT record_id FROM receipts WHERE record_id = ?' : 'SELECT record_id FROM receipts WHERE record_id = $1', [id])).toEqual([{ record_id: id }]);
  });
});

describe('readiness when PostgreSQL goes away', () => {
  it('answers /readyz 503 while /healthz stays 200', async () => {
    const db = await createDatabase('postgres');
    const ledger = await startLedgerProcess(db);
    try {
      expect((await fetch(`${ledger.origin}/readyz`)).status).toBe(200);
      await db.drop();
      const ready = await fetch(`${ledger.origin}/readyz`);
      expect([ready.status, await ready.json()]).toEqual([503, { status: 'unavailable', database: 'postgres' }]);
      expect((await fetch(`${ledger.origin}/healthz`)).status).toBe(200);
    } finally {
      await ledger.stop();
      await db.drop();
    }
  });
});

describe('rate limits shared by two instances on one PostgreSQL', () => {
  let db: TestDatabase;
  let a: LedgerProcess;
  let b: LedgerProcess;
  const OTHER_SITE = 'http://other-site.test';

  beforeAll(async () => {
    db = await createDatabase('postgres');
    const env = { LEDGER_ORIGINS: `${SITE},${OTHER_SITE}`, LEDGER_RATE_LIMIT_RECEIPTS: '5', LEDGER_RATE_LIMIT_API: '3' };
    a = await startLedgerProcess(db, env);
    b = await startLedgerProcess(db, env);
  });
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await db?.drop();
  });

  it('allows LEDGER_RATE_LIMIT_RECEIPTS a minute per origin in total, whichever instance takes them', async () => {
    await earlyInAMinute();
    const statuses: number[] = [];
    for (const ledger of [a, b, a, b, a, b]) statuses.push((await postReceipt(ledger.origin, browserReceipt())).status);
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429]);
    const refused = await postReceipt(a.origin, browserReceipt());
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(((await refused.json()) as { message: string }).message).toMatch(/^rate limit: at most 5 requests a minute from one site origin \(LEDGER_RATE_LIMIT_RECEIPTS\); retry in \d+ s$/);
    expect(await countRows(db, 'receipts')).toBe(5);
    // Another site's visitors have their own allowance.
    expect((await postReceipt(b.origin, browserReceipt(), { origin: OTHER_SITE })).status).toBe(201);
  });

  it('allows LEDGER_RATE_LIMIT_API a minute per API key in total', async () => {
    await earlyInAMinute();
    const statuses: number[] = [];
    for (const ledger of [a, b, a, b]) statuses.push((await getWithKey(ledger.origin, '/v1/optouts')).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    // A wrong key is refused before it is counted: it cannot use up the real key's allowance, nor get a 429.
    expect((await fetch(`${a.origin}/v1/optouts`, { headers: { authorization: `Bearer ${API_KEY}-wrong` } })).status).toBe(401);
  });
});
