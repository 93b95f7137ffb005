#!/usr/bin/env node
/**
 * The demo site's server (`npm start`): plain Node http, no dependencies.
 *
 * - Pages of a small Webex Meet marketing site (demo/pages.mjs) with Consentry
 *   embedded as the README says and vendor snippets pasted as published,
 *   tagged on the way out by Consentry's Vite plugin (demo/tag-pages.mjs).
 * - `/consentry/*`: the built guard, UI and CSS from dist/ (run `npm run build`).
 * - `/sw.js` + `/vendor-routes.mjs`: the service worker that answers every
 *   third-party tracker URL with a local stand-in (demo/vendors/) and forwards
 *   hits here, so no request leaves the machine.
 * - `/__collect`: the local collector (hits are printed and kept in memory,
 *   `GET /__collect` lists them); `/__ws`: tracker WebSockets (see
 *   demo/assets/local-websocket.js).
 * - The consent ledger (demo/ledger.mjs, the built dist/server) beside the
 *   site, on the next port: `/__receipts` forwards Consentry's receipts to
 *   it, unsubscribe links carry its tokens, `/ledger` shows what it holds.
 *
 * `startDemo({ port })` starts it in-process (tests use port 0); run directly,
 * it listens on PORT (default 8080), the ledger on PORT + 1, and prints both.
 */
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pages from './pages.mjs';
import { acceptLocalSocket } from './local-socket.mjs';
import { vendorForUrl } from './vendor-routes.mjs';
import { pageTagger } from './tag-pages.mjs';
import { startDemoLedger, subscriberId, unsubscribeToken } from './ledger.mjs';
import { consentIdFromCookie, ledgerPage } from './ledger-page.mjs';
import { demoConsentryConfig, readSwitches, POLICY_SWITCH_COOKIE, GPC_SWITCH_COOKIE, UNSUBSCRIBE_PARAMS } from './site-config.mjs';
import { withStrictCsp } from './csp.mjs';

const DEMO_DIR = fileURLToPath(new URL('./', import.meta.url));
const DIST_DIR = fileURLToPath(new URL('../dist/', import.meta.url));

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.gif': 'image/gif',
};

/** Static files: URL prefix -> directory. */
const STATIC = [
  ['/consentry/', DIST_DIR],
  ['/assets/', join(DEMO_DIR, 'assets')],
  ['/__vendor/', join(DEMO_DIR, 'vendors')],
];

export { subscriberId, unsubscribeToken };

/** An unsubscribe link as the newsletter's footer would carry it, with email click-tracking params. */
export function unsubscribeUrl(list, email) {
  const params = new URLSearchParams({
    [UNSUBSCRIBE_PARAMS.list]: list,
    [UNSUBSCRIBE_PARAMS.token]: unsubscribeToken(list, email),
    utm_source: 'newsletter',
    utm_medium: 'email',
    utm_campaign: 'product-news',
    mc_eid: 'f2f0c0ffee',
  });
  return `/?${params}`;
}

/**
 * Starts the demo server and its consent ledger.
 * @param {{ port?: number, host?: string, quiet?: boolean, ledgerPort?: number, ledgerDatabase?: string, csp?: boolean }} [options]
 *   ledgerPort: default port + 1 (0 with port 0); ledgerDatabase: SQLite file, default .tmp/demo-ledger.db;
 *   csp: send every page under a strict CSP with Trusted Types enforced (demo/csp.mjs)
 * @returns {Promise<{ origin: string, ledgerOrigin: string, hits: object[], receipts: object[], close(): Promise<void> }>}
 */
