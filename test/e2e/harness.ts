/**
 * Real-Chromium test harness: a static server over the repository (so pages
 * load /dist/consentry.js exactly as a site would) plus Debian's Chromium
 * driven by playwright-core. Third-party URLs never leave the machine: tests
 * answer them with `page.route` / `context.route` (see vendors.ts).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS, ...extraArgs],
  });
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
};

export type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => boolean | void;

export interface TestServer {
  origin: string;
  /** Add a dynamic route; return true from the handler when it answered. */
  handle(handler: Handler): void;
  /** Response headers added to every HTML page (e.g. a CSP), until reset. */
  headers: Record<string, string>;
  close(): Promise<void>;
}

/**
 * Pages a test writes itself: set `path -> HTML` in the returned map and the
 * server answers that path with it (not cached), before any file.
 */
export function servePages(server: TestServer): Map<string, string> {
  const pages = new Map<string, string>();
  server.handle((req, res) => {
    const html = pages.get(new URL(req.url ?? '/', 'http://x').pathname);
    if (html === undefined) return false;
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(html);
    return true;
  });
  return pages;
}

/** Serves the repository root on 127.0.0.1 (random port). */
export async function startServer(): Promise<TestServer> {
  const handlers: Handler[] = [];
  const headers: Record<string, string> = {};
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      for (const handler of handlers) if (handler(req, res, body)) return;
      void serveFile(req, res, headers);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('server has no port');
  return {
    origin: `http://127.0.0.1:${address.port}`,
    handle: (handler) => handlers.push(handler),
    headers,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function serveFile(req: IncomingMessage, res: ServerResponse, headers: Record<string, string>) {
  const url = new URL(req.url ?? '/', 'http://x');
  const path = normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, '');
  const file = join(ROOT, path.endsWith('/') ? path + 'index.html' : path);
  if (!file.startsWith(ROOT)) {
    res.writeHead(403).end();
    return;
  }
  try {
    const data = await readFile(file);
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store', ...(type.startsWith('text/html') ? headers : {}) });
    res.end(data);
  } catch {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  }
}
