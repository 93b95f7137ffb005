/**
 * The public API (`window.consentry`), over the record kept in memory. Every
 * change goes, in this order: memory → mirror cookie → gate (trackers are
 * released or stopped at once) → other tabs → `change` listeners and the
 * `consentry:change` DOM event → IndexedDB. Calls made before start-up
 * finished wait for it (they are queued on `ready`, in call order).
 */
import { encodeMirrorCookie } from '../core/mirror-cookie';
import { effectiveCategories, isOutdated, isSignalOnly, needsChoice } from '../core/policy';
import { applyChange, decodeStoredRecord, historyEntryOf, NO_OPT_OUTS } from '../core/record';
import type {
  CategoryId,
  ConsentChange,
  ConsentRecord,
  ConsentState,
  ConsentryApi,
  ConsentryConfig,
  ConsentryEvents,
  HistoryEntry,
  Language,
  UiView,
} from '../core/types';
import { setAllowed } from './gate';
import type { ConsentStorage } from './storage';
import type { Broadcast } from './sync';

/** What the API needs from the rest of the guard (passed in so tests can watch it). */
export interface ApiContext {
  config: ConsentryConfig;
  language: Language;
  /** `navigator.globalPrivacyControl === true` on this page view. */
  gpc: boolean;
  /** An invalid config: choices are recorded, but the gate never opens (fail closed). */
  locked: boolean;
  storage: ConsentStorage;
  /** The choice read from the mirror cookie at start, or `null`. */
  initial: ConsentRecord | null;
  writeCookie(value: string): void;
  removeCookie(): void;
  broadcast: Broadcast;
  openUi(view: UiView): Promise<void>;
  /** Deletes tracker cookies of these categories (the blockers' purge). */
  purgeTrackerCookies(config: ConsentryConfig, categories: CategoryId[]): void;
  reload(): void;
  now?: () => number;
  /**
   * The `ready` promise and its resolver, when someone else created them: the
   * guard's synchronous part exposes `ready` before this API exists.
   */
  pending?: { ready: Promise<ConsentState>; resolve(state: ConsentState): void };
}

/** The API as the guard sees it: the public object plus the hooks the bootstrap drives. */
export interface GuardApi {
  api: ConsentryApi;
  /** Opens the gate for the current record (not when locked). */
  applyGate(): void;
  /** Start-up finished with this reconciled record: resolve `ready`, emit `ready`. */
  start(record: ConsentRecord | null): ConsentState;
  /** Another tab sent this (untrusted) record; `null` is a withdrawal. */
  applyRemote(record: unknown): void;
}

type Listener = (state: ConsentState) => void;

const sameChoice = (a: ConsentRecord, b: ConsentRecord, config: ConsentryConfig): boolean =>
  config.categories.every(({ id }) => !!a.categories[id] === !!b.categories[id]) &&
  (Object.keys(NO_OPT_OUTS) as (keyof typeof NO_OPT_OUTS)[]).every((k) => a.optOuts[k] === b.optOuts[k]) &&
  a.minor?.under === b.minor?.under &&
  a.minor?.guardianConfirmed === b.minor?.guardianConfirmed;

