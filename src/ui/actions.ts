/**
 * What each button does, expressed only through the API the host gives
 * (host.api: window.consentry's, with actions that record each button's
 * method, so a visitor's click is told from page code's calls).
 * With the minors flow on, every choice also carries the age answer, so it
 * goes through `set()` with the matching method instead of acceptAll/rejectAll.
 */
import type { CategoryId, ConsentChange, ConsentryConfig, OptOuts, UiHost } from '../core/types';

/** On/off per category id, as the switches show it. */
export type CategoryChoices = Record<string, boolean>;

/** The age answer: null until asked (or when the minors flow is off). */
export interface AgeAnswer {
  under: boolean;
  guardianConfirmed: boolean;
}

/** Categories a minor can never have, whatever a guardian says (policy 10, issue 5). */
export const NEVER_FOR_MINORS: readonly CategoryId[] = ['advertising'];

function allCategories(config: Readonly<ConsentryConfig>, value: boolean): CategoryChoices {
  const out: CategoryChoices = {};
  for (const category of config.categories) out[category.id] = category.required ? true : value;
  return out;
}

/** Applies a minor's limits to a change: nothing optional without a guardian, never advertising, ad opt-outs on. */
export function limitForMinor(change: ConsentChange, age: AgeAnswer, config: Readonly<ConsentryConfig>): ConsentChange {
  if (!age.under) return { ...change, minor: age };
  const categories: CategoryChoices = {};
  for (const category of config.categories) {
    const wanted = category.required || (age.guardianConfirmed && change.categories?.[category.id] === true);
    categories[category.id] = wanted && !NEVER_FOR_MINORS.includes(category.id);
  }
  return {
    ...change,
    categories,
    optOuts: { ...change.optOuts, personalisedAds: true, adSharing: true },
    minor: age,
  };
}

export function acceptAll(host: UiHost, age: AgeAnswer | null) {
  if (!age) return host.api.acceptAll();
  return host.api.set(limitForMinor({ categories: allCategories(host.config, true), method: 'accept-all' }, age, host.config));
}

export function rejectAll(host: UiHost, age: AgeAnswer | null) {
  if (!age) return host.api.rejectAll();
  return host.api.set(limitForMinor({ categories: allCategories(host.config, false), method: 'reject-all' }, age, host.config));
}

/** "Save choices": the switches as they are, both categories and opt-outs. */
export function saveChoices(host: UiHost, categories: CategoryChoices, optOuts: OptOuts, age: AgeAnswer | null) {
  const change: ConsentChange = { categories: { ...categories }, optOuts: { ...optOuts }, method: 'custom' };
  return host.api.set(age ? limitForMinor(change, age, host.config) : change);
}
