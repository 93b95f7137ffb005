/**
 * What marketing pulls, against the running ledger on SQLite and PostgreSQL:
 * the API key gate, the opt-out feed (paging, NDJSON, since), which receipts
 * make advertising items, and the CSV export.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { signToken } from '../../src/server/tokens';
import {
  allOptOuts,
  API_KEY,
  browserReceipt,
  createDatabase,
  DATABASES,
  getWithKey,
  postReceipt,
  runCli,
  startLedgerProcess,
  TOKEN_KEY,
  type LedgerProcess,
  type TestDatabase,
} from './ledger';

const HASHED_KEY = 'second-key-given-hashed-0123456789';

describe.each(DATABASES)('marketing endpoints on %s', (kind) => {
  let db: TestDatabase;
  let ledger: LedgerProcess;

  beforeAll(async () => {
    db = await createDatabase(kind);
    const hashed = `sha256:${createHash('sha256').update(HASHED_KEY).digest('hex')}`;
    ledger = await startLedgerProcess(db, { LEDGER_API_KEYS: `${API_KEY}, ${hashed}` });
  });
  afterAll(async () => {
    await ledger?.stop();
    await db?.drop();
  });

  const keys: { name: string; authorization?: string; status: number; message?: string }[] = [
    { name: 'no key', status: 401, message: 'an API key is required: Authorization: Bearer <key>' },
    { name: 'a wrong key', authorization: `Bearer ${API_KEY}x`, status: 401, message: 'the API key is not valid' },
    { name: 'a key in the wrong scheme', authorization: `Basic ${API_KEY}`, status: 401, message: 'an API key is required: Authorization: Bearer <key>' },
    { name: 'a configured key', authorization: `Bearer ${API_KEY}`, status: 200 },
    { name: 'a key configured by its hash', authorization: `Bearer ${HASHED_KEY}`, status: 200 },
  ];

  it.each(keys)('answers $name with $status', async ({ authorization, status, message }) => {
    for (const path of ['/v1/optouts', '/v1/receipts/never-seen']) {
      const response = await fetch(`${ledger.origin}${path}`, { headers: authorization ? { authorization } : {} });
      const expected = status === 200 && path.startsWith('/v1/receipts/') ? 404 : status;
      expect(response.status).toBe(expected);
      if (status === 401) {
        expect(response.headers.get('www-authenticate')).toBe('Bearer realm="consentry-ledger"');
        expect(((await response.json()) as { message: string }).message).toBe(message);
      }
    }
  });

  it('lists advertising opt-outs and GPC by consent id, including a later opt-back-in, and nothing for consent ids that never opted out', async () => {
    const optedOut = browserReceipt({ optOuts: { personalisedAds: true, adSharing: true }, gpc: true, method: 'gpc' });
    const later = { ...browserReceipt({ id: optedOut.recordId, method: 'custom' }), timestamp: '2026-07-01T00:00:00.000Z' };
    const neverOptedOut = browserReceipt({ method: 'accept-all' });
    for (const receipt of [optedOut, neverOptedOut, later]) expect((await postReceipt(ledger.origin, receipt)).status).toBe(201);

    const ids = [optedOut.recordId, neverOptedOut.recordId];
    const items = (await allOptOuts(ledger.origin)).items.filter((item) => ids.includes(item.consentId as string));
    expect(items.map(({ at: _at, ...item }) => item)).toEqual([
      { type: 'advertising', consentId: optedOut.recordId, personalisedAds: true, adSharing: true, gpc: true },
      { type: 'advertising', consentId: optedOut.recordId, personalisedAds: false, adSharing: false, gpc: false },
    ]);
  });

  it('pages the feed with a cursor, in JSON and NDJSON, and resumes from the last cursor', async () => {
    const start = (await allOptOuts(ledger.origin)).cursor;
    const recipients = ['p-1', 'p-2', 'p-3', 'p-4', 'p-5'];
    for (const recipient of recipients) {
      const token = signToken([TOKEN_KEY], 'paging', recipient);
      expect((await fetch(`${ledger.origin}/v1/unsubscribe/${token}`, { method: 'POST', body: new URLSearchParams({ 'List-Unsubscribe': 'One-Click' }) })).status).toBe(200);
    }
    const first = await getWithKey(ledger.origin, `/v1/optouts?limit=3&cursor=${start}`);
    const page1 = (await first.json()) as { items: { recipient: string }[]; cursor: string; more: boolean };
    expect(page1.items.map((item) => item.recipient)).toEqual(['p-1', 'p-2', 'p-3']);
    expect(page1.more).toBe(true);
    expect(first.headers.get('consentry-cursor')).toBe(page1.cursor);
    expect(first.headers.get('link')).toBe(`</v1/optouts?cursor=${page1.cursor}&limit=3>; rel="next"`);

    const second = await getWithKey(ledger.origin, `/v1/optouts?limit=3&cursor=${page1.cursor}`, { accept: 'application/x-ndjson' });
    expect(second.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
    expect(second.headers.get('consentry-more')).toBe('false');
    expect(second.headers.get('link')).toBeNull();
    const lines = (await second.text()).split('\n');
    expect(lines.pop()).toBe('');
    expect(lines.map((line) => (JSON.parse(line) as { recipient: string }).recipient)).toEqual(['p-4', 'p-5']);

    const cursor = second.headers.get('consentry-cursor')!;
    const nothingNew = (await (await getWithKey(ledger.origin, `/v1/optouts?cursor=${cursor}&format=json`)).json()) as { items: unknown[]; cursor: string; more: boolean };
    expect(nothingNew).toEqual({ items: [], cursor, more: false });
  });

  it('reads an empty cursor as the start (a first poll with an unset variable)', async () => {
    const fromEmpty = (await (await getWithKey(ledger.origin, '/v1/optouts?cursor=&limit=1000')).json()) as { items: unknown[] };
    expect(fromEmpty.items).toEqual((await allOptOuts(ledger.origin)).items);
  });

  it('filters the feed by since', async () => {
    const future = (await (await getWithKey(ledger.origin, '/v1/optouts?since=2999-01-01')).json()) as { items: unknown[] };
    expect(future.items).toEqual([]);
    const all = (await (await getWithKey(ledger.origin, '/v1/optouts?since=2000-01-01T00:00:00Z&limit=1000')).json()) as { items: unknown[] };
    expect(all.items).toEqual((await allOptOuts(ledger.origin)).items);
  });

  const badQueries: { query: string; field: string; message: string }[] = [
    { query: 'limit=0', field: 'limit', message: 'limit must be a whole number from 1 to 1000 (got a number)' },
    { query: 'limit=many', field: 'limit', message: 'limit must be a whole number from 1 to 1000 (got a string)' },
    { query: 'since=last-week', field: 'since', message: 'since must be an ISO 8601 date or time such as 2026-06-01 or 2026-06-01T00:00:00Z' },
    { query: 'since=2026-02-31T99:00:00Z', field: 'since', message: 'since must be a real date (got an impossible one)' },
    { query: 'format=xml', field: 'format', message: 'format must be json or ndjson (got a string)' },
    { query: 'cursor=abc', field: 'cursor', message: 'cursor must be the Consentry-Cursor of an earlier answer (empty: from the start)' },
    { query: 'list=news', field: 'list', message: 'list is not a known field (known: since, cursor, limit, format)' },
  ];

  it.each(badQueries)('refuses ?$query naming $field', async ({ query, field, message }) => {
    const response = await getWithKey(ledger.origin, `/v1/optouts?${query}`);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ statusCode: 400, error: 'Bad Request', message, field });
  });

  it('refuses a cursor from the other kind of database', async () => {
    const foreign = kind === 'sqlite' ? '700.12' : '12';
    const response = await getWithKey(ledger.origin, `/v1/optouts?cursor=${foreign}`);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { field: string }).field).toBe('cursor');
  });

  it('exports the opt-outs and the receipts as CSV, with formula-looking values neutralised', async () => {
    const token = signToken([TOKEN_KEY], 'csv', '=HYPERLINK("x")');
    expect((await fetch(`${ledger.origin}/v1/unsubscribe/${token}`, { method: 'POST', body: new URLSearchParams({ 'List-Unsubscribe': 'One-Click' }) })).status).toBe(200);
    const optouts = await runCli(['export', 'optouts'], db);
    expect(optouts.code).toBe(0);
    const lines = optouts.stdout.split('\r\n');
    expect(lines[0]).toBe('type,at,list,recipient,source,consentId,personalisedAds,adSharing,gpc');
    expect(lines).toContainEqual(expect.stringMatching(/^email,\d{4}-\d\d-\d\dT[\d:.]+Z,csv,"'=HYPERLINK\(""x""\)",one-click,,,,$/));
    expect(lines.length - 2).toBe((await allOptOuts(ledger.origin)).items.length);

    const receipt = browserReceipt({ method: 'gpc', optOuts: { personalisedAds: true, adSharing: true }, gpc: true });
    expect((await postReceipt(ledger.origin, receipt)).status).toBe(201);
    const receipts = await runCli(['export', 'receipts', '--since', '2000-01-01'], db);
    expect(receipts.code).toBe(0);
    const [header, ...rows] = receipts.stdout.trimEnd().split('\r\n');
    expect(header).toBe('receivedAt,recordId,timestamp,method,policyVersion,language,categories,promotionalEmail,personalisedAds,adSharing,gpc,unsubscribeList');
    expect(rows).toContainEqual(
      expect.stringMatching(new RegExp(`^\\d{4}-[\\d-]+T[\\d:.]+Z,${receipt.recordId},${receipt.timestamp},gpc,2021-10-24,zh-CN,necessary=true;preferences=false;analytics=true;advertising=false;email=false,false,true,true,true,$`)),
    );
    expect(rows).toHaveLength(Number((await db.query<{ n: number | string }>('SELECT COUNT(*) AS n FROM receipts'))[0]!.n));
  });
});
