/**
 * Turns the bench's samples into one Markdown table: a row per figure, a
 * column per tool (medians), the budget, and Consentry's ratio to the best
 * peer (lower is better for every row).
 */

/** Median of numbers (null/undefined ignored); null when there are none. */
export function median(values) {
  const sorted = values.filter((v) => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b);
  if (!sorted.length) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const bytes = (n) => (n === null ? 'n/a' : `${Math.round(n).toLocaleString('en-US')} B`);
const ms = (n) => (n === null ? 'n/a' : `${n.toFixed(1)} ms`);
const count = (n) => (n === null ? 'n/a' : String(Math.round(n)));
const shift = (n) => (n === null ? 'n/a' : n.toFixed(4));

function ratio(own, peers) {
  const known = peers.filter((v) => v !== null);
  if (own === null || !known.length) return 'n/a';
  const best = Math.min(...known);
  if (best === 0) return own === 0 ? 'same (0)' : 'worse (best peer: 0)';
  if (own === 0) return `0 (best peer: ${Number.isInteger(best) ? best : best.toFixed(1)})`;
  return `${(own / best).toFixed(2)}×`;
}

const pct = (value) => `${value >= 0 ? '+' : ''}${value.toFixed(1)} %`;

/**
 * @param {{ tools: { id: string, name: string, version: string }[], samples: Record<string, { plain: object[], traced: object[] }>,
 *   dom: { none: number, consentry: number, overheadPct: number, observerPct: number, noMarkupPct: number, overControlPct: number, afterLoadNone: number, afterLoadConsentry: number, afterLoadPct: number },
 *   urlChecksMs: number | null, budgets: Record<'guard' | 'runtime' | 'ui' | 'ui-centre', { budget?: number, gzip: number }>,
 *   ledger?: { connections: number, rows: Parameters<typeof ledgerTable>[0] } }} input
 *   budgets: scripts/budgets.mjs with measured sizes; urlChecksMs: median time of the URL-check page's 300 checks;
 *   ledger: bench/ledger.mjs's rows (the consent ledger's table follows the others)
 */
export function buildTable({ tools, samples, dom, urlChecksMs = null, budgets, ledger }) {
  const rows = [];
  const per = (pick, source = 'plain') => tools.map((tool) => median(samples[tool.id][source].map(pick)));
  const row = (label, budget, values, format) => {
    const [own, ...peers] = values;
    rows.push([label, budget, ...values.map(format), ratio(own, peers)]);
  };

  row('Bytes, first visit (gzip)', '', per((s) => s.firstBytes.gzip), bytes);
  row('Bytes, first visit (brotli)', '', per((s) => s.firstBytes.brotli), bytes);
  row('Bytes, returning visit (gzip)', '', per((s) => s.returningBytes.gzip), bytes);
  row('Bytes, returning visit (brotli)', '', per((s) => s.returningBytes.brotli), bytes);
  row('Parser-blocking bytes: sync scripts in `<head>` (gzip)', '', per((s) => s.blockingBytes.gzip), bytes);
  row('Navigation start → banner visible, first visit', '', per((s) => s.bannerMs), ms);
  row('Navigation start → allowed tracker runs, returning visit: tagged (gtag.js)', '', per((s) => s.trackerMs), ms);
  row('Navigation start → allowed tracker runs, returning visit: pasted (Hotjar; the peers never hold it)', '', per((s) => s.pastedTrackerMs), ms);
  row('Main-thread script time, first visit (trace)', '', per((s) => s.scriptMsFirst, 'traced'), ms);
  row('Main-thread script time, returning visit (trace)', '', per((s) => s.scriptMsReturning, 'traced'), ms);
  row('Layout shift caused by the banner (CLS)', '0', per((s) => s.cls), shift);
  row('Tracker script requests before consent', '0', per((s) => s.before.scripts), count);
  row('Tracker hits before consent', '0', per((s) => s.before.hits), count);
  row('Tracker cookies before consent', '0', per((s) => s.before.cookies), count);

  const guardFirst = median(samples.consentry.traced.map((s) => s.guardMsFirst));
  const guardReturning = median(samples.consentry.traced.map((s) => s.guardMsReturning));
  const header = ['Figure (median)', 'Budget', ...tools.map((tool) => `${tool.name} ${tool.version}`), 'Consentry ÷ best peer'];
  const lines = [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((cells) => `| ${cells.join(' | ')} |`),
  ];
  const consentryOnly = [
    '',
    '| Consentry only | Budget | Measured |',
    '| --- | --- | --- |',
    `| Guard dist/consentry.js (gzip) | ${bytes(budgets.guard.budget)} | ${bytes(budgets.guard.gzip)} |`,
    `| UI before the banner shows: dist/consentry-ui.js + dist/consentry.css + the largest language file (gzip) | ${bytes(budgets.ui.budget)} | ${bytes(budgets.ui.gzip)} |`,
    `| UI added by opening the preference centre: dist/consentry-ui-centre.js + .css (gzip) | ${bytes(budgets['ui-centre'].budget)} | ${bytes(budgets['ui-centre'].gzip)} |`,
    `| Guard main-thread start-up (compile + evaluate + its callbacks), first visit | | ${ms(guardFirst)} |`,
    `| Guard main-thread start-up, returning visit | | ${ms(guardReturning)} |`,
    `| Guard judging the first 300 URLs of a fresh page (images, scripts, requests; cold) | | ${ms(urlChecksMs)} |`,
    `| Page inserting 10,000 elements: without guard / with guard | | ${ms(dom.none)} / ${ms(dom.consentry)} |`,
    `| Guard overhead on that page, against no guard | | ${pct(dom.overheadPct)} |`,
    `| Guard overhead on that page, against the empty-observer control (issue #15) | ≤ +5 % | ${pct(dom.overControlPct)} |`,
    `| The same 10,000 insertions after load (a single-page app): without guard / with guard | | ${ms(dom.afterLoadNone)} / ${ms(dom.afterLoadConsentry)} |`,
    `| Guard overhead on insertions after load | ≤ +3 % | ${pct(dom.afterLoadPct)} |`,
    `| Guard overhead with \`observeMarkup: false\` (no markup observer; for sites that tag every tracker element) | | ${pct(dom.noMarkupPct)} |`,
    `| Control, no guard: the same page after one empty MutationObserver was registered and disconnected | | ${pct(dom.observerPct)} |`,
  ];
  const ledgerLines = ledger ? ['', ledgerTable(ledger.rows, ledger.connections)] : [];
  return [...lines, ...consentryOnly, ...ledgerLines].join('\n');
}

/**
 * The consent ledger's rows (bench/ledger.mjs): receipts stored per second and
 * p99 latency of POST /v1/receipts per database, at a fixed concurrency.
 * @param {{ database: string, receiptsPerSecond?: number, p99Ms?: number, failed?: number, error?: string }[]} rows
 * @param {number} connections
 */
export function ledgerTable(rows, connections) {
  return [
    `| Consent ledger: \`POST /v1/receipts\`, ${connections} connections (autocannon, loopback) | Receipts stored per second | p99 latency | Failed requests |`,
    '| --- | --- | --- | --- |',
    ...rows.map((row) =>
      row.error
        ? `| ${row.database} | n/a (${row.error}) | n/a | n/a |`
        : `| ${row.database} | ${Math.round(row.receiptsPerSecond).toLocaleString('en-US')} | ${row.p99Ms} ms | ${row.failed} |`,
    ),
  ].join('\n');
}
