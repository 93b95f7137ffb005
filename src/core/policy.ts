/**
 * What the visitor's choice means now: whether it must be asked again
 * (expiry, policy changes, section 12) and which categories it allows.
 */
import { addMonths, CLOCK_SKEW } from './record';
import type { CategoryId, ConsentRecord, ConsentryConfig } from './types';

export { CLOCK_SKEW } from './record';

/**
 * Whether the visitor must be asked: no record; a record an unsubscribe link
 * made alone (see `isSignalOnly`); or an outdated one (see `isOutdated`).
 */
export function needsChoice(record: ConsentRecord | null, config: ConsentryConfig, now: number): boolean {
  return !record || isSignalOnly(record, config) || isOutdated(record, config, now);
}

/**
 * Whether a choice no longer counts: it expired (by its own expiry, or
 * `expiryMonths` after it was made); its times cannot be true (made in the future, or expiring later than
 * `expiryMonths` allows: a forged or corrupt cookie or record, or a site that
 * shortened `expiryMonths` since); or it was given under another policy version
 * and the current version is a material change.
 */
export function isOutdated(record: ConsentRecord, config: ConsentryConfig, now: number): boolean {
  const maxExpiry = addMonths(record.updatedAt, config.expiryMonths);
  // Written as what must hold for the choice to count, so a time that is NaN (no comparison holds) makes it outdated.
  const timesHold = now < Math.min(record.expiresAt, maxExpiry) && Math.max(record.updatedAt - now, record.expiresAt - maxExpiry) <= CLOCK_SKEW;
  return !timesHold || (config.policy.material && record.policyVersion !== config.policy.version);
}

/**
 * A record an unsubscribe link made for a visitor who had not chosen yet: it
 * holds the email opt-out, every optional category denied, and no cookie
 * choice. The visitor is still asked (nothing runs meanwhile). A visitor who
 * had refused everything and then unsubscribes is asked once more: the cookie
 * cannot tell the two apart, and asking is the side that fails safe.
 */
export function isSignalOnly(record: ConsentRecord, config: ConsentryConfig): boolean {
  return record.method === 'unsubscribe-link' && config.categories.every(({ id, required }) => required || !record.categories[id]);
}

/**
 * The categories the gate allows for `record`, the single place this mapping lives:
 * - no record, or one that must be asked again (see `needsChoice`): only `necessary`;
 * - otherwise every configured category the record allows;
 * - minus `advertising` when the visitor refused personalised ads or sharing with
 *   advertisers (both are what that category does, policy 8.2.3 and 8.4);
 * - a minor (minors flow, section 10): only `necessary` until a guardian confirms,
 *   and never `advertising`.
 */
export function effectiveCategories(record: ConsentRecord | null, config: ConsentryConfig, now: number = Date.now()): Set<CategoryId> {
  const allowed = new Set<CategoryId>(['necessary']);
  if (!record || needsChoice(record, config, now)) return allowed;
  if (record.minor?.under && !record.minor.guardianConfirmed) return allowed;
  for (const { id } of config.categories) if (record.categories[id]) allowed.add(id);
  if (record.optOuts.personalisedAds || record.optOuts.adSharing || record.minor?.under) allowed.delete('advertising');
  return allowed;
}
