import type { ArticleDetail } from '../../../app/store/articles.js';
import { useI18n } from '../i18n/index.js';

interface ArticleViewProps {
  article: ArticleDetail | null;
  loading: boolean;
}

/** The blocks of one article with their classes; read-only until the editor arrives. */
export function ArticleView({ article, loading }: ArticleViewProps) {
  const { t } = useI18n();
  if (loading) return <p className="muted">{t('common.loading')}</p>;
  if (!article) return <p className="muted">{t('detail.placeholder')}</p>;
  return (
    <article className="article-view">
      <h3>{article.headline ?? t('articles.untitled')}</h3>
      <p className="muted">
        {t('detail.summary', {
          page: article.sourceName,
          ordinal: article.ordinal + 1,
          count: article.blocks.length,
          status: t(`status.${article.status}`),
        })}
      </p>
      <ol className="blocks">
        {article.blocks.map((block) => (
          <li key={block.id} className={`block block-${block.cls}`}>
            <span className="block-class" title={block.cls}>
              {t(`blockClass.${block.cls}`)}
            </span>
            <p className="block-text">{block.text}</p>
          </li>
        ))}
      </ol>
    </article>
  );
}
