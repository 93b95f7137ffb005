/**
 * Global Privacy Control (https://privacycg.github.io/gpc-spec/): a browser
 * signal that the visitor refuses the sale or sharing of their data. Consentry
 * reads it as the two advertising opt-outs (personalised ads, sharing with
 * advertisers). It only ever turns opt-outs on: a later visit without the
 * signal changes nothing by itself.
 */
import type { ConsentRecord, OptOuts } from './types';

/** `optOuts` with GPC applied: both advertising opt-outs on when the signal is sent. */
export function applyGpc(optOuts: OptOuts, gpc: boolean): OptOuts {
  return gpc ? { ...optOuts, personalisedAds: true, adSharing: true } : optOuts;
}

/**
 * Whether a stored choice still has to honour a GPC signal seen now: the
 * record was made without GPC and one of the advertising opt-outs is off. A
 * record made while GPC was on is the visitor's word (they may have switched
 * an opt-out back on in the opt-out centre) and is left as it is. With no
 * record there is nothing to update: the first record takes `applyGpc`.
 */
export function gpcPending(record: ConsentRecord | null, gpc: boolean): boolean {
  return gpc && !!record && !record.gpc && !(record.optOuts.personalisedAds && record.optOuts.adSharing);
}
