/**
 * Putting Consentry on a page that lacks it: the config and the guard's
 * `<script>`, first in `<head>` (after a leading `<meta charset>`, which must
 * stay within the first 1,024 bytes), spliced into the text like every other
 * edit of the tagger.
 */
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { applyEdits, type Edit } from './splice';

type Element = DefaultTreeAdapterMap['element'];

export interface InjectOptions {
  /** URL of the guard, e.g. `/consentry/consentry.js`. */
  src: string;
  /** A config to embed when the page has no `#consentry-config`. */
  config?: Record<string, unknown>;
  /** A CSP nonce for the guard's `<script>` (it reuses it for the UI). */
  nonce?: string;
}

export interface InjectResult {
  html: string;
  /** What was added: `config`, `guard`. */
  added: ('config' | 'guard')[];
}

const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/** The config as the body of a JSON `<script>`: `<` escaped so no string can end the element. */
export const configScript = (config: Record<string, unknown>) =>
  `<script type="application/json" id="consentry-config">${JSON.stringify(config).replace(/</g, '\\u003c')}</script>`;

/** Adds the guard (and the config, when given) to `html` unless it has them. */
export function injectGuard(html: string, options: InjectOptions): InjectResult {
  const document = parse(html, { sourceCodeLocationInfo: true });
  const all: Element[] = [];
  const walk = (node: { childNodes?: unknown[] }) => {
    for (const child of (node.childNodes ?? []) as Element[]) {
      if ('tagName' in child) {
        all.push(child);
        walk(child);
      }
    }
  };
  walk(document);
  const value = (element: Element, name: string) => element.attrs.find((a) => a.name === name)?.value;
  const hasGuard = all.some((e) => e.tagName === 'script' && /(^|\/)consentry\.js$/.test((value(e, 'src') ?? '').split(/[?#]/)[0]!.trim()));
  const hasConfig = all.some((e) => value(e, 'id') === 'consentry-config');
  const added: InjectResult['added'] = [];
  let insert = '';
  if (!hasConfig && options.config) {
    insert += configScript(options.config);
    added.push('config');
  }
  if (!hasGuard) {
    const nonce = options.nonce ? ` nonce="${escapeAttribute(options.nonce)}"` : '';
    insert += `<script src="${escapeAttribute(options.src)}"${nonce}></script>`;
    added.push('guard');
  }
  if (!insert) return { html, added };

  const head = all.find((e) => e.tagName === 'head');
  const htmlElement = all.find((e) => e.tagName === 'html');
  const first = head?.childNodes.find((c): c is Element => 'tagName' in c);
  const charset = first && first.tagName === 'meta' && (value(first, 'charset') !== undefined || /content-type/i.test(value(first, 'http-equiv') ?? ''));
  const at =
    (charset ? first.sourceCodeLocation?.endOffset : undefined) ??
    head?.sourceCodeLocation?.startTag?.endOffset ??
    htmlElement?.sourceCodeLocation?.startTag?.endOffset ??
    (document.childNodes[0]?.nodeName === '#documentType' ? document.childNodes[0].sourceCodeLocation?.endOffset : undefined) ??
    0;
  const edit: Edit = { start: at, end: at, insert: '\n' + insert };
  return { html: applyEdits(html, [edit]), added };
}
