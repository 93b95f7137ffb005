import { useUi } from '../context';

/**
 * The language switch. With two languages (the shipped English and Chinese)
 * it is one button naming the other language in its own words ("中文" /
 * "English"), which keeps the banner's top row to one line on a phone; with
 * more (languages a site added) it is a group of buttons, the current one pressed.
 */
export function LanguageSwitch() {
  const { languages, language, setLanguage, languageName, t } = useUi();
  if (languages.length < 2) return null;
  if (languages.length === 2) {
    const other = languages.find((lng) => lng !== language) ?? languages[0]!;
    return (
      <button type="button" class="consentry-lang" lang={other} title={t('language.label')} onClick={() => setLanguage(other)}>
        {languageName(other)}
      </button>
    );
  }
  return (
    <div class="consentry-langs" role="group" aria-label={t('language.label')}>
      {languages.map((lng) => (
        <button type="button" class="consentry-lang" lang={lng} aria-pressed={lng === language} onClick={() => setLanguage(lng)} key={lng}>
          {languageName(lng)}
        </button>
      ))}
    </div>
  );
}
