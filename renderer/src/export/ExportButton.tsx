import { useEffect, useState } from 'react';
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
  /**
   * Opens the dialog when it changes to a number other than 0 (the desktop menu's File → Export…
   * counts up); ignored while the button is disabled.
   */
  openRequest?: number;
}

export function ExportButton({ api, disabled, shownIds, openRequest = 0 }: ExportButtonProps) {
  const t = useExportT();
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (openRequest !== 0 && !disabled) setOpen(true);
    // Only a new request opens it; enabling the button later does not replay an old one.
  }, [openRequest]);
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
