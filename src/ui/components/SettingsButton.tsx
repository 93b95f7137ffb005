import { useUi } from '../context';

/** The persistent "Cookie settings" button: reopening the centre is one click, so withdrawing is as easy as giving. */
export function SettingsButton({ onOpen, onOpenIntent }: { onOpen(): void; onOpenIntent(): void }) {
  const { t, host, language } = useUi();
  const position = host.config.ui?.settingsButton ?? 'bottom-left';
  if (position === 'none') return null;
  return (
    <aside class={`consentry-settings consentry-settings-${position === 'bottom-right' ? 'right' : 'left'}`} aria-label={t('settings.region')} lang={language}>
      <button type="button" class="consentry-button consentry-button-small" data-consentry-settings onClick={onOpen} onPointerEnter={onOpenIntent} onFocus={onOpenIntent}>
        {t('settings.button')}
      </button>
    </aside>
  );
}
