/**
 * `window.consentry` before the async part arrives. What a page's next
 * script may ask synchronously (get, has, config, language, version, ready)
 * is answered from the mirror cookie; every other method, and `on`, is queued
 * and replayed in call order by the async part, which then puts the full API
 * (src/guard/api.ts) on this same object. If that part cannot load, `fail`
 * settles everything that was waiting for it.
 */
import { effectiveCategories, needsChoice } from '../core/policy';
import type { CategoryId, ConsentRecord, ConsentState, ConsentryApi, ConsentryConfig, Language } from '../core/types';
import type { QueuedCall } from './handoff';

/** Methods that wait for the async part. */
const QUEUED = 'acceptAll rejectAll set withdraw history show showPreferences showOptOuts';

export interface FacadeContext {
  config: ConsentryConfig;
  language: Language;
  /** The choice in the mirror cookie at start. */
  initial: ConsentRecord | null;
  /** Whether the gate may open for `initial` (false until the config is known valid: fail closed). */
  trusted: boolean;
  queue: QueuedCall[];
}

/** The facade and the resolver of its `ready`. */
export function createFacade({ config, language, initial, trusted, queue }: FacadeContext): {
  facade: ConsentryApi;
  resolveReady(state: ConsentState): void;
  fail(error: Error): void;
} {
  let resolveReady!: (state: ConsentState) => void;
  const facade = {
    ready: new Promise<ConsentState>((resolve) => (resolveReady = resolve)),
    config,
    language,
    version: __CONSENTRY_VERSION__,
    get: (): ConsentState => ({ record: initial, needsChoice: needsChoice(initial, config, Date.now()), degraded: false }),
    has: (category: CategoryId) => category == 'necessary' || (trusted && effectiveCategories(initial, config, Date.now()).has(category)),
    on(...args: unknown[]) {
      let off: (() => void) | undefined;
      let gone = false;
      const settle = (result: unknown) => {
        off = result as () => void;
        if (gone) off();
      };
      queue.push(['on', args, settle, () => {}]);
      return () => {
        gone = true;
        off?.();
      };
    },
  } as Record<string, unknown>;
  for (const method of QUEUED.split(' ')) {
    facade[method] = (...args: unknown[]) => new Promise((settle, fail) => queue.push([method, args, settle, fail]));
  }
  /**
   * The async part did not load, or failed to start: `ready` resolves with what
   * the cookie says (`degraded`: nothing can be stored), and every call that
   * needs that part rejects with `error` instead of waiting forever.
   */
  const fail = (error: Error) => {
    resolveReady({ ...(facade.get as () => ConsentState)(), degraded: true });
    for (const call of queue.splice(0)) call[3](error);
    for (const method of QUEUED.split(' ')) facade[method] = () => Promise.reject(error);
  };
  return { facade: facade as unknown as ConsentryApi, resolveReady, fail };
}
