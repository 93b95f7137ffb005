import { useRef, useState } from 'preact/hooks';
import type { OptOuts } from '../../core/types';
import type { AgeAnswer, CategoryChoices } from '../actions';
import { useUi } from '../context';
import { useModalFocus } from '../focus';
import { AgeQuestion } from './AgeQuestion';
import { ContactBlock } from './ContactBlock';
import { CookiesSection } from './CookiesSection';
import { DataSection } from './DataSection';
import { OptOutsSection } from './OptOutsSection';
import { PanelHead } from './PanelHead';

export type CentreSection = 'cookies' | 'optouts' | 'data';

interface CentreProps {
  section: CentreSection;
  age: AgeAnswer | null;
  askAge: boolean;
  onAge(answer: AgeAnswer): void;
  onAcceptAll(): void;
  onRejectAll(): void;
  onSave(categories: CategoryChoices, optOuts: OptOuts, age: AgeAnswer | null): void;
  onClose(): void;
  returnFocus(): void;
}

const NO_OPT_OUTS: OptOuts = { promotionalEmail: false, personalisedAds: false, adSharing: false };

/**
 * The second layer: a labelled modal dialog with the category switches, the
 * email and advertising opt-outs and the visitor's own data. Switches start
 * from the stored choice, and from "off" when there is none (nothing pre-ticked).
 */
export function PreferenceCentre(props: CentreProps) {
  const { t, language, host, state } = useUi();
  const dialog = useRef<HTMLDivElement>(null);
  useModalFocus(dialog, props.onClose, props.returnFocus);
  const [section, setSection] = useState<CentreSection>(props.section);
  const record = state.record;
  const [categories, setCategories] = useState<CategoryChoices>(() => {
    const out: CategoryChoices = {};
    for (const category of host.config.categories) out[category.id] = category.required ? true : record?.categories[category.id] === true;
    return out;
  });
  const [optOuts, setOptOuts] = useState<OptOuts>(() => ({
    ...NO_OPT_OUTS,
    ...(host.gpc ? { personalisedAds: true, adSharing: true } : {}),
    ...record?.optOuts,
  }));
  const [guardian, setGuardian] = useState(props.age?.guardianConfirmed === true);
  const minor = props.age?.under === true;
  const age = props.age ? { under: props.age.under, guardianConfirmed: minor && guardian } : null;
  const sections: CentreSection[] = ['cookies', 'optouts', 'data'];
  return (
    <div class="consentry-backdrop">
      <div
        class="consentry-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="consentry-dialog-title"
        lang={language}
        tabIndex={-1}
        ref={dialog}
        data-consentry="preferences"
      >
        <PanelHead class="consentry-dialog-head" titleId="consentry-dialog-title" close={{ label: t('actions.close'), onClose: props.onClose }}>
          {t('prefs.title')}
        </PanelHead>
        <nav class="consentry-nav" aria-label={t('prefs.nav')}>
          {sections.map((name) => (
            <button
              type="button"
              key={name}
              class="consentry-nav-item"
              aria-current={section === name ? 'true' : undefined}
              data-section={name}
              onClick={() => setSection(name)}
            >
              {t(`prefs.section.${name}`)}
            </button>
          ))}
        </nav>
        <div class="consentry-dialog-body">
          {props.askAge && section !== 'data' ? <AgeQuestion onAnswer={props.onAge} /> : null}
          {minor && section !== 'data' ? (
            <div class="consentry-minor">
              <p class="consentry-text">{t('minor.body', { age: host.config.minors.age })}</p>
              <p class="consentry-check">
                <input
                  id="consentry-guardian"
                  type="checkbox"
                  checked={guardian}
                  onChange={(event) => setGuardian((event.currentTarget as HTMLInputElement).checked)}
                />
                <label for="consentry-guardian">{t('minor.guardian')}</label>
              </p>
            </div>
          ) : null}
          {section === 'cookies' && !props.askAge ? (
            <CookiesSection
              values={categories}
              minor={minor}
              guardian={guardian}
              onToggle={(id, on) => setCategories((current) => ({ ...current, [id]: on }))}
            />
          ) : null}
          {section === 'optouts' && !props.askAge ? (
            <OptOutsSection values={optOuts} minor={minor} onToggle={(key, refused) => setOptOuts((current) => ({ ...current, [key]: refused }))} />
          ) : null}
          {section === 'data' ? <DataSection /> : null}
          <ContactBlock />
        </div>
        {section !== 'data' && !props.askAge ? (
          <div class={`consentry-actions consentry-dialog-foot${minor ? "" : " consentry-actions-3"}`}>
            <button type="button" class="consentry-button" data-action="save" onClick={() => props.onSave(categories, optOuts, age)}>
              {t('actions.save')}
            </button>
            {minor ? null : (
              <button type="button" class="consentry-button" data-action="accept-all" onClick={props.onAcceptAll}>
                {t('actions.acceptAll')}
              </button>
            )}
            <button type="button" class="consentry-button" data-action="reject-all" onClick={props.onRejectAll}>
              {t('actions.rejectAll')}
            </button>
          </div>
        ) : null}
      </div>
    </div>
  );
}
