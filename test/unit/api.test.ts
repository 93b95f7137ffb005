import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultConfig } from '../../src/core/defaults';
import { decodeMirrorCookie } from '../../src/core/mirror-cookie';
import { addMonths } from '../../src/core/record';
import type { ConsentRecord, ConsentState, ConsentryConfig, UiView } from '../../src/core/types';
import * as policy from '../../src/core/policy';
import { createApi } from '../../src/guard/head/facade';
import * as gate from '../../src/guard/head/gate';
import { createConsent, type ActionsContext } from '../../src/guard/runtime/api';
import { createEvents } from '../../src/guard/runtime/events';
import { openStorage } from '../../src/guard/runtime/storage';

const NOW = Date.UTC(2026, 10, 29, 12);
const IDS = defaultConfig().categories.map((c) => c.id);

const stored = (over: Partial<ConsentRecord> = {}): ConsentRecord => ({
  schema: 1,
  id: 'r-1',
  policyVersion: '2021-10-24',
  language: 'en',
  categories: { necessary: true, preferences: false, analytics: true, advertising: false, email: false },
  optOuts: { promotionalEmail: false, personalisedAds: false, adSharing: false },
  method: 'custom',
  gpc: false,
  createdAt: NOW - 1000,
  updatedAt: NOW - 1000,
  expiresAt: addMonths(NOW, 12),
  ...over,
});

/**
 * `window.consentry` as a page sees it: the head's facade (head/facade.ts)
 * completed by the runtime's actions (runtime/api.ts), wired to recording
 * fakes (cookie, tabs, UI, purge), the head's gate and a real storage on a
 * fresh fake IndexedDB. `guard.start` does what the runtime does once the
 * stored choice is known.
 */
function setup(over: Partial<ActionsContext> = {}, config: ConsentryConfig = defaultConfig()) {
  const cookie: { value: string | undefined } = { value: undefined };
  const seen = { broadcasts: [] as (ConsentRecord | null)[], broadcastTimes: [] as number[], opened: [] as UiView[], purged: [] as string[][], reloads: 0 };
  const handle = createApi(config, over.initial ?? null);
  const events = createEvents(handle.facade.ready);
  const consent = createConsent({
    config,
    language: 'en',
    gpc: false,
    locked: false,
    storage: openStorage(),
    initial: null,
    policy,
    gate,
    emit: events.emit,
    writeCookie: (value) => (cookie.value = value),
    removeCookie: () => (cookie.value = undefined),
    broadcast: (record, at) => void (seen.broadcasts.push(record), seen.broadcastTimes.push(at)),
    openUi: async (view) => void seen.opened.push(view),
    purge: (categories) => void seen.purged.push([...categories]),
    reload: () => void seen.reloads++,
    now: () => NOW,
    ...over,
  });
  const heard: [string, ConsentState][] = [];
  const guard = {
    applyGate: consent.applyGate,
    applyRemote: consent.applyRemote,
    start(record: ConsentRecord | null) {
      const state = consent.start(record);
      handle.ready(state);
      events.emit('ready', state);
      handle.complete({ ...consent.actions, on: events.on });
      return state;
    },
  };
  events.on('change', (state) => heard.push(['change', state]));
  document.addEventListener('consentry:change', (e) => heard.push(['dom:change', (e as CustomEvent<ConsentState>).detail]));
  // What Consentry's own UI and signals act through (start.ts): the facade, with the actions that keep their method.
  const own = Object.assign(Object.create(handle.facade) as typeof handle.facade, consent.own);
  return { guard, api: handle.facade, own, cookie, seen, events: heard };
}

const allowed = () => [...gate.allowed()].sort();

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  gate.set([]);
});
afterEach(() => vi.restoreAllMocks());

