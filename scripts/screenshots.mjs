#!/usr/bin/env node
// Screenshots of the banner and the preference centre for the README:
// English and Chinese, light and dark, desktop and mobile, into
// docs/screenshots/. Uses the built UI (npm run screenshots builds first) on
// the UI test page with its stand-in host, in Debian's Chromium.
// Chinese needs a CJK font on the machine (Debian: fonts-noto-cjk).
import { mkdir, readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { chromium } from 'playwright-core';

const OUT = 'docs/screenshots';
const VIEWPORTS = { desktop: { width: 1280, height: 800 }, mobile: { width: 375, height: 740 } };
const LANGUAGES = ['en', 'zh-CN'];
const SCHEMES = ['light', 'dark'];
const VIEWS = ['banner', 'preferences'];

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css' };
const ROOT = process.cwd();

/** A static server over the repository (the same shape as test/e2e/harness.ts, which Node 20 cannot import as .ts). */
async function startServer() {
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    try {
      const data = await readFile(join(ROOT, path));
      res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(data);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((resolve) => server.close(resolve)) };
}

await mkdir(OUT, { recursive: true });
const [browser, server] = await Promise.all([
  chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] }),
  startServer(),
]);
try {
  const context = await browser.newContext({ deviceScaleFactor: 1 });
  const page = await context.newPage();
  for (const [device, viewport] of Object.entries(VIEWPORTS)) {
    await page.setViewportSize(viewport);
    for (const scheme of SCHEMES) {
      await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
      for (const lang of LANGUAGES) {
        for (const view of VIEWS) {
          await page.goto(`${server.origin}/test/e2e/pages/ui-banner.html?lang=${lang}&view=${view}`);
          await page.waitForSelector(`[data-consentry="${view}"]`);
          if (view === 'preferences' && device === 'desktop') {
            await page.click('[data-category="analytics"] summary');
            await page.evaluate(() => document.querySelector('.consentry-dialog-body')?.scrollTo(0, 0));
          }
          await page.evaluate(() => document.fonts.ready);
          const file = `${OUT}/${view}-${lang}-${scheme}-${device}.png`;
          await page.screenshot({ path: file });
          console.log(file);
        }
      }
    }
  }
  await context.close();
} finally {
  await browser.close();
  await server.close();
}
