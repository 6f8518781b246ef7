import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiClient } from '../../../app/api/contract.js';
import type { AcceptPreview } from '../../../app/findings/library/review.js';
import type { DefectKind } from '../../../app/findings/types.js';
import { describeError } from '../api/errors.js';
import { Dialog } from '../ui/Dialog.js';

/*
 * "Accept all of this kind": previewAccept first, so the editor sees "N changes in M articles"
 * for the chosen scope (this article or the whole library) before anything changes.
 */

export type AcceptScope = 'article' | 'library';

interface AcceptAllDialogProps {
  api: ApiClient;
  kind: DefectKind;
  articleId: number;
  onConfirm: (scope: AcceptScope) => Promise<void>;
  onClose: () => void;
}

export function AcceptAllDialog({ api, kind, articleId, onConfirm, onClose }: AcceptAllDialogProps) {
  const { t } = useTranslation();
  const [scope, setScope] = useState<AcceptScope>('article');
  const [preview, setPreview] = useState<AcceptPreview | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let current = true;
    setPreview(null);
    setError(null);
    api.previewAccept(scope === 'article' ? { kinds: [kind], articleId } : { kinds: [kind] }).then(
      (p) => current && setPreview(p),
      (err: unknown) => current && setError(err),
    );
    return () => {
      current = false;
    };
  }, [api, articleId, kind, scope]);

  const confirm = async () => {
    setBusy(true);
    try {
      await onConfirm(scope);
    } finally {
      setBusy(false);
    }
  };

  const nothing = preview !== null && preview.findings === 0;

  return (
    <Dialog
      title={t('acceptAll.title', { kind: t(`kind.${kind}`) })}
      onClose={onClose}
      testId="accept-all-dialog"
      size="small"
      footer={
        <>
          <button type="button" className="button" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </button>
          <button
            type="button"
            className="button button-primary"
            disabled={busy || preview === null || nothing}
            onClick={() => void confirm()}
            data-testid="accept-all-confirm"
            autoFocus
          >
            {busy ? t('common.working') : t('acceptAll.confirm')}
          </button>
        </>
      }
    >
      <fieldset className="radio-row">
        <legend>{t('acceptAll.scope')}</legend>
        <label>
          <input type="radio" name="accept-scope" checked={scope === 'article'} onChange={() => setScope('article')} data-testid="accept-all-scope-article" />{' '}
          {t('acceptAll.scopeArticle')}
        </label>
        <label>
          <input type="radio" name="accept-scope" checked={scope === 'library'} onChange={() => setScope('library')} data-testid="accept-all-scope-library" />{' '}
          {t('acceptAll.scopeLibrary')}
        </label>
      </fieldset>
      <p className="preview-line" data-testid="accept-all-preview" aria-live="polite">
        {error !== null
          ? describeError(t, error)
          : preview === null
            ? t('acceptAll.previewLoading')
            : nothing
              ? t('acceptAll.noneLeft')
              : t('acceptAll.preview', { findings: preview.findings, articles: preview.articles })}
      </p>
      <p className="muted small">{t('acceptAll.note')}</p>
    </Dialog>
  );
}
