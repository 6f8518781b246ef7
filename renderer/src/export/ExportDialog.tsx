import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiClient, JobStatus } from '../../../app/api/contract.js';
import type { EditionSummary } from '../../../app/export/edition-store.js';
import type { ExportReport } from '../../../app/export/export.js';
import type { EditionOptions } from '../../../app/export/options.js';
import type { Campaign } from '../../../app/tags/campaigns.js';
import { ApiCallError } from '../api/client.js';
import { describeError, isUnknownMethod } from '../api/errors.js';
import { runJob, type RunningJob } from '../api/jobs.js';
import { Dialog } from '../ui/Dialog.js';
import {
  FORMATS,
  NOTES,
  PER_ARTICLE_FORMATS,
  SCRIPTS,
  baseName,
  changedOptions,
  createEditionInput,
  exportInput,
  failureKind,
  formProblems,
  initialForm,
  isoDate,
  progressOf,
  suggestName,
  type ExportForm,
  type FailureKind,
} from './exportPlan.js';
import { useExportT, type ExportT } from './i18n/index.js';
import './export.css';

/*
 * Export: pick an edition (or make one from all articles, the library's shown list or a campaign),
 * set its options, a format and a folder, and run exportEdition as a job with a progress bar and
 * Cancel. Files already there are refused by the server; the refusal offers to replace them.
 * The folder is on the machine the library is served from (this computer in the desktop app).
 */

export interface ExportDialogProps {
  api: ApiClient;
  onClose: () => void;
  /** The articles the library shows now, in its order (offered as the edition's articles). */
  shownIds?: readonly number[];
}

type Phase =
  | { kind: 'form' }
  | { kind: 'running'; step: 'creating' | 'exporting'; status: JobStatus | null; cancelling: boolean }
  | { kind: 'done'; report: ExportReport }
  | { kind: 'cancelled' }
  | { kind: 'failed'; failure: FailureKind; message: string };

const OUT_KEY = 'qinggao.export.out';
const FORMAT_KEY = 'qinggao.export.format';

