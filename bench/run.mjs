#!/usr/bin/env node
/**
 * `npm run bench`: Consentry side by side with peer consent managers, in one
 * run, in real Chromium on localhost. Every figure is the median of RUNS runs
 * (runs interleave the tools so drift hits all of them alike). Prints the
 * table and writes bench/results.md (machine, date, versions). Speed figures
 * are reported, never asserted: budgets are shown next to them.
 */
import { writeFileSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { cpus, totalmem } from 'node:os';
import { chromium } from 'playwright-core';
import { startBenchServer } from './server.mjs';
import { TOOLS } from './tools.mjs';
import { measureVisit, measureDom10k, measureUrlChecks } from './visit.mjs';
import { servedSize } from './sizes.mjs';
import { budgets } from '../scripts/budgets.mjs';
import { buildTable, median } from './report.mjs';
import { measureLedger, LEDGER_CONNECTIONS } from './ledger.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const DOM_RUNS = Number(process.env.BENCH_DOM_RUNS ?? 21);
const startedAt = Date.now();

/** Chromium flags: the same list the e2e harness uses (read from it, so they cannot drift). */
function chromiumArgs() {
  const harness = readFileSync(new URL('../test/e2e/harness.ts', import.meta.url), 'utf8');
  const list = /CHROMIUM_ARGS = \[([\s\S]*?)\]/.exec(harness)?.[1] ?? '';
  return [...list.matchAll(/'([^']+)'/g)].map((m) => m[1]);
}

/** Each budget of `npm run size` (scripts/budgets.mjs) with the gzip size of the files it counts. */
function budgetSizes() {
  const dist = fileURLToPath(new URL('../dist/', import.meta.url));
  return Object.fromEntries(
    budgets(dist).map(({ id, gzip, files }) => [
      id,
      { budget: gzip, gzip: files.reduce((sum, file) => sum + servedSize(`/dist/${file.slice(dist.length)}`).gzip, 0) },
    ]),
  );
}

function progress(message) {
  process.stderr.write(`bench [${((Date.now() - startedAt) / 1000).toFixed(0)}s] ${message}\n`);
}

const server = await startBenchServer();
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: chromiumArgs() });
const chromiumVersion = browser.version();
const samples = Object.fromEntries(TOOLS.map((tool) => [tool.id, { plain: [], traced: [] }]));
const failures = [];

