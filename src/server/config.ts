/**
 * The ledger's configuration, read from environment variables and checked
 * before anything starts. Pure: `readConfig(env)` returns the settings and
 * which defaults it used, or throws a ConfigError listing every problem, each
 * naming its variable.
 */
import { createHash } from 'node:crypto';
import { describeTarget } from './store/open';

/** Where receipts and the suppression list are kept. */
export type DatabaseTarget = { kind: 'postgres'; url: string } | { kind: 'sqlite'; path: string };

export interface LedgerConfig {
  host: string;
  port: number;
  database: DatabaseTarget;
  /** Site origins allowed to post receipts (`https://www.example.com`). */
  origins: ReadonlySet<string>;
  /** SHA-256 of each API key; the keys themselves are not kept. */
  apiKeyHashes: readonly Buffer[];
  /** HMAC keys for unsubscribe tokens: the first signs, all verify. Empty: tokens are refused. */
  tokenKeys: readonly string[];
  retentionDays: number;
  /** Base URL of the ledger as mail clients reach it, for one-click links. */
  publicUrl: string;
  /** Receipts per minute per site origin, and requests per minute per API key, across all instances. */
  rateLimit: { receiptsPerOrigin: number; requestsPerKey: number };
  logLevel: string;
}

/** Shortest retention: six months, the longest six calendar months being 184 days (policy: logs kept at least six months). */
export const MIN_RETENTION_DAYS = 184;

/** Every variable the ledger reads, with its default as printed at start ("" = not set). */
export const SETTINGS = {
  HOST: '127.0.0.1',
  PORT: '8790',
  DATABASE_URL: './consentry-ledger.db',
  LEDGER_ORIGINS: '',
  LEDGER_API_KEYS: '',
  LEDGER_TOKEN_KEYS: '',
  LEDGER_RETENTION_DAYS: String(MIN_RETENTION_DAYS),
  LEDGER_PUBLIC_URL: '',
  LEDGER_RATE_LIMIT_RECEIPTS: '60000',
  LEDGER_RATE_LIMIT_API: '600',
  LOG_LEVEL: 'info',
} as const;

