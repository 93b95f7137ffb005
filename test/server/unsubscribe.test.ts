/**
 * One-click unsubscribe (RFC 8058) end to end against the running ledger, on
 * SQLite and PostgreSQL: a token from `consentry-ledger token`, the
 * confirmation page a GET shows (which unsubscribes nobody), the POST a mail
 * client sends, and the suppression list marketing pulls. The site's landing
 * page (the receipt the browser builds on `/?unsubscribe=<list>&token=<token>`)
 * and the POST land in the same list.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signToken } from '../../src/server/tokens';
import {
  allOptOuts,
  browserReceipt,
  countRows,
  createDatabase,
  DATABASES,
  issueToken,
  OLD_TOKEN_KEY,
  postReceipt,
  runCli,
  startLedgerProcess,
  TOKEN_KEY,
  type LedgerProcess,
  type TestDatabase,
} from './ledger';

const oneClick = (origin: string, token: string, init: RequestInit = {}) =>
  fetch(`${origin}/v1/unsubscribe/${token}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'List-Unsubscribe=One-Click',
    ...init,
  });

describe.each(DATABASES)('one-click unsubscribe on %s', (kind) => {
  let db: TestDatabase;
  let ledger: LedgerProcess;

  beforeAll(async () => {
    db = await createDatabase(kind);
    ledger = await startLedgerProcess(db, { LEDGER_PUBLIC_URL: 'https://ledger.example.com', LEDGER_TOKEN_KEYS: `${TOKEN_KEY},${OLD_TOKEN_KEY}` });
  });
  afterAll(async () => {
    await ledger?.stop();
    await db?.drop();
  });

  it('issues a token with the two headers each email carries', async () => {
    const { code, stdout } = await runCli(['token', '--list', 'news', '--recipient', 'sub-1001', '--site', 'https://www.example.com'], db, {
      LEDGER_PUBLIC_URL: 'https://ledger.example.com',
    });
    expect(code).toBe(0);
    const token = signToken([TOKEN_KEY], 'news', 'sub-1001');
    expect(stdout).toBe(
      [
        `token: ${token}`,
        `List-Unsubscribe: <https://ledger.example.com/v1/unsubscribe/${token}>`,
        'List-Unsubscribe-Post: List-Unsubscribe=One-Click',
        `landing link: https://www.example.com/?unsubscribe=news&token=${token}`,
        '',
      ].join('\n'),
    );
  });

  it('shows a bilingual confirmation on GET, under a strict CSP and without script, and unsubscribes nobody', async () => {
    const token = signToken([TOKEN_KEY], 'news', 'sub-get-only');
    const page = await fetch(`${ledger.origin}/v1/unsubscribe/${token}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toMatch(/^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/]+=*'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'$/);
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect(page.headers.get('set-cookie')).toBeNull();
    const html = await page.text();
    expect(html).toContain('<h1>Unsubscribe from “news”?</h1>');
    expect(html).toContain('<h1>退订“news”？</h1>');
    expect(html).toContain('<form method="post">\n<input type="hidden" name="List-Unsubscribe" value="One-Click">');
    expect(html).not.toMatch(/<script|\son\w+=/i);
    // Link scanners fetch it again: still nobody unsubscribed.
    await fetch(`${ledger.origin}/v1/unsubscribe/${token}`);
    expect((await allOptOuts(ledger.origin)).items.filter((item) => item.recipient === 'sub-get-only')).toEqual([]);
  });

  it('unsubscribes on the one-click POST (urlencoded or multipart) with 200, no redirect, no cookie; twice is harmless', async () => {
    const token = signToken([TOKEN_KEY], 'news', 'sub-one-click');
    const first = await oneClick(ledger.origin, token);
    expect(first.status).toBe(200);
    expect(first.headers.get('location')).toBeNull();
    expect(first.headers.get('set-cookie')).toBeNull();
    expect(await first.json()).toEqual({ unsubscribed: true, list: 'news' });

    const form = new FormData();
    form.set('List-Unsubscribe', 'One-Click');
    const second = await oneClick(ledger.origin, token, { headers: {}, body: form });
    expect(second.status).toBe(200);

    const mine = (await allOptOuts(ledger.origin)).items.filter((item) => item.recipient === 'sub-one-click');
    expect(mine).toEqual([{ type: 'email', list: 'news', recipient: 'sub-one-click', source: 'one-click', at: expect.any(String) }]);
  });

  it('answers the confirmation page’s button with a bilingual page', async () => {
    const token = signToken([TOKEN_KEY], 'offers', 'sub-button');
    const response = await oneClick(ledger.origin, token, { headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' } });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<h1>You are unsubscribed from “offers”.</h1>');
    expect(html).toContain('<h1>您已退订“offers”。</h1>');
  });

  const good = () => signToken([TOKEN_KEY], 'news', 'sub-victim');
  const forgeries: { name: string; token: () => string }[] = [
    { name: 'a truncated token', token: () => good().slice(0, -5) },
    { name: 'a token with another recipient spliced in', token: () => good().replace(/^c1\.([^.]+)\.[^.]+/, (_, list) => `c1.${list}.${Buffer.from('sub-other').toString('base64url')}`) },
    { name: 'a token signed with a foreign key', token: () => signToken(['a-key-this-ledger-never-had-0123456789'], 'news', 'sub-victim') },
    { name: 'a random string', token: () => 'not-a-token-at-all' },
  ];

  it.each(forgeries)('refuses $name with 400 and stores nothing', async ({ token }) => {
    const before = await countRows(db, 'optouts');
    const response = await oneClick(ledger.origin, token());
    expect(response.status).toBe(400);
    expect(((await response.json()) as { message: string }).message).toBe('the token is not valid (forged, truncated or signed with a retired key)');
    const page = await fetch(`${ledger.origin}/v1/unsubscribe/${token()}`);
    expect(page.status).toBe(400);
    expect(await page.text()).toContain('<h1>This unsubscribe link is not valid.</h1>');
    expect(await countRows(db, 'optouts')).toBe(before);
  });

  it('refuses a POST without List-Unsubscribe=One-Click', async () => {
    const token = signToken([TOKEN_KEY], 'news', 'sub-no-body');
    const response = await oneClick(ledger.origin, token, { body: 'unsubscribe=yes' });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { message: string }).message).toBe('List-Unsubscribe is required');
    expect((await allOptOuts(ledger.origin)).items.filter((item) => item.recipient === 'sub-no-body')).toEqual([]);
  });

  it('verifies tokens signed with an older key still listed (rotation), and signs with the first', async () => {
    const old = signToken([OLD_TOKEN_KEY], 'news', 'sub-rotated');
    expect((await oneClick(ledger.origin, old)).status).toBe(200);
    expect(await issueToken(db, 'news', 'sub-rotated', { LEDGER_TOKEN_KEYS: `${TOKEN_KEY},${OLD_TOKEN_KEY}` })).toBe(signToken([TOKEN_KEY], 'news', 'sub-rotated'));
  });

  it('puts the browser’s landing (its receipt) and the one-click POST in the same suppression list', async () => {
    // Recipient A clicks the link in the email body: the site's page sends the receipt the browser builds.
    const tokenA = await issueToken(db, 'weekly', 'sub-landing');
    const landing = browserReceipt({ method: 'unsubscribe-link', optOuts: { promotionalEmail: true }, unsubscribe: { list: 'weekly', token: tokenA } });
    expect((await postReceipt(ledger.origin, landing)).status).toBe(201);
    // Recipient B uses the mail client's unsubscribe button: one-click POST.
    const tokenB = await issueToken(db, 'weekly', 'sub-button-b');
    expect((await oneClick(ledger.origin, tokenB)).status).toBe(200);
    // A also presses the mail client's button later: still one entry.
    expect((await oneClick(ledger.origin, tokenA)).status).toBe(200);

    const weekly = (await allOptOuts(ledger.origin)).items.filter((item) => item.list === 'weekly');
    expect(weekly.map(({ at: _at, ...item }) => item)).toEqual([
      { type: 'email', list: 'weekly', recipient: 'sub-landing', source: 'landing' },
      { type: 'email', list: 'weekly', recipient: 'sub-button-b', source: 'one-click' },
    ]);
  });

  it('refuses a landing receipt whose token is forged or names another list, and stores nothing', async () => {
    const before = [await countRows(db, 'receipts'), await countRows(db, 'optouts')];
    const forged = browserReceipt({ method: 'unsubscribe-link', optOuts: { promotionalEmail: true }, unsubscribe: { list: 'weekly', token: good().slice(0, -3) } });
    const forgedAnswer = await postReceipt(ledger.origin, forged);
    expect(forgedAnswer.status).toBe(400);
    expect(await forgedAnswer.json()).toMatchObject({ field: 'unsubscribe.token' });
    const otherList = browserReceipt({ method: 'unsubscribe-link', unsubscribe: { list: 'weekly', token: signToken([TOKEN_KEY], 'news', 'sub-x') } });
    const otherAnswer = await postReceipt(ledger.origin, otherList);
    expect(otherAnswer.status).toBe(400);
    expect(await otherAnswer.json()).toMatchObject({ field: 'unsubscribe.list', message: 'unsubscribe.list must be the list its token was issued for (news)' });
    expect([await countRows(db, 'receipts'), await countRows(db, 'optouts')]).toEqual(before);
  });
});

describe('a ledger without LEDGER_TOKEN_KEYS', () => {
  let db: TestDatabase;
  let ledger: LedgerProcess;
  const token = signToken([TOKEN_KEY], 'news', 'sub-1');

  beforeAll(async () => {
    db = await createDatabase('sqlite');
    ledger = await startLedgerProcess(db, { LEDGER_TOKEN_KEYS: undefined, LOG_LEVEL: 'info' });
  });
  afterAll(async () => {
    await ledger?.stop();
    await db?.drop();
  });

  it('says so at start, and refuses to issue or verify tokens', async () => {
    expect(ledger.output()).toContain('consentry-ledger: LEDGER_TOKEN_KEYS is not set: unsubscribe tokens can be neither issued nor verified\n');
    const cli = await runCli(['token', '--list', 'news', '--recipient', 'sub-1'], db, { LEDGER_TOKEN_KEYS: undefined });
    expect(cli.code).toBe(2);
    expect(cli.stderr).toBe('consentry-ledger: LEDGER_TOKEN_KEYS is not set: the ledger issues no unsubscribe tokens without a key\n');
    const post = await oneClick(ledger.origin, token);
    expect(post.status).toBe(503);
    expect(((await post.json()) as { message: string }).message).toBe('this ledger cannot verify unsubscribe tokens: LEDGER_TOKEN_KEYS is not set');
    const landing = await postReceipt(ledger.origin, browserReceipt({ method: 'unsubscribe-link', unsubscribe: { list: 'news', token } }));
    expect(landing.status).toBe(503);
    expect(await countRows(db, 'optouts')).toBe(0);
  });

  it('keeps tokens and addresses out of its logs', async () => {
    await fetch(`${ledger.origin}/v1/unsubscribe/${token}`);
    expect(ledger.output()).toContain('"url":"/v1/unsubscribe/[token]"');
    expect(ledger.output()).not.toContain(token);
    expect(ledger.output()).not.toMatch(/remoteAddress|remotePort/);
  });
});
