/**
 * The stand-in shown where a blocked iframe would be: same size, the name of
 * the vendor whose content it holds, the category in the visitor's language,
 * and a button that allows the category (the frame then loads). Built with DOM
 * calls and CSSOM styles only (no innerHTML, no inline handlers), so it works
 * under a strict CSP and config strings are always rendered as text.
 */
import { embedName } from '../../core/embed-names';
import type { ConsentChange, ConsentryConfig, Language } from '../../core/types';
import type { Rules } from '../kernel';

/**
 * Built-in texts, one entry per shipped language (test/unit/languages.test.ts
 * keeps them in step with SHIPPED_LANGUAGES); a site overrides them with
 * `translations[language]['placeholder.text' | 'placeholder.button']`.
 */
export const PLACEHOLDER_TEXTS: Record<string, [text: string, button: string]> = {
  en: ['{category} cookies are needed to show this content.', 'Allow {category}'],
  'zh-CN': ['显示此内容需要允许“{category}”。', '允许{category}'],
};

const cssSize = (value: string | null, fallback: string) => (!value ? fallback : /^\d+$/.test(value) ? value + 'px' : value);

/**
 * Placeholders in `language`; their button allows the categories through `set`.
 * `forUrl` is the rules the blockers run with: a site rule may name the vendor.
 */
export function createPlaceholders(
  config: ConsentryConfig,
  language: Language,
  set: (change: ConsentChange) => Promise<unknown>,
  forUrl: Rules['forUrl'],
) {
  const shown = new WeakMap<Element, { box: HTMLElement; display: string }>();

  /**
   * Whose content a held frame is: the embed's name in the visitor's language
   * (core/embed-names.ts), else the vendor its rule names, else the host of a
   * third-party URL. None for the site's own pages (the category alone says it then).
   */
  function vendorOf(frame: HTMLElement): string | undefined {
    let url: URL;
    try {
      url = new URL(frame.getAttribute('data-src') ?? frame.getAttribute('src') ?? '', frame.baseURI);
    } catch {
      return undefined;
    }
    if (!/^https?:$/.test(url.protocol)) return undefined;
    return embedName(url, language) || forUrl(url.href)?.vendor || (url.host == location.host ? undefined : url.hostname);
  }

  /** Hide `frame` behind a placeholder asking for `categories`. */
  function show(frame: HTMLElement, categories: string[]): void {
    if (shown.has(frame)) return;
    const names = categories
      .map((id) => {
        const name = config.categories.find((category) => category.id === id)?.name;
        return (name && (name[language] || name.en)) || id;
      })
      .join(', ');
    const own = config.translations[language] || {};
    const builtIn = PLACEHOLDER_TEXTS[language] || PLACEHOLDER_TEXTS.en!;
    const text = (key: string, index: number) => (own['placeholder.' + key] || builtIn[index]!).replace('{category}', names);

    const box = document.createElement('div');
    box.className = ('consentry-placeholder ' + frame.className).trim();
    const style = box.style;
    style.width = cssSize(frame.getAttribute('width'), '300px');
    style.height = cssSize(frame.getAttribute('height'), '150px');
    style.cssText += ';max-width:100%;box-sizing:border-box;display:flex;flex-direction:column;align-items:center;justify-content:center;gap:.5em;padding:1em;text-align:center;border:1px solid';
    const vendor = vendorOf(frame);
    if (vendor) {
      const name = document.createElement('strong');
      name.className = 'consentry-placeholder-vendor';
      name.textContent = vendor;
      box.append(name);
    }
    const message = document.createElement('p');
    message.style.margin = '0';
    message.textContent = text('text', 0);
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = text('button', 1);
    button.addEventListener('click', () => {
      set({ categories: Object.fromEntries(categories.map((id) => [id, true])) }).catch(() => undefined);
    });
    box.append(message, button);
    frame.before(box);
    shown.set(frame, { box, display: frame.style.display });
    frame.style.display = 'none';
  }

  /** Put the frame back where its placeholder was. */
  function remove(frame: HTMLElement): void {
    const placeholder = shown.get(frame);
    if (!placeholder) return;
    shown.delete(frame);
    placeholder.box.remove();
    frame.style.display = placeholder.display;
  }

  return { show, remove };
}
