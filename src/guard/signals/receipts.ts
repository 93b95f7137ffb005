/**
 * Delivery of consent receipts to `config.receiptEndpoint`, at least once.
 *
 * Each receipt is written to a small localStorage queue first and removed
 * only when the endpoint answers 2xx; what is left (offline, 5xx, page closed
 * before the answer) is sent again on the next page view. So a receipt can
 * arrive twice: servers dedupe on `recordId` + `timestamp` + `method`.
 *
 * POSTed with `fetch(..., { keepalive: true })`: like `sendBeacon` it outlives
 * the page, but it also tells us whether the server took it (sendBeacon only
 * says the browser queued it, so a 503 would be lost). `sendBeacon` is the
 * fallback where fetch throws. Same-origin bodies are `application/json`;
 * cross-origin ones are `text/plain` (still JSON) because a JSON content type
 * would need a CORS preflight. No cookies are sent (`credentials: 'omit'`).
 * Nothing here may throw into the page or delay it.
 */
import type { ConsentReceipt } from '../../core/types';

/** localStorage key of the receipts not yet accepted by the endpoint (JSON array of bodies). */
export const RECEIPT_QUEUE_KEY = 'consentry:receipts';
/** The newest receipts kept when the endpoint stays down; older ones are dropped. */
const QUEUE_CAP = 20;

function readQueue(): string[] {
  try {
    const queue: unknown = JSON.parse(localStorage.getItem(RECEIPT_QUEUE_KEY) || '[]');
    return Array.isArray(queue) ? queue.filter((body): body is string => typeof body === 'string') : [];
  } catch {
    return []; // storage disabled or a corrupt entry: start afresh
  }
}

function writeQueue(queue: string[]): void {
  try {
    if (queue.length) localStorage.setItem(RECEIPT_QUEUE_KEY, JSON.stringify(queue.slice(-QUEUE_CAP)));
    else localStorage.removeItem(RECEIPT_QUEUE_KEY);
  } catch {
    // storage disabled or full: the receipt is still sent once, just not retried
  }
}

function dequeue(body: string): void {
  writeQueue(readQueue().filter((queued) => queued !== body));
}

function post(endpoint: string, body: string): void {
  try {
    const type = new URL(endpoint, location.href).origin === location.origin ? 'application/json' : 'text/plain';
    try {
      fetch(endpoint, { method: 'POST', body, keepalive: true, credentials: 'omit', headers: { 'content-type': type } }).then(
        (response) => response.ok && dequeue(body),
        () => {}, // offline or refused: stays queued for the next page view
      );
    } catch {
      if (navigator.sendBeacon(endpoint, new Blob([body], { type }))) dequeue(body);
    }
  } catch {
    // a bad endpoint URL: validation reported it; the receipt stays queued
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