export type SettingName = keyof typeof SETTINGS;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`consentry-ledger: invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
const list = (value: string) =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

/** SHA-256 of an API key, as the ledger keeps and compares it. */
export function hashApiKey(key: string): Buffer {
  return createHash('sha256').update(key, 'utf8').digest();
}

/**
 * Reads the configuration from `env`. Returns it with the names of the
 * settings that fell back to their default; throws ConfigError otherwise.
 */
export function readConfig(env: Record<string, string | undefined>): { config: LedgerConfig; defaulted: SettingName[] } {
  const problems: string[] = [];
  const defaulted: SettingName[] = [];
  const get = (name: SettingName): string => {
    const value = env[name]?.trim();
    if (value) return value;
    defaulted.push(name);
    return SETTINGS[name];
  };
  const integer = (name: SettingName, min: number, max: number): number => {
    const text = get(name);
    const value = Number(text);
    if (!/^\d+$/.test(text) || value < min || value > max) {
      problems.push(`${name} must be a whole number from ${min} to ${max} (got ${JSON.stringify(text)})`);
    }
    return value;
  };

  for (const name of Object.keys(env)) {
    if (name.startsWith('LEDGER_') && !(name in SETTINGS)) {
      problems.push(`${name} is not a setting of the ledger (known: ${Object.keys(SETTINGS).filter((n) => n.startsWith('LEDGER_')).join(', ')})`);
    }
  }

  const host = get('HOST');
  const port = integer('PORT', 0, 65535);

  const databaseUrl = get('DATABASE_URL');
  let database: DatabaseTarget = { kind: 'sqlite', path: databaseUrl };
  if (/^postgres(ql)?:\/\//i.test(databaseUrl)) {
    try {
      new URL(databaseUrl);
      database = { kind: 'postgres', url: databaseUrl };
    } catch {
      problems.push('DATABASE_URL is not a valid postgres:// URL');
    }
  } else if (/^[a-z][\w+.-]*:\/\//i.test(databaseUrl)) {
    problems.push(`DATABASE_URL must be a postgres:// URL or a SQLite file path (got a ${databaseUrl.split(':')[0]}: URL)`);
  }

  const origins = new Set<string>();
  for (const origin of list(get('LEDGER_ORIGINS'))) {
    let parsed: URL | null = null;
    try {
      parsed = new URL(origin);
    } catch {}
    if (!parsed || !/^https?:$/.test(parsed.protocol) || parsed.origin !== origin) {
      problems.push(`LEDGER_ORIGINS: ${JSON.stringify(origin)} is not an origin (scheme://host[:port], no path or trailing slash)`);
    } else origins.add(origin);
  }

  const apiKeyHashes: Buffer[] = [];
  for (const key of list(get('LEDGER_API_KEYS'))) {
    const hashed = /^sha256:([0-9a-f]{64})$/i.exec(key);
    if (hashed) apiKeyHashes.push(Buffer.from(hashed[1]!, 'hex'));
    else if (key.length < 24) problems.push(`LEDGER_API_KEYS: each key must be at least 24 characters, or sha256:<64 hex digits> (one is ${key.length})`);
    else apiKeyHashes.push(hashApiKey(key));
  }

  const tokenKeys = list(get('LEDGER_TOKEN_KEYS'));
  tokenKeys.forEach((key, i) => {
    if (key.length < 32) problems.push(`LEDGER_TOKEN_KEYS: key ${i + 1} is ${key.length} characters; use at least 32 random characters`);
  });

  const retentionDays = integer('LEDGER_RETENTION_DAYS', MIN_RETENTION_DAYS, 36500);
  if (problems.at(-1)?.startsWith('LEDGER_RETENTION_DAYS')) problems[problems.length - 1] += ` (at least ${MIN_RETENTION_DAYS}: six months)`;

  const receiptsPerOrigin = integer('LEDGER_RATE_LIMIT_RECEIPTS', 1, 100_000_000);
  const requestsPerKey = integer('LEDGER_RATE_LIMIT_API', 1, 100_000_000);

  let publicUrl = get('LEDGER_PUBLIC_URL');
  if (publicUrl) {
    if (!/^https?:\/\/[^/?#\s]+[^?#\s]*$/i.test(publicUrl)) problems.push(`LEDGER_PUBLIC_URL must be an http(s) URL without query (got ${JSON.stringify(publicUrl)})`);
    publicUrl = publicUrl.replace(/\/+$/, '');
  } else publicUrl = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  const logLevel = get('LOG_LEVEL');
  if (!LOG_LEVELS.includes(logLevel)) problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got ${JSON.stringify(logLevel)})`);

  if (problems.length) throw new ConfigError(problems);
  return {
    config: {
      host,
      port,
      database,
      origins,
      apiKeyHashes,
      tokenKeys,
      retentionDays,
      publicUrl,
      rateLimit: { receiptsPerOrigin, requestsPerKey },
      logLevel,
    },
    defaulted,
  };
}

/** The start-up lines saying which defaults are in use and what is off because a setting is missing. */
export function describeDefaults(config: LedgerConfig, defaulted: readonly SettingName[]): string[] {
  const lines: string[] = [];
  const shown = defaulted.filter((name) => SETTINGS[name] !== '');
  if (shown.length) lines.push(`defaults used: ${shown.map((name) => `${name}=${SETTINGS[name]}`).join(', ')}`);
  lines.push(`database: ${describeTarget(config.database)}`);
  if (!config.origins.size) lines.push('LEDGER_ORIGINS is not set: receipts are refused from every origin');
  if (!config.apiKeyHashes.length) lines.push('LEDGER_API_KEYS is not set: /v1/optouts and /v1/receipts/:consentId are off');
  if (!config.tokenKeys.length) lines.push('LEDGER_TOKEN_KEYS is not set: unsubscribe tokens can be neither issued nor verified');
  if (defaulted.includes('LEDGER_PUBLIC_URL')) lines.push(`LEDGER_PUBLIC_URL is not set: one-click links point at ${config.publicUrl}`);
  return lines;
}
