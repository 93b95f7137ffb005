/**
 * The seam between the guard's two halves (docs/architecture.md).
 *
 * The head (./head/, dist/consentry.js) runs first in `<head>` and owns every
 * piece of state both halves use: the gate, the rules, what the blockers
 * hold, and the decision logic (what a record allows, whether it still
 * counts, what the mirror cookie says). It publishes them as one `Kernel`
 * and enters the runtime (./runtime/, dist/consentry-runtime.js, an ES
 * module it imports) as `start(kernel)`. The runtime plugs in what the
 * blockers call later (release, re-block, placeholders, purge) with one
 * `kernel.plug({...})`, and reaches everything else through the kernel.
 *
 * This file is the contract only: types, and the key the head marks the page
 * with. The runtime never imports the head (test/unit/architecture.test.ts),
 * so the head's code exists once.
 */
import type { sinkOf } from '../core/url-sinks';
import type { UnsubscribeLanding } from '../core/params';
import type { MirrorRead } from '../core/reconcile';
import type * as Policy from '../core/policy';
import type {
  CategoryId,
  ConfigProblem,
  ConsentRecord,
  ConsentState,
  ConsentryApi,
  ConsentryConfig,
  Language,
  TrackerRule,
} from '../core/types';

/**
 * The property of `window` (a registered symbol: no element id or page global
 * can be mistaken for it) that marks a page the head already guards and
 * holds its kernel. Non-enumerable, read-only.
 */
export const GUARDED = Symbol.for('consentry.guard');

/** The id of the JSON config element, which must stand before the head's `<script>`. */
export const CONFIG_ID = 'consentry-config';

/** Which categories may run now. Every blocker asks it; every change of consent goes through `set`. */
export interface Gate {
  allows(category: CategoryId): boolean;
  allowed(): ReadonlySet<CategoryId>;
  /** Whether the allowed set comes from a visitor's choice (false while they decide, or with no choice). */
  decided(): boolean;
  /** Replace the allowed set (`necessary` is always added; `choice`: it is what a visitor's choice allows) and tell the listeners. */
  set(categories: Iterable<CategoryId>, choice?: boolean): void;
  /** Subscribe; returns the unsubscribe function. */
  onChange(listener: (now: ReadonlySet<CategoryId>, before: ReadonlySet<CategoryId>) => void): () => void;
}

/** The tracker rules the blockers run with (the site's first, then the built-in ones). */
export interface Rules {
  /** The rule a URL belongs to (relative URLs resolve against the document's base URL). */
  forUrl(url: unknown): TrackerRule | undefined;
  forCookie(name: string): TrackerRule | undefined;
  /** Run with these site rules (the runtime drops them when it finds the config invalid). */
  use(siteRules: readonly TrackerRule[]): void;
}

/** Native DOM functions captured before the blockers patched them: release must not be caught again. */
export interface Natives {
  setAttribute(this: Element, name: string, value: string): void;
  scriptSrc(this: HTMLScriptElement, url: string): void;
  /** `Element.prototype.innerHTML`'s accessor. */
  innerHTML: PropertyDescriptor;
}

/** What the blockers hold, and how the runtime tells what may go. */
export interface Held {
  /** Scripts made by other scripts whose tracker URL was kept from them, by element: the same element gets it back. */
  scripts: Map<Element, string>;
  /** Nodes already judged, so each is judged once. */
  inspected: WeakSet<Node>;
  /** Scripts the runtime released, and the scripts they inserted or wrote (whose `document.write` goes to `Plugins.write`). */
  releasing: WeakSet<Element>;
  /** Untagged tracker elements the markup observer found in the HTML, for the runtime's advice to the site owner. */
  untagged: [tag: string, attribute: string, value: string, rule: TrackerRule][];
  natives: Natives;
  /** The categories a tagged element waits for (`data-consent="analytics advertising"` waits for both). */
  categoriesOf(element: Element): string[];
  /** Whether every category a held element waits for is allowed now. */
  isReleasable(element: Element): boolean;
}

/** A Trusted Types policy's script methods; their values (TrustedScriptURL, TrustedScript) are typed as the strings they stand for. */
export interface TrustedPolicy {
  createScriptURL(url: string): string;
  createScript(text: string): string;
}

