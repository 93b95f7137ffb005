/**
 * The API's events: `on('ready' | 'change', fn)` listeners, and the
 * `consentry:<event>` DOM events on `document` (both carry the state).
 */
import type { ConsentState, ConsentryApi, ConsentryEvents } from '../../core/types';

type Listener = (state: ConsentState) => void;

export interface Events {
  on: ConsentryApi['on'];
  emit<E extends keyof ConsentryEvents>(event: E, state: ConsentryEvents[E]): void;
}

/** Listeners over `ready`, the promise `window.consentry.ready` (a late `ready` subscriber still hears it, once). */
export function createEvents(ready: Promise<ConsentState>): Events {
  const listeners: Record<keyof ConsentryEvents, Set<Listener>> = { ready: new Set(), change: new Set() };
  let started = false;
  return {
    on(event, fn) {
      const listener = fn as Listener;
      listeners[event]?.add(listener);
      if (event == 'ready' && started) void ready.then((state) => listeners.ready.has(listener) && listener(state));
      return () => void listeners[event]?.delete(listener);
    },
    emit(event, state) {
      if (event == 'ready') started = true;
      for (const fn of listeners[event]) {
        try {
          fn(state);
        } catch (error) {
          console.error(`consentry: a "${event}" listener threw`, error);
        }
      }
      document.dispatchEvent(new CustomEvent(`consentry:${event}`, { detail: state }));
    },
  };
}
