/**
 * `document.write` and `writeln`, two ways:
 * - by a script the runtime released, or one such a script loaded (they are
 *   in `held.releasing`): after parsing, a write would open a new document and
 *   wipe the page (inline) or be dropped (external). The runtime takes the
 *   HTML instead (`plugins.write`), parses it and inserts it where the script
 *   stands, running its scripts in order (runtime/write.ts);
 * - anything else writes as it always does (the parser inserts the HTML), with
 *   every tracker in it held first: each start tag (quoted values may hold
 *   `>`) is judged as markup on its own (./hold.ts `judgeMarkup`, the
 *   browser's parser in an inert template), and one that names a tracker is
 *   written in the tagged form (a script closed at once: the `</script>` the
 *   page writes after it is then a stray end tag, which the parser drops).
 */
import { releasing } from './held';
import { judgeMarkup } from './hold';
import { patchMethods } from './patch';
import { plugins } from './plugins';
import type { Realm } from './elements';

/** Install the `document.write` interceptor in `realm`; `resume` lets the markup observer see what the parser inserts. */
export function guardWrite(realm: Realm, resume: () => void): void {
  patchMethods(realm.Document.prototype, 'write writeln', (native, method) =>
    function (this: Document, ...parts: unknown[]) {
      const html = parts.join('');
      const script = this.currentScript;
      if (script && releasing.has(script)) return plugins.write(script, method == 'writeln' ? html + '\n' : html);
      resume();
      const judged = html.replace(/<[a-z][^\s/>]*(?:"[^"]*"|'[^']*'|[^'">])*>/gi, (tag) => judgeMarkup(tag, this, true));
      // Unchanged, the page's own arguments (a TrustedHTML stays one).
      return native.apply(this, judged == html ? parts : [judged]);
    },
  );
}
