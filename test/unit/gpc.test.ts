import { describe, expect, it } from 'vitest';
import { applyGpc, gpcPending } from '../../src/core/gpc';
import type { ConsentRecord, OptOuts } from '../../src/core/types';

const none: OptOuts = { promotionalEmail: false, personalisedAds: false, adSharing: false };

describe('applyGpc', () => {
  it.each<[string, OptOuts, boolean, OptOuts]>([
    ['no signal: unchanged', none, false, none],
    ['signal: both ad opt-outs on', none, true, { promotionalEmail: false, personalisedAds: true, adSharing: true }],
    ['signal keeps the email opt-out', { ...none, promotionalEmail: true }, true, { promotionalEmail: true, personalisedAds: true, adSharing: true }],
    ['no signal never turns opt-outs off', { promotionalEmail: false, personalisedAds: true, adSharing: true }, false, { promotionalEmail: false, personalisedAds: true, adSharing: true }],
  ])('%s', (_name, optOuts, gpc, expected) => {
    expect(applyGpc(optOuts, gpc)).toEqual(expected);
  });
});

describe('gpcPending', () => {
  const record = (gpc: boolean, optOuts: Partial<OptOuts>): ConsentRecord => ({
    schema: 1,
    id: 'r',
    policyVersion: '1',
    language: 'en',
    categories: { necessary: true, preferences: false, analytics: false, advertising: false, email: false },
    optOuts: { ...none, ...optOuts },
    method: 'accept-all',
    gpc,
    createdAt: 0,
    updatedAt: 0,
    expiresAt: 1,
  });
  it.each<[string, ConsentRecord | null, boolean, boolean]>([
    ['no signal', record(false, {}), false, false],
    ['no record yet', null, true, false],
    ['signal, record made without it, ads not opted out', record(false, {}), true, true],
    ['signal, record made without it, only one opt-out on', record(false, { personalisedAds: true }), true, true],
    ['signal, both opt-outs already on', record(false, { personalisedAds: true, adSharing: true }), true, false],
    ['signal, record made with it (visitor switched ads back on)', record(true, {}), true, false],
  ])('%s', (_name, rec, gpc, expected) => {
    expect(gpcPending(rec, gpc)).toBe(expected);
  });
});
