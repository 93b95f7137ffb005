import { describe, expect, it } from 'vitest';
import { consentModeDefault, consentModeState, type ConsentModeState } from '../../src/core/consent-mode';
import type { CategoryId, OptOuts } from '../../src/core/types';

const noOptOuts: OptOuts = { promotionalEmail: false, personalisedAds: false, adSharing: false };
const D = 'denied';
const G = 'granted';

// Columns: ad_storage, ad_user_data, ad_personalization, analytics_storage,
// functionality_storage, personalization_storage, security_storage.
const row = (...v: Array<'granted' | 'denied'>): ConsentModeState => ({
  ad_storage: v[0]!,
  ad_user_data: v[1]!,
  ad_personalization: v[2]!,
  analytics_storage: v[3]!,
  functionality_storage: v[4]!,
  personalization_storage: v[5]!,
  security_storage: v[6]!,
});

const cases: Array<[string, CategoryId[], Partial<OptOuts> | undefined, ConsentModeState]> = [
  ['nothing chosen yet', [], undefined, row(D, D, D, D, D, D, G)],
  ['necessary only (reject all)', ['necessary'], noOptOuts, row(D, D, D, D, D, D, G)],
  ['analytics only', ['necessary', 'analytics'], noOptOuts, row(D, D, D, G, D, D, G)],
  ['preferences only', ['necessary', 'preferences'], noOptOuts, row(D, D, D, D, G, G, G)],
  ['advertising, no opt-outs', ['necessary', 'advertising'], noOptOuts, row(G, G, G, D, D, D, G)],
  ['advertising, personalised ads refused', ['advertising'], { personalisedAds: true }, row(G, G, D, D, D, D, G)],
  ['advertising, sharing refused', ['advertising'], { adSharing: true }, row(G, D, G, D, D, D, G)],
  ['advertising, both refused (GPC)', ['advertising'], { personalisedAds: true, adSharing: true }, row(G, D, D, D, D, D, G)],
  ['ad opt-outs without advertising', ['analytics'], { personalisedAds: true, adSharing: true }, row(D, D, D, G, D, D, G)],
  ['email opt-out changes no Consent Mode type', ['advertising', 'analytics'], { promotionalEmail: true }, row(G, G, G, G, D, D, G)],
  ['accept all', ['necessary', 'preferences', 'analytics', 'advertising', 'email'], noOptOuts, row(G, G, G, G, G, G, G)],
  ['email category maps to no Consent Mode type', ['email'], noOptOuts, row(D, D, D, D, D, D, G)],
];

describe('consentModeState', () => {
  it.each(cases)('%s', (_name, allowed, optOuts, expected) => {
    const set = new Set(allowed);
    const result = consentModeState((c) => set.has(c), optOuts && { ...noOptOuts, ...optOuts });
    expect(result).toEqual(expected);
  });
});

describe('consentModeDefault', () => {
  it('denies everything but security_storage and waits 500 ms for the update', () => {
    expect(consentModeDefault()).toEqual({
      ad_storage: 'denied',
      ad_user_data: 'denied',
      ad_personalization: 'denied',
      analytics_storage: 'denied',
      functionality_storage: 'denied',
      personalization_storage: 'denied',
      security_storage: 'granted',
      wait_for_update: 500,
    });
  });
});
