/**
 * `window.consentry`, built by the head so the page's next script can use it
 * at once. `has` (the gate's answer), `get` (the mirror cookie's choice until
 * the runtime knows the stored one), `on`, `ready`, `config`, `language` and
 * `version` are here; the actions (`API_ACTIONS`) are queued until the runtime
 * completes the object with its own, then run in call order (the kernel's
 * `ApiHandle`). The object stays the same for the whole page view, so a
 * script that kept a reference keeps a working one.
 */
import { API_ACTIONS } from '../../core/api-actions';
import { needsChoice } from '../../core/policy';
import type { CategoryId, ConsentRecord, ConsentState, ConsentryApi, ConsentryConfig, ConsentryEvents, Language } from '../../core/types';
import type { ApiHandle } from '../kernel';
import { allows } from './gate';

type Listener = (state: ConsentState) => void;
type Call = [method: string, args: unknown[], settle: (result: unknown) => void, fail: (error: unknown) => void];

/** The public object for this page view, and the handle the runtime completes it through. */
export function createApi(config: ConsentryConfig, language: Language, initial: ConsentRecord | null): ApiHandle {
  let resolveReady!: (state: ConsentState) => void;
  let started = false;
  const listeners: Record<keyof ConsentryEvents, Set<Listener>> = { ready: new Set(), change: new Set() };
  const queue: Call[] = [];
  const facade: Record<string, unknown> = {
    ready: new Promise<ConsentState>((resolve) => (resolveReady = resolve)),
    config,
    language,
    version: __CONSENTRY_VERSION__,
    get: (): ConsentState => ({ record: initial, needsChoice: needsChoice(initial, config, Date.now()), degraded: false }),
    // The gate's answer: what the blockers do is what the page is told.
    has: (category: CategoryId) => allows(category),
    on(event: keyof ConsentryEvents, fn: Listener) {
      listeners[event]?.add(fn);
      // `ready` fires once: a late subscriber still hears it.
      if (event == 'ready' && started) void (facade.ready as Promise<ConsentState>).then((state) => listeners.ready.has(fn) && fn(state));
      return () => void listeners[event]?.delete(fn);
    },
  };
  const queued = (method: string) => (...args: unknown[]) => new Promise((settle, fail) => queue.push([method, args, settle, fail]));
  for (const method of API_ACTIONS) facade[method] = queued(method);

  const emit: ApiHandle['emit'] = (event, state) => {
    for (const fn of listeners[event]) {
      try {
        fn(state);
      } catch (error) {
        console.error(`consentry: a "${event}" listener threw`, error);
      }
    }
    document.dispatchEvent(new CustomEvent(`consentry:${event}`, { detail: state }));
  };

  return {
    facade: facade as unknown as ConsentryApi,
    ready(state) {
      started = true;
      resolveReady(state);
      emit('ready', state);
    },
    emit,
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
