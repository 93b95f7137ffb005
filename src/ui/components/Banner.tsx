import { useLayoutEffect, useRef } from 'preact/hooks';
import { useUi } from '../context';
import type { AgeAnswer } from '../actions';
import { AgeQuestion } from './AgeQuestion';
import { LanguageSwitch } from './LanguageSwitch';
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
  /** The visitor is about to choose "Manage choices" (pointer over it, focus on it): the centre can start loading. */
  onManageIntent(): void;
  onDismiss(): void;
  /** Focus "Manage choices" on mount (returning from the preference centre). */
  focusManage: boolean;
}

/**
 * The first layer: a labelled, non-modal region fixed to the bottom of the
 * viewport (no layout shift), as a bar or, with `ui.layout: 'box'`, a corner
 * box. "Accept all" and "Reject all" are the same button and come first in
 * the tab order; "Manage choices" and the policy link follow as links, then
 * the language switch and the close button. The markup is in that order and
 * the stylesheet places the parts (the switch and × at the top). Dismissing
 * it records nothing: only necessary cookies stay in use.
 */
export function Banner(props: BannerProps) {
  const { t, language, host } = useUi();
  const manage = useRef<HTMLButtonElement>(null);
  // In the same commit that removes the centre, so focus never falls back to <body> in between.
  useLayoutEffect(() => {
    if (props.focusManage) manage.current?.focus();
  }, [props.focusManage]);
  const minor = props.age?.under === true;
  const layout = host.config.ui?.layout === 'box' ? 'box' : 'bar';
  const policyUrl = host.config.policy?.url;
  return (
    <section class={`consentry-banner consentry-banner-${layout}`} aria-labelledby="consentry-banner-title" lang={language} data-consentry="banner">
      <div class="consentry-banner-inner">
        <h2 id="consentry-banner-title" class="consentry-title consentry-banner-title">
          {t('banner.title')}
        </h2>
        <p class="consentry-text consentry-banner-text">{t('banner.body')}</p>
        {props.askAge ? (
          <div class="consentry-banner-choices">
            <AgeQuestion onAnswer={props.onAge} />
          </div>
        ) : minor ? (
          <div class="consentry-banner-choices consentry-minor">
            <p class="consentry-text">{t('minor.body', { age: host.config.minors.age })}</p>
            <div class="consentry-actions">
              <button type="button" class="consentry-button" onClick={props.onRejectAll}>
                {t('minor.necessaryOnly')}
              </button>
              <button type="button" class="consentry-button consentry-button-secondary" ref={manage} onClick={props.onManage} onPointerEnter={props.onManageIntent} onFocus={props.onManageIntent}>
                {t('minor.guardianChoose')}
              </button>
            </div>
          </div>
        ) : (
          <div class="consentry-banner-choices consentry-actions consentry-actions-pair">
            <button type="button" class="consentry-button" data-action="accept-all" onClick={props.onAcceptAll}>
              {t('actions.acceptAll')}
            </button>
            <button type="button" class="consentry-button" data-action="reject-all" onClick={props.onRejectAll}>
              {t('actions.rejectAll')}
            </button>
          </div>
        )}
        {(!props.askAge && !minor) || policyUrl ? (
          <div class="consentry-banner-more">
            {!props.askAge && !minor ? (
              <button
                type="button"
                class="consentry-button-link"
                data-action="manage"
                ref={manage}
                onClick={props.onManage}
                onPointerEnter={props.onManageIntent}
                onTouchStart={props.onManageIntent}
                onFocus={props.onManageIntent}
              >
                {t('actions.manage')}
              </button>
            ) : null}
            {policyUrl ? (
              <SafeLink href={policyUrl} class="consentry-link">
                {t('banner.policyLink')}
              </SafeLink>
            ) : null}
          </div>
        ) : null}
        {host.policyChanged ? (
          <div class="consentry-banner-notice">
            <PolicyNotice inline />
          </div>
        ) : null}
        <div class="consentry-banner-tools">
          <LanguageSwitch />
          <button type="button" class="consentry-close" aria-label={t('banner.closeWithoutChoice')} onClick={props.onDismiss}>
            <span aria-hidden="true">×</span>
          </button>
        </div>
      </div>
    </section>
  );
}
