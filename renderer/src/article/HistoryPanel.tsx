import { memo, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { ApiClient } from '../../../app/api/contract.js';
import type { Revision } from '../../../app/revisions/log.js';
import type { BlockClass } from '../../../app/segment/types.js';
import type { ArticleStatus } from '../../../app/store/articles.js';
import { describeError } from '../api/errors.js';
import { diffText } from '../lib/diff.js';
import { describeRevision, revisionsInEffect, type FieldChange, type RowChangeView } from '../lib/revisions.js';

/*
 * The article's revisions, newest first: what each changed (text as an inline diff, class, status,
 * moves, merges, findings accepted or ignored), who and when, whether an undo took it back, and a
 * button to restore the article to just after it (one new, undoable revision).
 */

/** A label from the resources when there is one; kinds and tables added to app/ later fall back. */
function labelOr(t: TFunction, key: string, fallback: string, values?: Record<string, unknown>): string {
  const label = t(key as 'common.none', { defaultValue: '', ...values });
  return label === '' || label === key ? fallback : label;
}

export function revisionKindLabel(t: TFunction, revision: Pick<Revision, 'kind' | 'summary'>): string {
  return labelOr(t, `revisionKind.${revision.kind}`, revision.summary);
}

interface HistoryPanelProps {
  api: ApiClient;
  articleId: number;
  /** Bumped after every operation, so the list follows. */
  version: number;
  busy: boolean;
  onRestore: (revision: Revision) => void;
}

function InlineDiff({ before, after }: { before: string; after: string }) {
  const { t } = useTranslation();
  const parts = useMemo(() => diffText(before, after, { mergeShortEqual: 1 }), [before, after]);
  if (before === '' && after === '') return <span className="muted">{t('history.empty_text')}</span>;
  // Long unchanged stretches are shortened around the changes.
  return (
    <span className="inline-diff">
      {parts.map((part, i) => {
        if (part.op === 'delete') return <del key={i}>{part.text}</del>;
        if (part.op === 'insert') return <ins key={i}>{part.text}</ins>;
        const text =
          part.text.length > 40
            ? i === 0
              ? `…${part.text.slice(-16)}`
              : i === parts.length - 1
                ? `${part.text.slice(0, 16)}…`
                : `${part.text.slice(0, 12)}…${part.text.slice(-12)}`
            : part.text;
        return <span key={i}>{text}</span>;
      })}
    </span>
  );
}

function FieldLine({ field }: { field: FieldChange }) {
  const { t } = useTranslation();
  const label = t(`history.field.${field.field}`);
  let body: React.ReactNode;
  switch (field.field) {
    case 'text':
      body = <InlineDiff before={String(field.before ?? '')} after={String(field.after ?? '')} />;
      break;
    case 'class':
      body = `${t(`blockClass.${field.before as BlockClass}`)} → ${t(`blockClass.${field.after as BlockClass}`)}`;
      break;
    case 'status':
      body = `${t(`status.${field.before as ArticleStatus}`)} → ${t(`status.${field.after as ArticleStatus}`)}`;
      break;
    case 'article':
      body = t('history.moved', { from: field.before, to: field.after });
      break;
    case 'position':
      body = t('history.reordered');
      break;
    case 'removed':
      body = field.after === 1 ? t('history.removedYes') : t('history.removedNo');
      break;
    case 'findingState': {
      const state = (s: unknown) =>
        s === 'open' || s === 'accepted' || s === 'rejected' || s === 'retired' ? t(`history.findingState.${s}`) : String(s);
      body = `${state(field.before)} → ${state(field.after)}`;
      break;
    }
    default:
      body = `${field.before ?? t('common.none')} → ${field.after ?? t('common.none')}`;
  }
  return (
    <li className="change-field">
      <span className="change-field-name">{label}</span>
      <span className="change-field-body">{body}</span>
    </li>
  );
}

function ChangeRow({ view }: { view: RowChangeView }) {
  const { t } = useTranslation();
  const rowLabel = labelOr(t, `history.row.${view.table}`, `${view.table} #${view.id}`, { id: view.id });
  if (view.kind !== 'changed') {
    return (
      <li className="change-row">
        <span className="change-row-name">{rowLabel}</span>
        <span>{view.kind === 'created' ? t('history.created') : t('history.retired')}</span>
      </li>
    );
  }
  return (
    <li className="change-row">
      <span className="change-row-name">{rowLabel}</span>
      <ul className="change-fields">
        {view.fields.map((f) => (
          <FieldLine key={f.field} field={f} />
        ))}
      </ul>
    </li>
  );
}

const PREVIEW_ROWS = 3;

const RevisionItem = memo(function RevisionItem({
  revision,
  effective,
  latest,
  busy,
  onRestore,
}: {
  revision: Revision;
  effective: boolean;
  latest: boolean;
  busy: boolean;
  onRestore: (revision: Revision) => void;
}) {
  const { t, i18n } = useTranslation();
  const [expanded, setExpanded] = useState(false);
  const views = useMemo(() => describeRevision(revision), [revision]);
  const shown = expanded ? views : views.slice(0, PREVIEW_ROWS);
  const when = new Date(revision.createdAt).toLocaleString(i18n.language);
  return (
    <li className={effective ? 'revision' : 'revision revision-undone'} data-testid={`revision-${revision.id}`}>
      <div className="revision-head">
        <span className={`revision-kind revision-kind-${revision.kind}`}>{revisionKindLabel(t, revision)}</span>
        <span className="mono muted">#{revision.id}</span>
        {latest && <span className="badge badge-accent">{t('history.latest')}</span>}
        {!effective && <span className="badge">{t('history.undone')}</span>}
        {revision.reverts !== null && <span className="badge">{t('history.reverts', { id: revision.reverts })}</span>}
        <span className="toolbar-spacer" />
        {!latest && (
          <button
            type="button"
            className="button button-small"
            disabled={busy}
            onClick={() => onRestore(revision)}
            data-testid={`revision-restore-${revision.id}`}
          >
            {t('history.restore')}
          </button>
        )}
      </div>
      <div className="revision-meta muted small">
        <time dateTime={revision.createdAt}>{when}</time> · {revision.author}
        <span className="revision-summary mono" title={revision.summary}>
          {revision.summary}
        </span>
      </div>
      <ul className="change-rows">
        {shown.map((view) => (
          <ChangeRow key={`${view.table}:${view.id}`} view={view} />
        ))}
      </ul>
      {views.length > PREVIEW_ROWS && (
        <button type="button" className="link-button small" onClick={() => setExpanded(!expanded)}>
          {expanded ? t('history.hide') : `${t('history.show')} (${t('history.changes', { count: views.length })})`}
        </button>
      )}
    </li>
  );
});

export function HistoryPanel({ api, articleId, version, busy, onRestore }: HistoryPanelProps) {
  const { t } = useTranslation();
  const [revisions, setRevisions] = useState<Revision[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [reloads, setReloads] = useState(0);

  useEffect(() => {
    let current = true;
    setError(null);
    api.listRevisions({ articleId }).then(
      (list) => current && setRevisions(list),
      (err: unknown) => current && setError(err),
    );
    return () => {
      current = false;
    };
  }, [api, articleId, version, reloads]);

  const effective = useMemo(() => revisionsInEffect(revisions ?? []), [revisions]);
  const newestFirst = useMemo(() => [...(revisions ?? [])].reverse(), [revisions]);

  return (
    <section className="history-panel" data-testid="history-panel" aria-label={t('article.tabs.history')}>
      <div className="panel-toolbar">
        <span className="muted">{revisions ? t('history.count', { count: revisions.length }) : ''}</span>
        <span className="toolbar-spacer" />
        <button type="button" className="button button-small" onClick={() => setReloads((n) => n + 1)}>
          {t('history.refresh')}
        </button>
      </div>
      <div className="history-scroll">
        {error !== null ? (
          <p className="empty-inline" role="alert">
            {describeError(t, error)}
          </p>
        ) : revisions === null ? (
          <p className="empty-inline muted">{t('common.loading')}</p>
        ) : revisions.length === 0 ? (
          <p className="empty-inline muted" data-testid="history-empty">
            {t('history.empty')}
          </p>
        ) : (
          <ol className="revision-list" aria-label={t('history.listLabel')}>
            {newestFirst.map((revision, i) => (
              <RevisionItem
                key={revision.id}
                revision={revision}
                effective={effective.get(revision.id) ?? true}
                latest={i === 0}
                busy={busy}
                onRestore={onRestore}
              />
            ))}
          </ol>
        )}
      </div>
    </section>
  );
}
