import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { applyGpc } from '../../core/gpc';
import { NO_OPT_OUTS } from '../../core/record';
import type { OptOuts } from '../../core/types';
import { AgeQuestion, useUi, type AgeAnswer, type CategoryChoices } from '../kernel';
import { ContactBlock } from './ContactBlock';
import { CookiesSection } from './CookiesSection';
import { DataSection } from './DataSection';
import { ModalDialog } from './ModalDialog';
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

/**
 * The second layer: a labelled modal dialog with the category switches, the
 * email and advertising opt-outs and the visitor's own data. Switches start
 * from the stored choice, and from "off" when there is none (nothing pre-ticked).
 */
export function PreferenceCentre(props: CentreProps) {
  const { t, host, state } = useUi();
  const [section, setSection] = useState<CentreSection>(props.section);
  const record = state.record;
  const [categories, setCategories] = useState<CategoryChoices>(() => {
    const out: CategoryChoices = {};
    for (const category of host.config.categories) out[category.id] = category.required ? true : record?.categories[category.id] === true;
    return out;
  });
  // As a first record would start (src/core/record.ts): GPC turns both advertising opt-outs on.
  const [optOuts, setOptOuts] = useState<OptOuts>(() => record?.optOuts ?? applyGpc(NO_OPT_OUTS, host.gpc));
  const [guardian, setGuardian] = useState(props.age?.guardianConfirmed === true);
  const minor = props.age?.under === true;
  const age = props.age ? { under: props.age.under, guardianConfirmed: minor && guardian } : null;
  const sections: CentreSection[] = ['cookies', 'optouts', 'data'];
  // Each tab starts at its top: the body is one scroll container shared by the tabs.
  const body = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    if (body.current) body.current.scrollTop = 0;
  }, [section]);
  return (
    <ModalDialog name="preferences" labelledBy="consentry-dialog-title" onClose={props.onClose} returnFocus={props.returnFocus}>
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
      <div class="consentry-dialog-body" ref={body}>
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
        // "Save choices" is the primary action here; "Accept all" and "Reject all" are equal secondaries.
        <div class={`consentry-actions consentry-dialog-foot${minor ? '' : ' consentry-actions-3'}`}>
          <button type="button" class="consentry-button" data-action="save" onClick={() => props.onSave(categories, optOuts, age)}>
            {t('actions.save')}
          </button>
          {minor ? null : (
            <button type="button" class="consentry-button consentry-button-secondary" data-action="accept-all" onClick={props.onAcceptAll}>
              {t('actions.acceptAll')}
            </button>
          )}
          <button type="button" class="consentry-button consentry-button-secondary" data-action="reject-all" onClick={props.onRejectAll}>
            {t('actions.rejectAll')}
          </button>
        </div>
      ) : null}
    </ModalDialog>
  );
}