/** Script URLs and texts as the browser takes them: through the policy where there is one (runtime/trusted.ts). */
export interface Trusted {
  scriptUrl(url: string): string;
  scriptText(text: string): string;
}

/** What the runtime plugs into the blockers; until it does, what is held stays held (fail closed). */
export interface Plugins {
  /** Release everything the gate allows now, in document order. */
  release(): void;
  /** Put released embeds whose categories are no longer all allowed back behind their placeholder. */
  reblock(): void;
  /** Hide a held embed behind a placeholder asking for `categories`. */
  placeholder(frame: HTMLElement, categories: string[]): void;
  /** Delete the tracker cookies of newly denied categories. */
  purge(categories: CategoryId[]): void;
  /** A released script (in `Held.releasing`) called `document.write` with `html`. */
  write(script: Element, html: string): void;
}

/** `window.consentry` as the head builds it; the runtime completes it through `Kernel.api`. */
export interface ApiHandle {
  /** The public object (the same one for the whole page view). */
  facade: ConsentryApi;
  /** Resolve `ready`: start-up finished with this state. */
  ready(state: ConsentState): void;
  /**
   * Put the runtime's actions and `on` on the facade and run the calls made
   * meanwhile, in call order. Called once the stored choice is known, so an
   * action never waits for anything else.
   */
  complete(actions: Partial<ConsentryApi>): void;
  /** The runtime could not start: `ready` resolves with what the cookie said (`degraded`), waiting calls reject. */
  fail(error: Error): void;
}

/** What the head decided at start, for the runtime to carry on from. */
export interface Boot {
  /** The site's config as read from every source, not validated yet. */
  user: Record<string, unknown>;
  /** Problems reading it that no validation can see (bad JSON, a getter that throws). */
  sourceProblems: ConfigProblem[];
  /** What the head decided with, read from `user` (head/config.ts): not the whole config, which the runtime merges and validates. */
  config: ConsentryConfig;
  /** Short hash of `user`, remembered when the runtime finds it valid (the next page view may then trust the cookie). */
  configHash: string;
  gpc: boolean;
  /** The choice the mirror cookie held at start. */
  initial: ConsentRecord | null;
  /** The scripts already in the page when the head ran (a tracker among them was not guarded). */
  scriptsBefore: HTMLScriptElement[];
  /** Whether `#consentry-config` was in the page when the head read its config. */
  configRead: boolean;
  /** The head's own URL: the runtime, the UI and its CSS load from beside it. */
  base: string;
  /** The unsubscribe request the address bar held, once the early signals ran. */
  landing(): UnsubscribeLanding | null;
}

/** Google's `dataLayer`, shared with gtag.js and Google Tag Manager. */
export interface DataLayer {
  push(entry: unknown): void;
  /** `gtag(...)` exactly as Google's snippet defines it (it pushes its Arguments object). */
  gtag(...command: unknown[]): void;
}

/** Everything the head hands the runtime. */
export interface Kernel {
  /** True the first time only: the runtime claims the kernel, and a second copy of it (a page that includes it again) does nothing. */
  claim(): boolean;
  gate: Gate;
  rules: Rules;
  held: Held;
  /** The URL-sink table's lookup (src/core/url-sinks.ts): which `data-<attribute>` of a held element gets its value back on release. */
  sinkOf: typeof sinkOf;
  /** Consentry's Trusted Types policy (head/trusted.ts), where the page has Trusted Types. */
  trusted?: TrustedPolicy;
  /** Plug the runtime's parts into the blockers (once; later calls replace the parts they name). */
  plug(plugins: Partial<Plugins>): void;
  /** Guard a same-origin realm (a frame's window) with the head's interceptors and state. */
  realm(window: Window): void;
  api: ApiHandle;
  boot: Boot;
  /** What a record allows and whether it still counts (src/core/policy.ts, the head's copy). */
  policy: Pick<typeof Policy, 'effectiveCategories' | 'needsChoice' | 'isOutdated' | 'isSignalOnly'>;
  /** The mirror cookie as the page sees it now, decoded with `config`'s categories (`null`: no valid choice in it). */
  readMirror(config: ConsentryConfig, language: Language): MirrorRead;
  dataLayer: DataLayer;
}