export async function startDemo({ port = 8080, host = '127.0.0.1', quiet = false, ledgerPort = port ? port + 1 : 0, ledgerDatabase, csp = false } = {}) {
  const hits = [];
  const receipts = [];
  const policyText = pages.readDemoFile('privacy-policy.txt');
  const log = quiet ? () => {} : (line) => console.log(line);
  // Every page goes through Consentry's Vite plugin: its vendor snippets are tagged (demo/tag-pages.mjs).
  const tagPage = pageTagger({ quiet });

  const server = createServer((req, res) => {
    handle(req, res).catch((error) => {
      console.error('demo: request failed', req.url, error);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('internal error');
    });
  });

  async function handle(req, res) {
    const url = new URL(req.url ?? '/', 'http://demo.local');
    const switches = readSwitches(req.headers.cookie);

    if (url.pathname === '/__collect') {
      if (req.method === 'GET') return sendJson(res, hits);
      const hit = parseJson(await readBody(req));
      if (hit) {
        hits.push(hit);
        log(`demo: tracker ${hit.kind ?? '?'} ${hit.vendor ?? '?'} ${hit.method ?? ''} ${hit.url ?? ''}`);
      }
      return res.writeHead(204).end();
    }
    if (url.pathname === '/__receipts') {
      if (req.method === 'GET') return sendJson(res, receipts);
      // Same origin for the browser (so it sees the answer and retries a failure); the ledger stores it.
      const body = await readBody(req);
      const answer = await ledger.forwardReceipt(body, req.headers['content-type']);
      const receipt = parseJson(body);
      if (answer.status < 300 && receipt) receipts.push(receipt);
      log(`demo: consent receipt ${receipt?.method ?? '?'} ${receipt?.recordId ?? ''} -> ledger ${answer.status}`);
      return res.writeHead(answer.status, { 'content-type': 'application/json; charset=utf-8' }).end(answer.body);
    }
    if (url.pathname === '/sw.js' || url.pathname === '/vendor-routes.mjs') {
      return sendFile(res, join(DEMO_DIR, url.pathname.slice(1)), { 'service-worker-allowed': '/' });
    }
    for (const [prefix, dir] of STATIC) {
      if (url.pathname.startsWith(prefix)) return sendFile(res, safeJoin(dir, url.pathname.slice(prefix.length)));
    }
    if (url.pathname === '/embed/webinar') return sendHtml(res, pages.webinarEmbed());
    if (url.pathname === '/favicon.ico') return res.writeHead(204).end();

    // Demo switches: set a first-party cookie, then show the page again without the query.
    if (url.pathname === '/try/policy-change' && url.searchParams.has('simulate')) {
      return redirectWithCookie(res, url.pathname, POLICY_SWITCH_COOKIE, url.searchParams.get('simulate') === '1' ? 'next' : '');
    }
    if (url.pathname === '/try/gpc' && url.searchParams.has('simulate')) {
      return redirectWithCookie(res, url.pathname, GPC_SWITCH_COOKIE, url.searchParams.get('simulate') === '1' ? '1' : '');
    }

    const today = new Date().toISOString().slice(0, 10);
    const config = demoConsentryConfig({ policyChanged: switches.policyChanged, today });
    const render = (page, status = 200) => {
      const html = tagPage(pages.layout({ path: url.pathname, config, gpc: switches.gpc, ...page }), url.pathname);
      if (!csp) return sendHtml(res, html, status);
      const strict = withStrictCsp(html);
      return sendHtml(res, strict.html, status, { 'content-security-policy': strict.policy });
    };

    switch (url.pathname) {
      case '/':
        return render(pages.homePage());
      case '/pricing':
        return render(pages.pricingPage());
      case '/privacy':
        return render(pages.privacyPage(policyText));
      case '/newsletter': {
        if (req.method !== 'POST') return render(pages.newsletterPage());
        const email = new URLSearchParams(await readBody(req)).get('email')?.trim() || 'visitor@example.com';
        log(`demo: newsletter sign-up ${email}`);
        return render(
          pages.newsletterPage({ subscribed: { email, unsubscribeUrl: unsubscribeUrl('newsletter', email), headers: ledger.emailHeaders('newsletter', email) } }),
        );
      }
      case '/try/unsubscribe':
        return render(pages.tryUnsubscribePage({ unsubscribeUrl: unsubscribeUrl('newsletter', 'visitor@example.com') }));
      case '/try/gpc':
        return render(pages.tryGpcPage({ gpc: switches.gpc }));
      case '/try/policy-change':
        return render(pages.tryPolicyChangePage({ policyChanged: switches.policyChanged, version: config.policy.version }));
      case '/try/opt-outs':
        return render(pages.tryOptOutsPage());
      case '/ledger': {
        const consentId = consentIdFromCookie(req.headers.cookie);
        const [receiptsOfVisitor, optOuts] = await Promise.all([consentId ? ledger.receiptsOf(consentId) : [], ledger.optOuts()]);
        return render(ledgerPage({ ledgerOrigin: ledger.origin, consentId, receipts: receiptsOfVisitor, optOuts }));
      }
      default:
        return render(pages.notFoundPage(), 404);
    }
  }

  // Tracker WebSockets, redirected here by demo/assets/local-websocket.js.
  const sockets = new Set();
  server.on('upgrade', (req, socket) => {
    const recordMessage = (url, body) => {
      let vendor = 'unknown';
      try {
        vendor = vendorForUrl(new URL(url))?.id ?? 'unknown';
      } catch {}
      hits.push({ vendor, kind: 'websocket', method: 'SEND', url, at: Date.now(), body });
      log(`demo: tracker websocket ${vendor} ${url}`);
    };
    if (!acceptLocalSocket(req, socket, recordMessage, sockets)) socket.destroy();
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const address = server.address();
  const origin = `http://${host}:${typeof address === 'object' && address ? address.port : port}`;
  let ledger;
  try {
    ledger = await startDemoLedger({ siteOrigin: origin, host, port: ledgerPort, ...(ledgerDatabase && { database: ledgerDatabase }) });
  } catch (error) {
    server.close();
    throw new Error(`the consent ledger could not start on port ${ledgerPort}: ${error.message}`);
  }
  return {
    origin,
    ledgerOrigin: ledger.origin,
    hits,
    receipts,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.closeAllConnections?.();
        server.close(() => resolve());
      }).then(() => ledger.close()),
  };
}

