/**
 * Google Consent Mode v2: which of its seven consent types a visitor's choice
 * grants. Pure, so the table is tested once and the guard only pushes the
 * result into `dataLayer`.
 *
 * | consent type            | granted when                                              |
 * | ----------------------- | --------------------------------------------------------- |
 * | analytics_storage       | `analytics` allowed                                       |
 * | ad_storage              | `advertising` allowed                                     |
 * | ad_user_data            | `advertising` allowed and no `adSharing` opt-out          |
 * | ad_personalization      | `advertising` allowed and no `personalisedAds` opt-out    |
 * | functionality_storage   | `preferences` allowed                                     |
 * | personalization_storage | `preferences` allowed                                     |
 * | security_storage        | always (strictly necessary: fraud and abuse protection)   |
 *
 * "Allowed" is the effective decision the guard enforces (`api.has`), so a
 * minor, an expired choice or a material policy change deny here too.
 */
import type { CategoryId, OptOuts } from './types';

/** One of Consent Mode v2's consent types. */
export type ConsentModeType =
  | 'ad_storage'
  | 'ad_user_data'
  | 'ad_personalization'
  | 'analytics_storage'
  | 'functionality_storage'
  | 'personalization_storage'
  | 'security_storage';

export type ConsentModeValue = 'granted' | 'denied';

/** A full Consent Mode state: every type, granted or denied. */
export type ConsentModeState = Record<ConsentModeType, ConsentModeValue>;

const value = (granted: boolean): ConsentModeValue => (granted ? 'granted' : 'denied');

/**
 * The Consent Mode state for a choice.
 * @param isAllowed whether a category is allowed now (pass `api.has`).
 * @param optOuts the visitor's opt-outs (none when there is no record yet).
 */
export function consentModeState(isAllowed: (category: CategoryId) => boolean, optOuts: OptOuts | undefined): ConsentModeState {
  const advertising = isAllowed('advertising');
  const preferences = isAllowed('preferences');
  return {
    ad_storage: value(advertising),
    ad_user_data: value(advertising && !optOuts?.adSharing),
    ad_personalization: value(advertising && !optOuts?.personalisedAds),
    analytics_storage: value(isAllowed('analytics')),
    functionality_storage: value(preferences),
    personalization_storage: value(preferences),
    security_storage: 'granted',
  };
}

/** How long (ms) Google tags wait for the `update` after the `default` before they fire. */
export const CONSENT_MODE_WAIT_MS = 500;

/**
 * The `default` command's parameters: everything denied but `security_storage`,
 * with `wait_for_update` so tags give the stored choice time to arrive.
 */
export function consentModeDefault(): ConsentModeState & { wait_for_update: number } {
  return { ...consentModeState(() => false, undefined), wait_for_update: CONSENT_MODE_WAIT_MS };
}
