import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiClient, ApiProgress, JobStatus } from '../../app/api/contract.js';
import type { DefectKind } from '../../app/findings/types.js';
import type { MenuCommand } from '../../main/bridge.js';
import type { MenuCommandSubscription } from './api/electron.js';
import { describeError } from './api/errors.js';
import { runJob, type RunningJob } from './api/jobs.js';
import { ArticleWorkspace, type FocusRequest, type WorkspaceHandle } from './article/ArticleWorkspace.js';
import { CampaignBar } from './campaigns/CampaignBar.js';
import { CampaignsPanel } from './campaigns/CampaignsPanel.js';
import { OpenCommentsList } from './comments/OpenCommentsList.js';
import { DeskTabs, type DeskTab } from './library/DeskTabs.js';
import './library/desk.css';
import { SearchPanel } from './search/SearchPanel.js';
import { DeskProvider, type OpenTarget } from './tags/DeskContext.js';
import { TagsPanel } from './tags/TagsPanel.js';
import { prefetchArticle } from './article/prefetch.js';
import { useImporter } from './importing/useImporter.js';
import { DEFAULT_FILTER, DEFAULT_SORT, neighboursIn, totalFindings, type KindCounts, type LibraryFilter, type LibrarySort } from './lib/library.js';
import { IS_MAC, isTypingTarget } from './lib/platform.js';
import { findShortcut, type ShortcutId, type ShortcutScope } from './lib/shortcuts.js';
import { LibraryView, useVisibleArticles } from './library/LibraryView.js';
import { useLibraryData } from './library/useLibraryData.js';
import { isModalOpen } from './ui/Dialog.js';
import { HelpOverlay } from './ui/HelpOverlay.js';
import { LanguageSwitch } from './ui/LanguageSwitch.js';
import { SettingsDialog } from './ui/SettingsDialog.js';
import { ToastProvider, useNotify } from './ui/Toasts.js';
import { ExportButton } from './export/ExportButton.js';

export interface AppProps {
  api: ApiClient;
  /** Progress pushed for long calls (Electron IPC); returns the unsubscribe. */
  subscribeProgress: (listener: (progress: ApiProgress) => void) => () => void;
  /** False when the page has no way to reach the API (no bridge, no token). */
  connected: boolean;
  /**
   * The desktop application menu's commands (connectApi's subscribeMenuCommands); null in a
   * browser.
   */
  subscribeMenuCommands: MenuCommandSubscription | null;
}

type View = 'library' | 'article';

interface JobBar {
  label: string;
  done: number;
  total: number;
  detail: string;
  cancelling: boolean;
  cancel: (() => void) | null;
}

export function App(props: AppProps) {
  return (
    <ToastProvider>
      <Shell {...props} />
    </ToastProvider>
  );
}

