import { useState } from 'react';
import type { ApiClient } from '../../../app/api/contract.js';
import { ExportDialog } from './ExportDialog.js';
import { useExportT } from './i18n/index.js';

/*
 * The top bar's "导出 / Export" button and the dialog it opens; self-contained so the shell needs
 * one line for it.
 */

export interface ExportButtonProps {
  api: ApiClient;
  disabled?: boolean;
  /** The articles the library shows now (offered as the new edition's articles). */
  shownIds?: readonly number[];
}

export function ExportButton({ api, disabled, shownIds }: ExportButtonProps) {
  const t = useExportT();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className="button button-quiet"
        onClick={() => setOpen(true)}
        disabled={disabled}
        title={t('buttonTitle')}
        data-testid="export-button"
      >
        {t('button')}
      </button>
      {open && <ExportDialog api={api} shownIds={shownIds ?? []} onClose={() => setOpen(false)} />}
    </>
  );
}
