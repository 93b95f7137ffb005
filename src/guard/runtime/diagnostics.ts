/**
 * Advice to the site owner about how the page embeds Consentry, on the
 * console. It is never needed before the page's next script runs, so it
 * lives in the runtime: the head only records what it saw (the scripts already in the page, whether the JSON config was there,
 * untagged trackers in the HTML) and its bytes stay off the critical path.
 */
import type { TrackerRule } from '../../core/types';
import { CONFIG_ID, type Kernel } from '../kernel';

const warned = new Set<string>();

/** How advice names a rule: its category, after the vendor a site rule may name (built-in rules name none). */
const who = ({ vendor, category }: TrackerRule) => (vendor ? `${vendor}, ${category}` : category);

/** `console.warn` a message once per page view. */
function warnOnce(message: string): void {
  if (warned.has(message)) return;
  warned.add(message);
  console.warn('consentry: ' + message);
}

/** Run `fn` once the HTML is parsed (now, if it already is). */
function whenParsed(fn: () => void): void {
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', fn);
  else fn();
}

/** Say what the head found, once each; the rest when the HTML is parsed. */
export function reportEmbedding({ boot: { scriptsBefore, configRead }, rules, held }: Pick<Kernel, 'boot' | 'rules' | 'held'>): void {
  // Tracker scripts already in the page when the guard ran were not guarded: it was not first.
  for (const script of scriptsBefore) {
    const rule = script.src && rules.forUrl(script.src);
    if (rule) warnOnce(`must be the first script in <head>: ${script.src} (${who(rule)}) ran before it.`);
  }
  whenParsed(() => {
    for (const [tag, attribute, value, rule] of held.untagged) {
      warnOnce(`untagged <${tag} ${attribute}="${value}"> (${who(rule)}) in the HTML: the browser may fetch it before Consentry runs. Tag it with data-consent="${rule.category}" (docs/blocking.md).`);
    }
    // A #consentry-config placed after the guard was not parsed yet when the guard read its config.
    if (!configRead && document.getElementById(CONFIG_ID))
      console.error(`consentry: #${CONFIG_ID} comes after the guard, so it was not read; put it before the guard's <script>`);
  });
}
