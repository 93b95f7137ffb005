import { afterEach, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/core/defaults';
import { addMonths } from '../../src/core/record';
import { VALIDATED_CONFIGS_KEY } from '../../src/core/storage-keys';
import type { ConsentRecord, ConsentState } from '../../src/core/types';
import { createApi } from '../../src/guard/head/facade';
import * as gate from '../../src/guard/head/gate';
import { hashText, validatedBefore } from '../../src/guard/head/trust';
import { rememberValidated } from '../../src/guard/runtime/config-check';
import { createEvents } from '../../src/guard/runtime/events';

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
  expiresAt: addMonths(NOW - 1000, 12),
};

afterEach(() => {
  gate.set([]);
  localStorage.clear();
});

describe('window.consentry before the runtime arrives (head/facade.ts)', () => {
  it.each([
    { initial: accepted, opened: true, analytics: true, needsChoice: false },
    { initial: accepted, opened: false, analytics: false, needsChoice: false },
    { initial: null, opened: false, analytics: false, needsChoice: true },
  ])('cookie $initial.method, gate opened by the head: $opened → has(analytics) $analytics', ({ initial, opened, analytics, needsChoice }) => {
    const { facade } = createApi(defaultConfig(), initial);
    if (opened) gate.set(['analytics']);
    expect(facade.has('analytics')).toBe(analytics);
    expect(facade.has('necessary')).toBe(true);
    expect(facade.get()).toEqual({ record: initial, needsChoice, degraded: false });
  });

  it('queues actions in call order and runs them with the runtime\'s once it completes the object', async () => {
    const handle = createApi(defaultConfig(), null);
    const calls: string[] = [];
    const accept = handle.facade.acceptAll();
    const history = handle.facade.history();
    expect(calls).toEqual([]);
    handle.complete({
      acceptAll: async () => (calls.push('acceptAll'), 'accepted' as unknown as ConsentState),
      history: () => {
        calls.push('history');
        throw new Error('no storage');
      },
    });
    expect(calls).toEqual(['acceptAll', 'history']);
    await expect(accept).resolves.toBe('accepted');
    await expect(history).rejects.toThrow('no storage');
    // Later calls go straight to the runtime's actions.
    await expect(handle.facade.acceptAll()).resolves.toBe('accepted');
  });

  it('on(): queued with the actions; an unsubscribe made before the runtime arrived removes the listener once it is added', () => {
    const { facade, complete } = createApi(defaultConfig(), null);
    const off = facade.on('change', () => undefined);
    off();
    let removed = 0;
    complete({ on: () => () => void removed++ });
    expect(removed).toBe(1);
  });

  it('events: listeners and the DOM event hear each emit; a late ready subscriber hears it once; unsubscribe works', async () => {
    const ready = Promise.resolve({ record: null, needsChoice: true, degraded: false });
    const events = createEvents(ready);
    const heard: string[] = [];
    const dom: string[] = [];
    document.addEventListener('consentry:change', () => dom.push('change'), { once: true });
    const off = events.on('change', (state) => heard.push(String(state.record)));
    events.emit('change', { record: null, needsChoice: true, degraded: false });
    off();
    events.emit('change', { record: null, needsChoice: true, degraded: false });
    events.emit('ready', await ready);
    events.on('ready', () => heard.push('late ready'));
    await ready;
    await Promise.resolve();
    expect(heard).toEqual(['null', 'late ready']);
    expect(dom).toEqual(['change']);
  });

  it('when the runtime cannot load: ready resolves with the cookie state (degraded), waiting and later calls reject with the reason', async () => {
    const { facade, fail } = createApi(defaultConfig(), accepted);
    gate.set(['analytics']);
    const waiting = facade.acceptAll();
    const error = new Error('consentry: could not load https://example.test/consentry-runtime.js');
    fail(error);
    await expect(facade.ready).resolves.toEqual({ record: accepted, needsChoice: false, degraded: true });
    await expect(waiting).rejects.toBe(error);
    await expect(facade.rejectAll()).rejects.toBe(error);
    await expect(facade.set({ categories: { analytics: false } })).rejects.toBe(error);
    // Reading still works, from the cookie.
    expect(facade.has('analytics')).toBe(true);
  });
});

describe('configs the runtime validated (head/trust.ts, runtime/config-check.ts)', () => {
  it('hashText tells configs apart and is stable', () => {
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
  });

  it('the head trusts exactly the hashes the runtime remembered', () => {
    expect(validatedBefore('h')).toBe(false);
    localStorage.setItem(VALIDATED_CONFIGS_KEY, rememberValidated('i h g', 'j', true));
    expect(validatedBefore('h')).toBe(true);
    expect(validatedBefore('x')).toBe(false);
    expect(validatedBefore('')).toBe(false);
  });
});
