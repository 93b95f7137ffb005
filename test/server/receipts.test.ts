/**
 * POST /v1/receipts against the running ledger, on SQLite and PostgreSQL:
 * what the browser sends is stored once and read back exactly; everything
 * else is refused with the right status, a message naming the field, and
 * nothing stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWithdrawalReceipt } from '../../src/core/receipt';
import {
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

describe.each(DATABASES)('receipts on %s', (kind) => {
  let db: TestDatabase;
  let ledger: LedgerProcess;

  beforeAll(async () => {
    db = await createDatabase(kind);
    ledger = await startLedgerProcess(db);
  });
  afterAll(async () => {
    await ledger?.stop();
    await db?.drop();
  });

  it('stores what the browser sends (text/plain across origins, JSON same-origin) and reads it back exactly', async () => {
    const crossOrigin = browserReceipt({ method: 'custom', optOuts: { personalisedAds: true } });
    const before = Date.now();
    const first = await postReceipt(ledger.origin, crossOrigin);
    expect(first.status).toBe(201);
    expect(first.headers.get('access-control-allow-origin')).toBe(SITE);
    expect(await first.json()).toEqual({ stored: true });

    const sameOrigin = { ...browserReceipt({ id: crossOrigin.recordId, method: 'accept-all' }), timestamp: '2026-06-08T00:00:00.000Z' };
    const second = await postReceipt(ledger.origin, sameOrigin, { 'content-type': 'application/json' });
    expect(second.status).toBe(201);

    const read = await getWithKey(ledger.origin, `/v1/receipts/${crossOrigin.recordId}`);
    expect(read.status).toBe(200);
    const body = (await read.json()) as { consentId: string; receipts: { receipt: unknown; receivedAt: string }[] };
    expect(body.consentId).toBe(crossOrigin.recordId);
    expect(body.receipts.map((r) => r.receipt)).toEqual([crossOrigin, sameOrigin]);
    for (const { receivedAt } of body.receipts) {
      expect(Date.parse(receivedAt)).toBeGreaterThanOrEqual(before - 1000);
      expect(Date.parse(receivedAt)).toBeLessThanOrEqual(Date.now() + 1000);
    }
  });

  it('stores a receipt sent twice once (200 the second time) and refuses a different one with the same id (409)', async () => {
    const receipt = browserReceipt();
    expect((await postReceipt(ledger.origin, receipt)).status).toBe(201);
    const again = await postReceipt(ledger.origin, receipt);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ stored: false });
    const altered = await postReceipt(ledger.origin, { ...receipt, gpc: !receipt.gpc });
    expect(altered.status).toBe(409);
    const rows = await db.query(kind === 'sqlite' ? 'SELECT body FROM receipts WHERE record_id = ?' : 'SELECT body FROM receipts WHERE record_id = $1', [receipt.recordId]);
    expect(rows).toEqual([{ body: JSON.stringify(receipt) }]);
  });

  it('keeps a withdrawal as a new receipt beside the choice it withdraws', async () => {
    const given = browserReceipt({ method: 'accept-all' });
    const record = { schema: 1 as const, id: given.recordId, policyVersion: given.policyVersion, language: given.language, categories: given.categories, optOuts: given.optOuts, method: given.method, gpc: given.gpc, createdAt: 1, updatedAt: Date.parse(given.timestamp), expiresAt: 2 };
    const withdrawal = buildWithdrawalReceipt(record, Date.parse(given.timestamp) + 60_000);
    expect((await postReceipt(ledger.origin, given)).status).toBe(201);
    expect((await postReceipt(ledger.origin, withdrawal)).status).toBe(201);
    const read = (await (await getWithKey(ledger.origin, `/v1/receipts/${given.recordId}`)).json()) as { receipts: { receipt: { method: string } }[] };
    expect(read.receipts.map((r) => r.receipt.method)).toEqual(['accept-all', 'withdraw']);
  });

  const valid = () => browserReceipt();
  const refusals: { name: string; body: () => unknown; headers?: Record<string, string>; status: number; message: string; field?: string }[] = [
    { name: 'bad JSON', body: () => '{"recordId": "abc",', status: 400, message: 'the body is not valid JSON' },
    { name: 'an empty body', body: () => '', headers: { 'content-type': 'application/json' }, status: 400, message: 'the body is empty: a JSON object was expected' },
    { name: 'a body over 16 KiB', body: () => ({ ...valid(), policyVersion: 'x'.repeat(17_000) }), status: 413, message: 'the body is larger than 16384 bytes' },
    { name: 'an unknown field', body: () => ({ ...valid(), email: 'someone@example.com' }), status: 400, field: 'email', message: 'email is not a known field (known: recordId, timestamp, policyVersion, language, categories, optOuts, method, gpc, unsubscribe)' },
    { name: 'an unknown nested field', body: () => ({ ...valid(), optOuts: { ...valid().optOuts, sms: true } }), status: 400, field: 'optOuts.sms', message: 'optOuts.sms is not a known field (known: promotionalEmail, personalisedAds, adSharing)' },
    { name: 'a wrong type', body: () => ({ ...valid(), gpc: 'yes' }), status: 400, field: 'gpc', message: 'gpc must be true or false (got a string)' },
    { name: 'a wrong nested type', body: () => ({ ...valid(), categories: { necessary: true, analytics: 1 } }), status: 400, field: 'categories.analytics', message: 'categories.analytics must be true or false (got a number)' },
    { name: 'necessary off', body: () => ({ ...valid(), categories: { necessary: false } }), status: 400, field: 'categories.necessary', message: 'categories.necessary must be true (necessary cookies are always on) (got a boolean)' },
    { name: 'a missing field', body: () => { const { method: _method, ...rest } = valid(); return rest; }, status: 400, field: 'method', message: 'method is required' },
    { name: 'an unknown method', body: () => ({ ...valid(), method: 'implied' }), status: 400, field: 'method', message: 'method must be one of accept-all, reject-all, custom, gpc, api, unsubscribe-link, withdraw (got a string)' },
    { name: 'a timestamp that is not ISO', body: () => ({ ...valid(), timestamp: 'yesterday' }), status: 400, field: 'timestamp', message: 'timestamp must be an ISO 8601 UTC time such as 2026-06-07T08:09:10.011Z' },
    { name: 'an array', body: () => [valid()], status: 400, field: '', message: 'the body must be a consent receipt (a JSON object) (got an array)' },
    { name: 'another origin', body: valid, headers: { origin: 'https://evil.test' }, status: 403, message: 'origin https://evil.test is not in LEDGER_ORIGINS' },
    { name: 'no origin (not a browser)', body: valid, headers: { origin: '' }, status: 403, message: 'the Origin header is missing: receipts are accepted from browsers on the sites in LEDGER_ORIGINS' },
    { name: 'a form body', body: () => 'recordId=abc', headers: { 'content-type': 'application/x-www-form-urlencoded' }, status: 415, message: 'unsupported Content-Type' },
  ];

  it.each(refusals)('refuses $name with $status and stores nothing', async ({ body, headers = {}, status, message, field }) => {
    const before = await countRows(db, 'receipts');
    const sent = { ...headers };
    const response = await fetch(`${ledger.origin}/v1/receipts`, {
      method: 'POST',
      headers: Object.fromEntries(Object.entries({ origin: SITE, 'content-type': 'text/plain;charset=UTF-8', ...sent }).filter(([, v]) => v !== '')),
      body: (() => {
        const value = body();
        return typeof value === 'string' ? value : JSON.stringify(value);
      })(),
    });
    expect(response.status).toBe(status);
    const answer = (await response.json()) as { message: string; field?: string };
    expect(answer.message).toBe(message);
    expect(answer.field).toBe(field);
    expect(await countRows(db, 'receipts')).toBe(before);
  });

  it('answers a CORS preflight from a configured origin only', async () => {
    const preflight = (origin: string) =>
      fetch(`${ledger.origin}/v1/receipts`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });
    const allowed = await preflight(SITE);
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(SITE);
    expect(allowed.headers.get('access-control-allow-methods')).toBe('POST');
    const refused = await preflight('https://evil.test');
    expect(refused.status).toBe(403);
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
  });
});
