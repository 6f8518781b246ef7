import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Comment } from '../../../app/annotations/comments.js';
import type { SourceSummary } from '../../../app/store/sources.js';
import { describeError } from '../api/errors.js';
import { shortQuote } from '../lib/annotations.js';
import { useDesk } from '../tags/DeskContext.js';
import './comments.css';

/*
 * Comments across the library (open ones by default), in reading order, filterable by state,
 * words, author, page and whether they are detached; each opens its article at its place.
 */

type StateFilter = 'open' | 'resolved' | 'all';
type DetachedFilter = 'any' | 'attached' | 'detached';

const LIMIT = 500;

export function OpenCommentsList({ hidden, sources }: { hidden: boolean; sources: readonly SourceSummary[] | null }) {
  const { t } = useTranslation();
  const desk = useDesk();
  const [state, setState] = useState<StateFilter>('open');
  const [text, setText] = useState('');
  const [author, setAuthor] = useState('');
  const [sourceId, setSourceId] = useState<number | null>(null);
  const [detached, setDetached] = useState<DetachedFilter>('any');
  const [comments, setComments] = useState<Comment[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (hidden) return;
    let current = true;
    const timer = setTimeout(() => {
      desk.api
        .listComments({
          state,
          text: text.trim() || undefined,
          author: author.trim() || undefined,
          sourceId: sourceId ?? undefined,
          detached: detached === 'any' ? undefined : detached === 'detached',
          limit: LIMIT,
        })
        .then(
          (list) => {
            if (!current) return;
            setComments(list);
            setError(null);
          },
          (err: unknown) => current && setError(describeError(t, err)),
        );
    }, 200);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [desk.api, hidden, state, text, author, sourceId, detached, t]);

  return (
    <section className="desk-panel open-comments" hidden={hidden} aria-label={t('comments.libraryTitle')}>
      <div className="panel-toolbar search-filters">
        <select className="select" value={state} aria-label={t('comments.stateFilter')} data-testid="comments-filter-state" onChange={(e) => setState(e.target.value as StateFilter)}>
          <option value="open">{t('comments.stateOpen')}</option>
          <option value="resolved">{t('comments.stateResolved')}</option>
          <option value="all">{t('comments.stateAll')}</option>
        </select>
        <input
          type="search"
          className="text-input filter-input"
          value={text}
          placeholder={t('comments.textFilter')}
          aria-label={t('comments.textFilter')}
          data-testid="comments-filter-text"
          onChange={(e) => setText(e.target.value)}
        />
        <input
          type="text"
          className="text-input filter-input"
          value={author}
          placeholder={t('comments.authorFilter')}
          aria-label={t('comments.authorFilter')}
          onChange={(e) => setAuthor(e.target.value)}
        />
        <select className="select" value={sourceId ?? ''} aria-label={t('search.source')} onChange={(e) => setSourceId(e.target.value === '' ? null : Number(e.target.value))}>
          <option value="">{t('library.allPages')}</option>
          {sources?.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
        <select className="select" value={detached} aria-label={t('comments.detachedFilter')} onChange={(e) => setDetached(e.target.value as DetachedFilter)}>
          <option value="any">{t('comments.detachedAny')}</option>
          <option value="attached">{t('comments.detachedNo')}</option>
          <option value="detached">{t('comments.detachedOnly')}</option>
        </select>
        <span className="muted small">{comments ? t('comments.listed', { count: comments.length }) : t('common.loading')}</span>
      </div>
      {error && (
        <div className="banner" role="alert">
          {error}
        </div>
      )}
      <ol className="library-comments" data-testid="open-comments-list">
        {comments?.map((c) => (
          <li key={c.id} className={`library-comment comment-${c.state}`}>
            <button
              type="button"
              className="library-comment-button"
              disabled={!c.article.live}
              onClick={() => desk.openArticle(c.article.id, { commentId: c.id })}
              data-testid={`open-comment-${c.id}`}
            >
              <span className="library-comment-head">
                <span className="search-hit-title">{c.article.headline ?? t('common.untitled')}</span>
                <span className="muted small">
                  <span className="mono">#{c.article.id}</span> · {c.article.sourceName}
                </span>
                {c.anchor.detached && <span className="badge">{t('comments.detachedBadge')}</span>}
                {c.state === 'resolved' && <span className="badge">{t('comments.resolved')}</span>}
              </span>
              <span className="comment-quote-inline">“{shortQuote(c.anchor.detached ? c.quotedText : c.anchor.quote, 80)}”</span>
              <span className="comment-body">{c.body}</span>
              <span className="muted small">
                {c.author} · {c.createdAt.slice(0, 16).replace('T', ' ')}
                {c.entries.length > 0 ? ` · ${t('comments.replies', { count: c.entries.filter((e) => e.kind === 'reply').length })}` : ''}
              </span>
            </button>
          </li>
        ))}
      </ol>
      {comments && comments.length === 0 && <p className="empty-inline muted">{t('comments.noneLibrary')}</p>}
    </section>
  );
}
