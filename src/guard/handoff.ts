/**
 * The handoff between the guard's two bundles. The synchronous part
 * (dist/consentry.js, src/guard/index.ts) owns every module with state both
 * parts use — the gate (allowed set, listeners) and the blockers (held
 * elements, captured natives, rules) — and publishes them ONCE on a
 * non-enumerable, read-only `window.__consentryInternals` before it injects
 * the async part (dist/consentry-runtime.js, src/guard/runtime.ts). The async
 * part's build aliases those modules to the shims in ./shims/ (see
 * vite.config.ts, `handoffShims`), which forward to this object, so the code
 * keeps its ordinary imports and a second copy of that state never exists.
 */
import type { UnsubscribeLanding } from '../core/params';
import type { ConfigProblem, ConsentRecord, ConsentState, ConsentryApi, ConsentryConfig, Language } from '../core/types';
import type { usePurge } from './blocking';
import type * as Classify from './blocking/classify';
import type * as Held from './blocking/held';
import type * as Gate from './gate';

/** The property of `window` the handoff lives on (non-enumerable). */
export const INTERNALS = '__consentryInternals';

/** A public API call made before the async part arrived: replayed in call order. */
export type QueuedCall = [method: string, args: unknown[], settle: (result: unknown) => void, fail: (error: unknown) => void];

/** What the synchronous part decided, for the async part to carry on from. */
export interface Boot {
  /** The site's config as read from every source, not validated yet. */
  user: Record<string, unknown>;
  /** Problems reading it that no validation can see (bad JSON, a non-object). */
  sourceProblems: ConfigProblem[];
  /** `user` merged over the defaults (the blockers run with it). */
  config: ConsentryConfig;
  /** Short hash of `user`: the async part remembers it when `user` is valid (see `VALIDATED_KEY`). */
  configHash: string;
  language: Language;
  gpc: boolean;
  /** The choice the mirror cookie held at start. */
  initial: ConsentRecord | null;
  /** The scripts already in the page when the guard ran (a tracker among them was not guarded). */
  scriptsBefore: HTMLScriptElement[];
  /** Whether `#consentry-config` was in the page when the guard read its config. */
  configRead: boolean;
  /** The guard's own URL: the runtime, the UI and its CSS load from beside it. */
  base: string;
  /** The unsubscribe request found in the address bar, once the early signals ran. */
  landing(): UnsubscribeLanding | null;
  /** `window.consentry`, the same object the async part completes. */
  facade: ConsentryApi;
  resolveReady(state: ConsentState): void;
  /** Settle `ready` and the waiting calls when the async part cannot start (see facade.ts). */
  fail(error: Error): void;
  /** Calls waiting for the async part. */
  queue: QueuedCall[];
  /** Set by the async part when it starts (it may be included twice). */
  runtimeStarted?: boolean;
}

/** Everything the async part takes over from the synchronous one. */
export interface Internals {
  gate: typeof Gate;
  /** The blockers' held elements, natives, and the `later` slots for release and placeholders. */
  held: typeof Held;
  /** The blockers' rules and lookups (the runtime switches to the defaults' rules when it finds the config invalid). */
  classify: typeof Classify;
  /** Plugs the async part's cookie purge into the blockers (blocking/index.ts). */
  usePurge: typeof usePurge;
  boot: Boot;
}

/**
 * localStorage key of the hashes of the raw configs the async part validated
 * as good, space-separated, most recent first: a site may serve a different
 * config on some pages, and each keeps its synchronous start.
 */
export const VALIDATED_KEY = 'consentry:config';

/** How many validated configs are remembered. */
const VALIDATED_MAX = 8;

/** Whether `hash` is in the stored list (`VALIDATED_KEY`). */
export const isValidated = (stored: string | null, hash: string): boolean => !!stored && stored.split(' ').includes(hash);

/** The stored list after validating the config `hash`: first when `valid`, gone when not. */
export function rememberValidated(stored: string | null, hash: string, valid: boolean): string {
  const others = (stored || '').split(' ').filter((known) => known && known !== hash);
  return (valid ? [hash, ...others] : others).slice(0, VALIDATED_MAX).join(' ');
}

/** The handoff, in the async part (undefined if the synchronous part failed before publishing it). */
export const internals = (): Internals | undefined => (window as unknown as Record<string, Internals | undefined>)[INTERNALS];

/** FNV-1a over the raw config text, base 36: short, and enough to notice an edit. */
export function hashText(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
  return (hash >>> 0).toString(36) + text.length.toString(36);
}
