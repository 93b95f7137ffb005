/**
 * The API's actions (`API_ACTIONS`) and the live state behind `get()`, over
 * the record kept in memory. The head's facade holds everything else
 * (`has` is the gate's answer, `on`, `ready`); the runtime puts these on it
 * once the stored choice is known, so no action ever waits. Every change
 * goes, in this order: memory → mirror cookie → gate (trackers are released
 * or stopped at once) → other tabs → `change` listeners and the
 * `consentry:change` DOM event → IndexedDB.
 */
import { encodeMirrorCookie } from '../../core/mirror-cookie';
import { applyChange, decodeStoredRecord, historyEntryOf, isLaterChange, NO_OPT_OUTS } from '../../core/record';
import type { ApiAction } from '../../core/api-actions';
import type { CategoryId, ConsentChange, ConsentMethod, ConsentRecord, ConsentState, ConsentryApi, ConsentryConfig, HistoryEntry, Language, UiView } from '../../core/types';
import type { Gate, Kernel } from '../kernel';
import type { Events } from './events';
import type { ConsentStorage } from './storage';
import type { Broadcast } from './tab-sync';

/** What the actions need from the rest of the guard (passed in so tests can watch it). */
export interface ActionsContext {
  config: ConsentryConfig;
  language: Language;
  /** `navigator.globalPrivacyControl === true` on this page view. */
  gpc: boolean;
  /** An invalid config: choices are recorded, but the gate never opens (fail closed). */
  locked: boolean;
  storage: ConsentStorage;
  /** The choice read from the mirror cookie at start, or `null`. */
  initial: ConsentRecord | null;
  policy: Kernel['policy'];
  gate: Pick<Gate, 'set'>;
  emit: Events['emit'];
  writeCookie(value: string): void;
  removeCookie(): void;
  broadcast: Broadcast;
  openUi(view: UiView): Promise<void>;
  /** Deletes the tracker cookies of these categories (the blockers' purge). */
  purge(categories: CategoryId[]): void;
  reload(): void;
  now?: () => number;
}

/** The actions that change the choice. */
export type ChoiceActions = Pick<ConsentryApi, 'acceptAll' | 'rejectAll' | 'set' | 'withdraw'>;

/** The record's side of the API, as the runtime drives it. */
export interface Consent {
  /**
   * What the runtime puts on `window.consentry`: the actions and the live
   * `get`. Page code calls them, so every change they make is recorded with
   * method `api`, whatever `method` it names: only Consentry's own UI can say
   * the visitor chose (see `own`).
   */
  actions: Pick<ConsentryApi, ApiAction | 'get'>;
  /**
   * The same actions for Consentry's own banner, preference centre,
   * placeholders and signals (GPC, unsubscribe links): a change keeps the
   * method it names (`accept-all`, `custom`, `gpc`…). Calls made before
   * start-up has finished wait for it, as the page's do.
   */
  own: ChoiceActions;
  /** Opens the gate for the current record (never when locked). */
  applyGate(): void;
  /** Start-up found this record (reconciled with IndexedDB): it becomes the current one. */
  start(record: ConsentRecord | null): ConsentState;
  /** Another tab sent this (untrusted) record, made at `at`; `null` is a withdrawal. Applied only when it is later than what this tab has. */
  applyRemote(record: unknown, at?: unknown): void;
}

const sameChoice = (a: ConsentRecord, b: ConsentRecord, config: ConsentryConfig): boolean =>
  config.categories.every(({ id }) => !!a.categories[id] === !!b.categories[id]) &&
  (Object.keys(NO_OPT_OUTS) as (keyof typeof NO_OPT_OUTS)[]).every((k) => a.optOuts[k] === b.optOuts[k]) &&
  a.minor?.under === b.minor?.under &&
  a.minor?.guardianConfirmed === b.minor?.guardianConfirmed;

