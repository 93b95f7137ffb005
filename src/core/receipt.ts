/**
 * Consent receipts: the JSON a site's endpoint receives on every change.
 * Built only from the record, field by field, so nothing personal (IP, email
 * address, user agent, page URL) can slip in: the server learns what was
 * chosen, when, under which policy and how — nothing about who.
 */
import type { ConsentReceipt, ConsentRecord, UnsubscribeRequest } from './types';

/** The receipt for a stored record; an unsubscribe-link landing adds its list and token. */
export function buildReceipt(record: ConsentRecord, unsubscribe?: UnsubscribeRequest): ConsentReceipt {
  const receipt: ConsentReceipt = {
    recordId: record.id,
    timestamp: new Date(record.updatedAt).toISOString(),
    policyVersion: record.policyVersion,
    language: record.language,
    categories: { ...record.categories },
    optOuts: {
      promotionalEmail: record.optOuts.promotionalEmail,
      personalisedAds: record.optOuts.personalisedAds,
      adSharing: record.optOuts.adSharing,
    },
    method: record.method,
    gpc: record.gpc,
  };
  if (unsubscribe) receipt.unsubscribe = { list: unsubscribe.list, token: unsubscribe.token };
  return receipt;
}

/**
 * The receipt for a withdrawal, which deletes the record: the last record's id,
 * every optional category off, and its opt-outs kept (withdrawing cookie
 * consent must not read as re-subscribing to email).
 */
export function buildWithdrawalReceipt(previous: ConsentRecord, at: number): ConsentReceipt {
  const categories = { ...previous.categories };
  for (const id of Object.keys(categories)) categories[id] = id === 'necessary';
  return { ...buildReceipt(previous), timestamp: new Date(at).toISOString(), categories, method: 'withdraw' };
}
