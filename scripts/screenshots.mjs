#!/usr/bin/env node
// Screenshots for the README: the banner and every tab of the preference
// centre (cookies, emails and ads, your data), in English and Chinese, light
// and dark, on a 360 × 640 phone and a 1280 × 800 desktop, into
// docs/screenshots/<view>-<language>-<scheme>-<width>x<height>.png (32 files;
// files of other names there are removed). Uses the built UI (npm run
// screenshots builds first) on the UI test page with its stand-in host
// (test/e2e/pages/ui-host.js), in Debian's Chromium.
//
// Chinese needs a CJK font, or the screenshots show empty boxes: the set-up
// below checks for one (fontconfig) and installs Debian's fonts-noto-cjk with
// apt-get when it runs as root; otherwise it says what to install and stops.
import { execFileSync } from 'node:child_process';
import { mkdir, readdir, readFile, unlink } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { chromium } from 'playwright-core';

const OUT = 'docs/screenshots';
const VIEWPORTS = [
  { width: 360, height: 640 },
  { width: 1280, height: 800 },
];
const LANGUAGES = ['en', 'zh-CN'];
const SCHEMES = ['light', 'dark'];
/** What each picture shows: the banner on a first visit, or a tab of the centre. */
const VIEWS = [
  { name: 'banner', query: 'view=banner', ready: '[data-consentry="banner"]' },
  { name: 'preferences-cookies', query: 'view=preferences', ready: '[data-section="cookies"][aria-current="true"]' },
  { name: 'preferences-optouts', query: 'view=optouts', ready: '[data-section="optouts"][aria-current="true"]' },
  // After a choice, so the tab shows the current choice and its history.
  { name: 'preferences-data', query: 'view=banner', ready: '[data-section="data"][aria-current="true"]', choose: true },
];

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css' };
const ROOT = process.cwd();

/** Makes sure a Simplified Chinese font is installed (Debian: fonts-noto-cjk), installing it when we may. */
function ensureCjkFont() {
  const hasFont = () => {
    try {
      return execFileSync('fc-list', [':lang=zh-cn', 'family'], { encoding: 'utf8' }).trim() !== '';
    } catch {
      return false;
    }
  };
  if (hasFont()) return;
  const help = 'Chinese screenshots need a CJK font. On Debian/Ubuntu: sudo apt-get install fonts-noto-cjk (then run npm run screenshots again).';
  if (process.getuid?.() !== 0) {
    console.error(`screenshots: no Chinese font found (fc-list :lang=zh-cn). ${help}`);
    process.exit(1);
  }
  console.log('screenshots: no Chinese font found; installing Debian\'s fonts-noto-cjk');
  try {
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    execFileSync('apt-get', ['install', '-y', '-qq', 'fonts-noto-cjk'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  } catch (error) {
    console.error(`screenshots: apt-get could not install fonts-noto-cjk (${error.message}). ${help}`);
    process.exit(1);
  }
  if (!hasFont()) {
    console.error(`screenshots: fonts-noto-cjk installed, but fontconfig still lists no Chinese font. ${help}`);
    process.exit(1);
  }
}

/** The Chromium flags the e2e tests use (read from test/e2e/harness.ts, which Node 20 cannot import as .ts). */
async function chromiumArgs() {
  const harness = await readFile(join(ROOT, 'test/e2e/harness.ts'), 'utf8');
  return [...(/CHROMIUM_ARGS = \[([\s\S]*?)\]/.exec(harness)?.[1] ?? '').matchAll(/'([^']+)'/g)].map((m) => m[1]);
}

/** A static server over the repository (the same shape as test/e2e/harness.ts). */
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

ensureCjkFont();
await mkdir(OUT, { recursive: true });
const [browser, server] = await Promise.all([
  chromiumArgs().then((args) => chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args })),
  startServer(),
]);
const written = new Set();
try {
  for (const viewport of VIEWPORTS) {
    for (const scheme of SCHEMES) {
      const context = await browser.newContext({ viewport, deviceScaleFactor: 1, colorScheme: scheme, reducedMotion: 'reduce' });
      for (const lang of LANGUAGES) {
        for (const view of VIEWS) {
          const page = await context.newPage();
          await page.goto(`${server.origin}/test/e2e/pages/ui-banner.html?lang=${lang}&${view.query}`);
          if (view.choose) {
            await page.click('[data-action="accept-all"]');
            await page.click('[data-consentry-settings]');
            await page.click('[data-section="data"]');
          }
          await page.waitForSelector(view.ready);
          // On the desktop, the first vendor list is unfolded, so its cookie table shows.
          if (view.name === 'preferences-cookies' && viewport.width > 600) await page.click('.consentry-vendors summary');
          await page.evaluate(() => document.fonts.ready);
          const file = `${OUT}/${view.name}-${lang}-${scheme}-${viewport.width}x${viewport.height}.png`;
          await page.screenshot({ path: file });
          written.add(file);
          console.log(file);
          await page.close();
        }
      }
      await context.close();
    }
  }
  // Pictures of an earlier naming would sit beside the new ones unreferenced.
  for (const name of await readdir(OUT)) {
    const file = `${OUT}/${name}`;
    if (name.endsWith('.png') && !written.has(file)) {
      await unlink(file);
      console.log(`removed ${file}`);
    }
  }
} finally {
  await browser.close();
  await server.close();
}
