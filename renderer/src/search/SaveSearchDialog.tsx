import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SavedSearch } from '../../../app/search/saved.js';
import { Dialog } from '../ui/Dialog.js';

/** Names the search to save; with a saved search loaded, it may replace that one instead. */
export function SaveSearchDialog({
  current,
  onSave,
  onClose,
}: {
  current: SavedSearch | null;
  onSave: (name: string, overwrite: boolean) => Promise<void>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState(current?.name ?? '');
  const [overwrite, setOverwrite] = useState(current !== null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    if (name.trim() === '') return;
    setBusy(true);
    try {
      await onSave(name.trim(), overwrite);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog
      title={t('search.saveTitle')}
      onClose={onClose}
      size="small"
      testId="search-save-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </button>
          <button type="button" className="button button-primary" disabled={busy || name.trim() === ''} onClick={() => void submit()} data-testid="search-save-confirm">
            {t('search.save')}
          </button>
        </>
      }
    >
      <label className="form-row">
        <span className="form-label">{t('search.saveName')}</span>
        <input
          type="text"
          className="text-input"
          value={name}
          autoFocus
          data-testid="search-save-name"
          onChange={(event) => setName(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && !event.nativeEvent.isComposing) void submit();
          }}
        />
      </label>
      {current && (
        <label className="checkbox">
          <input type="checkbox" checked={overwrite} onChange={(event) => setOverwrite(event.target.checked)} />
          {t('search.saveReplace', { name: current.name })}
        </label>
      )}
    </Dialog>
  );
}
