import { useEffect, useState } from 'preact/hooks';
import type { CategoryId, HistoryEntry, OptOuts } from '../../core/types';
import { categoryText } from '../category-text';
import { useUi } from '../context';
import { downloadJson } from '../download';
import type { CategoryChoices } from '../actions';

/**
 * "Your data" (policy section 5): the current choice, its history (when,
 * what, how), a JSON download of both, and "Delete my choices" — which is
 * `api.withdraw()`: record, history, mirror cookie and tracker cookies go.
 */
export function DataSection() {
  const { t, language, host, state, texts } = useUi();
  const [history, setHistory] = useState<HistoryEntry[] | null>(null);
  const [deleted, setDeleted] = useState(false);
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
  const summary = (categories: CategoryChoices, optOuts: OptOuts) => {
    const allowed = Object.keys(categories).filter((id) => categories[id]).map(nameOf);
    const refused = (Object.keys(optOuts) as (keyof OptOuts)[]).filter((key) => optOuts[key]).map((key) => t(`optout.${key}`));
    const parts = [`${t('data.allowed')}: ${allowed.join(', ')}`];
    if (refused.length) parts.push(t('data.optedOut', { list: refused.join(', ') }));
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
      <div class="consentry-actions">
        <button
          type="button"
          class="consentry-button"
          data-action="download"
          onClick={() => downloadJson('consentry-choices.json', { exportedAt: new Date().toISOString(), record, history: history ?? [] })}
        >
          {t('data.download')}
        </button>
        <button
          type="button"
          class="consentry-button"
          data-action="delete"
          aria-describedby="consentry-delete-hint"
          onClick={() => {
            void host.api.withdraw({ forgetHistory: true }).then(() => setDeleted(true));
          }}
        >
          {t('data.delete')}
        </button>
      </div>
      <p id="consentry-delete-hint" class="consentry-muted">
        {t('data.deleteHint')}
      </p>
      <p class="consentry-status" role="status">
        {deleted ? t('data.deleted') : ''}
      </p>
    </section>
  );
}
