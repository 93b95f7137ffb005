/**
 * Network interceptors. A URL is read once: the string that is judged is the
 * one the browser gets (an object whose `toString` answers differently the
 * second time gains nothing). A blocked call fails the way a request blocked
 * by the browser fails, so vendor code takes its normal error path: `fetch`
 * rejects with a TypeError, `sendBeacon` returns false, XHR fires `error`,
 * WebSocket fires `error` then `close` (1006), EventSource fires `error` —
 * except while the visitor decides, when a beacon or a `keepalive` fetch is
 * held instead and sent once if their choice allows it (./hits.ts).
 * Decisions are made at call time, so a withdrawal applies to scripts already
 * running.
 */
import type { Realm } from './elements';
import { holdHit } from './hits';
import { patchMethods } from './patch';
import { deniedRule, isBlockedUrl } from './rules';

/** Dispatch events later (as the network would), calling `on<type>` too for our stand-in objects. */
function failLater(target: EventTarget, types: string[], callHandlers: boolean): void {
  setTimeout(() => {
    for (const type of types) {
      const event = type == 'close' ? new CloseEvent(type, { code: 1006 }) : new Event(type);
      target.dispatchEvent(event);
      const handler = callHandlers && (target as unknown as Record<string, unknown>)['on' + type];
      if (typeof handler == 'function') handler.call(target, event);
    }
  });
}

/** About how many bytes a request body carries, for the bound on held hits (what cannot be measured counts as too many). */
const size = (body: unknown): number =>
  body == null ? 0 : typeof body == 'string' ? body.length : ((body as Blob).size ?? (body as ArrayBuffer).byteLength ?? Infinity);

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

/** Install the fetch, beacon, XHR, WebSocket and EventSource interceptors in `realm`. */
export function guardNetwork(realm: Realm): void {
  patchMethods(realm, 'fetch', (native) =>
    function (this: unknown, input: unknown, init?: RequestInit) {
      const request = input instanceof realm.Request ? input : undefined;
      const url = request ? request.url : String(input);
      const rule = deniedRule(url);
      const args = [request ?? url, init];
      if (!rule) return native.apply(this, args);
      return new Promise((resolve, reject) => {
        const keepalive = init?.keepalive ?? request?.keepalive;
        if (!keepalive || !holdHit(rule.category, size(init?.body), () => (native.apply(this, args) as Promise<Response>).then(resolve, reject)))
          reject(new TypeError('Failed to fetch'));
      });
    },
  );
  patchMethods(realm.Navigator.prototype, 'sendBeacon', (native) =>
    function (this: unknown, input: unknown, data?: unknown) {
      const url = String(input);
      const rule = deniedRule(url);
      return rule ? holdHit(rule.category, size(data), () => native.call(this, url, data)) : native.call(this, url, data);
    },
  );

  const xhrUrls = new WeakMap<object, string>();
  patchMethods(realm.XMLHttpRequest.prototype, 'open', (native) =>
    function (this: XMLHttpRequest, ...args: unknown[]) {
      const url = String(args[1]);
      xhrUrls.set(this, url);
      delete (this as unknown as Record<string, unknown>).readyState;
      args[1] = url;
      return native.apply(this, args);
    },
  );
  patchMethods(realm.XMLHttpRequest.prototype, 'send', (native) =>
    function (this: XMLHttpRequest, body?: unknown) {
      if (!isBlockedUrl(xhrUrls.get(this))) return native.call(this, body);
      // A network error: DONE with status 0, then readystatechange, error, loadend.
      Object.defineProperty(this, 'readyState', { value: 4, configurable: true });
      failLater(this, ['readystatechange', 'error', 'loadend'], false);
    },
  );

  for (const [name, closedState, events] of [
    ['WebSocket', 3, ['error', 'close']],
    ['EventSource', 2, ['error']],
  ] as const) {
    const Native = realm[name] as unknown as (new (...args: unknown[]) => object) | undefined;
    if (!Native) continue;
    realm[name] = new Proxy(Native, {
      construct(target, args, newTarget) {
        const url = String(args[0]);
        return isBlockedUrl(url) ? deadConnection(Native.prototype, url, closedState, [...events]) : Reflect.construct(target, [url, ...args.slice(1)], newTarget);
      },
    }) as never;
  }
  // A socket opened before a withdrawal sends nothing after it.
  patchMethods(realm.WebSocket?.prototype, 'send', (native) =>
    function (this: WebSocket, data: unknown) {
      if (!isBlockedUrl(this.url)) native.call(this, data);
    },
  );

}
