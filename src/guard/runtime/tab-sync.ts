/**
 * Tabs: a change in one tab is applied in every open tab of the site. The
 * record itself travels (so tabs without IndexedDB stay in step too) over a
 * BroadcastChannel, or, where there is none, through a `storage` event (a
 * localStorage entry written and removed at once).
 */
import { TAB_CHANNEL, TAB_SYNC_KEY } from '../../core/storage-keys';
import type { ConsentRecord } from '../../core/types';

/** Sends a change to the other tabs. */
export type Broadcast = (record: ConsentRecord | null) => void;

/**
 * Starts listening; `receive` gets what another tab sent (untrusted: decode it;
 * `null` means the choice was withdrawn). Never throws.
 */
export function startTabSync(receive: (record: unknown) => void): Broadcast {
  try {
    if (typeof BroadcastChannel === 'function') {
      const channel = new BroadcastChannel(TAB_CHANNEL);
      channel.onmessage = (event: MessageEvent) => receive((event.data as { record?: unknown } | null)?.record);
      return (record) => channel.postMessage({ record });
    }
    addEventListener('storage', (event) => {
      if (event.key !== TAB_SYNC_KEY || !event.newValue) return;
      try {
        receive((JSON.parse(event.newValue) as { record?: unknown }).record);
      } catch {
        // Not ours to read: ignore.
      }
    });
    return (record) => {
      try {
        // The nonce makes two equal changes two events.
        localStorage.setItem(TAB_SYNC_KEY, JSON.stringify({ record, nonce: Math.random() }));
        localStorage.removeItem(TAB_SYNC_KEY);
      } catch {
        // Storage disabled: the other tabs learn at their next page view, from the cookie.
      }
    };
  } catch {
    return () => undefined;
  }
}
