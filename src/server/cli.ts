/**
 * `consentry-ledger` (package.json `bin`; `npm run ledger` in the repository).
 *
 *   consentry-ledger [serve]                          start the service
 *   consentry-ledger token --list L --recipient ID    a token and the headers for one email
 *   consentry-ledger purge                            delete receipts older than the retention
 *   consentry-ledger export [optouts|receipts]        CSV on stdout
 *   consentry-ledger migrate                          apply database migrations and exit
 *   consentry-ledger api-key                          make a new API key
 *
 * Configuration comes from the environment (docs/ledger.md); a bad value
 * stops every command with a message naming the variable (exit code 2).
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { csvLines, EXPORT_HEADERS } from './csv';
import { ConfigError, describeDefaults, hashApiKey, readConfig, type LedgerConfig } from './config';
import { startLedger } from './server';
import { openStore } from './store/open';
import { signToken, unsubscribeHeaders } from './tokens';

const DAY_MS = 86_400_000;

const USAGE = `Usage: consentry-ledger [command] [options]

Commands:
  serve (default)                       start the service (HOST, PORT, DATABASE_URL, LEDGER_*)
  token --list L --recipient ID [--site URL] [--json]
                                        print an unsubscribe token and the two email headers
  purge                                 delete receipts older than LEDGER_RETENTION_DAYS (the suppression list stays)
  export [optouts|receipts] [--since ISO-DATE]
                                        write CSV to stdout (default: optouts)
  migrate                               apply database migrations and exit
  api-key                               print a new random API key and its hashed form
  help                                  this text

Configuration: environment variables, see docs/ledger.md.`;

const out = (line: string): void => void process.stdout.write(`${line}\n`);

async function withStore<T>(config: LedgerConfig, use: (store: Awaited<ReturnType<typeof openStore>>) => Promise<T>): Promise<T> {
  const store = await openStore(config.database);
  try {
    await store.migrate();
    return await use(store);
  } finally {
    await store.close();
  }
}

async function serve(): Promise<void> {
  const { config, defaulted } = readConfig(process.env);
  for (const line of describeDefaults(config, defaulted)) out(`consentry-ledger: ${line}`);
  const ledger = await startLedger(config);
  out(`consentry-ledger: listening on ${ledger.origin}`);
  const stop = (signal: string) => {
    out(`consentry-ledger: ${signal}: finishing requests in flight, then stopping`);
    ledger.close().then(
      () => process.exit(0),
      (error: Error) => {
        process.stderr.write(`consentry-ledger: stop failed: ${error.message}\n`);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

function token(args: string[]): void {
  const { values } = parseArgs({
    args,
    options: { list: { type: 'string' }, recipient: { type: 'string' }, site: { type: 'string' }, json: { type: 'boolean' } },
  });
  if (!values.list || !values.recipient) throw new UsageError('token needs --list and --recipient');
  const { config } = readConfig(process.env);
  if (!config.tokenKeys.length) throw new UsageError('LEDGER_TOKEN_KEYS is not set: the ledger issues no unsubscribe tokens without a key');
  const issued = signToken(config.tokenKeys, values.list, values.recipient);
  const headers = unsubscribeHeaders(config.publicUrl, issued);
  const landing = values.site
    ? `${values.site.replace(/\/+$/, '')}/?${new URLSearchParams({ unsubscribe: values.list, token: issued })}`
    : undefined;
  if (values.json) return out(JSON.stringify({ token: issued, headers, ...(landing && { landingUrl: landing }) }));
  out(`token: ${issued}`);
  out(`List-Unsubscribe: ${headers['List-Unsubscribe']}`);
  out(`List-Unsubscribe-Post: ${headers['List-Unsubscribe-Post']}`);
  if (landing) out(`landing link: ${landing}`);
}

async function purge(): Promise<void> {
  const { config } = readConfig(process.env);
  const before = Date.now() - config.retentionDays * DAY_MS;
  const removed = await withStore(config, (store) => store.purge(before));
  out(`consentry-ledger: purged ${removed} receipts stored before ${new Date(before).toISOString()} (LEDGER_RETENTION_DAYS=${config.retentionDays}); the suppression list is kept`);
}

async function exportCsv(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { since: { type: 'string' } } });
  const what = positionals[0] ?? 'optouts';
  if (what !== 'optouts' && what !== 'receipts') throw new UsageError(`export takes optouts or receipts (got ${what})`);
  const since = values.since === undefined ? 0 : Date.parse(values.since);
  if (Number.isNaN(since)) throw new UsageError(`--since must be an ISO 8601 date or time (got ${values.since})`);
  const { config } = readConfig(process.env);
  await withStore(config, async (store) => {
    for await (const line of csvLines(store.exportRows(what, since), EXPORT_HEADERS[what])) {
      if (!process.stdout.write(line)) await new Promise((resolve) => process.stdout.once('drain', resolve));
    }
  });
}

async function migrate(): Promise<void> {
  const { config } = readConfig(process.env);
  const store = await openStore(config.database);
  try {
    const applied = await store.migrate();
    out(`consentry-ledger: ${applied.length ? `applied migrations ${applied.join(', ')}` : 'the database schema was up to date'}`);
  } finally {
    await store.close();
  }
}

function apiKey(): void {
  const key = randomBytes(32).toString('base64url');
  out(`key (give it to the mail system): ${key}`);
  out(`LEDGER_API_KEYS entry (the ledger needs only this): sha256:${hashApiKey(key).toString('hex')}`);
}

class UsageError extends Error {}

async function main(argv: string[]): Promise<void> {
  const [command = 'serve', ...rest] = argv;
  switch (command) {
    case 'serve':
      return serve();
    case 'token':
      return token(rest);
    case 'purge':
      return purge();
    case 'export':
      return exportCsv(rest);
    case 'migrate':
      return migrate();
    case 'api-key':
      return apiKey();
    case 'help':
    case '--help':
    case '-h':
      return out(USAGE);
    default:
      throw new UsageError(`unknown command ${command}\n\n${USAGE}`);
  }
}

main(process.argv.slice(2)).catch((error: Error) => {
  process.stderr.write(`${error instanceof ConfigError ? error.message : `consentry-ledger: ${error.message}`}\n`);
  process.exit(error instanceof ConfigError || error instanceof UsageError ? 2 : 1);
});
