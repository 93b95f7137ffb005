/**
 * The gate: which categories may run right now. Every blocker asks it, and
 * every change of consent goes through `setAllowed`. It starts with only
 * `necessary`, so anything that runs before the stored choice is known, or
 * after an internal error, stays blocked (fail closed).
 */
import type { CategoryId } from '../core/types';

export type GateListener = (now: ReadonlySet<CategoryId>, before: ReadonlySet<CategoryId>) => void;

let allowed: ReadonlySet<CategoryId> = new Set(['necessary']);
const listeners = new Set<GateListener>();

/** Whether `category` may run now. */
export function isAllowed(category: CategoryId): boolean {
  return allowed.has(category);
}

/** The allowed set, for blockers that need all of it at once. */
export function allowedCategories(): ReadonlySet<CategoryId> {
  return allowed;
}

/**
 * Replace the allowed set (`necessary` is always added) and tell listeners:
 * blockers release what became allowed and purge what became denied.
 * A listener that throws is reported and does not stop the others.
 */
export function setAllowed(next: Iterable<CategoryId>): void {
  const before = allowed;
  const now = new Set<CategoryId>(next);
  now.add('necessary');
  allowed = now;
  for (const listener of listeners) {
    try {
      listener(now, before);
    } catch (error) {
      console.error('consentry: internal error while applying consent', error);
    }
  }
}

/** Subscribe to changes; returns the unsubscribe function. */
export function onAllowedChange(listener: GateListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
