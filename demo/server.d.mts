/** Types for demo/server.mjs, so TypeScript tests can start the demo in-process. */
export interface DemoServer {
  /** e.g. `http://127.0.0.1:8080` */
  origin: string;
  /** Tracker hits the service worker forwarded to `/__collect`, oldest first. */
  hits: Array<{ vendor: string; kind: string; method: string; url: string; at: number; body?: string }>;
  /** Consent receipts Consentry posted to `/__receipts`. */
  receipts: unknown[];
  close(): Promise<void>;
}
export function startDemo(options?: { port?: number; host?: string; quiet?: boolean }): Promise<DemoServer>;
export function unsubscribeToken(list: string, email: string): string;
export function unsubscribeUrl(list: string, email: string): string;
