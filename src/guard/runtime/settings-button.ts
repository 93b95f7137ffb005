/**
 * The "Cookie settings" button for a visitor who already chose. Such a visitor
 * never downloads the UI bundle, yet withdrawing must stay one click away, so
 * the guard draws this small button itself. It is a plain element with a
 * `data-consentry-open` attribute (the delegated opener in ui-loader.ts does the
 * rest) and CSSOM styles (allowed under `style-src 'self'`, unlike a style
 * attribute in markup). Opening the UI, by any route, removes it (ui-loader.ts):
 * the UI draws its own.
 */
import type { ConsentryConfig, Language } from '../../core/types';

/** Marks the guard's button, so opening the UI can find and remove it. */
const FALLBACK_ATTRIBUTE = 'data-consentry-fallback';

/** The button's label, one per shipped language (test/unit/languages.test.ts). */
export const SETTINGS_LABELS: Record<string, string> = { en: 'Cookie settings', 'zh-CN': 'Cookie 设置' };

/** The label in `language`: the owner's `settings.button` translation, else ours, else English. */
function label(config: ConsentryConfig, language: Language): string {
  return config.translations[language]?.['settings.button'] ?? SETTINGS_LABELS[language] ?? SETTINGS_LABELS.en!;
}

/** Adds the button once `<body>` exists; does nothing when the owner hid it (`ui.settingsButton: 'none'`). */
export function showSettingsButton(config: ConsentryConfig, language: Language): void {
  const position = config.ui.settingsButton;
  if (position === 'none' || window.consentryUI) return;
  const add = () => {
    if (document.querySelector(`[${FALLBACK_ATTRIBUTE}]`)) return;
    const button = document.createElement('button');
    button.type = 'button';
    button.lang = language;
    button.textContent = label(config, language);
    button.setAttribute('data-consentry-open', 'preferences');
    button.setAttribute(FALLBACK_ATTRIBUTE, '');
    Object.assign(button.style, {
      position: 'fixed',
      bottom: '16px',
      [position === 'bottom-right' ? 'right' : 'left']: '16px',
      zIndex: '2147483000',
      font: '14px/1.2 system-ui,sans-serif',
      padding: '8px 12px',
      color: '#fff',
      background: '#1d4ed8',
      border: '2px solid #fff',
      borderRadius: '8px',
      cursor: 'pointer',
    });
    document.body.appendChild(button);
  };
  if (document.body) add();
  else document.addEventListener('DOMContentLoaded', add);
}

/** Removes the guard's button (the UI is about to draw its own). */
export function removeSettingsButton(): void {
  document.querySelector(`[${FALLBACK_ATTRIBUTE}]`)?.remove();
}
