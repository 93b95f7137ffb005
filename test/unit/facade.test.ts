import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/core/defaults';
import { addMonths } from '../../src/core/record';
import type { ConsentRecord } from '../../src/core/types';
import { createFacade } from '../../src/guard/facade';
import { hashText, isValidated, rememberValidated, type QueuedCall } from '../../src/guard/handoff';

const NOW = Date.now();
const accepted: ConsentRecord = {
  schema: 1,
  id: 'r-1',
  policyVersion: '2021-10-24',
  language: 'en',
  categories: { necessary: true, preferences: true, analytics: true, advertising: true, email: true },
  optOuts: { promotionalEmail: false, personalisedAds: false, adSharing: false },
  method: 'accept-all',
  gpc: false,
  createdAt: NOW - 1000,
  updatedAt: NOW - 1000,
  expiresAt: addMonths(NOW, 12),
};

const facadeFor = (initial: ConsentRecord | null, trusted: boolean) => {
  const queue: QueuedCall[] = [];
  return { queue, ...createFacade({ config: defaultConfig(), language: 'en', initial, trusted, queue }) };
};

describe('the guard facade (window.consentry before the runtime arrives)', () => {
  it.each([
    { initial: accepted, trusted: true, analytics: true, needsChoice: false },
    { initial: accepted, trusted: false, analytics: false, needsChoice: false },
    { initial: null, trusted: true, analytics: false, needsChoice: true },
  ])('cookie $initial.method, config validated before: $trusted → has(analytics) $analytics', ({ initial, trusted, analytics, needsChoice }) => {
    const { facade } = facadeFor(initial, trusted);
    expect(facade.has('analytics')).toBe(analytics);
    expect(facade.has('necessary')).toBe(true);
    expect(facade.get()).toEqual({ record: initial, needsChoice, degraded: false });
  });

  it('queues other calls in call order and settles them with what the runtime returns', async () => {
    const { facade, queue } = facadeFor(null, true);
    const accept = facade.acceptAll();
    const history = facade.history();
    expect(queue.map(([method, args]) => [method, args])).toEqual([
      ['acceptAll', []],
      ['history', []],
    ]);
    queue[0]![2]('accepted');
    queue[1]![3](new Error('no storage'));
    await expect(accept).resolves.toBe('accepted');
    await expect(history).rejects.toThrow('no storage');
  });

  it('on(): an unsubscribe made before the runtime arrived removes the listener once it is added', () => {
    const { facade, queue } = facadeFor(null, true);
    const off = facade.on('change', () => undefined);
    off();
    let removed = 0;
    queue[0]![2](() => removed++);
    expect(removed).toBe(1);
  });
});

describe('hashText', () => {
  it('when the runtime cannot load: ready resolves with the cookie state (degraded), waiting and later calls reject with the reason', async () => {
    const { facade, queue, fail } = facadeFor(accepted, true);
    const waiting = facade.acceptAll();
    const error = new Error('consentry: could not load https://example.test/consentry-runtime.js');
    fail(error);
    await expect(facade.ready).resolves.toEqual({ record: accepted, needsChoice: false, degraded: true });
    await expect(waiting).rejects.toBe(error);
    await expect(facade.rejectAll()).rejects.toBe(error);
    await expect(facade.set({ categories: { analytics: false } })).rejects.toBe(error);
    expect(queue).toEqual([]);
    // Reading still works, from the cookie.
    expect(facade.has('analytics')).toBe(true);
  });

  it('tells configs apart and is stable', () => {
    expect(hashText('{"a":1}')).toBe(hashText('{"a":1}'));
    expect(hashText('{"a":1}')).not.toBe(hashText('{"a":2}'));
    expect(hashText('')).toMatch(/^[0-9a-z]+$/);
  });

  it('remembers the last eight validated configs, most recent first, and forgets one found invalid', () => {
    expect(rememberValidated(null, 'a', true)).toBe('a');
    expect(rememberValidated('a', 'b', true)).toBe('b a');
    expect(rememberValidated('b a', 'a', true)).toBe('a b');
    expect(rememberValidated('a b', 'b', false)).toBe('a');
    expect(rememberValidated(null, 'a', false)).toBe('');
    expect(rememberValidated('h g f e d c b a', 'i', true)).toBe('i h g f e d c b');
    expect(isValidated('i h g', 'h')).toBe(true);
    expect(isValidated('i h g', 'x')).toBe(false);
    expect(isValidated('', '')).toBe(false);
    expect(isValidated(null, 'h')).toBe(false);
  });
});
