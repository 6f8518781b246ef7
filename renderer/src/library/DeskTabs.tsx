import { useTranslation } from 'react-i18next';

/** The library's views: the article table, full-text search, tags, campaigns and comments. */
export type DeskTab = 'articles' | 'search' | 'tags' | 'campaigns' | 'comments';
export const DESK_TABS: readonly DeskTab[] = ['articles', 'search', 'tags', 'campaigns', 'comments'];

export function DeskTabs({ value, onChange }: { value: DeskTab; onChange: (tab: DeskTab) => void }) {
  const { t } = useTranslation();
  return (
    <div className="desk-tabs" role="tablist" aria-label={t('desk.label')}>
      {DESK_TABS.map((id) => (
        <button
          key={id}
          type="button"
          role="tab"
          aria-selected={value === id}
          className={value === id ? 'tab selected' : 'tab'}
          onClick={() => onChange(id)}
          data-testid={`desk-tab-${id}`}
        >
          {t(`desk.${id}`)}
        </button>
      ))}
    </div>
  );
}
