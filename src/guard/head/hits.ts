/**
 * Hits held while the visitor decides. A beacon, a `keepalive` fetch or a
 * pixel that a vendor sends once, at start, would be lost for good if it
 * failed while the banner is open: so while no choice exists, the denied ones
 * are held here (bounded: `MAX_HITS` hits, `MAX_BYTES` of bodies) and sent
 * once, in call order, if the visitor's choice allows their category on this
 * page; the rest are discarded with the choice. Once a choice exists nothing
 * is held: a denied hit fails at once, as the browser would fail it.
 * Everything else (XHR, sockets, other fetches) fails at once: their callers
 * wait for an answer.
 */
import { allows, decided, onChange } from './gate';

/** At most this many hits are held… */
const MAX_HITS = 30;
/** …carrying at most this many bytes of bodies. */
const MAX_BYTES = 65536;

let held: [category: string, bytes: number, send: () => void][] = [];

/** Hold a denied hit of `category` (carrying `bytes`) until the choice; false when it must fail now (a choice exists, or the bounds are reached). */
export function holdHit(category: string, bytes: number, send: () => void): boolean {
  if (decided() || held.length >= MAX_HITS || held.reduce((sum, hit) => sum + hit[1], bytes) > MAX_BYTES) return false;
  held.push([category, bytes, send]);
  return true;
}

/** Once the visitor chose: send what they allowed, in order, and drop the rest. */
export function watchHits(): void {
  onChange(() => {
    if (!decided()) return;
    const due = held;
    held = [];
    for (const [category, , send] of due) if (allows(category)) send();
  });
}
