/**
 * The runtime's side of the optional service worker (src/sw/,
 * dist/consentry-sw.js), switched on by the config's `serviceWorker`:
 * - set: register the worker at that path (its scope is the path's folder:
 *   the root, for a worker served at `/consentry-sw.js`), unless the site's
 *   own worker already holds that scope — it is never replaced; the site
 *   imports ours into it (docs/blocking.md, "The service worker") — and tell the worker
 *   the decision (src/core/sw-decision.ts) now and on every change;
 * - absent: nothing at all, unless Consentry registered a worker on an
 *   earlier page view (its URL is remembered in localStorage): that one, and
 *   only that one, is unregistered.
 * A message and a request reach the worker by different paths, so a script
 * released at once could get there before the message that allows it: the
 * worker that controls the page confirms each decision, and Consentry's
 * release waits for that (`afterApplied`).
 * Nothing here throws into the page: a worker that cannot be registered
 * leaves the in-page guard doing what it does, with one console warning.
 */
import { addMonths } from '../../core/record';
import { SW_REGISTERED_KEY } from '../../core/storage-keys';
import type { SwDecision } from '../../core/sw-decision';
import type { ConsentRecord, TrackerRule } from '../../core/types';
import { isRootPath } from '../../core/validate';
import type { Gate } from '../kernel';

/** How long a release waits for the controlling worker to confirm a decision before it goes ahead anyway. */
export const CONFIRM_TIMEOUT_MS = 1000;

/** What the worker is told, and where it comes from. */
export interface BackstopSource {
  /** The config's `serviceWorker` as the site wrote it (also when the config is invalid: its worker then refuses every tracker). */
  script: unknown;
  gate: Pick<Gate, 'allowed' | 'onChange'>;
  /** The site's rules from the validated config; `[]` when it is invalid. */
  rules: readonly TrackerRule[];
  /** The visitor's current record, for when it expires. */
  record(): ConsentRecord | null;
  expiryMonths: number;
}

export interface Backstop {
  /** Registers (or unregisters) the worker as the config says, and keeps it told. Call once the stored choice is known. */
  connect(source: BackstopSource): void;
  /**
   * Runs `run` once the worker that controls this page has applied the
   * decision posted last: at once without one, after `CONFIRM_TIMEOUT_MS` at
   * most. Always later than the caller (a gate listener sees the decision
   * posted by the gate listeners after it).
   */
  afterApplied(run: () => void): void;
}

/** The worker of a registration that was registered last (the one its script URL is now). */
const newest = (registration: ServiceWorkerRegistration) => registration.installing ?? registration.waiting ?? registration.active;
const workers = (registration: ServiceWorkerRegistration) => [registration.installing, registration.waiting, registration.active];

/** The localStorage entry of the worker Consentry registered (null when none, or storage is blocked). */
function remembered(): string | null {
  try {
    return localStorage.getItem(SW_REGISTERED_KEY);
  } catch {
    return null;
  }
}

function remember(url: string | null): void {
  try {
    if (url) localStorage.setItem(SW_REGISTERED_KEY, url);
    else localStorage.removeItem(SW_REGISTERED_KEY);
  } catch {
    // Storage blocked: a later removal of the key cannot find this worker; the site can unregister it itself.
  }
}

/** The decision as the worker needs it: what the gate allows now, the site's rules, and when the choice stops counting. */
export function decisionOf(source: BackstopSource, worker: string): SwDecision {
  const record = source.record();
  return {
    consentry: 'decision',
    worker,
    allowed: [...source.gate.allowed()],
    rules: [...source.rules],
    // As `isOutdated` reads it: the record's own expiry, or `expiryMonths` after the choice, whichever is first.
    ...(record ? { until: Math.min(record.expiresAt, addMonths(record.updatedAt, source.expiryMonths)) } : {}),
  };
}

