/**
 * The decision the service worker enforces (src/sw/), and the message that
 * carries it from the runtime (src/guard/runtime/service-worker.ts): the
 * categories the gate allows, the site's rules, and until when a choice
 * counts. The worker keeps the last one in IndexedDB, so it knows it at once
 * when the browser restarts it.
 *
 * Pure: the worker judges a request with the same rules and matcher as the
 * guard (site rules first, then the built-in table), so the two cannot
 * disagree on what is a tracker.
 */
import { isPlainObject } from './objects';
import { BUILTIN_RULES } from './rules';
import type { CategoryId, TrackerRule } from './types';
import { ruleForUrl } from './url-match';

/** What the runtime posts to the worker (and the worker stores), on start and on every change. */
export interface SwDecision {
  /** Marks the message as Consentry's (a site's own worker may receive other messages). */
  consentry: 'decision';
  /**
   * The absolute URL of the script the config names (`serviceWorker`). The
   * worker whose own script this is, is Consentry's alone and may take over
   * the site's pages at once; a site's worker that imports ours is not, and
   * keeps its own lifecycle.
   */
  worker: string;
  /** The categories the gate allows now (`necessary` included). */
  allowed: CategoryId[];
  /** The site's rules from the validated config; `[]` for an invalid config (built-in rules only). */
  rules: TrackerRule[];
  /** Epoch ms when the visitor's choice stops counting (it expires): from then on only `necessary` is allowed. */
  until?: number;
}

const strings = (value: unknown): value is string[] => Array.isArray(value) && value.every((item) => typeof item == 'string');
const optionalStrings = (value: unknown) => value === undefined || strings(value);

/** A rule as the matcher needs it: a category, and hosts/paths as lists of strings. */
const isRule = (rule: unknown): rule is TrackerRule =>
  isPlainObject(rule) && typeof rule.category == 'string' && optionalStrings(rule.hosts) && optionalStrings(rule.paths);

/**
 * `value` as a decision, or null when it is not one (another message, or a
 * stored value that cannot be read). The worker trusts nothing it receives or
 * reads back without this.
 */
export function readDecision(value: unknown): SwDecision | null {
  if (!isPlainObject(value) || value.consentry !== 'decision') return null;
  const { worker, allowed, rules, until } = value;
  if (typeof worker != 'string' || !strings(allowed) || !Array.isArray(rules) || !rules.every(isRule)) return null;
  if (until !== undefined && typeof until != 'number') return null;
  return { consentry: 'decision', worker, allowed, rules, ...(until === undefined ? {} : { until }) };
}

/** The rules list per decision (site rules first), built once: the matcher indexes each list once. */
const lists = new WeakMap<SwDecision, readonly TrackerRule[]>();

/**
 * Whether the worker refuses a request to `url` under `decision` at `now`:
 * the URL belongs to a rule whose category is not allowed. With no decision
 * (none received yet, or none readable) only the built-in rules apply and
 * only `necessary` is allowed (fail closed); an expired choice allows only
 * `necessary` too.
 */
export function refuses(decision: SwDecision | null, url: URL, now: number): boolean {
  let rules = BUILTIN_RULES;
  if (decision) {
    rules = lists.get(decision) ?? [...decision.rules, ...BUILTIN_RULES];
    lists.set(decision, rules);
  }
  const rule = ruleForUrl(rules, url);
  if (!rule || rule.category === 'necessary') return false;
  const current = decision && (decision.until === undefined || now < decision.until);
  return !(current && decision.allowed.includes(rule.category));
}
