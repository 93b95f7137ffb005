import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { CategoryId, HistoryEntry, OptOuts } from '../../core/types';
import { useUi, type CategoryChoices } from '../kernel';
import { categoryText } from './category-text';
import { downloadJson } from './download';

/**
 * "Your data": the current choice, its history (when, what, how), a JSON
 * download of both, and "Delete my choices" — destructive, so styled as such
 * and confirmed in place before it runs `api.withdraw({ forgetHistory: true })`
 * (record, history, mirror cookie and tracker cookies go).
 */
export function DataSection() {
  const { t, language, host, state, texts } = useUi();
  const [history, setHistory] = useState<HistoryEntry[] | null>(null);
  const [deleted, setDeleted] = useState(false);
  /** null: not asked yet; true: the confirmation is showing; false: it was answered (focus goes back to the button). */
  const [confirming, setConfirming] = useState<boolean | null>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const remove = useRef<HTMLButtonElement>(null);
  // Keyboard focus follows the question: onto "Cancel" when it opens (Enter twice must not delete), back to the button after.
  useLayoutEffect(() => {
    if (confirming) cancel.current?.focus();
    else if (confirming === false) remove.current?.focus();
  }, [confirming]);
  const record = state.record;
  useEffect(() => {
    let live = true;
    host.api.history().then(
      (entries) => live && setHistory(entries),
      () => live && setHistory([]),
    );
    return () => {
      live = false;
    };
  }, [host.api, record?.updatedAt]);

  const date = (at: number) => new Date(at).toLocaleString(language);
  const nameOf = (id: CategoryId) => {
    const category = host.config.categories.find((c) => c.id === id);
    return category ? categoryText(category, 'name', language, host.config, texts) : String(id);
  };
  // Lists are joined the way the language does it ("a, b" / "甲、乙").
  const list = (items: string[]) => items.join(t('list.separator'));
  const summary = (categories: CategoryChoices, optOuts: OptOuts) => {
    const allowed = Object.keys(categories).filter((id) => categories[id]).map(nameOf);
    const refused = (Object.keys(optOuts) as (keyof OptOuts)[]).filter((key) => optOuts[key]).map((key) => t(`optout.${key}`));
    const parts = [t('data.allowed', { list: list(allowed) })];
    if (refused.length) parts.push(t('data.optedOut', { list: list(refused) }));
    return parts.join(' · ');
  };

  return (
    <section class="consentry-section" aria-labelledby="consentry-data-title" data-consentry="data">
      <h3 id="consentry-data-title" class="consentry-subtitle">
        {t('prefs.section.data')}
      </h3>
      <p class="consentry-text">{t('data.intro')}</p>
      <h4 class="consentry-group">{t('data.current')}</h4>
      {record ? (
        <div data-consentry="current">
          <p class="consentry-text">{summary(record.categories, record.optOuts)}</p>
          <p class="consentry-muted">
            {t('data.madeOn', { date: date(record.updatedAt), method: t(`method.${record.method}`), expires: date(record.expiresAt) })}
          </p>
        </div>
      ) : (
        <p class="consentry-text">{t('data.none')}</p>
      )}
      <h4 class="consentry-group">{t('data.history')}</h4>
      {history && history.length ? (
        <div class="consentry-table-wrap">
          <table class="consentry-table" data-consentry="history">
            <thead>
              <tr>
                <th scope="col">{t('data.when')}</th>
                <th scope="col">{t('data.what')}</th>
                <th scope="col">{t('data.how')}</th>
              </tr>
            </thead>
            <tbody>
              {history.map((entry, index) => (
                <tr key={`${entry.at}-${index}`}>
                  <td>{date(entry.at)}</td>
                  <td>{summary(entry.categories, entry.optOuts)}</td>
                  <td>{t(`method.${entry.method}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p class="consentry-muted">{t('data.historyEmpty')}</p>
      )}
      {confirming ? (
        <div class="consentry-confirm" role="group" aria-labelledby="consentry-delete-question">
          <p id="consentry-delete-question" class="consentry-text">
            {t('data.deleteConfirm')}
          </p>
          <div class="consentry-actions">
            <button
              type="button"
              class="consentry-button consentry-button-danger-solid"
              data-action="delete-confirm"
              onClick={() => {
                setConfirming(false);
                void host.api.withdraw({ forgetHistory: true }).then(() => setDeleted(true));
              }}
            >
              {t('data.deleteYes')}
            </button>
            <button type="button" class="consentry-button consentry-button-secondary" data-action="delete-cancel" ref={cancel} onClick={() => setConfirming(false)}>
              {t('data.deleteCancel')}
            </button>
          </div>
        </div>
      ) : (
        <>
          <div class="consentry-actions">
            <button
              type="button"
              class="consentry-button consentry-button-secondary"
              data-action="download"
              onClick={() => downloadJson('consentry-choices.json', { exportedAt: new Date().toISOString(), record, history: history ?? [] })}
            >
              {t('data.download')}
            </button>
            <button
              type="button"
              class="consentry-button consentry-button-danger"
              data-action="delete"
              aria-describedby="consentry-delete-hint"
              ref={remove}
              onClick={() => {
                setDeleted(false);
                setConfirming(true);
              }}
            >
              {t('data.delete')}
            </button>
          </div>
          <p id="consentry-delete-hint" class="consentry-muted">
            {t('data.deleteHint')}
          </p>
        </>
      )}
      <p class="consentry-status" role="status">
        {deleted ? t('data.deleted') : ''}
      </p>
    </section>
  );
}