export function createBackstop(): Backstop {
  /** Settles once the controlling worker confirmed the decision posted last. */
  let applied: Promise<unknown> = Promise.resolve();
  let container: ServiceWorkerContainer | undefined;
  let warned = false;

  /** Posts `decision` to `worker`; from the page's controller it waits for the confirmation. */
  const post = (worker: ServiceWorker, decision: SwDecision) => {
    if (worker !== container!.controller) return worker.postMessage(decision);
    const channel = new MessageChannel();
    applied = new Promise((resolve) => {
      const timer = setTimeout(() => {
        resolve(undefined);
        if (!warned) console.warn(`consentry: the service worker ${worker.scriptURL} did not confirm the visitor's choice; if it is your own worker, import Consentry's into it (docs/blocking.md, "The service worker")`);
        warned = true;
      }, CONFIRM_TIMEOUT_MS);
      channel.port1.onmessage = () => {
        clearTimeout(timer);
        resolve(undefined);
      };
    });
    worker.postMessage(decision, [channel.port2]);
  };

  /**
   * Tells every worker of `registration` the decision now, on every change,
   * and when one of them is installed or activated (a new worker must know it,
   * and Consentry's own then takes the page).
   */
  const tell = (registration: ServiceWorkerRegistration, url: string, source: BackstopSource) => {
    let last = '';
    const send = (again: boolean) => {
      const decision = decisionOf(source, url);
      const json = JSON.stringify(decision);
      if (json === last && !again) return;
      last = json;
      for (const one of workers(registration)) if (one) post(one, decision);
    };
    const follow = (one: ServiceWorker | null) =>
      one?.addEventListener('statechange', () => {
        if (one.state === 'installed' || one.state === 'activated') send(true);
      });
    follow(registration.installing);
    follow(registration.waiting);
    registration.addEventListener('updatefound', () => follow(registration.installing));
    source.gate.onChange(() => send(false));
    send(true);
  };

  /**
   * Unregisters the registrations whose worker runs `url` (the worker Consentry
   * registered), never another. This page stays controlled by it until it is
   * left (the browser's rule), so it is still told the decision meanwhile.
   */
  const unregister = async (url: string, source: BackstopSource) => {
    for (const registration of await container!.getRegistrations()) {
      if (!workers(registration).some((one) => one?.scriptURL === url)) continue;
      tell(registration, url, source);
      await registration.unregister();
    }
    remember(null);
  };

  const register = async (url: string, source: BackstopSource) => {
    const before = remembered();
    // The site moved the file: the worker at the old path goes (it may hold another scope).
    if (before && before !== url) await unregister(before, source);
    let registration = await container!.getRegistration(new URL('./', url).href);
    if (!registration || newest(registration)?.scriptURL === url) {
      remember(url);
      // `updateViaCache: 'none'`: the browser checks for a new version of the worker without its HTTP cache.
      registration ??= await container!.register(url, { updateViaCache: 'none' });
    }
    // Otherwise the site's own worker holds the scope: never replaced; it imports ours and hears the decision.
    tell(registration, url, source);
  };

  return {
    connect(source) {
      const { script } = source;
      const warn = (doing: string) => (error: unknown) =>
        console.warn(`consentry: could not ${doing} the service worker ${String(script ?? remembered())} (serviceWorker); the in-page guard still blocks what it can`, error);
      try {
        // Undefined outside a secure context; throws in a sandboxed frame.
        container = navigator.serviceWorker;
      } catch {
        return;
      }
      if (!container) return;
      if (script === undefined) {
        const ours = remembered();
        if (ours) void unregister(ours, source).catch(warn('unregister'));
      } else if (isRootPath(script)) {
        void register(new URL(script, location.origin).href, source).catch(warn('register'));
      }
      // Any other value: validation named the field; nothing is registered or removed.
    },
    afterApplied(run) {
      void Promise.resolve()
        .then(() => applied)
        .then(run)
        .catch((error: unknown) => console.error('consentry: internal error while applying consent', error));
    },
  };
}
