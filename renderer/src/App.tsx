import { useEffect, useState } from 'react';
import type { ApiClient, ApiProgress } from '../../app/api/contract.js';
import { ArticlesTable } from './components/ArticlesTable.js';
import { ArticleView } from './components/ArticleView.js';
import { LanguageSwitch } from './components/LanguageSwitch.js';
import { SourcesTable } from './components/SourcesTable.js';
import { useI18n } from './i18n/index.js';
import { useLoad } from './useLoad.js';

export interface AppProps {
  api: ApiClient;
  /** Progress of long calls; returns the unsubscribe. */
  subscribeProgress: (listener: (progress: ApiProgress) => void) => () => void;
  /** False when the page runs outside the desktop app (no bridge to call). */
  connected: boolean;
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function App({ api, subscribeProgress, connected }: AppProps) {
  const { t } = useI18n();
  const [sourceId, setSourceId] = useState<number | null>(null);
  const [articleId, setArticleId] = useState<number | null>(null);
  const [progress, setProgress] = useState<ApiProgress | null>(null);

  const sources = useLoad(() => api.listSources({}), [api]);
  const articles = useLoad(() => api.listArticles(sourceId === null ? {} : { sourceId }), [api, sourceId]);
  const article = useLoad(articleId === null ? null : () => api.getArticle({ id: articleId }), [api, articleId]);

  useEffect(() => subscribeProgress((p) => setProgress(p.done >= p.total ? null : p)), [subscribeProgress]);

  const error = sources.error ?? articles.error ?? article.error;

  return (
    <div className="app">
      <header className="topbar">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">清</span>
          <div>
            <h1>{t('app.title')}</h1>
            <p className="tagline">{t('app.tagline')}</p>
          </div>
        </div>
        <LanguageSwitch />
      </header>

      {!connected ? (
        <div className="banner" role="alert">{t('error.noBridge')}</div>
      ) : error !== null ? (
        <div className="banner" role="alert">
          <strong>{t('error.title')}</strong>
          {describeError(error)}
        </div>
      ) : null}

      <main className="workspace">
        <div className="column">
          <section className="panel panel-sources" aria-labelledby="sources-heading">
            <h2 id="sources-heading">{t('sources.title')}</h2>
            <SourcesTable sources={sources.data} selectedId={sourceId} onSelect={setSourceId} />
          </section>
          <section className="panel panel-articles" aria-labelledby="articles-heading">
            <div className="panel-heading">
              <h2 id="articles-heading">{t('articles.title')}</h2>
              {articles.data && <span className="muted">{t('articles.count', { count: articles.data.length })}</span>}
            </div>
            <ArticlesTable articles={articles.data} selectedId={articleId} onSelect={setArticleId} />
          </section>
        </div>
        <section className="panel panel-detail" aria-labelledby="detail-heading">
          <h2 id="detail-heading">{t('detail.title')}</h2>
          <ArticleView article={article.data} loading={article.loading} />
        </section>
      </main>

      {progress && (
        <footer className="statusbar" role="status">
          <progress value={progress.done} max={progress.total} />
          <span>{t('progress.text', { done: progress.done, total: progress.total, detail: progress.detail })}</span>
        </footer>
      )}
    </div>
  );
}
