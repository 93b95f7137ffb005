/**
 * The gate as the async part (dist/consentry-runtime.js) sees it: the one
 * instance the synchronous part created, taken from the handoff
 * (../handoff.ts). vite.config.ts aliases src/guard/gate.ts to this file in
 * the runtime build only.
 */
import type { CategoryId } from '../../core/types';
import type { GateListener } from '../gate';
import { internals } from '../handoff';

export type { GateListener };
export const isAllowed = (category: CategoryId): boolean => internals()!.gate.isAllowed(category);
export const allowedCategories = (): ReadonlySet<CategoryId> => internals()!.gate.allowedCategories();
export const setAllowed = (next: Iterable<CategoryId>): void => internals()!.gate.setAllowed(next);
export const onAllowedChange = (listener: GateListener): (() => void) => internals()!.gate.onAllowedChange(listener);