function remembered(key: string): string | null {
  try {
    return globalThis.localStorage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function remember(key: string, value: string): void {
  try {
    globalThis.localStorage?.setItem(key, value);
  } catch {
    // Storage can be unavailable; the field is then empty next time.
  }
}

const isElectron = () => typeof window !== 'undefined' && window.qinggao !== undefined;

export function ExportDialog({ api, onClose, shownIds = [] }: ExportDialogProps) {
  const { t: tCommon } = useTranslation();
  const t = useExportT();
  const [editions, setEditions] = useState<EditionSummary[] | null>(null);
  const [campaigns, setCampaigns] = useState<Campaign[] | null>(null);
  const [form, setForm] = useState<ExportForm>(() =>
    initialForm(isoDate(new Date()), [], { format: remembered(FORMAT_KEY), out: remembered(OUT_KEY) }),
  );
  const [savedOptions, setSavedOptions] = useState<EditionOptions | null>(null);
  const [phase, setPhase] = useState<Phase>({ kind: 'form' });
  const [loadError, setLoadError] = useState<string | null>(null);
  const [touched, setTouched] = useState(false);
  const running = useRef<RunningJob | null>(null);
  const cancelRequested = useRef(false);
  const nameEdited = useRef(false);

  const loadEditions = useCallback(async () => {
    try {
      const list = await api.listEditions({});
      setEditions(list);
      return list;
    } catch (err) {
      setLoadError(describeError(tCommon, err));
      setEditions([]);
      return [];
    }
  }, [api, tCommon]);

  // Campaigns are offered when the server has them (an older one answers unknown_method).
  useEffect(() => {
    let live = true;
    api.listCampaigns({}).then(
      (list) => live && setCampaigns(list),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api]);

  useEffect(() => {
    void loadEditions().then((list) => {
      // The suggested name must not be taken; a name the editor typed meanwhile stays.
      setForm((f) => ({
        ...f,
        name: nameEdited.current ? f.name : suggestName(f.date || isoDate(new Date()), list.map((e) => e.name)),
        editionId: f.editionId ?? list[0]?.id ?? null,
      }));
    });
  }, [loadEditions]);

  // An existing edition's saved options fill the options section.
  useEffect(() => {
    if (form.mode !== 'existing' || form.editionId === null) {
      setSavedOptions(null);
      return;
    }
    let live = true;
    api.getEdition({ edition: form.editionId }).then(
      (edition) => {
        if (!live) return;
        setSavedOptions(edition.options);
        setForm((f) => ({ ...f, options: { ...edition.options } }));
      },
      () => live && setSavedOptions(null),
    );
    return () => {
      live = false;
    };
  }, [api, form.mode, form.editionId]);

  useEffect(() => () => running.current?.cancel(), []);

  const set = <K extends keyof ExportForm>(key: K, value: ExportForm[K]) => {
    if (key === 'name') nameEdited.current = true;
    setForm((f) => ({ ...f, [key]: value }));
  };
  const setOption = <K extends keyof EditionOptions>(key: K, value: EditionOptions[K]) =>
    setForm((f) => ({ ...f, options: { ...f.options, [key]: value } }));

  const problems = editions ? formProblems(form, editions, shownIds.length) : [];
  const busy = phase.kind === 'running';

  const start = async (force: boolean) => {
    setTouched(true);
    if (!editions || problems.length > 0 || busy) return;
    remember(OUT_KEY, form.out.trim());
    remember(FORMAT_KEY, form.format);
    cancelRequested.current = false;
    let editionId = form.editionId;
    try {
      if (form.mode === 'new') {
        setPhase({ kind: 'running', step: 'creating', status: null, cancelling: false });
        const created = await api.createEdition(createEditionInput(form, shownIds));
        editionId = created.id;
        // From now on the dialog works on the edition it made (a retry must not make another).
        setForm((f) => ({ ...f, mode: 'existing', editionId: created.id }));
        setSavedOptions(created.options);
        void loadEditions();
      } else if (editionId !== null && savedOptions) {
        const patch = changedOptions(savedOptions, form.options);
        if (Object.keys(patch).length > 0) {
          const updated = await api.updateEdition({ edition: editionId, options: patch });
          setSavedOptions(updated.options);
        }
      }
      if (editionId === null) return;
      if (cancelRequested.current) {
        setPhase({ kind: 'cancelled' });
        return;
      }
      setPhase({ kind: 'running', step: 'exporting', status: null, cancelling: false });
      const input = exportInput(editionId, form, force);
      let status: JobStatus;
      try {
        running.current = runJob(api, 'exportEdition', input, (s) =>
          setPhase((p) => (p.kind === 'running' ? { ...p, status: s } : p)),
        );
        status = await running.current.finished;
      } catch (err) {
        if (!isUnknownMethod(err)) throw err;
        // A server without jobs: one plain call, no progress.
        const result = await api.exportEdition(input);
        status = { jobId: '', method: 'exportEdition', state: 'done', done: 1, total: 1, detail: '', result };
      } finally {
        running.current = null;
      }
      const report = status.result as ExportReport | undefined;
      if (status.state === 'done' && report && !report.cancelled) {
        setPhase({ kind: 'done', report });
      } else if (status.state === 'failed') {
        const code = status.error?.code ?? 'internal';
        const message = status.error?.message ?? '';
        setPhase({ kind: 'failed', failure: failureKind(code, message), message });
      } else {
        setPhase({ kind: 'cancelled' });
      }
    } catch (err) {
      const code = err instanceof ApiCallError ? err.code : 'internal';
      const message = err instanceof Error ? err.message : String(err);
      const failure = failureKind(code, message);
      setPhase({ kind: 'failed', failure, message: failure === 'exists' ? message : describeError(tCommon, err) });
    }
  };

  const cancel = () => {
    cancelRequested.current = true;
    running.current?.cancel();
    setPhase((p) => (p.kind === 'running' ? { ...p, cancelling: true } : p));
  };

  const close = () => {
    if (busy) cancel();
    onClose();
  };

  const footer =
    phase.kind === 'running' ? (
      <button type="button" className="button" onClick={cancel} disabled={phase.cancelling} data-testid="export-cancel">
        {t('cancel')}
      </button>
    ) : phase.kind === 'done' ? (
      <>
        <button type="button" className="button" onClick={() => setPhase({ kind: 'form' })} data-testid="export-again">
          {t('again')}
        </button>
        <button type="button" className="button button-primary" onClick={onClose} autoFocus data-testid="export-close">
          {t('close')}
        </button>
      </>
    ) : (
      <>
        <button type="button" className="button" onClick={close}>
          {t('close')}
        </button>
        <button
          type="button"
          className="button button-primary"
          onClick={() => void start(false)}
          disabled={!editions || (touched && problems.length > 0)}
          data-testid="export-start"
        >
          {t('start')}
        </button>
      </>
    );

  return (
    <Dialog title={t('title')} onClose={close} testId="export-dialog" size="large" footer={footer}>
      {phase.kind === 'done' ? (
        <DoneView t={t} report={phase.report} />
      ) : (
        <div className="export-form" data-busy={busy || undefined}>
          {loadError && (
            <p className="export-error" role="alert">
              {loadError}
            </p>
          )}
          <EditionSection t={t} form={form} editions={editions} set={set} disabled={busy} />
          {form.mode === 'new' && (
            <ArticlesSection t={t} form={form} set={set} shownCount={shownIds.length} campaigns={campaigns} disabled={busy} />
          )}
          <OptionsSection t={t} form={form} setOption={setOption} disabled={busy} />
          <FormatSection t={t} form={form} set={set} disabled={busy} />
          <label className="form-row">
            <span className="form-label">{t('out.label')}</span>
            <input
              type="text"
              className="text-input mono"
              value={form.out}
              placeholder={t('out.placeholder')}
              spellCheck={false}
              disabled={busy}
              data-testid="export-out"
              onChange={(event) => set('out', event.target.value)}
              onKeyDown={(event) => {
                if (event.key === 'Enter' && !event.nativeEvent.isComposing) void start(false);
              }}
            />
            <span className="muted small">{isElectron() ? t('out.hintElectron') : t('out.hintBrowser')}</span>
          </label>

          {touched && problems.length > 0 && (
            <ul className="export-problems" role="alert" data-testid="export-problems">
              {problems.map((p) => (
                <li key={p}>{t(`problem.${p}`)}</li>
              ))}
            </ul>
          )}
          {phase.kind === 'running' && <RunningView t={t} phase={phase} />}
          {phase.kind === 'cancelled' && (
            <p className="export-note" role="status" data-testid="export-cancelled">
              {t('cancelled')}
            </p>
          )}
          {phase.kind === 'failed' && phase.failure === 'exists' && (
            <div className="export-refused" role="alert" data-testid="export-refused">
              <p>{t('refused.exists')}</p>
              <p className="mono small">{phase.message}</p>
              <button type="button" className="button button-danger" onClick={() => void start(true)} data-testid="export-replace">
                {t('refused.replace')}
              </button>
            </div>
          )}
          {phase.kind === 'failed' && phase.failure !== 'exists' && (
            <p className="export-error" role="alert" data-testid="export-error">
              {t('refused.failed', { message: phase.message })}
            </p>
          )}
        </div>
      )}
    </Dialog>
  );
}

type Setter = <K extends keyof ExportForm>(key: K, value: ExportForm[K]) => void;

function EditionSection({
  t,
  form,
  editions,
  set,
  disabled,
}: {
  t: ExportT;
  form: ExportForm;
  editions: EditionSummary[] | null;
  set: Setter;
  disabled: boolean;
}) {
  const hasEditions = (editions?.length ?? 0) > 0;
  return (
    <fieldset className="export-section" disabled={disabled}>
      <legend>{t('edition.legend')}</legend>
      <div className="radio-row">
        <label>
          <input type="radio" name="export-mode" checked={form.mode === 'new'} onChange={() => set('mode', 'new')} data-testid="export-mode-new" />
          {t('edition.new')}
        </label>
        <label>
          <input
            type="radio"
            name="export-mode"
            checked={form.mode === 'existing'}
            disabled={!hasEditions}
            onChange={() => set('mode', 'existing')}
            data-testid="export-mode-existing"
          />
          {t('edition.existing')}
        </label>
      </div>
      {editions === null && <p className="muted small">{t('edition.loading')}</p>}
      {form.mode === 'existing' ? (
        <label className="form-row">
          <span className="form-label">{t('edition.pick')}</span>
          <select
            className="select"
            value={form.editionId ?? ''}
            onChange={(event) => set('editionId', event.target.value ? Number(event.target.value) : null)}
            data-testid="export-edition"
          >
            {!hasEditions && <option value="">{t('edition.none')}</option>}
            {editions?.map((e) => (
              <option key={e.id} value={e.id}>
                {e.name} · {e.date} · {t('edition.count', { count: e.articleCount })}
              </option>
            ))}
          </select>
        </label>
      ) : (
        <div className="export-grid">
          <label className="form-row">
            <span className="form-label">{t('edition.name')}</span>
            <input type="text" className="text-input" value={form.name} onChange={(e) => set('name', e.target.value)} data-testid="export-name" />
            <span className="muted small">{t('edition.nameHint')}</span>
          </label>
          <label className="form-row">
            <span className="form-label">{t('edition.title')}</span>
            <input type="text" className="text-input" value={form.title} onChange={(e) => set('title', e.target.value)} data-testid="export-title" />
            <span className="muted small">{t('edition.titleHint')}</span>
          </label>
          <label className="form-row">
            <span className="form-label">{t('edition.date')}</span>
            <input type="date" className="text-input" value={form.date} onChange={(e) => set('date', e.target.value)} data-testid="export-date" />
          </label>
        </div>
      )}
    </fieldset>
  );
}

function ArticlesSection({
  t,
  form,
  set,
  shownCount,
  campaigns,
  disabled,
}: {
  t: ExportT;
  form: ExportForm;
  set: Setter;
  shownCount: number;
  campaigns: readonly Campaign[] | null;
  disabled: boolean;
}) {
  return (
    <fieldset className="export-section" disabled={disabled}>
      <legend>{t('articles.legend')}</legend>
      <div className="radio-row export-wrap">
        <label>
          <input type="radio" name="export-articles" checked={form.articles === 'all'} onChange={() => set('articles', 'all')} data-testid="export-articles-all" />
          {t('articles.all')}
        </label>
        {shownCount > 0 && (
          <label>
            <input
              type="radio"
              name="export-articles"
              checked={form.articles === 'shown'}
              onChange={() => set('articles', 'shown')}
              data-testid="export-articles-shown"
            />
            {t('articles.shown', { count: shownCount })}
          </label>
        )}
        {campaigns && campaigns.length > 0 && (
          <label>
            <input
              type="radio"
              name="export-articles"
              checked={form.articles === 'campaign'}
              onChange={() => set('articles', 'campaign')}
              data-testid="export-articles-campaign"
            />
            {t('articles.campaign')}
          </label>
        )}
      </div>
      {form.articles === 'campaign' && campaigns && (
        <select
          className="select"
          value={form.campaignId ?? ''}
          onChange={(event) => set('campaignId', event.target.value ? Number(event.target.value) : null)}
          data-testid="export-campaign"
        >
          <option value="">{t('articles.pickCampaign')}</option>
          {campaigns.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      )}
    </fieldset>
  );
}

function OptionsSection({
  t,
  form,
  setOption,
  disabled,
}: {
  t: ExportT;
  form: ExportForm;
  setOption: <K extends keyof EditionOptions>(key: K, value: EditionOptions[K]) => void;
  disabled: boolean;
}) {
  const o = form.options;
  return (
    <fieldset className="export-section" disabled={disabled}>
      <legend>{t('options.legend')}</legend>
      <div className="export-grid">
        <label className="form-row">
          <span className="form-label">{t('options.script')}</span>
          <select
            className="select"
            value={o.script}
            onChange={(event) => {
              const script = SCRIPTS.find((s) => s === event.target.value);
              if (script) setOption('script', script);
            }}
            data-testid="export-script"
          >
            {SCRIPTS.map((s) => (
              <option key={s} value={s}>
                {t(`options.scripts.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="form-row">
          <span className="form-label">{t('options.notes')}</span>
          <select
            className="select"
            value={o.notes}
            onChange={(event) => {
              const notes = NOTES.find((n) => n === event.target.value);
              if (notes) setOption('notes', notes);
            }}
            data-testid="export-notes"
          >
            {NOTES.map((n) => (
              <option key={n} value={n}>
                {t(`options.noteChoices.${n}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="export-checks">
        <label className="checkbox">
          <input type="checkbox" checked={o.approvedOnly} onChange={(e) => setOption('approvedOnly', e.target.checked)} data-testid="export-approved-only" />
          {t('articles.approvedOnly')}
        </label>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={o.normalizePunctuation}
            onChange={(e) => setOption('normalizePunctuation', e.target.checked)}
            data-testid="export-punctuation"
          />
          {t('options.punctuation')}
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={o.captions} onChange={(e) => setOption('captions', e.target.checked)} data-testid="export-captions" />
          {t('options.captions')}
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={o.credits} onChange={(e) => setOption('credits', e.target.checked)} data-testid="export-credits" />
          {t('options.credits')}
        </label>
      </div>
    </fieldset>
  );
}

function FormatSection({ t, form, set, disabled }: { t: ExportT; form: ExportForm; set: Setter; disabled: boolean }) {
  const perArticleOffered = PER_ARTICLE_FORMATS.includes(form.format);
  return (
    <fieldset className="export-section" disabled={disabled}>
      <legend>{t('format.legend')}</legend>
      <div className="export-grid">
        <label className="form-row">
          <span className="form-label">{t('format.label')}</span>
          <select
            className="select"
            value={form.format}
            onChange={(event) => {
              const format = FORMATS.find((f) => f === event.target.value);
              if (format) set('format', format);
            }}
            data-testid="export-format"
          >
            {FORMATS.map((f) => (
              <option key={f} value={f}>
                {t(`format.names.${f}`)}
              </option>
            ))}
          </select>
        </label>
        <div className="radio-row export-column">
          <label>
            <input type="radio" name="export-per" checked={!form.perArticle || !perArticleOffered} onChange={() => set('perArticle', false)} data-testid="export-per-edition" />
            {t('format.perEdition')}
          </label>
          <label title={perArticleOffered ? undefined : t('format.perArticleOnly')}>
            <input
              type="radio"
              name="export-per"
              checked={form.perArticle && perArticleOffered}
              disabled={!perArticleOffered}
              onChange={() => set('perArticle', true)}
              data-testid="export-per-article"
            />
            {t('format.perArticle')}
          </label>
        </div>
      </div>
    </fieldset>
  );
}

function RunningView({ t, phase }: { t: ExportT; phase: Extract<Phase, { kind: 'running' }> }) {
  const bar = progressOf(phase.status);
  const label = phase.cancelling
    ? t('running.cancelling')
    : phase.step === 'creating'
      ? t('running.creating')
      : phase.status && phase.status.total > 0
        ? t('running.exporting', { done: bar.value ?? 0, total: bar.max ?? 0 })
        : t('running.starting');
  return (
    <div className="export-running" role="status">
      <progress value={bar.value} max={bar.max} aria-label={label} data-testid="export-progress" />
      <span>{label}</span>
      {phase.status?.detail && <span className="muted mono small export-detail">{phase.status.detail}</span>}
    </div>
  );
}

function DoneView({ t, report }: { t: ExportT; report: ExportReport }) {
  return (
    <div className="export-done" data-testid="export-done">
      <p className="export-done-title">{t('done.title')}</p>
      <p>
        {t('done.summary', { articles: report.articles, files: report.files.length })}
        {report.skipped.length > 0 && ` · ${t('done.skipped', { count: report.skipped.length })}`}
      </p>
      <div className="form-row">
        <span className="form-label">{t('done.folder')}</span>
        <PathWithCopy t={t} path={report.directory} testId="export-done-folder" />
        <span className="muted small">{isElectron() ? t('done.noOpen') : t('done.noOpenBrowser')}</span>
      </div>
      <div className="form-row">
        <span className="form-label">{t('done.files')}</span>
        <ul className="report-list export-files" data-testid="export-done-files">
          {report.files.map((file) => (
            <li key={file} title={file}>
              <span className="mono">{baseName(file)}</span>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

function PathWithCopy({ t, path, testId }: { t: ExportT; path: string; testId: string }) {
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(path);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  };
  return (
    <div className="export-path">
      <input
        type="text"
        readOnly
        className="text-input mono"
        value={path}
        data-testid={testId}
        onFocus={(event) => event.currentTarget.select()}
      />
      {window.qinggao?.revealPath && (
        // The desktop app can show the folder in the file manager; a browser cannot.
        <button type="button" className="button primary" onClick={() => void window.qinggao?.revealPath(path)} data-testid="export-open-folder">
          {t('done.openFolder')}
        </button>
      )}
      <button type="button" className="button" onClick={() => void copy()} data-testid="export-copy-folder">
        {copied === 'yes' ? t('done.copied') : t('done.copy')}
      </button>
      {copied === 'failed' && <span className="muted small">{t('done.copyFailed')}</span>}
    </div>
  );
}
