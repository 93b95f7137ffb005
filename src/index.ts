/**
 * Consentry for bundler users (`import { consentry } from 'consentry'`).
 *
 * The guard itself must stay a plain `<script>` first in `<head>` (it has to
 * run before any tracker); this entry gives typed access to it, plus the pure
 * helpers a build step or a server needs: `validate` and `resolveConfig` for a
 * config, `parseMirrorCookie` for the mirror cookie a request carries,
 * `withCategoryTexts` for the default category descriptions, and the presets
 * (`webexMeetPreset`).
 */
import { API_ACTIONS, type ApiAction } from './core/api-actions';
import type { CategoryId, ConsentState, ConsentryApi, ConsentryConfig } from './core/types';

export type * from './core/types';
export { validate } from './core/validate';
export { resolveConfig, type ResolvedConfig } from './core/config';
export { parseMirrorCookie, type MirrorDecision } from './core/mirror-cookie';
export { withCategoryTexts, CATEGORY_TEXTS } from './core/category-texts';
export { webexMeetPreset } from './presets';
export { effectiveCategories, needsChoice } from './core/policy';
export { policyNoticeActive } from './core/policy-notice';

type Guard = ConsentryApi;
const guardOnPage = (): Guard | undefined => (typeof window === 'undefined' ? undefined : (window as { consentry?: Guard }).consentry);

let waiting: Promise<Guard> | undefined;

/**
 * The guard's API once it exists. The guard sets `window.consentry`
 * synchronously; a bundle that runs before it (misplaced guard) waits for its
 * `consentry:ready` event. Never resolves outside a browser.
 */
export function whenGuard(): Promise<Guard> {
  const guard = guardOnPage();
  if (guard) return Promise.resolve(guard);
  return (waiting ??= new Promise((resolve) => {
    if (typeof document !== 'undefined') document.addEventListener('consentry:ready', () => resolve(guardOnPage()!), { once: true });
  }));
}

/** What `get()` answers before the guard exists: no choice known, nothing optional allowed. */
const UNKNOWN: ConsentState = { record: null, needsChoice: true, degraded: false };

/** The actions (one list, `API_ACTIONS`), each forwarded once the guard exists. */
const actions = Object.fromEntries(
  API_ACTIONS.map((name) => [name, (...args: unknown[]) => whenGuard().then((guard) => (guard[name] as (...a: unknown[]) => unknown)(...args))]),
) as Pick<Guard, ApiAction>;

/**
 * Forwards to `window.consentry`. Calls made before the guard exists are
 * queued until it does; `get()` and `has()` answer "no choice" meanwhile (fail
 * closed), and `config`, `language` and `version` throw until then.
 */
export const consentry: ConsentryApi = {
  get ready() {
    return whenGuard().then((guard) => guard.ready);
  },
  get: () => guardOnPage()?.get() ?? UNKNOWN,
  has: (category: CategoryId) => guardOnPage()?.has(category) ?? category === 'necessary',
  ...actions,
  on(event, fn) {
    let off: (() => void) | undefined;
    let cancelled = false;
    void whenGuard().then((guard) => {
      if (!cancelled) off = guard.on(event, fn);
    });
    return () => {
      cancelled = true;
      off?.();
    };
  },
  get config(): Readonly<ConsentryConfig> {
    return required().config;
  },
  get language() {
    return required().language;
  },
  get version() {
    return required().version;
  },
};

function required(): Guard {
  const guard = guardOnPage();
  if (!guard) throw new Error('consentry: the guard (consentry.js) is not on this page yet; load it first in <head>');
  return guard;
}
