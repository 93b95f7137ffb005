/**
 * `window.consentry`, built by the head so the page's next script can use it
 * at once. `has` (the gate's answer), `get` (the mirror cookie's choice until
 * the runtime knows the stored one), `ready`, `config` (what the head decided
 * with, until the runtime puts the whole config there with `language`) and
 * `version` are here; the actions (`API_ACTIONS`) and `on` are queued until
 * the runtime completes the object with its own, then run in call order (the
 * kernel's `ApiHandle`). The object stays the same for the whole page view,
 * so a script that kept a reference keeps a working one.
 */
import { API_ACTIONS } from '../../core/api-actions';
import { needsChoice } from '../../core/policy';
import type { CategoryId, ConsentRecord, ConsentState, ConsentryApi, ConsentryConfig } from '../../core/types';
import type { ApiHandle } from '../kernel';
import { allows } from './gate';

type Call = [method: string, args: unknown[], settle: (result: unknown) => void, fail: (error: unknown) => void];

/** The public object for this page view, and the handle the runtime completes it through. */
export function createApi(config: ConsentryConfig, initial: ConsentRecord | null): ApiHandle {
  let resolveReady!: (state: ConsentState) => void;
  const queue: Call[] = [];
  const facade: Record<string, unknown> = {
    ready: new Promise<ConsentState>((resolve) => (resolveReady = resolve)),
    config,
    version: __CONSENTRY_VERSION__,
    get: (): ConsentState => ({ record: initial, needsChoice: needsChoice(initial, config, Date.now()), degraded: false }),
    // The gate's answer: what the blockers do is what the page is told.
    has: (category: CategoryId) => allows(category),
    // Queued too, but its unsubscribe function is the page's at once: called early, it unsubscribes once subscribed.
    on(...args: unknown[]) {
      let off: (() => void) | undefined;
      let gone = false;
      queue.push(['on', args, (result) => ((off = result as () => void), gone && off()), () => {}]);
      return () => ((gone = true), off?.());
    },
  };
  const queued = (method: string) => (...args: unknown[]) => new Promise((settle, fail) => queue.push([method, args, settle, fail]));
  for (const method of API_ACTIONS) facade[method] = queued(method);

  return {
    facade: facade as unknown as ConsentryApi,
    ready: resolveReady,
    complete(actions) {
      Object.assign(facade, actions);
      for (const [method, args, settle, fail] of queue.splice(0)) {
        try {
          settle((facade[method] as (...a: unknown[]) => unknown)(...args));
        } catch (error) {
          fail(error);
        }
      }
    },
    fail(error) {
      resolveReady({ ...(facade.get as () => ConsentState)(), degraded: true });
      for (const call of queue.splice(0)) call[3](error);
      for (const method of API_ACTIONS) facade[method] = () => Promise.reject(error);
    },
  };
}
