/** Section 12 of the policy: telling returning visitors that it changed. */
import type { ConsentryConfig } from './types';

const DAY = 86_400_000;

/** Whether the "our policy changed" notice shows: from the effective date for `noticeDays` days (never without a date). */
export function policyNoticeActive(config: ConsentryConfig, now: number): boolean {
  const from = Date.parse(config.policy.effectiveDate ?? '');
  return now >= from && now < from + config.policy.noticeDays * DAY;
}