function Shell({ api, subscribeProgress, connected, subscribeMenuCommands }: AppProps) {
  const { t } = useTranslation();
  const notify = useNotify();
  const library = useLibraryData(api, connected);

  const [view, setView] = useState<View>('library');
  const [articleId, setArticleId] = useState<number | null>(null);
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [filter, setFilter] = useState<LibraryFilter>(DEFAULT_FILTER);
  const [sort, setSort] = useState<LibrarySort>(DEFAULT_SORT);
  const [helpOpen, setHelpOpen] = useState(false);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [jobBar, setJobBar] = useState<JobBar | null>(null);
  const [pushed, setPushed] = useState<ApiProgress | null>(null);
  const workspaceRef = useRef<WorkspaceHandle | null>(null);
  const searchRef = useRef<HTMLInputElement | null>(null);
  const [deskTab, setDeskTab] = useState<DeskTab>('articles');
  // Panels mount when first shown, then stay (their state survives a switch of tab).
  const [deskVisited, setDeskVisited] = useState<ReadonlySet<DeskTab>>(new Set(['articles']));
  const [focusRequest, setFocusRequest] = useState<FocusRequest | null>(null);
  const [campaignId, setCampaignId] = useState<number | null>(null);
  const [searchPreset, setSearchPreset] = useState<{ tag: string; seq: number } | null>(null);
  const showDeskTab = useCallback((tab: DeskTab) => {
    setDeskTab(tab);
    setDeskVisited((set) => (set.has(tab) ? set : new Set([...set, tab])));
  }, []);

  const visible = useVisibleArticles(library.articles, library.counts, filter, sort);
  const order = useMemo(() => {
    const ids = visible.map((a) => a.id);
    return { ids, indexOf: new Map(ids.map((id, i) => [id, i])) };
  }, [visible]);
  const neighbours = useMemo(
    () => (articleId === null ? { previous: null, next: null } : neighboursIn(order.ids, order.indexOf, articleId)),
    [articleId, order],
  );

  // While an article is open, the library's rows and counts are patched when it shows again:
  // typing saves every few seconds, and the library table need not follow each one.
  const pendingCounts = useRef(new Map<number, KindCounts>());
  const pendingTouched = useRef(new Set<number>());
  const applyPending = useCallback(() => {
    if (pendingCounts.current.size > 0) {
      library.setArticleCounts(pendingCounts.current);
      pendingCounts.current = new Map();
    }
    if (pendingTouched.current.size > 0) {
      void library.refreshArticles([...pendingTouched.current]);
      pendingTouched.current = new Set();
    }
  }, [library]);

  const onCounts = useCallback((id: number, counts: KindCounts) => pendingCounts.current.set(id, counts), []);
  const onArticlesTouched = useCallback(
    (ids: readonly number[], immediate: boolean) => {
      if (immediate) void library.refreshArticles(ids);
      else for (const id of ids) pendingTouched.current.add(id);
    },
    [library],
  );

  useEffect(() => subscribeProgress((p) => setPushed(p.done >= p.total ? null : p)), [subscribeProgress]);

  const reloadLibrary = useCallback(() => void library.reload(), [library]);
  const onPressRow = useCallback((id: number) => id !== articleId && prefetchArticle(api, id), [api, articleId]);
  const importer = useImporter(api, reloadLibrary);

  // ---- the desktop application menu (File → Import…, Export…) ---------------------------------

  const menuCommands = subscribeMenuCommands;
  const [exportRequest, setExportRequest] = useState(0);
  const runMenuCommand = useRef<(command: MenuCommand) => void>(() => {});
  useEffect(() => {
    runMenuCommand.current = (command) => {
      switch (command.command) {
        case 'export':
          // Not over another dialog: the editor finishes (or closes) that one first.
          if (!isModalOpen()) setExportRequest((n) => n + 1);
          return;
        case 'import':
          importer.importPaths(command.paths);
      }
    };
  });
  useEffect(() => menuCommands?.((command) => runMenuCommand.current(command)), [menuCommands]);

  // ---- navigation -----------------------------------------------------------------------------

  const leaveArticle = useCallback(async () => {
    const saved = (await workspaceRef.current?.flush()) ?? true;
    if (!saved) notify({ kind: 'error', text: t('article.saveState.error') });
    return saved;
  }, [notify, t]);

  const openArticle = useCallback(
    async (id: number) => {
      if (articleId !== null && articleId !== id && !(await leaveArticle())) return;
      setSelectedId(id);
      setArticleId(id);
      setView('article');
    },
    [articleId, leaveArticle],
  );

  // From the search, tags, campaigns and comments panels: open an article, at a comment's place or
  // in a campaign's queue.
  const openFromDesk = useCallback(
    (id: number, target?: OpenTarget) => {
      if (target?.commentId !== undefined) setFocusRequest({ commentId: target.commentId, seq: Date.now() });
      if (target?.campaignId !== undefined) setCampaignId(target.campaignId);
      void openArticle(id);
    },
    [openArticle],
  );

  const showLibrary = useCallback(async () => {
    if (view === 'article' && !(await leaveArticle())) return;
    setView('library');
    applyPending();
  }, [applyPending, leaveArticle, view]);

  const onGone = useCallback(
    (candidates: readonly number[]) => {
      notify({ kind: 'info', text: t('error.articleGone') });
      void library.reload();
      const next = candidates.find((id) => id !== articleId);
      if (next !== undefined) {
        setArticleId(next);
        setSelectedId(next);
      } else {
        setArticleId(null);
        setView('library');
      }
    },
    [articleId, library, notify, t],
  );

  // ---- library-wide jobs (accept all of a kind) -------------------------------------------------

  const runLibraryJob = useCallback(
    async (method: 'acceptFindings', input: { kinds: DefectKind[] }): Promise<JobStatus | null> => {
      let running: RunningJob | null = null;
      const label = t('common.working');
      setJobBar({ label, done: 0, total: 0, detail: '', cancelling: false, cancel: () => running?.cancel() });
      try {
        running = runJob(api, method, input, (s) =>
          setJobBar((bar) => (bar ? { ...bar, done: s.done, total: s.total, detail: s.detail } : bar)),
        );
        const status = await running.finished;
        void library.reload();
        return status;
      } catch (err) {
        notify({ kind: 'error', text: describeError(t, err) });
        return null;
      } finally {
        setJobBar(null);
      }
    },
    [api, library, notify, t],
  );

  // ---- shortcuts ---------------------------------------------------------------------------

  const runGlobal = useCallback(
    (id: ShortcutId): boolean => {
      switch (id) {
        case 'help':
          setHelpOpen((open) => !open);
          return true;
        case 'importFiles':
          // In the desktop app the menu's accelerator takes it, with the native dialog.
          if (menuCommands) return false;
          importer.actions.chooseFiles();
          return true;
        case 'search':
          searchRef.current?.focus();
          searchRef.current?.select();
          return true;
        case 'nextArticle':
          if (neighbours.next !== null) void openArticle(neighbours.next);
          return true;
        case 'previousArticle':
          if (neighbours.previous !== null) void openArticle(neighbours.previous);
          return true;
        case 'backToLibrary':
          void showLibrary();
          return true;
        default:
          return workspaceRef.current?.command(id) ?? false;
      }
    },
    [importer.actions, menuCommands, neighbours, openArticle, showLibrary],
  );

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing || isModalOpen()) return;
      const inText = isTypingTarget(event.target);
      const scopes: ShortcutScope[] = view === 'article' && articleId !== null ? ['global', 'article'] : ['global', 'library'];
      const def = findShortcut(event, scopes, inText, IS_MAC);
      if (!def) return;
      // Undo and redo in a plain field are the field's own.
      const inEditor = event.target instanceof HTMLElement && event.target.closest('[data-lexical-editor]') !== null;
      if (inText && !inEditor && (def.id === 'undo' || def.id === 'redo')) return;
      if (runGlobal(def.id)) {
        event.preventDefault();
        event.stopPropagation();
      }
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [articleId, runGlobal, view]);

  // Unsaved typing is saved when the window goes away (as far as the page lets it).
  useEffect(() => {
    const onHide = () => void workspaceRef.current?.flush();
    window.addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onHide);
    return () => {
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onHide);
    };
  }, []);

  // ---- render ---------------------------------------------------------------------------------

  const openHeadline = articleId === null ? null : library.articles?.find((a) => a.id === articleId)?.headline ?? `#${articleId}`;
  const totalOpen = useMemo(() => Object.values(library.counts).reduce((sum, c) => sum + totalFindings(c), 0), [library.counts]);
  const progress = importer.progress
    ? {
        label:
          importer.progress.phase === 'reading'
            ? t('import.reading', { done: importer.progress.done, total: importer.progress.total })
            : importer.progress.phase === 'cancelling'
              ? t('import.cancelling')
              : t('import.running', { done: importer.progress.done, total: importer.progress.total }),
        done: importer.progress.done,
        total: importer.progress.total,
        detail: importer.progress.detail,
        cancel: importer.progress.phase === 'cancelling' ? null : importer.cancel,
      }
    : jobBar
      ? { label: jobBar.label, done: jobBar.done, total: jobBar.total, detail: jobBar.detail, cancel: jobBar.cancel }
      : pushed
        ? { label: t('import.running', { done: pushed.done, total: pushed.total }), done: pushed.done, total: pushed.total, detail: pushed.detail, cancel: null }
        : null;

  return (
    <DeskProvider api={api} connected={connected} openArticle={openFromDesk}>
    <div className="app" {...importer.dropHandlers}>
      <header className="topbar">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            清
          </span>
          <div>
            <p className="brand-title">{t('app.title')}</p>
            <p className="tagline">{t('app.tagline')}</p>
          </div>
        </div>
        <nav className="view-tabs" aria-label={t('nav.views')}>
          <button
            type="button"
            className={view === 'library' ? 'view-tab selected' : 'view-tab'}
            aria-current={view === 'library' ? 'page' : undefined}
            onClick={() => void showLibrary()}
            data-testid="nav-library"
          >
            {t('nav.library')}
            {library.articles && <span className="count-badge">{library.articles.length}</span>}
          </button>
          {articleId !== null && (
            <button
              type="button"
              className={view === 'article' ? 'view-tab selected' : 'view-tab'}
              aria-current={view === 'article' ? 'page' : undefined}
              onClick={() => setView('article')}
              data-testid="nav-article"
              title={openHeadline ?? undefined}
            >
              <span className="view-tab-title">{openHeadline}</span>
            </button>
          )}
        </nav>
        <div className="topbar-actions">
          <ExportButton api={api} disabled={!connected} shownIds={order.ids} openRequest={exportRequest} />
          <button type="button" className="button button-quiet" onClick={() => setHelpOpen(true)} data-testid="help-button" title="?">
            {t('nav.help')}
          </button>
          <button type="button" className="button button-quiet" onClick={() => setSettingsOpen(true)} data-testid="settings-button">
            {t('nav.settings')}
          </button>
          {view === 'article' && campaignId !== null && (
            <CampaignBar campaignId={campaignId} articleId={articleId} onLeave={() => setCampaignId(null)} />
          )}
          <LanguageSwitch />
        </div>
      </header>

      {!connected && (
        <div className="banner" role="alert" data-testid="connection-error">
          {t('error.noBridge')}
        </div>
      )}
      {connected && library.error !== null && library.articles !== null && (
        <div className="banner" role="alert">
          {t('error.loadLibrary')} {describeError(t, library.error)}
          <button type="button" className="link-button" onClick={reloadLibrary}>
            {t('common.retry')}
          </button>
        </div>
      )}

      <main className="main">
        <div className="library-desk" hidden={view !== 'library'}>
          <DeskTabs value={deskTab} onChange={showDeskTab} />
          <div className="desk-body">
            <LibraryView
              hidden={deskTab !== 'articles'}
              data={library}
              visible={visible}
              filter={filter}
              onFilter={setFilter}
              sort={sort}
              onSort={setSort}
              selectedId={selectedId}
              onSelect={setSelectedId}
              onOpen={(id) => void openArticle(id)}
              onPress={onPressRow}
              importActions={importer.actions}
              searchRef={searchRef}
            />
            {deskVisited.has('search') && (
              <SearchPanel
                hidden={deskTab !== 'search'}
                sources={library.sources}
                preset={searchPreset}
                onArticlesTouched={(ids) => void library.refreshArticles(ids)}
              />
            )}
            {deskVisited.has('tags') && (
              <TagsPanel
                hidden={deskTab !== 'tags'}
                onSearchTag={(tag) => {
                  setSearchPreset({ tag: tag.pathText, seq: Date.now() });
                  showDeskTab('search');
                }}
              />
            )}
            {deskVisited.has('campaigns') && <CampaignsPanel hidden={deskTab !== 'campaigns'} />}
            {deskVisited.has('comments') && <OpenCommentsList hidden={deskTab !== 'comments'} sources={library.sources} />}
          </div>
        </div>
        {articleId !== null && (
          <ArticleWorkspace
            key={articleId}
            api={api}
            articleId={articleId}
            hidden={view !== 'article'}
            libraryArticles={library.articles}
            neighbours={neighbours}
            onNavigate={(id) => void openArticle(id)}
            onBackToLibrary={() => void showLibrary()}
            onArticlesTouched={onArticlesTouched}
            onCounts={onCounts}
            onGone={onGone}
            runJob={runLibraryJob}
            handleRef={workspaceRef}
            focusRequest={focusRequest}
          />
        )}
      </main>

      <footer className="statusbar">
        {progress ? (
          <div className="job" role="status">
            <progress
              value={progress.total > 0 ? progress.done : undefined}
              max={progress.total > 0 ? progress.total : undefined}
              aria-label={t('import.progressLabel')}
              data-testid="job-progress"
            />
            <span className="job-label">{progress.label}</span>
            {progress.detail && <span className="job-detail muted mono">{progress.detail}</span>}
            {progress.cancel && (
              <button type="button" className="button button-small" onClick={progress.cancel} data-testid="job-cancel">
                {t('common.cancel')}
              </button>
            )}
          </div>
        ) : (
          <span className="muted" data-testid="status-summary">
            {library.articles
              ? `${t('library.shown', { shown: visible.length, total: library.articles.length })} · ${t('findings.title')} ${totalOpen}`
              : library.loading
                ? t('common.loading')
                : ''}
          </span>
        )}
        <span className="toolbar-spacer" />
        <span className="muted small">{t('help.shortcut.help')}: ?</span>
      </footer>

      {importer.dragging && (
        <div className="drop-overlay" data-testid="drop-overlay">
          <div className="drop-card">
            <p className="drop-title">{t('import.dropTitle')}</p>
            <p className="muted">{t('import.dropHint')}</p>
          </div>
        </div>
      )}
      {importer.elements}
      {helpOpen && <HelpOverlay onClose={() => setHelpOpen(false)} />}
      {settingsOpen && <SettingsDialog onClose={() => setSettingsOpen(false)} />}
    </div>
    </DeskProvider>
  );
}
