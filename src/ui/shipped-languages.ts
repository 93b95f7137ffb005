/** The shipped languages (one list, in core; each is complete, test/ui/unit-helpers). */
export { SHIPPED_LANGUAGES } from '../core/language.ts';

/** Each shipped language's name in itself, for the language switch before its texts are loaded. */
export const NATIVE_NAMES: Readonly<Record<string, string>> = { en: 'English', 'zh-CN': '中文' };

/** The file name of a shipped language's data script. */
export const localeFileName = (language: string): string => `consentry-ui.${language}.js`;
