/**
 * `document.write` for released scripts (issue #17). A script released after
 * the page was parsed is not run by the parser, so its `document.write` would
 * open a new document and wipe the page (an inline script) or be dropped (an
 * external one). The head hands such writes here (`plugins.write`); what a
 * script wrote is parsed in its place once it has run, as the parser would
 * have: inserted right after it, its own scripts judged like any other (a
 * denied tracker stays held) and run one at a time, an external one after it
 * loads, each one's writes inserted after it before the next runs.
 */
import type { Held, Trusted } from '../kernel';

/**
 * A script that runs when inserted: a copy of one the parser made (the parser's own never run again).
 * Its URL and text go through Consentry's Trusted Types policy (`trusted`).
 */
export function runnableCopy(script: HTMLScriptElement, { natives, inspected, releasing }: Held, trusted: Trusted): HTMLScriptElement {
  const copy = document.createElement('script');
  for (const { name, value } of [...script.attributes]) {
    if (!/^(type|on)/.test(name)) natives.setAttribute.call(copy, name, name == 'src' ? trusted.scriptUrl(value) : value);
  }
  const type = script.getAttribute('data-type') ?? script.getAttribute('type');
  if (type && type != 'text/plain') natives.setAttribute.call(copy, 'type', type);
  copy.removeAttribute('data-type');
  copy.nonce = script.nonce;
  copy.text = trusted.scriptText(script.text);
  if (!script.hasAttribute('async')) copy.async = false;
  inspected.add(copy);
  releasing.add(copy);
  return copy;
}

/** Settles once `script` has loaded or failed (at once for an inline one, which runs when inserted). */
const ran = (script: HTMLScriptElement): Promise<unknown> =>
  script.src ? new Promise((resolve) => (script.addEventListener('load', resolve), script.addEventListener('error', resolve))) : Promise.resolve();

export interface Writer {
  /** Plugged into the head: `script` wrote `html`. */
  write(script: Element, html: string): void;
  /** Settles once what `script` wrote (if anything) is in the page and its scripts have run. */
  written(script: Element): Promise<void>;
}

export function createWriter(held: Held, trusted: Trusted): Writer {
  const buffers = new Map<Element, string[]>();
  const done = new Map<Element, Promise<void>>();
  const settled = (script: Element): Promise<void> => done.get(script) ?? Promise.resolve();

  async function insertWritten(script: HTMLScriptElement): Promise<void> {
    await ran(script);
    // After an inline script's last write (it ran synchronously), or an external one's load.
    await Promise.resolve();
    const html = buffers.get(script)!.join('');
    buffers.delete(script);
    if (!script.parentNode) return;
    const range = document.createRange();
    range.selectNode(script);
    // The head judges the fragment as it is made: trackers in it are held.
    const fragment = range.createContextualFragment(html);
    const pending: [Comment, HTMLScriptElement][] = [];
    for (const written of fragment.querySelectorAll('script')) {
      const mark = document.createComment('');
      written.replaceWith(mark);
      pending.push([mark, written]);
    }
    script.after(fragment);
    for (const [mark, written] of pending) {
      // Held (a denied tracker): stays in the page, tagged, for the release.
      if (written.hasAttribute('data-consent')) {
        mark.replaceWith(written);
        continue;
      }
      const copy = runnableCopy(written, held, trusted);
      mark.replaceWith(copy);
      if (!copy.async) {
        await ran(copy);
        await settled(copy);
      }
    }
  }

  return {
    write(script, html) {
      if (!buffers.has(script)) {
        buffers.set(script, []);
        done.set(
          script,
          insertWritten(script as HTMLScriptElement).catch((error) => console.error('consentry: could not insert what a released script wrote', error)),
        );
      }
      buffers.get(script)!.push(html);
    },
    written: settled,
  };
}
