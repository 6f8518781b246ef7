import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Comment } from '../../../app/annotations/comments.js';
import type { ApiClient } from '../../../app/api/contract.js';
import { describeError } from '../api/errors.js';
import { groupByAttachment, shortQuote } from '../lib/annotations.js';
import { useNotify } from '../ui/Toasts.js';
import './comments.css';

/*
 * The article's comments beside the editor, in reading order, with their replies and
 * resolve/reopen. A comment whose text was deleted is detached: it is listed in its own group with
 * the text it was on, never lost (undoing the deletion brings it back onto the text).
 */

interface CommentsPanelProps {
  api: ApiClient;
  comments: readonly Comment[];
  blockOrder: ReadonlyMap<number, number>;
  activeId: number | null;
  loading: boolean;
  onSelect: (comment: Comment) => void;
  /** A comment changed on the server (reply, resolve, reopen): fetch again. */
  onChanged: () => Promise<void>;
}

export function CommentsPanel({ api, comments, blockOrder, activeId, loading, onSelect, onChanged }: CommentsPanelProps) {
  const { t } = useTranslation();
  const [showResolved, setShowResolved] = useState(true);
  const listed = showResolved ? comments : comments.filter((c) => c.state === 'open');
  const { attached, detached } = useMemo(() => groupByAttachment(listed, blockOrder), [listed, blockOrder]);
  const open = comments.filter((c) => c.state === 'open').length;

  return (
    <aside className="side-panel comments-panel" data-testid="comments-panel" aria-label={t('comments.title')}>
      <div className="side-panel-header">
        <span className="panel-title">{t('comments.countOpen', { open, total: comments.length })}</span>
        <label className="checkbox small">
          <input type="checkbox" checked={showResolved} onChange={(event) => setShowResolved(event.target.checked)} />
          {t('comments.showResolved')}
        </label>
      </div>
      <div className="side-panel-scroll">
        {!loading && comments.length === 0 && <p className="empty-inline muted">{t('comments.none')}</p>}
        <ol className="comment-list">
          {attached.map((c) => (
            <CommentCard key={c.id} api={api} comment={c} active={c.id === activeId} onSelect={onSelect} onChanged={onChanged} />
          ))}
        </ol>
        {detached.length > 0 && (
          <section className="comments-detached" data-testid="comments-detached">
            <h3 className="panel-title">{t('comments.detached', { count: detached.length })}</h3>
            <p className="muted small detached-hint">{t('comments.detachedHint')}</p>
            <ol className="comment-list">
              {detached.map((c) => (
                <CommentCard key={c.id} api={api} comment={c} active={c.id === activeId} onSelect={onSelect} onChanged={onChanged} />
              ))}
            </ol>
          </section>
        )}
      </div>
    </aside>
  );
}

interface CommentCardProps {
  api: ApiClient;
  comment: Comment;
  active: boolean;
  onSelect: (comment: Comment) => void;
  onChanged: () => Promise<void>;
}

export function CommentCard({ api, comment: c, active, onSelect, onChanged }: CommentCardProps) {
  const { t } = useTranslation();
  const notify = useNotify();
  const [reply, setReply] = useState('');
  const [replying, setReplying] = useState(false);
  const [busy, setBusy] = useState(false);

  const act = async (run: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await run();
      await onChanged();
      return true;
    } catch (err) {
      notify({ kind: 'error', text: describeError(t, err) });
      return false;
    } finally {
      setBusy(false);
    }
  };

  const sendReply = async () => {
    if (reply.trim() === '') return;
    if (await act(() => api.replyToComment({ id: c.id, body: reply.trim() }))) {
      setReply('');
      setReplying(false);
    }
  };

  const classes = ['comment-card', `comment-${c.state}`];
  if (active) classes.push('active');
  if (c.anchor.detached) classes.push('comment-is-detached');

  return (
    <li className={classes.join(' ')} data-testid={`comment-${c.id}`} data-state={c.state} data-detached={c.anchor.detached || undefined}>
      <button type="button" className="comment-quote" onClick={() => onSelect(c)} disabled={c.anchor.detached} title={c.anchor.quote}>
        {shortQuote(c.anchor.detached ? c.quotedText : c.anchor.quote, 60) || '¶'}
      </button>
      <p className="comment-body">{c.body}</p>
      <p className="comment-meta muted small">
        {c.author} · {c.createdAt.slice(0, 16).replace('T', ' ')}
        {c.state === 'resolved' && <span className="comment-state"> · {t('comments.resolved')}</span>}
      </p>
      {c.entries.length > 0 && (
        <ol className="comment-entries">
          {c.entries.map((e) => (
            <li key={e.id} className={`comment-entry entry-${e.kind}`}>
              <span className="small muted">
                {e.author} · {t(`comments.entry_${e.kind}`)} · {e.createdAt.slice(0, 16).replace('T', ' ')}
              </span>
              {e.body && <p className="comment-entry-body">{e.body}</p>}
            </li>
          ))}
        </ol>
      )}
      {replying && (
        <div className="comment-reply">
          <textarea
            className="text-area"
            value={reply}
            autoFocus
            placeholder={t('comments.replyPlaceholder')}
            aria-label={t('comments.reply')}
            data-testid={`comment-reply-input-${c.id}`}
            onChange={(event) => setReply(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) void sendReply();
            }}
          />
          <div className="comment-actions">
            <button type="button" className="button button-small" onClick={() => setReplying(false)} disabled={busy}>
              {t('common.cancel')}
            </button>
            <button
              type="button"
              className="button button-small button-primary"
              onClick={() => void sendReply()}
              disabled={busy || reply.trim() === ''}
              data-testid={`comment-reply-submit-${c.id}`}
            >
              {t('comments.sendReply')}
            </button>
          </div>
        </div>
      )}
      {!replying && (
        <div className="comment-actions">
          <button type="button" className="button button-small button-quiet" onClick={() => setReplying(true)} data-testid={`comment-reply-${c.id}`}>
            {t('comments.reply')}
          </button>
          {c.state === 'open' ? (
            <button
              type="button"
              className="button button-small"
              disabled={busy}
              onClick={() => void act(() => api.resolveComment({ id: c.id }))}
              data-testid={`comment-resolve-${c.id}`}
            >
              {t('comments.resolve')}
            </button>
          ) : (
            <button
              type="button"
              className="button button-small"
              disabled={busy}
              onClick={() => void act(() => api.reopenComment({ id: c.id }))}
              data-testid={`comment-reopen-${c.id}`}
            >
              {t('comments.reopen')}
            </button>
          )}
        </div>
      )}
    </li>
  );
}