describe('before start-up finished', () => {
  it('answers get() from the cookie decision at once, and has() as the gate does', () => {
    const { guard, api } = setup({ initial: stored() });
    expect(api.get()).toEqual({ record: stored(), needsChoice: false, degraded: false });
    // The head opens the gate for a trusted cookie; until then nothing optional is allowed, and has() says so.
    expect(api.has('analytics')).toBe(false);
    guard.applyGate();
    expect(api.get()).toEqual({ record: stored(), needsChoice: false, degraded: false });
    expect(api.has('analytics')).toBe(true);
    expect(api.has('advertising')).toBe(false);
  });

  it('queues calls until ready, then runs them in call order', async () => {
    const { guard, api, events, seen } = setup();
    const order: string[] = [];
    const accepted = api.acceptAll().then((s) => order.push(`accept:${s.record?.method}`));
    const rejected = api.rejectAll().then((s) => order.push(`reject:${s.record?.method}`));
    const shown = api.showPreferences().then(() => order.push('shown'));
    await Promise.resolve();
    expect(events).toEqual([]);
    expect(seen.opened).toEqual([]);
    guard.start(null);
    await Promise.all([accepted, rejected, shown]);
    expect(order).toEqual(['shown', 'accept:api', 'reject:api']);
    expect(api.get().record?.categories.analytics).toBe(false);
    expect(events.map(([name, s]) => `${name}:${s.record?.categories.analytics}`)).toEqual(['change:true', 'dom:change:true', 'change:false', 'dom:change:false']);
  });

  it('resolves ready and emits ready (listeners and DOM) with the reconciled state', async () => {
    const { guard, api } = setup();
    const heard: ConsentState[] = [];
    api.on('ready', (s) => heard.push(s));
    const dom = new Promise<ConsentState>((resolve) => document.addEventListener('consentry:ready', (e) => resolve((e as CustomEvent).detail), { once: true }));
    guard.start(stored());
    const expected = { record: stored(), needsChoice: false, degraded: false };
    expect(await api.ready).toEqual(expected);
    expect(heard).toEqual([expected]);
    expect(await dom).toEqual(expected);
    expect(allowed()).toEqual(['analytics', 'necessary']);
    // A late subscriber still hears `ready`, once.
    const late = vi.fn();
    api.on('ready', late);
    await api.ready;
    await Promise.resolve();
    expect(late).toHaveBeenCalledTimes(1);
  });
});

