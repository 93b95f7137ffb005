/**
 * The tracker monitor: a panel on every demo page that shows, live, which
 * tracker libraries were loaded, which hits (pixels, beacons, fetches) were
 * sent, and which cookies exist — so a visitor sees Consentry block and
 * release as they click.
 *
 * It learns about requests from the demo's service worker (demo/sw.js posts
 * every third-party request it answered to the page that made it), about
 * tracker WebSocket messages from demo/assets/local-websocket.js, and reads
 * cookies from `document.cookie`. A first-party module script: no inline
 * handlers, no innerHTML, works under a strict CSP.
 *
 * The first-load gap: a page is only seen by the worker once it is controlled.
 * Before consent that does not matter (the guard blocks every tracker); if a
 * page that already has consent is not controlled (first visit after clearing
 * site data, or Shift+Reload, which bypasses service workers), the monitor
 * says so and reloads once when the worker takes control, so the released
 * trackers are answered locally from then on.
 */
import { DEMO_VENDORS, vendorForCookie, vendorForUrl } from '/vendor-routes.mjs';

const COLLAPSED_KEY = 'consentry-demo:monitor-collapsed';
/** Where site.css lays the panel out in the page's flow instead of fixing it over the page. */
const NARROW = '(max-width: 40rem)';
const RELOADED_KEY = 'consentry-demo:reloaded-for-worker';
const vendorName = (id) => DEMO_VENDORS.find((vendor) => vendor.id === id)?.name ?? 'Unknown third party';
const vendorCategory = (id) => DEMO_VENDORS.find((vendor) => vendor.id === id)?.category ?? '?';

/** What the monitor has seen on this page view. */
const seen = {
  /** vendor id -> script URLs loaded */
  scripts: new Map(),
  /** vendor id -> hits (kind + url) */
  hits: new Map(),
};

function el(tag, attributes = {}, text) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

function buildPanel() {
  const panel = el('aside', { id: 'tracker-monitor', class: 'monitor', 'aria-label': 'Tracker monitor', 'aria-live': 'polite' });
  const header = el('div', { class: 'monitor-header' });
  header.append(el('strong', {}, 'Tracker monitor'));
  const toggle = el('button', { type: 'button', class: 'monitor-toggle', 'aria-expanded': 'true', 'aria-controls': 'tracker-monitor-body' }, 'Hide');
  header.append(toggle);
  const body = el('div', { id: 'tracker-monitor-body', class: 'monitor-body' });
  body.append(el('p', { 'data-monitor': 'status' }));
  for (const [key, title] of [
    ['scripts', 'Tracker scripts loaded'],
    ['hits', 'Hits sent'],
    ['cookies', 'Cookies'],
  ]) {
    body.append(el('h2', { 'data-monitor-title': key }, title));
    body.append(el('ul', { 'data-monitor': key }));
  }
  body.append(el('p', { class: 'monitor-note' }, 'Since this page loaded. Every tracker URL is answered on this machine by a local stand-in.'));
  panel.append(header, body);

  const setCollapsed = (collapsed) => {
    panel.classList.toggle('monitor-collapsed', collapsed);
    toggle.setAttribute('aria-expanded', String(!collapsed));
    toggle.textContent = collapsed ? 'Show' : 'Hide';
    body.hidden = collapsed;
  };
  // On a phone the panel is a strip under the site's header (in the page's flow, see site.css): it starts
  // collapsed there unless the visitor opened it before.
  const stored = localStorage.getItem(COLLAPSED_KEY);
  setCollapsed(stored === null ? matchMedia(NARROW).matches : stored === '1');
  toggle.addEventListener('click', () => {
    const collapsed = !panel.classList.contains('monitor-collapsed');
    localStorage.setItem(COLLAPSED_KEY, collapsed ? '1' : '0');
    setCollapsed(collapsed);
  });
  // After the header: where the narrow layout shows it; the wide one fixes it to the top-right corner.
  const siteHeader = document.querySelector('.site-header');
  if (siteHeader) siteHeader.after(panel);
  else document.body.append(panel);
  return panel;
}

function fillList(list, items) {
  const next = items.length ? items : [el('li', { class: 'monitor-empty' }, 'none')];
  list.replaceChildren(...next);
}

