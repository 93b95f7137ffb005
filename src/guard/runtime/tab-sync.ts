/**
 * Tabs: a change in one tab is applied in every open tab of the site. The
 * record itself travels (so tabs without IndexedDB stay in step too) over a
 * BroadcastChannel, or, where there is none, through a `storage` event (a
 * localStorage entry written and removed at once).
 */
import { TAB_CHANNEL, TAB_SYNC_KEY } from '../../core/storage-keys';
import type { ConsentRecord } from '../../core/types';

/** Sends a change to the other tabs: the record after it (`null`: withdrawn) and when it was made. */
export type Broadcast = (record: ConsentRecord | null, at: number) => void;

/** What a tab sends: the record and the change's time (the receiver orders changes by it). */
interface Message {
  record?: unknown;
  at?: unknown;
}

/**
 * Starts listening; `receive` gets what another tab sent (untrusted: decode it;
 * `null` means the choice was withdrawn; `at` is a number from a tab of this
 * version, anything from an older one). Never throws.
 */
export function startTabSync(receive: (record: unknown, at: unknown) => void): Broadcast {
  const take = (message: Message | null) => receive(message?.record, message?.at);
  try {
    if (typeof BroadcastChannel === 'function') {
      const channel = new BroadcastChannel(TAB_CHANNEL);
      channel.onmessage = (event: MessageEvent) => take(event.data as Message | null);
      return (record, at) => channel.postMessage({ record, at });
    }
    addEventListener('storage', (event) => {
      if (event.key !== TAB_SYNC_KEY || !event.newValue) return;
      try {
        take(JSON.parse(event.newValue) as Message | null);
      } catch {
        // Not ours to read: ignore.
      }
    });
    return (record, at) => {
      try {
        // The nonce makes two equal changes two events.
        localStorage.setItem(TAB_SYNC_KEY, JSON.stringify({ record, at, nonce: Math.random() }));
        localStorage.removeItem(TAB_SYNC_KEY);
      } catch {
        // Storage disabled: the other tabs learn at their next page view, from the cookie.
      }
    };
  } catch {
    return () => undefined;
  }
}