describe('choices', () => {
  it('acceptAll (the banner\'s button): everything allowed, ad opt-outs cleared, cookie written, tabs told, stored with history', async () => {
    const { guard, api, own, cookie, seen } = setup({ initial: null });
    guard.start(stored({ optOuts: { promotionalEmail: true, personalisedAds: true, adSharing: false } }));
    const state = await own.acceptAll();
    expect(state.record?.categories).toEqual({ necessary: true, preferences: true, analytics: true, advertising: true, email: true });
    expect(state.record?.optOuts).toEqual({ promotionalEmail: true, personalisedAds: false, adSharing: false });
    expect(allowed()).toEqual(['advertising', 'analytics', 'email', 'necessary', 'preferences']);
    expect(decodeMirrorCookie(cookie.value, IDS)).toMatchObject({ id: 'r-1', method: 'accept-all', categories: state.record?.categories });
    expect(seen.broadcasts).toEqual([state.record]);
    expect((await api.history()).map((h) => h.method)).toEqual(['accept-all']);
  });

  it('acceptAll under GPC keeps both advertising opt-outs (advertising stays denied)', async () => {
    const { guard, api } = setup({ gpc: true });
    guard.start(null);
    const state = await api.acceptAll();
    expect(state.record?.optOuts).toEqual({ promotionalEmail: false, personalisedAds: true, adSharing: true });
    expect(state.record?.gpc).toBe(true);
    expect(api.has('advertising')).toBe(false);
    expect(api.has('analytics')).toBe(true);
  });

  it('rejectAll: only necessary, both ad opt-outs on', async () => {
    const { guard, api } = setup();
    guard.start(stored());
    const state = await api.rejectAll();
    expect(state.record?.categories).toEqual({ necessary: true, preferences: false, analytics: false, advertising: false, email: false });
    expect(state.record?.optOuts).toEqual({ promotionalEmail: false, personalisedAds: true, adSharing: true });
    expect(allowed()).toEqual(['necessary']);
  });

  it('set: changes only what it names; saying the same again changes nothing', async () => {
    const { guard, api, own, events } = setup();
    guard.start(stored());
    const first = await api.set({ categories: { preferences: true } });
    expect(first.record?.categories).toMatchObject({ preferences: true, analytics: true });
    expect(first.record?.method).toBe('api');
    const again = await own.set({ categories: { preferences: true }, method: 'custom' });
    expect(again.record).toEqual(first.record);
    expect(events.filter(([name]) => name === 'change')).toHaveLength(1);
    expect(await api.history()).toHaveLength(1);
  });

  it('set: the same choice renews an expired record', async () => {
    const { guard, api } = setup();
    guard.start(stored({ expiresAt: NOW - 1 }));
    expect(api.get().needsChoice).toBe(true);
    const state = await api.set({ categories: { analytics: true } });
    expect(state.needsChoice).toBe(false);
    expect(state.record?.expiresAt).toBe(addMonths(NOW, 12));
  });

  it('an unsubscribe before any cookie choice still asks; a second unsubscribe changes nothing; a cookie choice answers', async () => {
    const { guard, api, own, events } = setup();
    guard.start(null);
    const none = { necessary: false, preferences: false, analytics: false, advertising: false, email: false };
    const first = await own.set({ categories: none, optOuts: { promotionalEmail: true }, method: 'unsubscribe-link' });
    expect(first.record?.method).toBe('unsubscribe-link');
    expect(first.needsChoice).toBe(true);
    const twice = await own.set({ categories: none, optOuts: { promotionalEmail: true }, method: 'unsubscribe-link' });
    expect(twice.record).toEqual(first.record);
    expect(events.filter(([name]) => name === 'change')).toHaveLength(1);
    const rejected = await own.rejectAll();
    expect(rejected.record?.method).toBe('reject-all');
    expect(rejected.record?.optOuts.promotionalEmail).toBe(true);
    expect(rejected.needsChoice).toBe(false);
    expect(await api.history()).toHaveLength(2);
  });

  // Issue #11: a change page code made was recorded, and receipted, exactly as the visitor's own click in the banner.
  it('tells a change page code made (window.consentry: method "api", whatever it names) from the visitor\'s own in Consentry\'s UI', async () => {
    const { guard, api, own, cookie } = setup();
    guard.start(null);
    expect((await api.acceptAll()).record?.method).toBe('api');
    expect(decodeMirrorCookie(cookie.value, IDS)?.method).toBe('api');
    expect((await api.rejectAll()).record?.method).toBe('api');
    expect((await api.set({ categories: { analytics: true }, method: 'accept-all' })).record?.method).toBe('api');
    expect((await api.set({ optOuts: { promotionalEmail: true }, method: 'unsubscribe-link' })).record?.method).toBe('api');
    expect((await own.rejectAll()).record?.method).toBe('reject-all');
    expect((await own.acceptAll()).record?.method).toBe('accept-all');
    expect(decodeMirrorCookie(cookie.value, IDS)?.method).toBe('accept-all');
    expect((await own.set({ categories: { analytics: false }, method: 'custom' })).record?.method).toBe('custom');
    expect((await api.history()).map((h) => h.method)).toEqual(['api', 'api', 'api', 'api', 'reject-all', 'accept-all', 'custom']);
  });

  it('runs the UI\'s actions only once the stored choice is known, as the page\'s', async () => {
    const { guard, own, events } = setup();
    const accepted = own.acceptAll();
    await Promise.resolve();
    expect(events).toEqual([]);
    guard.start(null);
    expect((await accepted).record?.method).toBe('accept-all');
  });

  it('a listener that throws is reported and does not stop the others', async () => {
    const { guard, api, events } = setup();
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    api.on('change', () => {
      throw new Error('site bug');
    });
    guard.start(null);
    await api.acceptAll();
    expect(events.map(([name]) => name)).toEqual(['change', 'dom:change']);
    expect(error).toHaveBeenCalledWith('consentry: a "change" listener threw', expect.any(Error));
  });

  it('on() returns an unsubscribe function', async () => {
    const { guard, api } = setup();
    const fn = vi.fn();
    const off = api.on('change', fn);
    guard.start(null);
    await api.acceptAll();
    off();
    await api.rejectAll();
    expect(fn).toHaveBeenCalledTimes(1);
  });
});

describe('withdraw', () => {
  it('denies everything optional, deletes the record and cookie and tracker cookies, and asks again', async () => {
    const { guard, api, own, cookie, seen } = setup();
    guard.start(null);
    await own.acceptAll();
    const state = await api.withdraw();
    expect(state).toEqual({ record: null, needsChoice: true, degraded: false });
    expect(cookie.value).toBeUndefined();
    expect(allowed()).toEqual(['necessary']);
    expect(seen.purged).toEqual([['preferences', 'analytics', 'advertising', 'email']]);
    expect(seen.opened).toEqual(['banner']);
    expect(seen.broadcasts.at(-1)).toBeNull();
    expect(await openStorage().load()).toBeUndefined();
    const history = await api.history();
    expect(history.map((h) => h.method)).toEqual(['accept-all', 'withdraw']);
    expect(history[1]!.categories).toEqual({ necessary: true, preferences: false, analytics: false, advertising: false, email: false });
  });

  it('forgetHistory deletes the history too; reloadOnWithdraw reloads instead of asking', async () => {
    const config = { ...defaultConfig(), reloadOnWithdraw: true };
    const { guard, api, seen } = setup({}, config);
    guard.start(null);
    await api.acceptAll();
    await api.withdraw({ forgetHistory: true });
    // Only the withdrawal itself is left: the earlier accept-all was forgotten.
    expect((await api.history()).map((h) => h.method)).toEqual(['withdraw']);
    expect(seen.reloads).toBe(1);
    expect(seen.opened).toEqual([]);
  });
});

