/**
 * Consentry's service worker (dist/consentry-sw.js): a network backstop for
 * what no hook in the page can reach — the preload scanner, CSS (`url()`,
 * `@import`, fonts), media, and workers' requests. A request to a tracker
 * whose category the visitor has not allowed gets a network error; every other
 * request is left alone (no `respondWith`: no caching, no rewriting).
 *
 * The decision comes from the runtime (src/guard/runtime/service-worker.ts),
 * posted on every page start and every change, and is kept in IndexedDB
 * (./store.ts) because the browser stops and restarts workers at will. Until a
 * decision is known, trackers are refused (fail closed). A failure of the
 * worker's own lets the request through, to the in-page guard.
 *
 * It also works imported into a site's own worker (`importScripts`): it
 * answers only the requests it refuses, and `respondWith` stops the event
 * there (Service Workers spec), so the site's own fetch listeners, added
 * after the import, see every other request and never a refused one (their
 * code cannot fetch it).
 */
import { readDecision, refuses, type SwDecision } from '../core/sw-decision';
import { BUILTIN_RULES } from '../core/rules';
import { ruleForUrl } from '../core/url-match';
import { loadDecision, saveDecision } from './store';

declare const self: ServiceWorkerGlobalScope;

/**
 * How long requests wait for the stored decision after a restart: an
 * IndexedDB that has not answered by then counts as holding none (trackers
 * refused, everything else passes).
 */
const LOAD_TIMEOUT_MS = 2000;

/** The decision in force; `undefined` while the stored one is being read after a start. */
let current: SwDecision | null | undefined;
/** The JSON of the last decision stored, to skip writing the same one again. */
let stored: string | undefined;

let settle!: () => void;
/** Resolves once `current` is known (read back, timed out, or received). */
const known = new Promise<void>((resolve) => (settle = resolve));
const decide = (decision: SwDecision | null) => {
  if (current === undefined) current = decision;
  settle();
};

// Read at start, before any event: requests that must wait for it wait a few milliseconds at most.
loadDecision().then(
  (decision) => {
    stored ??= JSON.stringify(decision);
    decide(decision);
  },
  () => decide(null),
);
setTimeout(() => decide(null), LOAD_TIMEOUT_MS);

/**
 * Whether a request might be refused by a decision not read yet: it is a
 * built-in tracker, or it goes to another origin (a site rule may name any
 * host). Same-origin requests that match no built-in rule never wait.
 */
const mightRefuse = (url: URL) => url.origin !== self.location.origin || !!ruleForUrl(BUILTIN_RULES, url);

self.addEventListener('fetch', (event) => {
  try {
    const { request } = event;
    // Navigations of this origin's pages are never trackers; refusing one would show an error page.
    if (request.mode === 'navigate') return;
    const url = new URL(request.url);
    if (current !== undefined) {
      if (refuses(current, url, Date.now())) event.respondWith(Response.error());
    } else if (mightRefuse(url)) {
      // Just restarted: this request waits for the stored decision, then fails or goes to the network as it would have.
      event.respondWith(
        known
          .then(() => refuses(current!, url, Date.now()))
          .then(
            (refused) => (refused ? Response.error() : fetch(request)),
            () => fetch(request),
          ),
      );
    }
  } catch {
    // Our failure must not break the site: the request goes on, and the in-page guard judges what it can.
  }
});

self.addEventListener('message', (event) => {
  try {
    const decision = readDecision(event.data);
    if (!decision) return;
    current = decision;
    settle();
    // Confirmed once in force: every request dispatched after this message is judged by it (the page's release waits for this).
    event.ports[0]?.postMessage(true);
    const json = JSON.stringify(decision);
    const work: Promise<unknown>[] = [];
    if (json !== stored) {
      stored = json;
      work.push(saveDecision(decision));
    }
    // Consentry's own worker (not a site's worker that imports this file) takes the site's pages at once:
    // a new version replaces the old without waiting for every tab to close, and an open page is covered from now on.
    if (decision.worker === self.location.href) work.push(self.skipWaiting(), self.clients.claim());
    event.waitUntil(Promise.allSettled(work));
  } catch {
    // A message we cannot apply leaves the decision as it was.
  }
});
