import type { OptOuts } from '../../core/types';
import { useUi } from '../kernel';
import { Switch } from './Switch';

interface OptOutsProps {
  values: OptOuts;
  minor: boolean;
  onToggle(key: keyof OptOuts, refused: boolean): void;
}

/**
 * The opt-out centre: email subscriptions as subscribed/unsubscribed, service
 * announcements as always sent with the reason, and the two advertising uses
 * as switches named for what they allow ("Personalised advertising: On/Off",
 * never "Turn off …: Off"). A switch is on while the visitor has not refused;
 * turning it off records the opt-out (`OptOuts`, where `true` means refused).
 */
export function OptOutsSection({ values, minor, onToggle }: OptOutsProps) {
  const { t, host } = useUi();
  return (
    <section class="consentry-section" aria-labelledby="consentry-optouts-title" data-consentry="optouts">
      <h3 id="consentry-optouts-title" class="consentry-subtitle">
        {t('prefs.section.optouts')}
      </h3>
      <p class="consentry-text">{t('optouts.intro')}</p>
      <h4 class="consentry-group">{t('optouts.email.title')}</h4>
      <ul class="consentry-rows">
        <li class="consentry-row">
          <Switch
            id="consentry-optout-promotional"
            label={t('optouts.promotional.name')}
            checked={!values.promotionalEmail}
            onChange={(subscribed) => onToggle('promotionalEmail', !subscribed)}
            onText={t('optouts.subscribed')}
            offText={t('optouts.unsubscribed')}
            describedBy="consentry-optout-promotional-desc"
          />
          <p id="consentry-optout-promotional-desc" class="consentry-text">
            {t('optouts.promotional.description')}
          </p>
        </li>
        <li class="consentry-row">
          <div class="consentry-switch">
            <span class="consentry-switch-label">{t('optouts.service.name')}</span>
            <span class="consentry-badge">{t('optouts.service.state')}</span>
          </div>
          <p class="consentry-text">{t('optouts.service.reason')}</p>
        </li>
      </ul>
      <h4 class="consentry-group">{t('optouts.ads.title')}</h4>
      {host.gpc ? (
        <p class="consentry-note" data-consentry="gpc">
          {t('optouts.gpc')}
        </p>
      ) : null}
      <ul class="consentry-rows">
        {(['personalisedAds', 'adSharing'] as const).map((key) => (
          <li class="consentry-row" key={key}>
            <Switch
              id={`consentry-optout-${key}`}
              label={t(`optouts.${key}.name`)}
              checked={!minor && !values[key]}
              disabled={minor}
              onChange={(allowed) => onToggle(key, !allowed)}
              onText={t('prefs.on')}
              offText={t('prefs.off')}
              describedBy={`consentry-optout-${key}-desc`}
            />
            <p id={`consentry-optout-${key}-desc`} class="consentry-text">
              {t(`optouts.${key}.description`)}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
