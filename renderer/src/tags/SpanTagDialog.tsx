import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Revision } from '../../../app/revisions/log.js';
import type { SpanOccurrencesPreview } from '../../../app/tags/spans.js';
import { describeError } from '../api/errors.js';
import { normalizeTagPath } from '../lib/tagTree.js';
import { Dialog } from '../ui/Dialog.js';
import { useDesk } from './DeskContext.js';
import { TagPathInput } from './TagPathInput.js';

/*
 * Tags the selected text: this span only, or every identical string in this article or in the
 * whole library (previewed first: how many occurrences, in how many articles, how many not yet
 * tagged). Each choice is one revision.
 */

export type SpanScope = 'span' | 'article' | 'library';

/** The longest text the occurrence search takes. */
const MAX_OCCURRENCE_TEXT = 200;

interface SpanTagDialogProps {
  articleId: number;
  text: string;
  place: { blockId: number; start: number; end: number };
  operate: (run: () => Promise<Revision | { revision: Revision }>) => Promise<unknown>;
  onClose: () => void;
}

export function SpanTagDialog({ articleId, text, place, operate, onClose }: SpanTagDialogProps) {
  const { t } = useTranslation();
  const desk = useDesk();
  const { api } = desk;
  const [tag, setTag] = useState('');
  const [scope, setScope] = useState<SpanScope>('span');
  const [preview, setPreview] = useState<SpanOccurrencesPreview | null>(null);
  const [previewError, setPreviewError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const path = normalizeTagPath(tag);
  const occurrencesAllowed = text.length <= MAX_OCCURRENCE_TEXT;

  useEffect(() => {
    setPreview(null);
    setPreviewError(null);
    if (scope === 'span') return;
    let current = true;
    const timer = setTimeout(() => {
      api
        .previewSpanOccurrences({ text, tag: path ?? undefined, articleId: scope === 'article' ? articleId : undefined })
        .then(
          (p) => current && setPreview(p),
          (err: unknown) => current && setPreviewError(describeError(t, err)),
        );
    }, 150);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [api, articleId, path, scope, t, text]);

  const confirm = async () => {
    if (!path) return;
    setBusy(true);
    try {
      const done =
        scope === 'span'
          ? await operate(() => api.tagSpan({ ...place, tag: path }))
          : await operate(() => api.tagSpanOccurrences({ text, tag: path, articleId: scope === 'article' ? articleId : undefined }));
      if (done !== undefined) {
        void desk.reloadTags();
        onClose();
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={t('spans.title')}
      onClose={onClose}
      size="small"
      testId="span-tag-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </button>
          <button
            type="button"
            className="button button-primary"
            disabled={busy || !path || (scope !== 'span' && (!preview || preview.toTag === 0))}
            onClick={() => void confirm()}
            data-testid="span-tag-confirm"
          >
            {scope === 'span' ? t('spans.confirm') : t('spans.confirmMany', { count: preview?.toTag ?? 0 })}
          </button>
        </>
      }
    >
      <blockquote className="quote" data-testid="span-tag-quote">
        {text}
      </blockquote>
      <label className="form-row">
        <span className="form-label">{t('tags.path')}</span>
        <TagPathInput
          value={tag}
          onChange={setTag}
          onEnter={() => void confirm()}
          tags={desk.tags}
          placeholder={t('tags.pathPlaceholder')}
          label={t('tags.path')}
          testId="span-tag-input"
          autoFocus
        />
      </label>
      <fieldset className="radio-column">
        <legend className="form-label">{t('spans.scope')}</legend>
        {(['span', 'article', 'library'] as const).map((s) => (
          <label key={s}>
            <input
              type="radio"
              name="span-scope"
              value={s}
              checked={scope === s}
              disabled={s !== 'span' && !occurrencesAllowed}
              onChange={() => setScope(s)}
              data-testid={`span-scope-${s}`}
            />
            {t(`spans.scope_${s}`)}
          </label>
        ))}
      </fieldset>
      {scope !== 'span' && (
        <div className="occurrence-preview" data-testid="span-occurrences-preview" aria-live="polite">
          {previewError ? (
            <p className="muted">{previewError}</p>
          ) : preview ? (
            <>
              <p className="preview-line">{t('spans.preview', { count: preview.occurrences.length, articles: preview.articles, toTag: preview.toTag })}</p>
              <ul className="occurrence-list">
                {preview.occurrences.slice(0, 20).map((o) => (
                  <li key={`${o.blockId}-${o.start}`} className={o.tagged ? 'muted' : undefined}>
                    {o.articleId !== articleId && <span className="mono small">#{o.articleId} </span>}
                    …{o.before}
                    <mark className="search-mark">{text}</mark>
                    {o.after}…{o.tagged && <span className="small"> ({t('spans.alreadyTagged')})</span>}
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p className="muted">{t('common.loading')}</p>
          )}
        </div>
      )}
    </Dialog>
  );
}