function safeJoin(dir, relative) {
  const path = normalize(join(dir, decodeURIComponent(relative)));
  return path.startsWith(dir.endsWith(sep) ? dir : dir + sep) ? path : null;
}

async function sendFile(res, file, extraHeaders = {}) {
  if (!file) return res.writeHead(403).end();
  try {
    const data = await readFile(file);
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-cache',
      ...extraHeaders,
    });
    res.end(data);
  } catch {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
  }
}

function sendHtml(res, html, status = 200, headers = {}) {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...headers }).end(html);
}

function sendJson(res, value) {
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }).end(JSON.stringify(value));
}

function redirectWithCookie(res, location, name, value) {
  const cookie = value ? `${name}=${value}; Path=/; SameSite=Lax` : `${name}=; Path=/; Max-Age=0; SameSite=Lax`;
  res.writeHead(303, { location, 'set-cookie': cookie }).end();
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => {
      body += chunk;
      if (body.length > 100_000) req.destroy();
    });
    req.on('end', () => resolve(body));
    req.on('error', reject);
  });
}

function parseJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === normalize(process.argv[1]);
if (isMain) {
  const port = Number(process.env.PORT ?? 8080);
  const csp = process.env.CSP === 'strict';
  startDemo({ port, csp }).then(
    ({ origin, ledgerOrigin }) => {
      console.log(`Consentry demo: ${origin}/${csp ? ' (strict CSP, Trusted Types enforced)' : ''}`);
      console.log(`Consent ledger: ${ledgerOrigin} (what it holds: ${origin}/ledger)`);
      console.log('Tracker hits and consent receipts are printed below. Ctrl+C to stop.');
    },
    (error) => {
      console.error(`demo: could not start on port ${port}: ${error.message} (set PORT to use another one; the ledger takes PORT + 1)`);
      process.exit(1);
    },
  );
}
