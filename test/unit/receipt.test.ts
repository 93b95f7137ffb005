import { describe, expect, it } from 'vitest';
import { buildReceipt, buildWithdrawalReceipt } from '../../src/core/receipt';
import type { ConsentRecord } from '../../src/core/types';

const record: ConsentRecord = {
  schema: 1,
  id: 'r-8f3a',
  policyVersion: '2021-10-24',
  language: 'zh-CN',
  categories: { necessary: true, preferences: false, analytics: true, advertising: false, email: false },
  optOuts: { promotionalEmail: false, personalisedAds: true, adSharing: true },
  method: 'gpc',
  gpc: true,
  minor: { under: false, guardianConfirmed: false },
  createdAt: Date.UTC(2026, 0, 2, 3, 4, 5),
  updatedAt: Date.UTC(2026, 5, 7, 8, 9, 10, 11),
  expiresAt: Date.UTC(2027, 5, 7),
};

const expectedBase = {
  recordId: 'r-8f3a',
  timestamp: '2026-06-07T08:09:10.011Z',
  policyVersion: '2021-10-24',
  language: 'zh-CN',
  categories: { necessary: true, preferences: false, analytics: true, advertising: false, email: false },
  optOuts: { promotionalEmail: false, personalisedAds: true, adSharing: true },
  method: 'gpc',
  gpc: true,
};

describe('buildReceipt', () => {
  const cases: Array<[string, ConsentRecord, Parameters<typeof buildReceipt>[1], object]> = [
    ['a plain change: exactly the documented fields', record, undefined, expectedBase],
    [
      'an unsubscribe carries its list and token',
      { ...record, method: 'unsubscribe-link', optOuts: { ...record.optOuts, promotionalEmail: true } },
      { list: 'weekly', token: 'tok_12345678' },
      {
        ...expectedBase,
        method: 'unsubscribe-link',
        optOuts: { promotionalEmail: true, personalisedAds: true, adSharing: true },
        unsubscribe: { list: 'weekly', token: 'tok_12345678' },
      },
    ],
    [
      'fields added to a record later (or smuggled in) are not copied',
      { ...record, email: 'a@b.c', ip: '1.2.3.4', optOuts: { ...record.optOuts, extra: 1 } } as unknown as ConsentRecord,
      { list: 'l', token: 'tok_12345678', email: 'a@b.c' } as never,
      { ...expectedBase, unsubscribe: { list: 'l', token: 'tok_12345678' } },
    ],
  ];
  it.each(cases)('%s', (_name, input, unsubscribe, expected) => {
    const receipt = buildReceipt(input, unsubscribe);
    expect(receipt).toStrictEqual(expected);
    expect(JSON.parse(JSON.stringify(receipt))).toStrictEqual(expected);
  });

  it('copies categories, so later changes to the record do not alter a queued receipt', () => {
    const mutable = structuredClone(record);
    const receipt = buildReceipt(mutable);
    mutable.categories.analytics = false;
    expect(receipt.categories.analytics).toBe(true);
  });
});

describe('buildWithdrawalReceipt', () => {
  it('keeps the id and opt-outs, turns every optional category off, and is stamped with the withdrawal time', () => {
    expect(buildWithdrawalReceipt(record, Date.UTC(2026, 6, 1))).toStrictEqual({
      ...expectedBase,
      timestamp: '2026-07-01T00:00:00.000Z',
      categories: { necessary: true, preferences: false, analytics: false, advertising: false, email: false },
      method: 'withdraw',
    });
  });
});
