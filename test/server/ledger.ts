/**
 * Test harness for the consent ledger: real databases (a SQLite file in a
 * temp folder, a fresh database on the PostgreSQL server .ci/run starts) and
 * the built service running as its own process (`node dist/server/cli.js`),
 * exactly as `npx consentry-ledger` runs it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import pg from 'pg';
import { buildReceipt } from '../../src/core/receipt';
import type { ConsentMethod, ConsentReceipt, ConsentRecord, OptOuts, UnsubscribeRequest } from '../../src/core/types';

export const CLI = fileURLToPath(new URL('../../dist/server/cli.js', import.meta.url));
/** The PostgreSQL the tests use; .ci/run creates this role and database. */
export const PG_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://consentry:consentry@127.0.0.1:5432/consentry_test';
export const SITE = 'http://site.test';
export const API_KEY = 'test-api-key-0123456789abcdef';
export const TOKEN_KEY = 'test-token-key-0123456789abcdef-0001';
export const OLD_TOKEN_KEY = 'test-token-key-0123456789abcdef-0000';

export const DATABASES = ['sqlite', 'postgres'] as const;
export type DatabaseKind = (typeof DATABASES)[number];

export interface TestDatabase {
  kind: DatabaseKind;
  /** DATABASE_URL for the ledger. */
  url: string;
  /** Runs SQL directly (for checks and to age rows); `?` placeholders on SQLite, `$1` on PostgreSQL. */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  drop(): Promise<void>;
}

/** A new, empty database of `kind`. */
export async function createDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'ledger-test-'));
    const path = join(dir, 'ledger.db');
    return {
      kind,
      url: path,
      async query<T>(sql: string, params: unknown[] = []) {
        const db = new Database(path, { timeout: 5000 });
        try {
          const statement = db.prepare(sql);
          return (statement.reader ? statement.all(...params) : (statement.run(...params), [])) as T[];
        } finally {
          db.close();
        }
      },
      async drop() {
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const name = `ledger_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  await withAdmin((client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  return {
    kind,
    url: url.href,
    async query<T>(sql: string, params: unknown[] = []) {
      const client = new pg.Client({ connectionString: url.href });
      await client.connect();
      try {
        return (await client.query(sql, params)).rows as T[];
      } finally {
        await client.end();
      }
    },
    async drop() {
      await withAdmin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

async function withAdmin<T>(use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

/** The environment a test ledger runs with: the test's settings only, none inherited from the shell. */
export function ledgerEnv(db: TestDatabase, env: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const base: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME };
  const settings: Record<string, string | undefined> = {
    PORT: '0',
    DATABASE_URL: db.url,
    LEDGER_ORIGINS: SITE,
    LEDGER_API_KEYS: API_KEY,
    LEDGER_TOKEN_KEYS: TOKEN_KEY,
    LOG_LEVEL: 'warn',
    ...env,
  };
  for (const [name, value] of Object.entries(settings)) if (value !== undefined) base[name] = value;
  return base;
}

export interface LedgerProcess {
  origin: string;
  child: ChildProcess;
  /** Everything the process printed so far (stdout and stderr). */
  output(): string;
  /** Resolves with the exit code once the process ended. */
  exited: Promise<number | null>;
  /** SIGTERM, then wait for the exit. */
  stop(): Promise<number | null>;
}

/** Starts `consentry-ledger` (serve) on a random port and waits until it listens. */
export async function startLedgerProcess(db: TestDatabase, env: Record<string, string | undefined> = {}, cwd?: string): Promise<LedgerProcess> {
  const child = spawn(process.execPath, [CLI], { env: ledgerEnv(db, env), cwd: cwd ?? tmpdir(), stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const origin = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL'); // never leave a half-started ledger behind
      reject(new Error(`ledger did not start within 20 s:\n${output}`));
    }, 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`ledger exited with code ${code} before listening:\n${output}`));
    });
  });
  return {
    origin,
    child,
    output: () => output,
    exited,
    stop: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}

/** Runs a CLI command to completion. */
export function runCli(args: string[], db: TestDatabase, env: Record<string, string | undefined> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: ledgerEnv(db, env), cwd: tmpdir(), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** A token as the mail system gets it from the CLI. */
export async function issueToken(db: TestDatabase, list: string, recipient: string, env: Record<string, string | undefined> = {}): Promise<string> {
  const { code, stdout, stderr } = await runCli(['token', '--list', list, '--recipient', recipient, '--json'], db, env);
  if (code !== 0) throw new Error(`token failed (${code}): ${stderr}`);
  return (JSON.parse(stdout) as { token: string }).token;
}

let sequence = 0;

/**
 * A receipt exactly as the browser builds it (src/core/receipt.ts), from a
 * record with a fresh id unless one is given.
 */
export function browserReceipt(
  options: { id?: string; method?: ConsentMethod; optOuts?: Partial<OptOuts>; gpc?: boolean; at?: number; unsubscribe?: UnsubscribeRequest } = {},
): ConsentReceipt {
  const at = options.at ?? Date.UTC(2026, 5, 7, 8, 9, 10, sequence++ % 1000);
  const record: ConsentRecord = {
    schema: 1,
    id: options.id ?? crypto.randomUUID(),
    policyVersion: '2021-10-24',
    language: 'zh-CN',
    categories: { necessary: true, preferences: false, analytics: true, advertising: false, email: false },
    optOuts: { promotionalEmail: false, personalisedAds: false, adSharing: false, ...options.optOuts },
    method: options.method ?? 'custom',
    gpc: options.gpc ?? false,
    createdAt: at,
    updatedAt: at,
    expiresAt: at + 365 * 86_400_000,
  };
  return buildReceipt(record, options.unsubscribe);
}

/** POSTs a receipt the way the browser does across origins: text/plain JSON with the site's Origin. */
export function postReceipt(origin: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${origin}/v1/receipts`, {
    method: 'POST',
    headers: { origin: SITE, 'content-type': 'text/plain;charset=UTF-8', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** GET with the test API key. */
export function getWithKey(origin: string, path: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${origin}${path}`, { headers: { authorization: `Bearer ${API_KEY}`, ...headers } });
}

/** Every item of the opt-out feed, following cursors. */
export async function allOptOuts(origin: string, cursor?: string): Promise<{ items: Record<string, unknown>[]; cursor: string | null }> {
  const items: Record<string, unknown>[] = [];
  for (;;) {
    const query = new URLSearchParams({ limit: '1000', ...(cursor && { cursor }) });
    const response = await getWithKey(origin, `/v1/optouts?${query}`);
    if (response.status !== 200) throw new Error(`GET /v1/optouts: ${response.status} ${await response.text()}`);
    const page = (await response.json()) as { items: Record<string, unknown>[]; cursor: string | null; more: boolean };
    items.push(...page.items);
    cursor = page.cursor ?? undefined;
    if (!page.more) return { items, cursor: page.cursor };
  }
}

/** How many rows a table holds. */
export async function countRows(db: TestDatabase, table: 'receipts' | 'optouts'): Promise<number> {
  const [row] = await db.query<{ n: number | string }>(`SELECT COUNT(*) AS n FROM ${table}`);
  return Number(row!.n);
}

/** Runs `work` over `items`, `concurrency` at a time; resolves when all settled. */
export async function inParallel<T>(items: readonly T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}
