import type { CategoryId } from '../../core/types';
import { NEVER_FOR_MINORS, useUi, type CategoryChoices } from '../kernel';
import { categoryText } from './category-text';
import { localVendor } from './localized';
import { Switch } from './Switch';
import { VendorList } from './VendorList';

interface CookiesSectionProps {
  values: CategoryChoices;
  minor: boolean;
  guardian: boolean;
  onToggle(id: CategoryId, on: boolean): void;
}

/** One row per category: name, description, switch (necessary always on) and its vendors. */
export function CookiesSection({ values, minor, guardian, onToggle }: CookiesSectionProps) {
  const { t, language, host, texts } = useUi();
  return (
    <section class="consentry-section" aria-labelledby="consentry-cookies-title">
      <h3 id="consentry-cookies-title" class="consentry-subtitle">
        {t('prefs.section.cookies')}
      </h3>
      <p class="consentry-text">{t('prefs.intro')}</p>
      <ul class="consentry-rows">
        {host.config.categories.map((category) => {
          const id = `consentry-cat-${category.id}`;
          const blockedForMinor = minor && (!guardian || NEVER_FOR_MINORS.includes(category.id));
          const required = category.required === true;
          return (
            <li class="consentry-row" key={category.id} data-category={category.id}>
              <Switch
                id={id}
                label={categoryText(category, 'name', language, host.config, texts)}
                checked={required || (!blockedForMinor && values[category.id] === true)}
                disabled={required || blockedForMinor}
                onChange={(on) => onToggle(category.id, on)}
                onText={required ? t('prefs.alwaysOn') : t('prefs.on')}
                offText={t('prefs.off')}
                describedBy={`${id}-desc`}
              />
              <p id={`${id}-desc`} class="consentry-text">
                {categoryText(category, 'description', language, host.config, texts)}
                {minor && NEVER_FOR_MINORS.includes(category.id) ? ` ${t('minor.adsOff', { age: host.config.minors.age })}` : ''}
              </p>
              <VendorList vendors={(category.vendors ?? []).map((v) => localVendor(v, language))} />
            </li>
          );
        })}
      </ul>
    </section>
  );
}
