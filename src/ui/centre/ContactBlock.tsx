import { SafeLink, useUi } from '../kernel';
import { mailtoHref, telHref } from './contact-links';

/**
 * How to reach the site (its contact channels) and its policy. Only what the
 * site configured is shown: the defaults name no one's contact, and without
 * any channel or policy URL the section is left out rather than filled with
 * placeholders.
 */
export function ContactBlock() {
  const { t, host } = useUi();
  const { hotline, email } = host.config.contact ?? {};
  const policyUrl = host.config.policy?.url;
  if (!hotline && !email && !policyUrl) return null;
  const tel = telHref(hotline);
  const mailto = mailtoHref(email);
  return (
    <section class="consentry-contact" aria-labelledby="consentry-contact-title">
      <h3 id="consentry-contact-title" class="consentry-subtitle">
        {t('contact.title')}
      </h3>
      {hotline || email ? <p class="consentry-text">{t('contact.body')}</p> : null}
      <ul class="consentry-contact-list">
        {hotline ? (
          <li>
            <span>{t('contact.hotline')}</span>
            {tel ? <a href={tel}>{hotline}</a> : <span>{hotline}</span>}
          </li>
        ) : null}
        {email ? (
          <li>
            <span>{t('contact.email')}</span>
            {mailto ? <a href={mailto}>{email}</a> : <span>{email}</span>}
          </li>
        ) : null}
        {policyUrl ? (
          <li>
            <SafeLink href={policyUrl}>{t('contact.policy')}</SafeLink>
          </li>
        ) : null}
      </ul>
    </section>
  );
}
