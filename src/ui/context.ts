import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { ConsentState, UiHost } from '../core/types';
import type { Texts, Translate } from './i18n';

/** What every component needs: the host (api + config), the current language and its `t`. */
export interface UiContextValue {
  host: UiHost;
  language: string;
  languages: string[];
  setLanguage(language: string): void;
  t: Translate;
  texts: Texts;
  /** Language names, each in its own language, for the switch. */
  languageName(language: string): string;
  state: ConsentState;
}

/** The other shipped language, for texts shown in both (the unsubscribe confirmation, the policy notice). */
export function otherShippedLanguage(language: string): string {
  return language.split('-')[0] === 'zh' ? 'en' : 'zh-CN';
}

export const UiContext = createContext<UiContextValue | null>(null);

/** The UI context; components are only rendered inside <App>. */
export function useUi(): UiContextValue {
  const value = useContext(UiContext);
  if (!value) throw new Error('consentry: UI component rendered outside <App>');
  return value;
}
