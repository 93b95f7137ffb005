/**
 * Google's `dataLayer`, shared with Google Tag Manager and gtag.js: whoever
 * comes first creates it and the others keep pushing into the same array.
 * The head pushes the Consent Mode default; the runtime reaches this module
 * through the kernel (`kernel.dataLayer`) for updates and events.
 */
type DataLayerWindow = Window & { dataLayer?: unknown[] };

/** Push one entry (an event object, or a gtag command) onto `window.dataLayer`. */
export function push(entry: unknown): void {
  const w = window as DataLayerWindow;
  (w.dataLayer = w.dataLayer || []).push(entry);
}

/**
 * `gtag()` exactly as Google's snippet defines it: it pushes its `arguments`
 * object. gtag.js and GTM read consent commands only from an Arguments object;
 * a plain array pushed instead is ignored.
 */
export function gtag(..._command: unknown[]): void {
  // eslint-disable-next-line prefer-rest-params -- the Arguments object itself is the contract.
  push(arguments);
}
