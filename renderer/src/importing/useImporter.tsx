import { useCallback, useEffect, useRef, useState, type DragEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiClient, JobStatus } from '../../../app/api/contract.js';
import type { ImportReport } from '../../../app/import/importer.js';
import { ApiCallError } from '../api/client.js';
import { describeError, isUnknownMethod } from '../api/errors.js';
import { runJob, type RunningJob } from '../api/jobs.js';
import { bytesToBase64, isPageFile, planBatches } from '../lib/uploads.js';
import { Dialog } from '../ui/Dialog.js';
import { useNotify } from '../ui/Toasts.js';
import type { ImportActions } from './ImportMenu.js';
import { dragHasFiles, filesFromDrop, filesFromInput, type PickedFile } from './readDropped.js';

/*
 * Import from the browser or the desktop window: files or a folder chosen with the file inputs,
 * or dropped anywhere on the window. Their contents go to the server in batches, each an
 * importUploads job whose progress drives the status bar; Cancel stops the running job at its
 * next file and skips the batches not yet sent. What was imported before a cancel stays.
 * The desktop menu's File → Import… chooses in a native dialog and hands over paths instead:
 * one importPaths job, with the same progress bar, cancel and report.
 */

export interface ImportProgress {
  phase: 'reading' | 'running' | 'cancelling';
  done: number;
  total: number;
  detail: string;
}

export interface Importer {
  actions: ImportActions;
  /** Imports files and folders by path (the desktop menu's native dialog chose them). */
  importPaths: (paths: string[]) => void;
  progress: ImportProgress | null;
  cancel: () => void;
  dragging: boolean;
  dropHandlers: {
    onDragEnter: (event: DragEvent) => void;
    onDragOver: (event: DragEvent) => void;
    onDragLeave: (event: DragEvent) => void;
    onDrop: (event: DragEvent) => void;
  };
  /** The hidden file inputs and the report dialog; render once. */
  elements: ReactNode;
}

function emptyReport(): ImportReport {
  return { outcomes: [], imported: 0, duplicates: 0, rejected: 0 };
}

function addReport(into: ImportReport, part: ImportReport | undefined): void {
  if (!part) return;
  into.outcomes.push(...part.outcomes);
  into.imported += part.imported;
  into.duplicates += part.duplicates;
  into.rejected += part.rejected;
}