function cookieNames() {
  return document.cookie
    .split(';')
    .map((pair) => pair.split('=')[0].trim())
    .filter(Boolean);
}

function consentSummary() {
  const api = window.consentry;
  if (!api || typeof api.get !== 'function') return 'Consentry: not loaded';
  try {
    const { record } = api.get();
    if (!record) return 'Consent: not given yet';
    const allowed = Object.entries(record.categories)
      .filter(([, on]) => on)
      .map(([id]) => id);
    return `Consent: ${allowed.join(', ')}`;
  } catch {
    return 'Consent: unknown';
  }
}

function workerSummary() {
  if (!('serviceWorker' in navigator)) return 'no service worker support';
  return navigator.serviceWorker.controller ? 'service worker answering tracker URLs' : 'service worker not controlling this page yet';
}

function render(panel) {
  const status = panel.querySelector('[data-monitor="status"]');
  status.textContent = `${consentSummary()} · ${workerSummary()}`;

  const scripts = [...seen.scripts.keys()].map((id) =>
    el('li', { 'data-vendor': id }, `${vendorName(id)} (${vendorCategory(id)})`),
  );
  fillList(panel.querySelector('[data-monitor="scripts"]'), scripts);

  const hits = [...seen.hits.entries()].map(([id, list]) => {
    const kinds = [...new Set(list.map((hit) => hit.kind))].join(', ');
    const item = el('li', { 'data-vendor': id, 'data-count': String(list.length), title: list[list.length - 1].url });
    item.textContent = `${vendorName(id)}: ${list.length} (${kinds})`;
    return item;
  });
  fillList(panel.querySelector('[data-monitor="hits"]'), hits);

  const cookies = cookieNames().map((name) => {
    const vendor = vendorForCookie(name);
    const attributes = { 'data-cookie': name };
    if (vendor) attributes['data-vendor'] = vendor.id;
    return el('li', attributes, vendor ? `${name} — ${vendor.name}` : `${name} — first-party`);
  });
  fillList(panel.querySelector('[data-monitor="cookies"]'), cookies);
}

function record(report) {
  const store = report.kind === 'script' ? seen.scripts : seen.hits;
  const list = store.get(report.vendor) ?? [];
  list.push(report);
  store.set(report.vendor, list);
}

/** Reload once when a page that already allows trackers was not controlled by the worker. */
function reloadWhenControlled() {
  if (!('serviceWorker' in navigator) || navigator.serviceWorker.controller) return;
  const allowsTrackers = () => {
    const record = window.consentry?.get?.().record;
    return Boolean(record && Object.entries(record.categories).some(([id, on]) => on && id !== 'necessary'));
  };
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (allowsTrackers() && sessionStorage.getItem(RELOADED_KEY) !== location.href) {
      sessionStorage.setItem(RELOADED_KEY, location.href);
      location.reload();
    }
  });
}

/** On the GPC page: say whether this browser sends the signal. */
function showGpcState() {
  const target = document.querySelector('[data-testid="gpc-state"]');
  if (target) target.textContent = navigator.globalPrivacyControl === true ? 'sends GPC' : 'does not send GPC';
}

function start() {
  showGpcState();
  const panel = buildPanel();
  const update = () => render(panel);
  if ('serviceWorker' in navigator) {
    navigator.serviceWorker.addEventListener('message', (event) => {
      if (event.data?.type !== 'consentry-demo:request') return;
      record(event.data.report);
      update();
    });
    navigator.serviceWorker.addEventListener('controllerchange', update);
    navigator.serviceWorker.startMessages();
  }
  // Tracker WebSocket messages, reported by demo/assets/local-websocket.js.
  document.addEventListener('consentry-demo:request', (event) => {
    const report = event.detail;
    record({ ...report, vendor: vendorForUrl(new URL(report.url))?.id ?? 'unknown' });
    update();
  });
  document.addEventListener('consentry:ready', update);
  document.addEventListener('consentry:change', update);
  reloadWhenControlled();
  // Cookies have no change event in every browser; a light poll keeps the list live.
  setInterval(update, 400);
  update();
  panel.dataset.ready = 'true';
}

start();
