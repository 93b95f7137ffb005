/**
 * Renders the plain-text privacy policy (demo/privacy-policy.txt, a copy of
 * the policy Consentry's defaults were written from) as an HTML page: the first
 * line is the title, short numbered lines ("8. Cookies…", "8.2 …") are
 * headings, everything else is a paragraph. Chinese paragraphs carry
 * `lang="zh-CN"` so screen readers and fonts get them right. All text is escaped.
 */
import { escapeHtml } from './pages.mjs';

const CJK = /[\u3400-\u9fff]/;
const HEADING = /^(\d+(\.\d+)*)(?:[.、]\s*|\s+)\S/;

/** @param {string} text */
export function renderPolicy(text) {
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.replace(/\u00a0/g, ' ').trim())
    .filter(Boolean);
  const [title, ...rest] = lines;
  const html = [`<article class="policy"><h1>${escapeHtml(title ?? 'Privacy policy')}</h1>`];
  const ids = new Set();
  for (const line of rest) {
    const lang = CJK.test(line) ? ' lang="zh-CN"' : '';
    // A heading is short, at most two levels deep ("8", "8.2") and not a list item ending in punctuation.
    const heading = line.length < 90 && !/[;；。:：,，]$/.test(line) && HEADING.exec(line);
    if (heading && heading[1].split('.').length <= 2) {
      const level = heading[1].includes('.') ? 'h3' : 'h2';
      const id = `section-${heading[1].replace(/\./g, '-')}`;
      const idAttr = CJK.test(line) || ids.has(id) ? '' : ` id="${id}"`;
      if (idAttr) ids.add(id);
      html.push(`<${level}${idAttr}${lang}>${escapeHtml(line)}</${level}>`);
    } else {
      html.push(`<p${lang}>${escapeHtml(line)}</p>`);
    }
  }
  html.push('</article>');
  return html.join('\n');
}