export function createGuardApi(ctx: ApiContext): GuardApi {
  const { config, language, gpc, storage } = ctx;
  const now = ctx.now ?? Date.now;
  const optional = config.categories.filter((c) => !c.required).map((c) => c.id);
  let record = ctx.initial;
  let started = false;
  let resolveReady!: (state: ConsentState) => void;
  const ready = ctx.pending?.ready ?? new Promise<ConsentState>((resolve) => (resolveReady = resolve));
  if (ctx.pending) resolveReady = ctx.pending.resolve;
  const listeners: Record<keyof ConsentryEvents, Set<Listener>> = { ready: new Set(), change: new Set() };

  const state = (): ConsentState => ({ record, needsChoice: needsChoice(record, config, now()), degraded: storage.degraded });

  const applyGate = () => {
    if (!ctx.locked) setAllowed(effectiveCategories(record, config, now()));
  };

  const emit = (event: keyof ConsentryEvents, current: ConsentState) => {
    for (const fn of listeners[event]) {
      try {
        fn(current);
      } catch (error) {
        console.error(`consentry: a "${event}" listener threw`, error);
      }
    }
    document.dispatchEvent(new CustomEvent(`consentry:${event}`, { detail: current }));
  };

  /** Applies `next` everywhere; resolves once IndexedDB has it. */
  const commit = async (next: ConsentRecord | null, entry: HistoryEntry, forgetHistory?: boolean): Promise<ConsentState> => {
    record = next;
    if (next) ctx.writeCookie(encodeMirrorCookie(next, config.categories.map((c) => c.id)));
    else ctx.removeCookie();
    applyGate();
    ctx.broadcast(next);
    const changed = state();
    emit('change', changed);
    await storage.save(next, entry, forgetHistory);
    // This change's state (a queued call may have changed it again meanwhile), with storage's fate.
    return { ...changed, degraded: storage.degraded };
  };

  const set = async (change: ConsentChange): Promise<ConsentState> => {
    await ready;
    const previous = record;
    const next = applyChange({ previous, change, config, language, gpc, now: now() });
    // Saying the same thing again changes nothing (no event, no history entry), unless the choice had to be renewed.
    // A signal-only record (an unsubscribe link before any cookie choice) is renewed by a cookie choice, not by another unsubscribe.
    const openQuestion =
      previous && (isOutdated(previous, config, now()) || (isSignalOnly(previous, config) && next.method !== 'unsubscribe-link'));
    if (previous && !openQuestion && sameChoice(previous, next, config)) return state();
    return commit(next, historyEntryOf(next));
  };

  const everyCategory = (allowed: boolean) => Object.fromEntries(optional.map((id) => [id, allowed])) as Record<CategoryId, boolean>;

  const open = (view: UiView) => async () => {
    await ready;
    await ctx.openUi(view);
  };

  const api: ConsentryApi = {
    ready,
    config,
    language,
    version: __CONSENTRY_VERSION__,
    get: state,
    // From the record, not the gate: the signals ask during start-up, before the gate opens for the cookie's choice.
    has: (category) => category == 'necessary' || (!ctx.locked && effectiveCategories(record, config, now()).has(category)),
    // Accepting all lifts the ad opt-outs, except those GPC asks for; the email subscription is not a cookie matter.
    acceptAll: () => set({ categories: everyCategory(true), optOuts: { personalisedAds: gpc, adSharing: gpc }, method: 'accept-all' }),
    rejectAll: () => set({ categories: everyCategory(false), optOuts: { personalisedAds: true, adSharing: true }, method: 'reject-all' }),
    set,
    async withdraw(options = {}) {
      await ready;
      const entry: HistoryEntry = {
        at: now(),
        method: 'withdraw',
        policyVersion: config.policy.version,
        categories: { ...everyCategory(false), necessary: true },
        optOuts: { ...NO_OPT_OUTS, ...record?.optOuts },
        gpc,
      };
      ctx.purgeTrackerCookies(config, optional);
      const result = await commit(null, entry, options.forgetHistory);
      if (config.reloadOnWithdraw) ctx.reload();
      else void ctx.openUi('banner');
      return result;
    },
    async history() {
      await ready;
      return storage.history();
    },
    show: open('banner'),
    showPreferences: open('preferences'),
    showOptOuts: open('optouts'),
    on(event, fn) {
      const listener = fn as Listener;
      listeners[event].add(listener);
      // `ready` fires once: a late subscriber still hears it.
      if (event === 'ready' && started) void ready.then(() => listeners.ready.has(listener) && listener(state()));
      return () => void listeners[event].delete(listener);
    },
  };

  return {
    api,
    applyGate,
    start(reconciled) {
      record = reconciled;
      applyGate();
      started = true;
      const current = state();
      resolveReady(current);
      emit('ready', current);
      return current;
    },
    applyRemote(raw) {
      const next = raw === null ? null : decodeStoredRecord(raw, config);
      if (raw !== null && !next) return;
      if (next?.id === record?.id && next?.updatedAt === record?.updatedAt) return;
      record = next;
      applyGate();
      emit('change', { ...state(), fromOtherTab: true });
    },
  };
}
