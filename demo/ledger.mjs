/**
 * The consent ledger beside the demo site (`npm start` runs both): the built
 * service from dist/server, in this process, on SQLite. The site's receipts
 * reach it through the demo server (same origin, `/__receipts` → the
 * ledger's `POST /v1/receipts`, the way a site puts the ledger behind its own
 * origin with a reverse proxy), its unsubscribe links carry the ledger's
 * tokens, and the /ledger page reads back what it holds with an API key that
 * never leaves the server.
 */
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readConfig, signToken, startLedger, unsubscribeHeaders } from '../dist/server/index.js';

/** Demo secrets (a real site keeps its own out of the repository). */
const DEMO_TOKEN_KEY = 'consentry-demo-token-key-not-for-production';
const DEMO_API_KEY = 'consentry-demo-api-key-not-for-production';

/** The demo ledger's database: kept between runs in the repository's ignored .tmp/ folder. */
export const DEMO_LEDGER_DB = fileURLToPath(new URL('../.tmp/demo-ledger.db', import.meta.url));

/**
 * The mail system's subscriber id for an address: a pseudonym, so neither the
 * token nor the ledger ever holds the address itself.
 */
export function subscriberId(email) {
  return `sub-${createHash('sha256').update(email.trim().toLowerCase()).digest('hex').slice(0, 16)}`;
}

/** The unsubscribe token the newsletter's emails to `email` carry for `list`. */
export function unsubscribeToken(list, email) {
  return signToken([DEMO_TOKEN_KEY], list, subscriberId(email));
}

/**
 * Starts the ledger for a site at `siteOrigin`.
 * @param {{ siteOrigin: string, host: string, port: number, database?: string }} options
 */
export async function startDemoLedger({ siteOrigin, host, port, database = DEMO_LEDGER_DB }) {
  mkdirSync(dirname(database), { recursive: true });
  const env = {
    HOST: host,
    PORT: String(port),
    DATABASE_URL: database,
    LEDGER_ORIGINS: siteOrigin,
    LEDGER_API_KEYS: DEMO_API_KEY,
    LEDGER_TOKEN_KEYS: DEMO_TOKEN_KEY,
    LOG_LEVEL: 'warn',
  };
  const ledger = await startLedger(readConfig(env).config);

  /** GET from the ledger's marketing API, as the site's back office would. */
  async function read(path) {
    const response = await fetch(`${ledger.origin}${path}`, { headers: { authorization: `Bearer ${DEMO_API_KEY}` } });
    if (response.status === 404) return null;
    if (!response.ok) throw new Error(`ledger ${path}: ${response.status} ${await response.text()}`);
    return response.json();
  }

  return {
    origin: ledger.origin,
    /** Forwards a receipt posted to the site to the ledger; resolves with the ledger's status and body. */
    async forwardReceipt(body, contentType) {
      const response = await fetch(`${ledger.origin}/v1/receipts`, {
        method: 'POST',
        headers: { origin: siteOrigin, 'content-type': contentType || 'application/json' },
        body,
      });
      return { status: response.status, body: await response.text() };
    },
    /** Every receipt the ledger holds for one consent id, oldest first ([] when none). */
    async receiptsOf(consentId) {
      return (await read(`/v1/receipts/${encodeURIComponent(consentId)}`))?.receipts ?? [];
    },
    /** The opt-out feed from the start (the demo holds few). */
    async optOuts() {
      return (await read('/v1/optouts?limit=1000')).items;
    },
    /** The one-click URL and the two headers an email to `email` carries for `list`. */
    emailHeaders(list, email) {
      return unsubscribeHeaders(ledger.origin, unsubscribeToken(list, email));
    },
    close: () => ledger.close(),
  };
}
