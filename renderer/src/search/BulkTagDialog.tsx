import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BulkTagPreview } from '../../../app/tags/assign.js';
import { describeError } from '../api/errors.js';
import type { SearchSpecInput } from '../lib/searchSpec.js';
import { normalizeTagPath } from '../lib/tagTree.js';
import { useDesk } from '../tags/DeskContext.js';
import { TagPathInput } from '../tags/TagPathInput.js';
import { Dialog } from '../ui/Dialog.js';
import { useNotify } from '../ui/Toasts.js';

/*
 * Tag (or untag) every article a search matches. The preview says how many articles match and
 * how many would change before anything is written; the action is one revision, and the toast
 * offers to undo it (undo on any one of the touched articles takes back the whole revision).
 */

interface BulkTagDialogProps {
  spec: SearchSpecInput;
  untag: boolean;
  defaultTag: string;
  onDone: (articles: readonly number[]) => void;
  onClose: () => void;
}

export function BulkTagDialog({ spec, untag, defaultTag, onDone, onClose }: BulkTagDialogProps) {
  const { t } = useTranslation();
  const notify = useNotify();
  const desk = useDesk();
  const { api } = desk;
  const [tag, setTag] = useState(/^\d+$/.test(defaultTag) ? desk.tags?.find((x) => x.id === Number(defaultTag))?.pathText ?? '' : defaultTag);
  const [preview, setPreview] = useState<BulkTagPreview | null>(null);
  const [previewError, setPreviewError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const path = normalizeTagPath(tag);

  useEffect(() => {
    setPreview(null);
    setPreviewError(null);
    if (!path) return;
    let current = true;
    const timer = setTimeout(() => {
      api.previewBulkTag({ search: spec, tag: path, untag }).then(
        (p) => current && setPreview(p),
        (err: unknown) => current && setPreviewError(describeError(t, err)),
      );
    }, 200);
    return () => {
      current = false;
      clearTimeout(timer);
    };
    // spec is the search as it was when the dialog opened.
  }, [api, path, untag]);

  const confirm = async () => {
    if (!path || !preview) return;
    setBusy(true);
    try {
      const result = await api.bulkTag({ search: spec, tag: path, untag });
      const articles = result.revision.articles;
      onDone(articles);
      const touched = articles[0];
      notify({
        kind: 'success',
        text: t(untag ? 'search.bulkUntagged' : 'search.bulkTagged', { count: result.changed, tag: preview.tag }),
        action:
          touched === undefined
            ? undefined
            : {
                label: t('toolbar.undo'),
                run: () => {
                  api.undo({ articleId: touched }).then(
                    () => {
                      notify({ kind: 'info', text: t('search.bulkUndone') });
                      onDone(articles);
                    },
                    (err: unknown) => notify({ kind: 'error', text: describeError(t, err) }),
                  );
                },
              },
      });
      onClose();
    } catch (err) {
      notify({ kind: 'error', text: describeError(t, err) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={t(untag ? 'search.bulkUntagTitle' : 'search.bulkTagTitle')}
      onClose={onClose}
      size="small"
      testId="bulk-tag-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </button>
          <button
            type="button"
            className={untag ? 'button button-danger' : 'button button-primary'}
            disabled={busy || !preview || preview.willChange === 0}
            onClick={() => void confirm()}
            data-testid="bulk-tag-confirm"
          >
            {busy ? t('common.working') : t(untag ? 'search.bulkUntagConfirm' : 'search.bulkTagConfirm', { count: preview?.willChange ?? 0 })}
          </button>
        </>
      }
    >
      <label className="form-row">
        <span className="form-label">{t('tags.path')}</span>
        <TagPathInput
          value={tag}
          onChange={setTag}
          onEnter={() => void confirm()}
          tags={desk.tags}
          placeholder={t('tags.pathPlaceholder')}
          label={t('tags.path')}
          testId="bulk-tag-input"
          autoFocus
        />
      </label>
      <p className="preview-line" data-testid="bulk-tag-preview" aria-live="polite">
        {!path
          ? t('tags.pathHint')
          : previewError
            ? previewError
            : preview
              ? t(untag ? 'search.bulkUntagPreview' : 'search.bulkTagPreview', { matched: preview.matched, count: preview.willChange, tag: preview.tag })
              : t('common.loading')}
      </p>
      <p className="muted small">{t('search.bulkNote')}</p>
    </Dialog>
  );
}
