import { useUi } from '../context';
import { mailtoHref, telHref } from '../safe-url';
import { SafeLink } from './SafeLink';

/** The policy's contact channels (section 13) and the policy link. */
export function ContactBlock() {
  const { t, host } = useUi();
  const { hotline, email } = host.config.contact ?? { hotline: '', email: '' };
  const tel = telHref(hotline);
  const mailto = mailtoHref(email);
  return (
    <section class="consentry-contact" aria-labelledby="consentry-contact-title">
      <h3 id="consentry-contact-title" class="consentry-subtitle">
        {t('contact.title')}
      </h3>
      <p class="consentry-text">{t('contact.body')}</p>
      <ul class="consentry-contact-list">
        {hotline ? (
          <li>
            {t('contact.hotline')}: {tel ? <a href={tel}>{hotline}</a> : hotline}
          </li>
        ) : null}
        {email ? (
          <li>
            {t('contact.email')}: {mailto ? <a href={mailto}>{email}</a> : email}
          </li>
        ) : null}
        <li>
          <SafeLink href={host.config.policy?.url}>{t('contact.policy')}</SafeLink>
        </li>
      </ul>
    </section>
  );
}
