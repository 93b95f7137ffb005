import { useUi } from '../context';
import type { AgeAnswer } from '../actions';

/** "Are you N or older?" asked before any choice when the minors flow is on (policy section 10). */
export function AgeQuestion({ onAnswer }: { onAnswer(answer: AgeAnswer): void }) {
  const { t, host } = useUi();
  const age = host.config.minors.age;
  return (
    <fieldset class="consentry-age">
      <legend class="consentry-subtitle">{t('age.question', { age })}</legend>
      <div class="consentry-actions">
        <button type="button" class="consentry-button" data-action="adult" onClick={() => onAnswer({ under: false, guardianConfirmed: false })}>
          {t('age.yes', { age })}
        </button>
        <button type="button" class="consentry-button" data-action="minor" onClick={() => onAnswer({ under: true, guardianConfirmed: false })}>
          {t('age.no', { age })}
        </button>
      </div>
    </fieldset>
  );
}
