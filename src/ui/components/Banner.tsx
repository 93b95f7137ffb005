import { useLayoutEffect, useRef } from 'preact/hooks';
import { useUi } from '../context';
import type { AgeAnswer } from '../actions';
import { AgeQuestion } from './AgeQuestion';
import { PanelHead } from './PanelHead';
import { PolicyNotice } from './PolicyNotice';
import { SafeLink } from './SafeLink';

interface BannerProps {
  age: AgeAnswer | null;
  /** The minors flow is on and the visitor has not answered yet. */
  askAge: boolean;
  onAge(answer: AgeAnswer): void;
  onAcceptAll(): void;
  onRejectAll(): void;
  onManage(): void;
  onDismiss(): void;
  /** Focus "Manage choices" on mount (returning from the preference centre). */
  focusManage: boolean;
}

/**
 * The first layer: a labelled, non-modal region fixed to the bottom of the
 * viewport (no layout shift), with three equal buttons. Dismissing it records
 * nothing: only necessary cookies stay in use.
 */
export function Banner(props: BannerProps) {
  const { t, language, host } = useUi();
  const manage = useRef<HTMLButtonElement>(null);
  // In the same commit that removes the centre, so focus never falls back to <body> in between.
  useLayoutEffect(() => {
    if (props.focusManage) manage.current?.focus();
  }, [props.focusManage]);
  const minor = props.age?.under === true;
  return (
    <section class="consentry-banner" aria-labelledby="consentry-banner-title" lang={language} data-consentry="banner">
      <div class="consentry-banner-inner">
        <PanelHead class="consentry-banner-head" titleId="consentry-banner-title" close={{ label: t('banner.closeWithoutChoice'), onClose: props.onDismiss }}>
          {t('banner.title')}
        </PanelHead>
        {host.policyChanged ? <PolicyNotice inline /> : null}
        <p class="consentry-text">
          {t('banner.body')}
          {host.config.policy?.url ? (
            <>
              {' '}
              <SafeLink href={host.config.policy.url} class="consentry-link">
                {t('banner.policyLink')}
              </SafeLink>
            </>
          ) : null}
        </p>
        {props.askAge ? (
          <AgeQuestion onAnswer={props.onAge} />
        ) : minor ? (
          <div class="consentry-minor">
            <p class="consentry-text">{t('minor.body', { age: host.config.minors.age })}</p>
            <div class="consentry-actions">
              <button type="button" class="consentry-button" onClick={props.onRejectAll}>
                {t('minor.necessaryOnly')}
              </button>
              <button type="button" class="consentry-button" ref={manage} onClick={props.onManage}>
                {t('minor.guardianChoose')}
              </button>
            </div>
          </div>
        ) : (
          <div class="consentry-actions consentry-actions-3">
            <button type="button" class="consentry-button" data-action="accept-all" onClick={props.onAcceptAll}>
              {t('actions.acceptAll')}
            </button>
            <button type="button" class="consentry-button" data-action="reject-all" onClick={props.onRejectAll}>
              {t('actions.rejectAll')}
            </button>
            <button type="button" class="consentry-button" data-action="manage" ref={manage} onClick={props.onManage}>
              {t('actions.manage')}
            </button>
          </div>
        )}
      </div>
    </section>
  );
}
