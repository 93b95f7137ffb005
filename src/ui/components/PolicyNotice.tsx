import { otherShippedLanguage, useUi } from '../context';
import { SafeLink } from './SafeLink';

/** "Our privacy policy has changed" (policy section 12): inside the banner, or on its own with a Dismiss button. */
export function PolicyNotice({ inline, onDismiss }: { inline?: boolean; onDismiss?: () => void }) {
  const { t, host, language, texts } = useUi();
  // Shown only while policyNoticeActive, which needs the date.
  const date = host.config.policy.effectiveDate ?? '';
  const text = (
    <p class="consentry-text">
      {t('policy.changed', { date })}
      {host.config.policy.url ? (
        <>
          {' '}
          <SafeLink href={host.config.policy.url} class="consentry-link">
            {t('policy.read')}
          </SafeLink>
        </>
      ) : null}
    </p>
  );
  if (inline) return <div class="consentry-policy-inline">{text}</div>;
  const second = otherShippedLanguage(language);
  return (
    <aside class="consentry-policy" aria-label={t('policy.changed', { date })} lang={language}>
      {text}
      <p class="consentry-muted" lang={second}>
        {texts.forLanguage(second)('policy.changed', { date })}
      </p>
      <button type="button" class="consentry-button consentry-button-small" onClick={onDismiss}>
        {t('policy.dismiss')}
      </button>
    </aside>
  );
}