export function useImporter(api: ApiClient, onImported: () => void): Importer {
  const { t } = useTranslation();
  const notify = useNotify();
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [dragging, setDragging] = useState(false);
  const dragDepth = useRef(0);
  const filesInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const running = useRef<RunningJob | null>(null);
  const cancelled = useRef(false);
  // Set at once (state lags a render), so a second import asked for meanwhile is turned away.
  const busy = useRef(false);

  useEffect(() => {
    if (folderInput.current) folderInput.current.webkitdirectory = true;
  }, []);

  const importPicked = useCallback(
    async (picked: PickedFile[]) => {
      if (busy.current) return;
      const pages = picked.filter((p) => !p.inFolder || isPageFile(p.name));
      if (pages.length === 0) {
        notify({ kind: 'error', text: t('import.noPages') });
        return;
      }
      busy.current = true;
      cancelled.current = false;
      const total = pages.length;
      const combined = emptyReport();
      let done = 0;
      setProgress({ phase: 'reading', done: 0, total, detail: '' });
      try {
        for (const batch of planBatches(pages.map((p) => ({ ...p, size: p.file.size })))) {
          if (cancelled.current) break;
          const files: { name: string; base64: string }[] = [];
          for (const page of batch) {
            files.push({ name: page.name, base64: bytesToBase64(new Uint8Array(await page.file.arrayBuffer())) });
            setProgress({ phase: 'reading', done: done + files.length, total, detail: page.name });
          }
          if (cancelled.current) break;
          const onStatus = (status: JobStatus) =>
            setProgress({ phase: cancelled.current ? 'cancelling' : 'running', done: done + status.done, total, detail: status.detail });
          let status: JobStatus;
          try {
            running.current = runJob(api, 'importUploads', { files }, onStatus);
            status = await running.current.finished;
          } catch (err) {
            if (!isUnknownMethod(err)) throw err;
            // A server without jobs: one plain call per batch, no progress within it.
            const result = await api.importUploads({ files });
            status = { jobId: '', method: 'importUploads', state: 'done', done: files.length, total: files.length, detail: '', result };
          } finally {
            running.current = null;
          }
          addReport(combined, status.result as ImportReport | undefined);
          done += batch.length;
          if (status.state === 'failed') {
            throw new ApiCallError(status.error?.code ?? 'internal', status.error?.message ?? 'import failed', 'importUploads');
          }
          if (status.state === 'cancelled') cancelled.current = true;
        }
        if (cancelled.current) notify({ kind: 'info', text: t('import.cancelled') });
      } catch (err) {
        notify({ kind: 'error', text: isUnknownMethod(err) ? t('import.unsupported') : t('import.failed', { message: describeError(t, err) }) });
      } finally {
        busy.current = false;
        setProgress(null);
        onImported();
      }
      if (combined.outcomes.length > 0) setReport(combined);
    },
    [api, notify, onImported, t],
  );

  const importPaths = useCallback(
    async (paths: string[]) => {
      if (busy.current) {
        notify({ kind: 'info', text: t('import.busy') });
        return;
      }
      busy.current = true;
      cancelled.current = false;
      let result: ImportReport | undefined;
      setProgress({ phase: 'running', done: 0, total: 0, detail: '' });
      try {
        running.current = runJob(api, 'importPaths', { paths }, (status) =>
          setProgress({ phase: cancelled.current ? 'cancelling' : 'running', done: status.done, total: status.total, detail: status.detail }),
        );
        const status = await running.current.finished;
        result = status.result as ImportReport | undefined;
        if (status.state === 'failed') {
          throw new ApiCallError(status.error?.code ?? 'internal', status.error?.message ?? 'import failed', 'importPaths');
        }
        if (status.state === 'cancelled') notify({ kind: 'info', text: t('import.cancelled') });
        // A folder without a single page: say so rather than show nothing.
        if (status.state === 'done' && result?.outcomes.length === 0) notify({ kind: 'error', text: t('import.noPages') });
      } catch (err) {
        notify({ kind: 'error', text: t('import.failed', { message: describeError(t, err) }) });
      } finally {
        running.current = null;
        busy.current = false;
        setProgress(null);
        onImported();
      }
      if (result && result.outcomes.length > 0) setReport(result);
    },
    [api, notify, onImported, t],
  );

  const cancel = useCallback(() => {
    cancelled.current = true;
    running.current?.cancel();
    setProgress((p) => (p ? { ...p, phase: 'cancelling' } : p));
  }, []);

  const actions: ImportActions = {
    chooseFiles: () => filesInput.current?.click(),
    chooseFolder: () => folderInput.current?.click(),
    busy: progress !== null,
  };

  const dropHandlers = {
    onDragEnter: (event: DragEvent) => {
      if (!dragHasFiles(event.dataTransfer)) return;
      event.preventDefault();
      dragDepth.current++;
      setDragging(true);
    },
    onDragOver: (event: DragEvent) => {
      if (!dragHasFiles(event.dataTransfer)) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = progress ? 'none' : 'copy';
    },
    onDragLeave: (event: DragEvent) => {
      if (!dragHasFiles(event.dataTransfer)) return;
      dragDepth.current = Math.max(0, dragDepth.current - 1);
      if (dragDepth.current === 0) setDragging(false);
    },
    onDrop: (event: DragEvent) => {
      if (!dragHasFiles(event.dataTransfer)) return;
      event.preventDefault();
      dragDepth.current = 0;
      setDragging(false);
      const data = event.dataTransfer;
      void filesFromDrop(data).then(importPicked, (err: unknown) =>
        notify({ kind: 'error', text: t('import.failed', { message: describeError(t, err) }) }),
      );
    },
  };

  const onInput = (input: HTMLInputElement | null) => {
    if (!input) return;
    const picked = filesFromInput(input.files);
    input.value = '';
    if (picked.length > 0) void importPicked(picked);
  };

  const elements = (
    <>
      <input
        ref={filesInput}
        type="file"
        multiple
        accept=".txt,.md,text/plain,text/markdown"
        hidden
        data-testid="import-file-input"
        onChange={(event) => onInput(event.currentTarget)}
      />
      <input ref={folderInput} type="file" multiple hidden data-testid="import-folder-input" onChange={(event) => onInput(event.currentTarget)} />
      {report && (
        <Dialog
          title={t('import.reportTitle')}
          onClose={() => setReport(null)}
          testId="import-report"
          footer={
            <button type="button" className="button button-primary" onClick={() => setReport(null)} autoFocus>
              {t('common.close')}
            </button>
          }
        >
          <p>{t('import.reportSummary', { imported: report.imported, duplicates: report.duplicates, rejected: report.rejected })}</p>
          {report.rejected > 0 && (
            <>
              <h3 className="dialog-subtitle">{t('import.reportRejected')}</h3>
              <ul className="report-list">
                {report.outcomes.flatMap((o) =>
                  o.status === 'rejected'
                    ? [
                        <li key={o.file}>
                          <span className="mono">{o.file}</span>
                          <span className="muted">{o.reason}</span>
                        </li>,
                      ]
                    : [],
                )}
              </ul>
            </>
          )}
        </Dialog>
      )}
    </>
  );

  return { actions, importPaths: (paths) => void importPaths(paths), progress, cancel, dragging, dropHandlers, elements };
}
