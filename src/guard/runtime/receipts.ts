/**
 * Delivery of consent receipts to `config.receiptEndpoint`, at least once.
 *
 * Each receipt is written to a small localStorage queue first and removed
 * only when the endpoint answers 2xx; what is left (offline, 5xx, the page
 * closed before the answer) is sent again on the next page view. So a receipt
 * can arrive twice: servers dedupe (see README "Consent receipts").
 *
 * Sent with `fetch(..., { keepalive: true })` rather than `sendBeacon`: both
 * outlive the page, but only fetch tells whether the server took the receipt
 * (sendBeacon's `true` means "queued by the browser", so a 503 or an offline
 * send would be lost silently). Same-origin bodies are `application/json`.
 * Cross-origin ones are `text/plain` (still JSON) in `no-cors` mode, like a
 * beacon: no preflight, no CORS headers needed, but the answer is opaque, so
 * any answer counts as delivered and only a network failure is retried (an
 * endpoint without CORS headers would otherwise be sent every queued receipt
 * on every page view). No cookies are sent. Nothing here throws or waits.
 */
import { RECEIPT_QUEUE_KEY } from '../../core/storage-keys';
import type { ConsentReceipt } from '../../core/types';
/** The newest receipts kept while the endpoint stays down; older ones are dropped. */
const QUEUE_CAP = 20;

function readQueue(): string[] {
  try {
    const queue: unknown = JSON.parse(localStorage.getItem(RECEIPT_QUEUE_KEY)!);
    return Array.isArray(queue) ? queue : [];
  } catch {
    return []; // storage disabled or a corrupt entry: start afresh
  }
}

function writeQueue(queue: string[]): void {
  try {
    localStorage.setItem(RECEIPT_QUEUE_KEY, JSON.stringify(queue.slice(-QUEUE_CAP)));
  } catch {
    // storage disabled or full: the receipt is still sent once, just not retried
  }
}

function post(endpoint: string, body: string): void {
  try {
    const sameOrigin = new URL(endpoint, location.href).origin === location.origin;
    fetch(endpoint, {
      method: 'POST',
      body,
      keepalive: true,
      credentials: 'omit',
      mode: sameOrigin ? 'same-origin' : 'no-cors',
      headers: { 'content-type': sameOrigin ? 'application/json' : 'text/plain' },
    }).then(
      (response) => (response.ok || response.type === 'opaque') && writeQueue(readQueue().filter((queued) => queued !== body)),
      () => {}, // offline or refused: stays queued for the next page view
    );
  } catch {
    // fetch missing or the URL unusable (validation reported it): stays queued
  }
}

/** Queue a receipt and send it. */
export function sendReceipt(endpoint: string, receipt: ConsentReceipt): void {
  const body = JSON.stringify(receipt);
  writeQueue([...readQueue(), body]);
  post(endpoint, body);
}

/** Send again every receipt a previous page view could not deliver. */
export function retryQueuedReceipts(endpoint: string): void {
  for (const body of readQueue()) post(endpoint, body);
}
