/**
 * Configuration from the environment, as an operator meets it: bad values
 * stop the ledger before it starts, each message naming its variable; with
 * nothing set it starts on SQLite in the working folder and says which
 * defaults it used.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { CLI, createDatabase, runCli, startLedgerProcess, type TestDatabase } from './ledger';

let db: TestDatabase;
beforeAll(async () => {
  db = await createDatabase('sqlite');
});
afterAll(async () => {
  await db?.drop();
});

const bad: { env: Record<string, string>; problem: string }[] = [
  { env: { PORT: 'eighty' }, problem: 'PORT must be a whole number from 0 to 65535 (got "eighty")' },
  { env: { DATABASE_URL: 'mysql://localhost/ledger' }, problem: 'DATABASE_URL must be a postgres:// URL or a SQLite file path (got a mysql: URL)' },
  { env: { LEDGER_ORIGINS: 'https://www.example.com/' }, problem: 'LEDGER_ORIGINS: "https://www.example.com/" is not an origin (scheme://host[:port], no path or trailing slash)' },
  { env: { LEDGER_API_KEYS: 'short' }, problem: 'LEDGER_API_KEYS: each key must be at least 24 characters, or sha256:<64 hex digits> (one is 5)' },
  { env: { LEDGER_TOKEN_KEYS: 'secret' }, problem: 'LEDGER_TOKEN_KEYS: key 1 is 6 characters; use at least 32 random characters' },
  { env: { LEDGER_RETENTION_DAYS: '90' }, problem: 'LEDGER_RETENTION_DAYS must be a whole number from 184 to 36500 (got "90") (at least 184: six months)' },
  { env: { LEDGER_PUBLIC_URL: 'ledger.example.com' }, problem: 'LEDGER_PUBLIC_URL must be an http(s) URL without query (got "ledger.example.com")' },
  { env: { LEDGER_RATE_LIMIT_RECEIPTS: '1e3' }, problem: 'LEDGER_RATE_LIMIT_RECEIPTS must be a whole number from 1 to 100000000 (got "1e3")' },
  { env: { LEDGER_RATE_LIMIT_API: '0' }, problem: 'LEDGER_RATE_LIMIT_API must be a whole number from 1 to 100000000 (got "0")' },
  { env: { LOG_LEVEL: 'verbose' }, problem: 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (got "verbose")' },
  {
    env: { LEDGER_ORIGIN: 'https://www.example.com' },
    problem: 'LEDGER_ORIGIN is not a setting of the ledger (known: LEDGER_ORIGINS, LEDGER_API_KEYS, LEDGER_TOKEN_KEYS, LEDGER_RETENTION_DAYS, LEDGER_PUBLIC_URL, LEDGER_RATE_LIMIT_RECEIPTS, LEDGER_RATE_LIMIT_API)',
  },
];

describe('configuration', () => {
  it.each(bad)('refuses to start with $env', async ({ env, problem }) => {
    const { code, stdout, stderr } = await runCli([], db, env);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(`consentry-ledger: invalid configuration:\n  - ${problem}\n`);
  });

  it('says which database it cannot use, without the password', async () => {
    const sqlite = await runCli([], db, { DATABASE_URL: '/nonexistent-folder/ledger.db' });
    expect([sqlite.code, sqlite.stderr]).toEqual([1, 'consentry-ledger: cannot use the database in DATABASE_URL (SQLite file /nonexistent-folder/ledger.db): Cannot open database because the directory does not exist\n']);
    const postgres = await runCli([], db, { DATABASE_URL: 'postgres://ledger:s3cret@127.0.0.1:1/ledger' });
    expect(postgres.code).toBe(1);
    expect(postgres.stderr).toMatch(/^consentry-ledger: cannot use the database in DATABASE_URL \(PostgreSQL 127\.0\.0\.1:1\/ledger\): connect ECONNREFUSED 127\.0\.0\.1:1\n$/);
  });

  it('lists every problem at once', async () => {
    const { stderr } = await runCli([], db, { PORT: '-1', LOG_LEVEL: 'loud' });
    expect(stderr.split('\n').filter((line) => line.startsWith('  - '))).toHaveLength(2);
  });

  it('starts with nothing set: SQLite in the working folder, the defaults said on stdout', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'ledger-defaults-'));
    try {
      // PORT=0 only so the test does not depend on 8790 being free; everything else unset.
      const child = spawn(process.execPath, [CLI], { cwd, env: { PATH: process.env.PATH, PORT: '0' }, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', () => /listening on/.test(stdout) && resolve());
        child.once('exit', (code) => reject(new Error(`exited ${code}: ${stdout}`)));
      });
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      const lines = stdout.split('\n').filter((line) => line.startsWith('consentry-ledger:'));
      expect(lines.slice(0, 6)).toEqual([
        'consentry-ledger: defaults used: HOST=127.0.0.1, DATABASE_URL=./consentry-ledger.db, LEDGER_RETENTION_DAYS=184, LEDGER_RATE_LIMIT_RECEIPTS=60000, LEDGER_RATE_LIMIT_API=600, LOG_LEVEL=info',
        'consentry-ledger: database: SQLite file ./consentry-ledger.db',
        'consentry-ledger: LEDGER_ORIGINS is not set: receipts are refused from every origin',
        'consentry-ledger: LEDGER_API_KEYS is not set: /v1/optouts and /v1/receipts/:consentId are off',
        'consentry-ledger: LEDGER_TOKEN_KEYS is not set: unsubscribe tokens can be neither issued nor verified',
        'consentry-ledger: LEDGER_PUBLIC_URL is not set: one-click links point at http://127.0.0.1:0',
      ]);
      expect(lines[6]).toMatch(/^consentry-ledger: listening on http:\/\/127\.0\.0\.1:\d+$/);
      expect(existsSync(join(cwd, 'consentry-ledger.db'))).toBe(true);
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
  });

  it('turns the marketing endpoints off without LEDGER_API_KEYS, saying so', async () => {
    const ledger = await startLedgerProcess(db, { LEDGER_API_KEYS: undefined });
    try {
      const response = await fetch(`${ledger.origin}/v1/optouts`, { headers: { authorization: 'Bearer anything-at-all-0123456789' } });
      expect(response.status).toBe(503);
      expect(((await response.json()) as { message: string }).message).toBe('the marketing endpoints are off: LEDGER_API_KEYS is not set');
    } finally {
      await ledger.stop();
    }
  });

  it('makes an API key whose printed LEDGER_API_KEYS entry lets that key in', async () => {
    const { code, stdout } = await runCli(['api-key'], db);
    expect(code).toBe(0);
    const [, key, entry] = /^key \(give it to the mail system\): ([\w-]{43})\nLEDGER_API_KEYS entry \(the ledger needs only this\): (sha256:[0-9a-f]{64})\n$/.exec(stdout) ?? [];
    expect(entry).toBeDefined();
    const ledger = await startLedgerProcess(db, { LEDGER_API_KEYS: entry });
    try {
      expect((await fetch(`${ledger.origin}/v1/optouts`, { headers: { authorization: `Bearer ${key}` } })).status).toBe(200);
      expect((await fetch(`${ledger.origin}/v1/optouts`, { headers: { authorization: `Bearer ${entry}` } })).status).toBe(401);
    } finally {
      await ledger.stop();
    }
  });

  it('migrates a new database once, then finds it up to date', async () => {
    const fresh = await createDatabase('sqlite');
    try {
      expect((await runCli(['migrate'], fresh)).stdout).toBe('consentry-ledger: applied migrations 1 receipts, opt-outs, rate limits\n');
      expect((await runCli(['migrate'], fresh)).stdout).toBe('consentry-ledger: the database schema was up to date\n');
      expect(await fresh.query('SELECT version, name FROM schema_migrations')).toEqual([{ version: 1, name: 'receipts, opt-outs, rate limits' }]);
    } finally {
      await fresh.drop();
    }
  });

  it('prints its commands on help and refuses an unknown one', async () => {
    const help = await runCli(['help'], db);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('token --list L --recipient ID [--site URL] [--json]');
    const unknown = await runCli(['serv'], db);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^consentry-ledger: unknown command serv\n\nUsage: consentry-ledger/);
  });
});
