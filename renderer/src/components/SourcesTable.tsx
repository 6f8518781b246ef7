import type { SourceSummary } from '../../../app/store/sources.js';
import { useI18n } from '../i18n/index.js';
import { selectableRow } from './selectableRow.js';

interface SourcesTableProps {
  sources: SourceSummary[] | null;
  selectedId: number | null;
  onSelect: (sourceId: number | null) => void;
}

export function SourcesTable({ sources, selectedId, onSelect }: SourcesTableProps) {
  const { lang, t } = useI18n();
  if (!sources) return <p className="muted">{t('common.loading')}</p>;
  if (sources.length === 0) return <p className="muted">{t('sources.empty')}</p>;
  const total = sources.reduce((sum, s) => sum + s.articles, 0);
  return (
    <table className="data-table">
      <thead>
        <tr>
          <th>{t('sources.name')}</th>
          <th>{t('sources.encoding')}</th>
          <th className="num">{t('sources.articles')}</th>
          <th>{t('sources.importedAt')}</th>
        </tr>
      </thead>
      <tbody>
        <tr {...selectableRow(selectedId === null, () => onSelect(null))}>
          <td colSpan={2}>{t('sources.all')}</td>
          <td className="num">{total}</td>
          <td />
        </tr>
        {sources.map((source) => (
          <tr key={source.id} {...selectableRow(selectedId === source.id, () => onSelect(source.id))}>
            <td className="mono">{source.name}</td>
            <td>{source.encoding}</td>
            <td className="num">{source.articles}</td>
            <td>{new Date(source.imported_at).toLocaleString(lang)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
