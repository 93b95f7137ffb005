/** Types for demo/server.mjs, so TypeScript tests can start the demo in-process. */
export interface DemoServer {
  /** e.g. `http://127.0.0.1:8080` */
  origin: string;
  /** The consent ledger beside the site, e.g. `http://127.0.0.1:8081`. */
  ledgerOrigin: string;
  /** Tracker hits the service worker forwarded to `/__collect`, oldest first. */
  hits: Array<{ vendor: string; kind: string; method: string; url: string; at: number; body?: string }>;
  /** Consent receipts Consentry posted to `/__receipts` that the ledger accepted. */
  receipts: unknown[];
  close(): Promise<void>;
}
/** `csp`: every page under a strict CSP with Trusted Types enforced (demo/csp.mjs). */
export function startDemo(options?: { port?: number; host?: string; quiet?: boolean; ledgerPort?: number; ledgerDatabase?: string; csp?: boolean }): Promise<DemoServer>;
/** The demo mail system's pseudonymous subscriber id for an address (what the ledger's tokens carry). */
export function subscriberId(email: string): string;
export function unsubscribeToken(list: string, email: string): string;
export function unsubscribeUrl(list: string, email: string): string;
