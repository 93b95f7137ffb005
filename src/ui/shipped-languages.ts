/**
 * The languages Consentry ships texts for. Each has its own data script,
 * `consentry-ui.<language>.js` beside the UI bundle, so a visitor downloads
 * only the texts they read. Each is complete (test/ui/unit-helpers), so English
 * is loaded as the fallback only under a language the site owner added.
 */
export const SHIPPED_LANGUAGES: readonly string[] = ['en', 'zh-CN'];

/** Each shipped language's name in itself, for the language switch before its texts are loaded. */
export const NATIVE_NAMES: Readonly<Record<string, string>> = { en: 'English', 'zh-CN': '中文' };

/** The file name of a shipped language's data script. */
export const localeFileName = (language: string): string => `consentry-ui.${language}.js`;
