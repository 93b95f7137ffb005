/**
 * Network interceptors. A blocked call fails the way a request blocked by the
 * browser fails, so vendor code takes its normal error path: `fetch` rejects
 * with a TypeError, `sendBeacon` returns false, XHR fires `error`, WebSocket
 * fires `error` then `close` (1006), EventSource fires `error`. Decisions are
 * made at call time, so a withdrawal applies to scripts already running.
 */
import { isBlockedUrl } from './rules';

type AnyFunction = (this: unknown, ...args: any[]) => any;

/** Dispatch events later (as the network would), calling `on<type>` too for our stand-in objects. */
function failLater(target: EventTarget, types: string[], callHandlers: boolean): void {
  setTimeout(() => {
    for (const type of types) {
      const event = type === 'close' ? new CloseEvent(type, { code: 1006 }) : new Event(type);
      target.dispatchEvent(event);
      const handler = callHandlers && (target as unknown as Record<string, unknown>)['on' + type];
      if (typeof handler === 'function') handler.call(target, event);
    }
  });
}

/**
 * A WebSocket or EventSource that never connected: a real EventTarget whose
 * prototype is the native one (so `instanceof` holds), with plain values in
 * place of the accessors callers use (state, url, send/close, on* handlers).
 */
function deadConnection(proto: object, url: string, closedState: number, events: string[]): EventTarget {
  const target = Object.setPrototypeOf(new EventTarget(), proto) as EventTarget;
  const noop = () => undefined;
  const values: Record<string, unknown> = { url, readyState: closedState, send: noop, close: noop };
  for (const type of ['open', 'message', 'error', 'close']) values['on' + type] = null;
  for (const key in values) Object.defineProperty(target, key, { value: values[key], writable: true });
  failLater(target, events, true);
  return target;
}

function guardConstructor(name: 'WebSocket' | 'EventSource', closedState: number, events: string[]): void {
  const Native = window[name] as unknown as new (...args: unknown[]) => object;
  if (!Native) return;
  (window as unknown as Record<string, unknown>)[name] = new Proxy(Native, {
    construct: (target, args, newTarget) =>
      isBlockedUrl(args[0])
        ? deadConnection(Native.prototype, String(args[0]), closedState, events)
        : Reflect.construct(target, args, newTarget),
  });
}

function wrap<T extends object>(owner: T, key: keyof T, make: (native: AnyFunction) => AnyFunction): void {
  const native = owner[key] as unknown as AnyFunction;
  if (typeof native === 'function') owner[key] = make(native) as T[keyof T];
}

/** Install the fetch, beacon, XHR, WebSocket, EventSource and `<a ping>` interceptors. */
export function guardNetwork(): void {
  wrap(window, 'fetch', (native) =>
    function (this: unknown, input: unknown, init?: unknown) {
      return isBlockedUrl(input instanceof Request ? input.url : input)
        ? Promise.reject(new TypeError('Failed to fetch'))
        : native.call(this, input, init);
    },
  );
  wrap(Navigator.prototype, 'sendBeacon', (native) =>
    function (this: unknown, url: unknown, data?: unknown) {
      return !isBlockedUrl(url) && native.call(this, url, data);
    },
  );

  const xhrUrls = new WeakMap<object, unknown>();
  const xhr = XMLHttpRequest.prototype;
  wrap(xhr, 'open', (native) =>
    function (this: unknown, ...args: unknown[]) {
      xhrUrls.set(this as object, args[1]);
      delete (this as Record<string, unknown>).readyState;
      return native.apply(this, args);
    },
  );
  wrap(xhr, 'send', (native) =>
    function (this: unknown, body?: unknown) {
      if (!isBlockedUrl(xhrUrls.get(this as object))) return native.call(this, body);
      // A network error: DONE with status 0, then readystatechange, error, loadend.
      Object.defineProperty(this, 'readyState', { value: 4, configurable: true });
      failLater(this as EventTarget, ['readystatechange', 'error', 'loadend'], false);
    },
  );

  guardConstructor('WebSocket', 3, ['error', 'close']);
  guardConstructor('EventSource', 2, ['error']);
  // A socket opened before a withdrawal sends nothing after it.
  wrap(WebSocket.prototype, 'send', (native) =>
    function (this: unknown, data: unknown) {
      if (!isBlockedUrl((this as WebSocket).url)) native.call(this, data);
    },
  );

  // `<a ping>`: drop tracker ping URLs before the click's navigation sends them.
  const dropTrackerPings = (event: Event) => {
    const link = (event.target as Element | null)?.closest?.('a[ping],area[ping]');
    const ping = link?.getAttribute('ping');
    if (ping) link!.setAttribute('ping', ping.split(/\s+/).filter((url) => url && !isBlockedUrl(url)).join(' '));
  };
  addEventListener('click', dropTrackerPings, true);
  addEventListener('auxclick', dropTrackerPings, true);
}
