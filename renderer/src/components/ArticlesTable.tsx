import type { ArticleListItem } from '../../../app/store/articles.js';
import { useI18n } from '../i18n/index.js';
import { selectableRow } from './selectableRow.js';

interface ArticlesTableProps {
  articles: ArticleListItem[] | null;
  selectedId: number | null;
  onSelect: (articleId: number) => void;
}

export function ArticlesTable({ articles, selectedId, onSelect }: ArticlesTableProps) {
  const { t } = useI18n();
  if (!articles) return <p className="muted">{t('common.loading')}</p>;
  if (articles.length === 0) return <p className="muted">{t('articles.empty')}</p>;
  return (
    <table className="data-table articles-table">
      <thead>
        <tr>
          <th>{t('articles.page')}</th>
          <th>{t('articles.section')}</th>
          <th>{t('articles.headline')}</th>
          <th>{t('articles.reporters')}</th>
          <th className="num">{t('articles.blocks')}</th>
        </tr>
      </thead>
      <tbody>
        {articles.map((article) => (
          <tr key={article.id} {...selectableRow(selectedId === article.id, () => onSelect(article.id))}>
            <td className="mono">{article.sourceName}</td>
            <td>{article.section ?? t('common.none')}</td>
            <td className={article.headline ? 'headline' : 'headline muted'}>{article.headline ?? t('articles.untitled')}</td>
            <td>{article.reporters.length > 0 ? article.reporters.join(t('list.separator')) : t('common.none')}</td>
            <td className="num">{article.blockCount}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