try {
  // Warm-up (not recorded): first launches compile and cache more than later ones.
  for (const tool of TOOLS) await measureVisit(browser, server.origin, tool, { trace: false }).catch(() => undefined);
  for (let run = 0; run < RUNS; run++) {
    for (const tool of TOOLS) {
      for (const trace of [false, true]) {
        try {
          samples[tool.id][trace ? 'traced' : 'plain'].push(await measureVisit(browser, server.origin, tool, { trace }));
        } catch (error) {
          failures.push(`${tool.name} run ${run + 1}${trace ? ' (traced)' : ''}: ${error.message.split('\n')[0]}`);
        }
      }
    }
    progress(`visits: run ${run + 1}/${RUNS} done`);
  }

  // `emptyobserver` is a control without Consentry: the same page after one empty childList
  // MutationObserver was registered and disconnected (what Chromium charges any such page).
  const dom = { none: [], emptyobserver: [], consentry: [], 'consentry-nomarkup': [] };
  for (let run = 0; run < DOM_RUNS; run++) {
    for (const variant of Object.keys(dom)) dom[variant].push(await measureDom10k(browser, server.origin, variant));
  }
  // The same page inserting after load (a single-page app): the guard on its own against no guard.
  const afterLoad = { none: [], consentry: [] };
  for (let run = 0; run < DOM_RUNS; run++) {
    for (const variant of Object.keys(afterLoad)) afterLoad[variant].push(await measureDom10k(browser, server.origin, variant, true));
  }
  progress(`10,000-element page: ${DOM_RUNS} runs each done`);
  const urlChecks = [];
  for (let run = 0; run < DOM_RUNS; run++) urlChecks.push(await measureUrlChecks(browser, server.origin));
  progress(`URL-check page: ${DOM_RUNS} runs done`);
  // The consent ledger last, with Chromium idle: its load generator and the service need the cores.
  const ledgerRows = await measureLedger();
  progress('consent ledger: SQLite and PostgreSQL done');

  const domNone = median(dom.none);
  const domGuard = median(dom.consentry);
  const domObserver = median(dom.emptyobserver);
  const domNoMarkup = median(dom['consentry-nomarkup']);
  const table = buildTable({
    tools: TOOLS,
    samples,
    dom: {
      none: domNone,
      consentry: domGuard,
      overheadPct: ((domGuard - domNone) / domNone) * 100,
      observerPct: ((domObserver - domNone) / domNone) * 100,
      noMarkupPct: ((domNoMarkup - domNone) / domNone) * 100,
      // Decided in issue #15: while parsing, against the empty-observer control (Chromium's own cost of any observer).
      overControlPct: ((domGuard - domObserver) / domObserver) * 100,
      afterLoadNone: median(afterLoad.none),
      afterLoadConsentry: median(afterLoad.consentry),
      afterLoadPct: ((median(afterLoad.consentry) - median(afterLoad.none)) / median(afterLoad.none)) * 100,
    },
    urlChecksMs: median(urlChecks),
    budgets: budgetSizes(),
    ledger: { connections: LEDGER_CONNECTIONS, rows: ledgerRows },
  });

  const machine = [
    `- Date: ${new Date().toISOString()}`,
    `- Machine: ${cpus().length} CPUs (\`nproc\`), ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB memory, ${process.platform} ${process.arch}`,
    `- Chromium ${chromiumVersion} (headless, flags from test/e2e/harness.ts), Node ${process.version}, playwright-core ${pkgVersion('playwright-core')}`,
    `- Versions: ${TOOLS.map((tool) => `${tool.name} ${tool.version}`).join(', ')}`,
    `- Runs: median of ${RUNS} visit pairs per tool (plus ${RUNS} traced ones for main-thread time), ${DOM_RUNS} runs per variant of the 10,000-element page and of the URL-check page; whole bench took ${((Date.now() - startedAt) / 1000).toFixed(0)} s`,
  ];
  const markdown = [
    '# Benchmark results',
    '',
    'Written by `npm run bench` (bench/run.mjs); see bench/README.md for what each row measures and how each peer is configured.',
    '',
    ...machine,
    '',
    table,
    '',
    failures.length ? `Failed runs (left out of the medians):\n\n${failures.map((f) => `- ${f}`).join('\n')}` : 'No failed runs.',
    '',
  ].join('\n');
  writeFileSync(new URL('./results.md', import.meta.url), markdown);
  quoteInReadme([...machine, '', table].join('\n'));
  console.log(machine.join('\n'));
  console.log('');
  console.log(table);
  if (failures.length) console.log(`\n${failures.length} failed runs:\n${failures.join('\n')}`);
  console.log('\nWritten to bench/results.md');
} finally {
  await browser.close();
  await server.close();
}

/**
 * Replaces the table between the README's bench markers (section "Benchmark"),
 * so the README always quotes the latest results. Skipped when the markers are missing.
 */
function quoteInReadme(text) {
  const readmeUrl = new URL('../docs/benchmark.md', import.meta.url);
  const readme = readFileSync(readmeUrl, 'utf8');
  const start = '<!-- bench:start -->';
  const end = '<!-- bench:end -->';
  const from = readme.indexOf(start);
  const to = readme.indexOf(end);
  if (from === -1 || to < from) return;
  writeFileSync(readmeUrl, `${readme.slice(0, from + start.length)}\n${text}\n${readme.slice(to)}`);
  console.log('Quoted in docs/benchmark.md');
}

function pkgVersion(name) {
  return JSON.parse(readFileSync(new URL(`../node_modules/${name}/package.json`, import.meta.url), 'utf8')).version;
}
