/**
 * The package as a site gets it (issue #14): `npm pack` of this repository
 * (its dist/ built first), installed into an empty project — from npm's cache
 * where it can, without install scripts (the optional SQLite build is the
 * ledger's, tested elsewhere) — then used the ways the README says: the
 * `consentry` command tags a page, the exports resolve with their types, and
 * a site built by Vite with `consentry/vite` serves pages on which, in real
 * Chromium, the guard holds the pasted tracker, the banner opens, the
 * preference centre opens, and "Accept all" releases the tracker.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, ROOT } from './harness';
import { routeVendors } from './vendors';

const PACKAGE = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string; exports: Record<string, unknown> };
const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A site</title>
<script async src="https://www.googletagmanager.com/gtag/js?id=G-PACKED01"></script>
<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments);}gtag('js',new Date());gtag('config','G-PACKED01');</script>
</head><body><h1>A site</h1></body></html>
`;

let work: string;
let site: string;
let browser: Browser;

const run = (command: string, args: string[], cwd = site) => execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'consentry-package-'));
  site = join(work, 'site');
  mkdirSync(site);
  const tarball = run('npm', ['pack', '--pack-destination', work, '--silent'], ROOT).trim().split('\n').at(-1)!;
  writeFileSync(join(site, 'package.json'), JSON.stringify({ name: 'site', private: true, type: 'module' }));
  run('npm', ['install', join(work, tarball), '--prefer-offline', '--ignore-scripts', '--no-audit', '--no-fund']);
  browser = await launchChromium();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the packed tarball, installed into an empty project', () => {
  it('holds dist/ and the docs, and no sources or tests', () => {
    const installed = join(site, 'node_modules', PACKAGE.name);
    expect(JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')).version).toBe(PACKAGE.version);
    for (const file of ['dist/consentry.js', 'dist/consentry-runtime.js', 'dist/consentry-ui.js', 'dist/consentry-ui-centre.js', 'dist/consentry-sw.js', 'dist/types/index.d.ts', 'dist/cli.js', 'docs/configuration.md', 'README.md'])
      expect(existsSync(join(installed, file)), file).toBe(true);
    for (const absent of ['src', 'test', 'bench', 'demo']) expect(existsSync(join(installed, absent)), absent).toBe(false);
  });

  it('resolves every export: code entries import in Node with their types, browser files resolve to files', () => {
    const entries = Object.entries(PACKAGE.exports).filter(([entry]) => entry !== './package.json');
    const specifier = (entry: string) => (entry === '.' ? PACKAGE.name : PACKAGE.name + entry.slice(1));
    // Code entries (with import/types conditions) are imported; the browser's own files (the guard, the worker) only resolved.
    const checks = entries.map(([entry, target]) =>
      typeof target === 'object'
        ? `await import(${JSON.stringify(specifier(entry))}).then(() => 'ok', (e) => e.message)`
        : `(await import('node:fs')).existsSync(new URL(import.meta.resolve(${JSON.stringify(specifier(entry))}))) ? 'ok' : 'missing'`,
    );
    const results = JSON.parse(run('node', ['--input-type=module', '-e', `console.log(JSON.stringify([${checks.join(', ')}]))`])) as string[];
    expect(Object.fromEntries(entries.map(([entry], i) => [entry, results[i]]))).toEqual(Object.fromEntries(entries.map(([entry]) => [entry, 'ok'])));
    for (const [entry, target] of entries) {
      if (typeof target === 'object' && target) expect(existsSync(join(site, 'node_modules', PACKAGE.name, (target as { types: string }).types)), `${entry} types`).toBe(true);
    }
  });

  it('gives the consentry command, which tags a page in place', () => {
    writeFileSync(join(site, 'tag-me.html'), PAGE);
    const report = run(join(site, 'node_modules/.bin/consentry'), ['tag', 'tag-me.html']);
    expect(report).toContain('tag-me.html');
    expect(readFileSync(join(site, 'tag-me.html'), 'utf8')).toContain('<script type="text/plain" data-consent="analytics" async src="https://www.googletagmanager.com/gtag/js?id=G-PACKED01"></script>');
  });

  it('builds a site with consentry/vite whose page holds the tracker, shows the banner and the preference centre, and releases it on Accept all', async () => {
    writeFileSync(join(site, 'index.html'), PAGE);
    writeFileSync(
      join(site, 'vite.config.mjs'),
      `import consentry from 'consentry/vite';\nexport default { logLevel: 'silent', plugins: [consentry({ config: { policy: { url: '/privacy', version: '2026-01-15' }, contact: { email: 'privacy@example.com' } } })] };\n`,
    );
    run('node', [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build']);
    const out = join(site, 'dist');
    const server: Server = createServer((req, res) => {
      const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
      const file = join(out, path.endsWith('/') ? path + 'index.html' : path);
      if (!file.startsWith(out) || !existsSync(file)) return void res.writeHead(404).end();
      const type = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' }[extname(file)] ?? 'application/octet-stream';
      res.writeHead(200, { 'content-type': `${type}; charset=utf-8` }).end(readFileSync(file));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    const context = await browser.newContext();
    context.setDefaultTimeout(10_000);
    try {
      const traffic = await routeVendors(context, origin);
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(`${origin}/`);
      await page.locator('[data-consentry="banner"]').waitFor();
      expect(traffic.requests).toEqual([]);
      await page.locator('[data-consentry="banner"] [data-action="manage"]').click();
      await page.locator('[role="dialog"] [data-action="accept-all"]').click();
      await expect.poll(() => traffic.libraries('gtag').length).toBe(1);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
