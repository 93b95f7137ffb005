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
import { applyChange, decodeStoredRecord, historyEntryOf, NO_OPT_OUTS } from '../../core/record';
import type { ApiAction } from '../../core/api-actions';
import type { CategoryId, ConsentChange, ConsentRecord, ConsentState, ConsentryApi, ConsentryConfig, HistoryEntry, Language, UiView } from '../../core/types';
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

/** The record's side of the API, as the runtime drives it. */
export interface Consent {
  /** What the runtime puts on `window.consentry`: the actions and the live `get`. */
  actions: Pick<ConsentryApi, ApiAction | 'get'>;
  /** Opens the gate for the current record (never when locked). */
  applyGate(): void;
  /** Start-up found this record (reconciled with IndexedDB): it becomes the current one. */
  start(record: ConsentRecord | null): ConsentState;
  /** Another tab sent this (untrusted) record; `null` is a withdrawal. */
  applyRemote(record: unknown): void;
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

  const state = (): ConsentState => ({ record, needsChoice: policy.needsChoice(record, config, now()), degraded: storage.degraded });

  // A choice (a record that still counts) ends the time hits are held while the visitor decides (head/hits.ts).
  const applyGate = () => ctx.gate.set(ctx.locked ? [] : policy.effectiveCategories(record, config, now()), !policy.needsChoice(record, config, now()));

  /** Applies `next` everywhere; resolves once IndexedDB has it. */
  const commit = async (next: ConsentRecord | null, entry: HistoryEntry, forgetHistory?: boolean): Promise<ConsentState> => {
    record = next;
    if (next) ctx.writeCookie(encodeMirrorCookie(next, config.categories.map((c) => c.id)));
    else ctx.removeCookie();
    applyGate();
    ctx.broadcast(next);
    const changed = state();
    ctx.emit('change', changed);
    await storage.save(next, entry, forgetHistory);
    // This change's state (another call may have changed it again meanwhile), with storage's fate.
    return { ...changed, degraded: storage.degraded };
  };

  const set = async (change: ConsentChange): Promise<ConsentState> => {
    const previous = record;
    const next = applyChange({ previous, change, config, language, gpc, now: now() });
    // Saying the same thing again changes nothing (no event, no history entry), unless the choice had to be renewed.
    // A signal-only record (an unsubscribe link before any cookie choice) is renewed by a cookie choice, not by another unsubscribe.
    const openQuestion =
      previous && (policy.isOutdated(previous, config, now()) || (policy.isSignalOnly(previous, config) && next.method !== 'unsubscribe-link'));
    if (previous && !openQuestion && sameChoice(previous, next, config)) return state();
    return commit(next, historyEntryOf(next));
  };

  const everyCategory = (allowed: boolean) => Object.fromEntries(optional.map((id) => [id, allowed])) as Record<CategoryId, boolean>;

  const open = (view: UiView) => () => ctx.openUi(view);

  return {
    actions: {
      get: state,
      // Accepting all lifts the ad opt-outs, except those GPC asks for; the email subscription is not a cookie matter.
      acceptAll: () => set({ categories: everyCategory(true), optOuts: { personalisedAds: gpc, adSharing: gpc }, method: 'accept-all' }),
      rejectAll: () => set({ categories: everyCategory(false), optOuts: { personalisedAds: true, adSharing: true }, method: 'reject-all' }),
      set,
      async withdraw(options = {}) {
        const entry: HistoryEntry = {
          at: now(),
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
    },
    applyGate,
    start(reconciled) {
      record = reconciled;
      applyGate();
      return state();
    },
    applyRemote(raw) {
      const next = raw === null ? null : decodeStoredRecord(raw, config);
      if (raw !== null && !next) return;
      if (next?.id === record?.id && next?.updatedAt === record?.updatedAt) return;
      record = next;
      applyGate();
      ctx.emit('change', { ...state(), fromOtherTab: true });
    },
  };
}
