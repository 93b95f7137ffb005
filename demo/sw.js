/**
 * The demo's service worker (a module worker, same origin, scope `/`).
 *
 * It keeps every request on this machine: a vendor's library URL is answered
 * with the local stand-in from demo/vendors/, any other request to a
 * third-party host (a pixel, a beacon, a fetch) is forwarded to the demo
 * server's collector (`/__collect`) and answered the way the vendor would
 * answer (a 1x1 GIF for images, an empty 204 otherwise). Each answered request
 * is also posted to the page that made it, so the tracker monitor can show it.
 *
 * Consentry blocks trackers before the page is controlled anyway (nothing is
 * allowed before consent); `skipWaiting()` + `clients.claim()` make sure the
 * page is controlled long before a visitor can click "Accept all".
 */
import { vendorForUrl, standInFor } from './vendor-routes.mjs';

const PIXEL = Uint8Array.from(atob('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7'), (c) => c.charCodeAt(0));

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (url.origin === self.location.origin) return; // first-party: the network (the demo server) answers
  event.respondWith(answerThirdParty(event));
});

/** Answers one third-party request locally and reports it. */
async function answerThirdParty(event) {
  const request = event.request;
  const url = new URL(request.url);
  const vendor = vendorForUrl(url);
  const standIn = vendor ? standInFor(vendor, url) : undefined;
  const isScript = request.destination === 'script';
  const report = {
    vendor: vendor ? vendor.id : 'unknown',
    kind: isScript ? 'script' : request.destination || 'fetch',
    method: request.method,
    url: request.url,
    at: Date.now(),
  };
  if (!isScript) report.body = await readBody(request);
  event.waitUntil(tellPage(event.clientId || event.resultingClientId, report));
  event.waitUntil(
    fetch('/__collect', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(report),
    }).catch(() => undefined),
  );
  if (isScript) return answerScript(standIn, request.url);
  if (request.destination === 'image') return new Response(PIXEL, { headers: { 'content-type': 'image/gif' } });
  return new Response(null, { status: 204 });
}

/** The stand-in library, or an empty script when the vendor has none (so nothing is fetched from the internet). */
async function answerScript(standIn, url) {
  if (standIn) {
    const response = await fetch('/__vendor/' + standIn).catch(() => undefined);
    if (response && response.ok) return response;
  }
  return new Response(`/* consentry demo: no local stand-in for ${JSON.stringify(url)} */\n`, {
    headers: { 'content-type': 'text/javascript; charset=utf-8' },
  });
}

async function readBody(request) {
  if (request.method === 'GET' || request.method === 'HEAD') return undefined;
  try {
    return (await request.clone().text()).slice(0, 2000);
  } catch {
    return undefined;
  }
}

async function tellPage(clientId, report) {
  if (!clientId) return;
  const client = await self.clients.get(clientId);
  if (client) client.postMessage({ type: 'consentry-demo:request', report });
}
