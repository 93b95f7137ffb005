import { useUi } from '../context';

/** One button per language, each named in its own language, the current one pressed. */
export function LanguageSwitch() {
  const { languages, language, setLanguage, languageName, t } = useUi();
  if (languages.length < 2) return null;
  return (
    <div class="consentry-langs" role="group" aria-label={t('language.label')}>
      {languages.map((lng) => (
        <button
          type="button"
          class="consentry-lang"
          lang={lng}
          aria-pressed={lng === language}
          onClick={() => setLanguage(lng)}
          key={lng}
        >
          {languageName(lng)}
        </button>
      ))}
    </div>
  );
}
