/**
 * The gate: which categories may run right now (the kernel's `Gate`). Every
 * blocker asks it, and every change of consent goes through `set`. It starts
 * with only `necessary`, so anything that runs before the stored choice is
 * known, or after an internal error, stays blocked (fail closed).
 */
import type { CategoryId } from '../../core/types';
import type { Gate } from '../kernel';

type Listener = Parameters<Gate['onChange']>[0];

let current: ReadonlySet<CategoryId> = new Set(['necessary']);
let chosen = false;
const listeners = new Set<Listener>();

/** Whether `category` may run now. */
export const allows = (category: CategoryId): boolean => current.has(category);

/** The allowed set, for blockers that need all of it at once. */
export const allowed = (): ReadonlySet<CategoryId> => current;

/** Whether the set comes from a choice the visitor made (false while they decide: see ./hits.ts). */
export const decided = (): boolean => chosen;

/**
 * Replace the allowed set (`necessary` is always added) and tell listeners:
 * blockers release what became allowed and purge what became denied.
 * `choice`: the set is what a visitor's choice allows (not a start-up or
 * fail-closed default). A listener that throws is reported and does not stop
 * the others.
 */
export function set(next: Iterable<CategoryId>, choice = false): void {
  const before = current;
  const now = new Set<CategoryId>(next);
  now.add('necessary');
  current = now;
  chosen = choice;
  for (const listener of listeners) {
    try {
      listener(now, before);
    } catch (error) {
      console.error('consentry: internal error', error);
    }
  }
}

/** Subscribe to changes; returns the unsubscribe function. */
export function onChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
