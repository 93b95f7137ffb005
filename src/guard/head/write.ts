/**
 * `document.write` and `writeln`, two ways:
 * - by a script the runtime released, or one such a script loaded (they are
 *   in `held.releasing`): after parsing, a write would open a new document and
 *   wipe the page (inline) or be dropped (external). The runtime takes the
 *   HTML instead (`plugins.write`), parses it and inserts it where the script
 *   stands, running its scripts in order (runtime/write.ts);
 * - anything else writes as it always does (the parser inserts the HTML), with
 *   every tracker in it held first: each start tag with attributes is read by
 *   the browser's own parser in an inert template, judged like any element,
 *   and written back in the tagged form.
 */
import { natives, releasing } from './held';
import { hold } from './hold';
import { patchMethods } from './patch';
import { plugins } from './plugins';
import type { Realm } from './elements';

/** `value` as an attribute value in double quotes. */
const quoted = (value: string) => `"${value.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`;

/** `html` with every start tag that names a denied tracker rewritten to its tagged form. */
function holdWritten(html: string, doc: Document): string {
  // A start tag: its name, then attributes, quoted values may hold `>`.
  return html.replace(/<([a-z][^\s/>]*)((?:"[^"]*"|'[^']*'|[^'">])*)>/gi, (tag, name: string, rest: string) => {
    if (!rest.includes('=')) return tag;
    const template = doc.createElement('template');
    natives.innerHTML.set!.call(template, tag);
    const element = template.content.firstElementChild;
    if (!element || element.localName != name.toLowerCase()) return tag;
    let held = false;
    for (const { name: attribute, value } of [...element.attributes]) if (hold(element, attribute, value, 'markup')) held = true;
    return held ? `<${name}${[...element.attributes].map((a) => ` ${a.name}=${quoted(a.value)}`).join('')}>` : tag;
  });
}

/** Install the `document.write` interceptor in `realm`; `resume` lets the markup observer see what the parser inserts. */
export function guardWrite(realm: Realm, resume: () => void): void {
  patchMethods(realm.Document.prototype, 'write writeln', (native, method) =>
    function (this: Document, ...parts: unknown[]) {
      const html = parts.join('');
      const script = this.currentScript;
      if (script && releasing.has(script)) return plugins.write(script, method == 'writeln' ? html + '\n' : html);
      resume();
      const judged = holdWritten(html, this);
      // Unchanged, the page's own arguments (a TrustedHTML stays one).
      return native.apply(this, judged == html ? parts : [judged]);
    },
  );
}
