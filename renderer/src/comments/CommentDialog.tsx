import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../ui/Dialog.js';

/** Writes a comment on the selected text. */
export function CommentDialog({ quote, onSubmit, onClose }: { quote: string; onSubmit: (body: string) => Promise<boolean>; onClose: () => void }) {
  const { t } = useTranslation();
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    if (body.trim() === '') return;
    setBusy(true);
    try {
      if (await onSubmit(body.trim())) onClose();
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog
      title={t('comments.newTitle')}
      onClose={onClose}
      size="small"
      testId="comment-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </button>
          <button type="button" className="button button-primary" disabled={busy || body.trim() === ''} onClick={() => void submit()} data-testid="comment-submit">
            {t('comments.submit')}
          </button>
        </>
      }
    >
      <blockquote className="quote">{quote}</blockquote>
      <textarea
        className="text-area"
        value={body}
        autoFocus
        placeholder={t('comments.placeholder')}
        aria-label={t('comments.body')}
        data-testid="comment-input"
        onChange={(event) => setBody(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) void submit();
        }}
      />
      <p className="muted small">{t('comments.submitHint')}</p>
    </Dialog>
  );
}