export function createConsent(ctx: ActionsContext): Consent {
  const { config, language, gpc, storage, policy } = ctx;
  const now = ctx.now ?? Date.now;
  const optional = config.categories.filter((c) => !c.required).map((c) => c.id);
  let record = ctx.initial;
  /** When the change that left `record` was made: tabs order changes by it (see `isLaterChange`). */
  let changedAt = record?.updatedAt ?? 0;
  /** Another tab's change was applied (before start, it may be later than what IndexedDB held when read). */
  let heardOtherTab = false;

  /** The time for a change this tab makes: now, and after every change it knows of (another tab's in the same millisecond). */
  const stamp = () => Math.max(now(), changedAt + 1);

  const state = (): ConsentState => ({ record, needsChoice: policy.needsChoice(record, config, now()), degraded: storage.degraded });

  // A choice (a record that still counts) ends the time hits are held while the visitor decides (head/hits.ts).
  const applyGate = () => ctx.gate.set(ctx.locked ? [] : policy.effectiveCategories(record, config, now()), !policy.needsChoice(record, config, now()));

  /** Applies `next` everywhere; resolves once IndexedDB has it. */
  const writeMirror = (next: ConsentRecord | null) => (next ? ctx.writeCookie(encodeMirrorCookie(next, config.categories.map((c) => c.id))) : ctx.removeCookie());

  const commit = async (next: ConsentRecord | null, entry: HistoryEntry, forgetHistory?: boolean): Promise<ConsentState> => {
    record = next;
    changedAt = entry.at;
    writeMirror(next);
    applyGate();
    ctx.broadcast(next, entry.at);
    const changed = state();
    ctx.emit('change', changed);
    await storage.save(next, entry, forgetHistory);
    // This change's state (another call may have changed it again meanwhile), with storage's fate.
    return { ...changed, degraded: storage.degraded };
  };

  const set = async (change: ConsentChange): Promise<ConsentState> => {
    const previous = record;
    const next = applyChange({ previous, change, config, language, gpc, now: stamp() });
    // Saying the same thing again changes nothing (no event, no history entry), unless the choice had to be renewed.
    // A signal-only record (an unsubscribe link before any cookie choice) is renewed by a cookie choice, not by another unsubscribe.
    const openQuestion =
      previous && (policy.isOutdated(previous, config, now()) || (policy.isSignalOnly(previous, config) && next.method !== 'unsubscribe-link'));
    if (previous && !openQuestion && sameChoice(previous, next, config)) return state();
    return commit(next, historyEntryOf(next));
  };

  const everyCategory = (allowed: boolean) => Object.fromEntries(optional.map((id) => [id, allowed])) as Record<CategoryId, boolean>;

  const open = (view: UiView) => () => ctx.openUi(view);

  // Accepting all lifts the ad opt-outs, except those GPC asks for; the email subscription is not a cookie matter.
  const acceptAll = (method: ConsentMethod) => set({ categories: everyCategory(true), optOuts: { personalisedAds: gpc, adSharing: gpc }, method });
  const rejectAll = (method: ConsentMethod) => set({ categories: everyCategory(false), optOuts: { personalisedAds: true, adSharing: true }, method });

  let markStarted!: () => void;
  const started = new Promise<void>((resolve) => (markStarted = resolve));
  /** `action` once start-up has finished (before, the stored choice is not known yet). */
  const afterStart =
    <A extends unknown[], R>(action: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      await started;
      return action(...args);
    };

  const actions: Consent['actions'] = {
    get: state,
    acceptAll: () => acceptAll('api'),
    rejectAll: () => rejectAll('api'),
    // Page code cannot name how a change was made: a visitor's own choice is told apart by its method.
    set: async (change: ConsentChange) => set({ ...change, method: 'api' }),
    async withdraw(options = {}) {
      const entry: HistoryEntry = {
        at: stamp(),
        method: 'withdraw',
        policyVersion: config.policy.version,
        categories: { ...everyCategory(false), necessary: true },
        optOuts: { ...NO_OPT_OUTS, ...record?.optOuts },
        gpc,
      };
      ctx.purge(optional);
      const result = await commit(null, entry, options.forgetHistory);
      if (config.reloadOnWithdraw) ctx.reload();
      else void ctx.openUi('banner');
      return result;
    },
    history: () => storage.history(),
    show: open('banner'),
    showPreferences: open('preferences'),
    showOptOuts: open('optouts'),
  };

  return {
    actions,
    own: {
      acceptAll: afterStart(() => acceptAll('accept-all')),
      rejectAll: afterStart(() => rejectAll('reject-all')),
      set: afterStart(set),
      withdraw: afterStart(actions.withdraw),
    },
    applyGate,
    start(reconciled) {
      markStarted();
      // Another tab's change may have arrived while IndexedDB was read: it wins unless what was read is later.
      const at = reconciled?.updatedAt ?? 0;
      if (!heardOtherTab || isLaterChange(at, reconciled, changedAt, record)) {
        record = reconciled;
        changedAt = at;
      }
      applyGate();
      return state();
    },
    applyRemote(raw, at) {
      const next = raw === null ? null : decodeStoredRecord(raw, config);
      if (raw !== null && !next) return;
      // A tab of an older version sends no time: its record's, or (a withdrawal) now.
      const when = typeof at == 'number' && at > 0 ? at : (next?.updatedAt ?? stamp());
      // Tabs hear of changes in any order: only a later one than this tab's counts, so every tab settles on the same.
      if (!isLaterChange(when, next, changedAt, record)) return;
      // A tie (the same millisecond) that the other tab won: its cookie write may have come first, so write it again.
      if (when === changedAt) writeMirror(next);
      record = next;
      changedAt = when;
      heardOtherTab = true;
      applyGate();
      ctx.emit('change', { ...state(), fromOtherTab: true });
    },
  };
}
