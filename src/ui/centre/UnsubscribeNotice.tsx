import { otherShippedLanguage, useUi } from '../kernel';
import { ModalDialog } from './ModalDialog';
import { PanelHead } from './PanelHead';

/**
 * The landing from an email's unsubscribe link: a plain confirmation that
 * takes the place of the banner (the guard already recorded the opt-out).
 */
export function UnsubscribeNotice({ onClose, onManage, returnFocus }: { onClose(): void; onManage(): void; returnFocus(): void }) {
  const { t, language, host, texts } = useUi();
  // Shown in both shipped languages: the email may have been in another language than the browser.
  const second = otherShippedLanguage(language);
  const t2 = texts.forLanguage(second);
  const unsubscribe = host.unsubscribe;
  const valid = unsubscribe?.valid !== false;
  return (
    <ModalDialog
      name="unsubscribe"
      class="consentry-dialog-small"
      labelledBy="consentry-unsub-title"
      describedBy="consentry-unsub-body"
      onClose={onClose}
      returnFocus={returnFocus}
    >
      <PanelHead class="consentry-dialog-head" titleId="consentry-unsub-title">
        {valid ? t('unsub.title') : t('unsub.manage')}
      </PanelHead>
      <div id="consentry-unsub-body" class="consentry-dialog-body">
        {valid ? (
          <>
            <p class="consentry-text">{unsubscribe?.list ? t('unsub.body', { list: unsubscribe.list }) : t('unsub.bodyNoList')}</p>
            <p class="consentry-text">{t('unsub.service')}</p>
            <p class="consentry-muted" lang={second} data-consentry="second-language">
              {t2('unsub.title')} — {unsubscribe?.list ? t2('unsub.body', { list: unsubscribe.list }) : t2('unsub.bodyNoList')} {t2('unsub.service')}
            </p>
          </>
        ) : (
          <>
            <p class="consentry-text">{t('unsub.invalid')}</p>
            <p class="consentry-muted" lang={second} data-consentry="second-language">
              {t2('unsub.invalid')}
            </p>
          </>
        )}
      </div>
      <div class="consentry-actions consentry-dialog-foot">
        <button type="button" class="consentry-button" data-action="close" data-autofocus onClick={onClose}>
          {t('actions.close')}
        </button>
        <button type="button" class="consentry-button" data-action="manage-email" onClick={onManage}>
          {t('unsub.manage')}
        </button>
      </div>
    </ModalDialog>
  );
}
