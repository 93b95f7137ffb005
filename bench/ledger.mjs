#!/usr/bin/env node
/**
 * Bench of the consent ledger (part of `npm run bench`; alone: `node bench/ledger.mjs`
 * after `npm run build`): POST /v1/receipts at a fixed concurrency from
 * autocannon on loopback, against the built service (`dist/server/cli.js`,
 * its own process) on SQLite (a temp file) and on PostgreSQL (a fresh
 * database on BENCH_POSTGRES_URL, else TEST_POSTGRES_URL, else the tests'
 * default). Every request is a new receipt (its own record id), so each one
 * is a durable insert, as a site's visitors make them; the rate limit is
 * raised out of the way but still counted in the database on each request.
 * The load generator shares the machine's cores with the ledger.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { ledgerTable } from './report.mjs';

const CLI = fileURLToPath(new URL('../dist/server/cli.js', import.meta.url));
const SITE = 'https://www.example.com';
/** Connections kept busy by autocannon, one request in flight each. */
export const LEDGER_CONNECTIONS = 16;
const DURATION_S = Number(process.env.BENCH_LEDGER_SECONDS ?? 10);
const WARMUP_S = 2;
const POSTGRES_URL = process.env.BENCH_POSTGRES_URL ?? process.env.TEST_POSTGRES_URL ?? 'postgres://consentry:consentry@127.0.0.1:5432/consentry_test';

/** A receipt as the browser sends it, with a new record id. */
function receiptBody() {
  return JSON.stringify({
    recordId: randomUUID(),
    timestamp: new Date().toISOString(),
    policyVersion: '2021-10-24',
    language: 'zh-CN',
    categories: { necessary: true, preferences: false, analytics: true, advertising: false, email: false },
    optOuts: { promotionalEmail: false, personalisedAds: true, adSharing: true },
    method: 'custom',
    gpc: false,
  });
}

function startLedger(databaseUrl) {
  const child = spawn(process.execPath, [CLI], {
    env: { PATH: process.env.PATH, PORT: '0', DATABASE_URL: databaseUrl, LEDGER_ORIGINS: SITE, LEDGER_RATE_LIMIT_RECEIPTS: '100000000', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`ledger did not start: ${output}`)), 15_000);
    const onData = (chunk) => {
      output += chunk;
      const origin = /listening on (http:\/\/\S+)/.exec(output)?.[1];
      if (origin) {
        clearTimeout(timer);
        resolve({ origin, stop: () => new Promise((done) => (child.once('exit', done), child.kill('SIGTERM'))) });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`ledger exited (${code}): ${output}`)));
  });
}

function load(origin, seconds) {
  return autocannon({
    url: origin,
    connections: LEDGER_CONNECTIONS,
    pipelining: 1,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        path: '/v1/receipts',
        headers: { origin: SITE, 'content-type': 'text/plain;charset=UTF-8' },
        setupRequest: (request) => ({ ...request, body: receiptBody() }),
      },
    ],
  });
}

async function measure(databaseUrl) {
  const ledger = await startLedger(databaseUrl);
  try {
    await load(ledger.origin, WARMUP_S);
    const result = await load(ledger.origin, DURATION_S);
    return {
      receiptsPerSecond: result['2xx'] / (result.duration || DURATION_S),
      p99Ms: result.latency.p99,
      failed: result.non2xx + result.errors + result.timeouts,
    };
  } finally {
    await ledger.stop();
  }
}

/** A fresh database on the bench's PostgreSQL, dropped by the returned function. */
async function postgresDatabase() {
  const name = `ledger_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 3000 });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name}`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${name}`;
  return {
    url: url.href,
    drop: async () => {
      const client = new pg.Client({ connectionString: POSTGRES_URL });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

/**
 * Both databases, one after the other. A database that cannot be measured
 * (PostgreSQL not running) gives a row with its reason instead of figures.
 * @returns {Promise<{ database: string, receiptsPerSecond?: number, p99Ms?: number, failed?: number, error?: string }[]>}
 */
export async function measureLedger() {
  const rows = [];
  const dir = mkdtempSync(join(tmpdir(), 'ledger-bench-'));
  try {
    rows.push({ database: 'SQLite (WAL, synchronous=FULL)', ...(await measure(join(dir, 'ledger.db'))) });
  } catch (error) {
    rows.push({ database: 'SQLite (WAL, synchronous=FULL)', error: error.message.split('\n')[0] });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  let database;
  try {
    database = await postgresDatabase();
    rows.push({ database: 'PostgreSQL', ...(await measure(database.url)) });
  } catch (error) {
    rows.push({ database: 'PostgreSQL', error: error.message.split('\n')[0] });
  } finally {
    await database?.drop().catch(() => {});
  }
  return rows;
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  const rows = await measureLedger();
  console.log(ledgerTable(rows, LEDGER_CONNECTIONS));
}
