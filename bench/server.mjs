/**
 * The bench's local server: the repository root (so /dist/ and /bench/ are
 * served as files), the peers from node_modules under /peers/<package>/, and
 * the bench pages with the shared page shape filled in (<!--BODY--> and the
 * pasted tracker snippet <!--PASTED--> are the same on every page).
 * No caching: every visit downloads what it needs, so bytes are comparable.
 */
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../', import.meta.url));
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
};

/** Maps a request path to a file on disk, or null when it is outside the served folders. */
export function fileForPath(pathname) {
  const decoded = decodeURIComponent(pathname);
  const target = decoded.startsWith('/peers/')
    ? join(ROOT, 'node_modules', decoded.slice('/peers/'.length))
    : join(ROOT, decoded);
  const path = normalize(target);
  return path.startsWith(ROOT) && !path.includes(`${sep}..${sep}`) ? path : null;
}

/** Fills the shared page shape into a bench page. */
export async function renderBenchPage(html) {
  const [body, pasted] = await Promise.all([
    readFile(join(ROOT, 'bench/pages/_body.html'), 'utf8'),
    readFile(join(ROOT, 'bench/pages/_pasted.html'), 'utf8'),
  ]);
  return html.replace('<!--BODY-->', body).replace('<!--PASTED-->', pasted);
}

/** Starts the server on 127.0.0.1 (random port). */
export async function startBenchServer() {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://bench.local');
    const file = fileForPath(url.pathname);
    if (!file) return void res.writeHead(403).end();
    try {
      let data = await readFile(file);
      if (url.pathname.startsWith('/bench/pages/') && file.endsWith('.html')) data = Buffer.from(await renderBenchPage(data.toString('utf8')));
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      res.end(data);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
