/**
 * The stand-in shown where a blocked iframe would be: same size, the category
 * name in the visitor's language, and a button that allows the category. Built
 * with DOM calls and CSSOM styles only (no innerHTML, no inline handlers), so
 * it works under a strict CSP and config strings are always rendered as text.
 */
import { pickLanguage } from '../../core/language';
import type { ConsentryApi, ConsentryConfig } from '../../core/types';

/** Built-in texts; a site overrides them with `translations[lang]['placeholder.text' | 'placeholder.button']`. */
const TEXTS: Record<string, [string, string]> = {
  en: ['{category} cookies are needed to show this content.', 'Allow {category}'],
  'zh-CN': ['显示此内容需要允许“{category}”。', '允许{category}'],
};

let config: ConsentryConfig;
const shown = new WeakMap<Element, { box: HTMLElement; display: string }>();

export function usePlaceholderConfig(resolved: ConsentryConfig): void {
  config = resolved;
}

const cssSize = (value: string | null, fallback: string) => (!value ? fallback : /^\d+$/.test(value) ? value + 'px' : value);

/** Hide `frame` behind a placeholder asking for `categories`. */
export function showPlaceholder(frame: HTMLElement, categories: string[]): void {
  if (shown.has(frame)) return;
  const language = pickLanguage(config, [document.documentElement.lang, ...navigator.languages]);
  const names = categories
    .map((id) => {
      const name = config.categories.find((category) => category.id === id)?.name;
      return (name && (name[language] || name.en)) || id;
    })
    .join(', ');
  const own = config.translations[language] || {};
  const builtIn = TEXTS[language] || TEXTS.en!;
  const text = (key: string, index: number) => (own['placeholder.' + key] || builtIn[index]!).replace('{category}', names);

  const box = document.createElement('div');
  box.className = ('consentry-placeholder ' + frame.className).trim();
  const style = box.style;
  style.width = cssSize(frame.getAttribute('width'), '300px');
  style.height = cssSize(frame.getAttribute('height'), '150px');
  style.cssText += ';max-width:100%;box-sizing:border-box;display:flex;flex-direction:column;align-items:center;justify-content:center;gap:.5em;padding:1em;text-align:center;border:1px solid';
  const message = document.createElement('p');
  message.style.margin = '0';
  message.textContent = text('text', 0);
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = text('button', 1);
  button.addEventListener('click', () => {
    const api = (window as unknown as { consentry?: ConsentryApi }).consentry;
    api?.set({ categories: Object.fromEntries(categories.map((id) => [id, true])) }).catch(() => undefined);
  });
  box.append(message, button);
  frame.before(box);
  shown.set(frame, { box, display: frame.style.display });
  frame.style.display = 'none';
}

/** Put the frame back where its placeholder was. */
export function removePlaceholder(frame: HTMLElement): void {
  const placeholder = shown.get(frame);
  if (!placeholder) return;
  shown.delete(frame);
  placeholder.box.remove();
  frame.style.display = placeholder.display;
}
