/** The one list of the public API's actions (see `ConsentryApi`). */
import type { ConsentryApi } from './types';

/**
 * The methods of `window.consentry` that act (change the choice, read the
 * history, open the UI) and answer with a promise. Until the guard's runtime
 * knows the stored choice they are queued, and run in call order once it does.
 */
export const API_ACTIONS = [
  'acceptAll',
  'rejectAll',
  'set',
  'withdraw',
  'history',
  'show',
  'showPreferences',
  'showOptOuts',
] as const satisfies readonly (keyof ConsentryApi)[];

export type ApiAction = (typeof API_ACTIONS)[number];