describe('an invalid config (locked)', () => {
  it('records choices but never opens the gate', async () => {
    const { guard, api } = setup({ locked: true, initial: stored() });
    guard.applyGate();
    expect(api.has('analytics')).toBe(false);
    guard.start(stored());
    await api.acceptAll();
    expect(api.get().record?.categories.analytics).toBe(true);
    expect(allowed()).toEqual(['necessary']);
  });
});

describe('changes from other tabs', () => {
  it('applies a valid record, ignores junk and repeats, and treats null as a withdrawal', async () => {
    const { guard, api, events } = setup();
    guard.start(null);
    const remote = stored({ method: 'accept-all', updatedAt: NOW, categories: { necessary: true, preferences: true, analytics: true, advertising: true, email: true } });
    guard.applyRemote(remote);
    expect(api.get().record).toEqual(remote);
    expect(allowed()).toEqual(['advertising', 'analytics', 'email', 'necessary', 'preferences']);
    guard.applyRemote(remote);
    guard.applyRemote({ schema: 1, id: 'x' });
    guard.applyRemote(undefined);
    expect(events.filter(([name]) => name === 'change')).toHaveLength(1);
    guard.applyRemote(null);
    expect(api.get().record).toBeNull();
    expect(allowed()).toEqual(['necessary']);
    expect(events.filter(([name]) => name === 'change').map(([, s]) => s.record?.method ?? null)).toEqual(['accept-all', null]);
  });

  // Issue #11, many tabs: with changes made at once in several tabs, a tab heard an older change after a newer one and kept it.
  it('applies only changes later than its own, whatever order they arrive in, so every tab settles on the latest', async () => {
    const { guard, api, own, cookie } = setup();
    guard.start(null);
    const older = stored({ method: 'reject-all', updatedAt: NOW - 500, categories: { necessary: true, preferences: false, analytics: false, advertising: false, email: false } });
    const newer = stored({ method: 'accept-all', updatedAt: NOW - 100, categories: { necessary: true, preferences: true, analytics: true, advertising: true, email: true } });
    guard.applyRemote(newer, NOW - 100);
    guard.applyRemote(older, NOW - 500);
    expect(api.get().record?.method).toBe('accept-all');
    // A withdrawal made before the newer change does not undo it either; one made after does.
    guard.applyRemote(null, NOW - 300);
    expect(api.get().record?.method).toBe('accept-all');
    guard.applyRemote(null, NOW - 50);
    expect(api.get().record).toBeNull();
    // This tab's own change comes after everything it heard of, even in the same millisecond.
    guard.applyRemote(newer, NOW);
    const state = await own.rejectAll();
    expect(state.record?.updatedAt).toBe(NOW + 1);
    // A tie (two tabs in the same millisecond) is decided the same way in every tab; the winner's cookie is written again.
    const rival = stored({ method: 'custom', updatedAt: NOW + 1 });
    const before = cookie.value;
    guard.applyRemote(rival, NOW + 1);
    const winner = JSON.stringify(rival) > JSON.stringify(state.record) ? 'custom' : 'reject-all';
    expect(api.get().record?.method).toBe(winner);
    expect(cookie.value === before).toBe(winner === 'reject-all');
  });

  it('keeps a change another tab made while IndexedDB was read, when what was read is older', () => {
    const { guard, api } = setup();
    const newer = stored({ method: 'accept-all', updatedAt: NOW - 10 });
    guard.applyRemote(newer, NOW - 10);
    guard.start(stored({ method: 'reject-all', updatedAt: NOW - 1000 }));
    expect(api.get().record?.method).toBe('accept-all');
  });

  it('sends its changes to the other tabs with their time', async () => {
    const { guard, api, seen } = setup();
    guard.start(null);
    await api.acceptAll();
    await api.withdraw();
    expect(seen.broadcastTimes).toEqual([NOW, NOW + 1]);
  });
});
