import { useCallback, useEffect, useImperativeHandle, useMemo, useRef, useState, type MouseEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiClient, JobStatus } from '../../../app/api/contract.js';
import type { AcceptResult } from '../../../app/findings/library/review.js';
import type { DefectKind } from '../../../app/findings/types.js';
import type { Revision } from '../../../app/revisions/log.js';
import type { BlockClass } from '../../../app/segment/types.js';
import type { ArticleListItem, ArticleStatus } from '../../../app/store/articles.js';
import { describeError, isNothingTo } from '../api/errors.js';
import { ArticleEditor } from '../editor/Editor.js';
import type { RefusalReason } from '../editor/blocks/index.js';
import { inReadingOrder, stepFinding, type FindingPlace } from '../lib/findingNav.js';
import { ARTICLE_STATUS_NAMES, BLOCK_CLASS_NAMES } from '../lib/kinds.js';
import { inferChangeKind } from '../lib/revisions.js';
import { StepQueue } from '../lib/stepQueue.js';
import type { ShortcutId } from '../lib/shortcuts.js';
import { ConfirmDialog } from '../ui/Dialog.js';
import { Menu, type MenuItem } from '../ui/Menu.js';
import { useNotify } from '../ui/Toasts.js';
import type { Comment } from '../../../app/annotations/comments.js';
import type { SpanTag } from '../../../app/tags/spans.js';
import { CommentDialog } from '../comments/CommentDialog.js';
import { CommentsPanel } from '../comments/CommentsPanel.js';
import { commentKey, rangeOfSelection, spanKey, textOfRange } from '../lib/annotations.js';
import { ArticleTagsBar } from '../tags/ArticleTagsBar.js';
import { SpanTagDialog } from '../tags/SpanTagDialog.js';
import { SpanTagsPanel } from '../tags/SpanTagsPanel.js';
import { AcceptAllDialog, type AcceptScope } from './AcceptAllDialog.js';
import { ComparePanel } from './ComparePanel.js';
import { FindingsPanel, type MessageLanguage } from './FindingsPanel.js';
import { HistoryPanel, revisionKindLabel } from './HistoryPanel.js';
import { MoveBlockDialog } from './MoveBlockDialog.js';
import { useArticleSession } from './useArticleSession.js';

/*
 * One open article: header (status, save state), tabs (edit / compare / history), the editor with
 * its toolbar and context menu, and the findings panel. Every action is also a command the app's
 * shortcut handler can run (see lib/shortcuts.ts).
 */

export type ArticleTab = 'edit' | 'compare' | 'history';
/** The panel beside the editor. */
export type SideTab = 'findings' | 'comments' | 'spans';

/** Open at a comment (from the library's list of comments); seq tells one request from the next. */
/** A select's options: one per name, labelled in the interface language. */
function optionsOf<T extends string>(names: readonly T[], label: (name: T) => string) {
  return names.map((name) => (
    <option key={name} value={name}>
      {label(name)}
    </option>
  ));
}

export interface FocusRequest {
  commentId: number;
  seq: number;
}

interface SelectedRange {
  blockId: number;
  start: number;
  endBlockId: number;
  end: number;
  text: string;
}

export interface WorkspaceHandle {
  /** Saves unsaved typing; false when it could not be saved (the caller should stay). */
  flush(): Promise<boolean>;
  /** Runs a shortcut's action; false when it does not apply here. */
  command(id: ShortcutId): boolean;
}

interface ArticleWorkspaceProps {
  api: ApiClient;
  articleId: number;
  hidden: boolean;
  /** Every live article in page order (merge with the next, move targets). */
  libraryArticles: readonly ArticleListItem[] | null;
  neighbours: { previous: number | null; next: number | null };
  onNavigate: (id: number) => void;
  onBackToLibrary: () => void;
  onArticlesTouched: (ids: readonly number[], immediate: boolean) => void;
  onCounts: (articleId: number, counts: Partial<Record<DefectKind, number>>) => void;
  onGone: (candidates: readonly number[]) => void;
  /** Runs a library-wide job with the app's progress bar; null when it failed to start. */
  runJob: (method: 'acceptFindings', input: { kinds: DefectKind[] }) => Promise<JobStatus | null>;
  handleRef: Ref<WorkspaceHandle | null>;
  /** Select this comment once the article's comments are in. */
  focusRequest?: FocusRequest | null;
}

interface ContextMenuState {
  x: number;
  y: number;
  blockId: number;
}

export function ArticleWorkspace(props: ArticleWorkspaceProps) {
  const { api, articleId, hidden, libraryArticles, neighbours, onNavigate, onBackToLibrary, runJob, handleRef } = props;
  const { t, i18n } = useTranslation();
  const notify = useNotify();
  const session = useArticleSession(api, articleId, {
    onArticlesTouched: props.onArticlesTouched,
    onCounts: props.onCounts,
    onGone: props.onGone,
  });
  const { article, findings, operate, editorRef, highlights, annotations } = session;

  const [tab, setTab] = useState<ArticleTab>('edit');
  const [activeId, setActiveId] = useState<number | null>(null);
  const [kindFilter, setKindFilter] = useState<DefectKind | null>(null);
  const [caretBlockId, setCaretBlockId] = useState<number | null>(null);
  const [contextMenu, setContextMenu] = useState<ContextMenuState | null>(null);
  const [moveBlockId, setMoveBlockId] = useState<number | null>(null);
  const [acceptAllKind, setAcceptAllKind] = useState<DefectKind | null>(null);
  const [restoreTarget, setRestoreTarget] = useState<Revision | null>(null);
  const [historyVersion, setHistoryVersion] = useState(0);
  const classSelectRef = useRef<HTMLSelectElement>(null);
  const [side, setSide] = useState<SideTab>('findings');
  const [activeAnnotation, setActiveAnnotation] = useState<string | null>(null);
  const [spanDialog, setSpanDialog] = useState<SelectedRange | null>(null);
  const [commentDialog, setCommentDialog] = useState<SelectedRange | null>(null);

  const language: MessageLanguage = i18n.language.startsWith('en') ? 'en' : 'zh';
  // Labels looked up once per language: the editor asks for one per block it draws.
  const blockLabel = useMemo(() => {
    const labels = new Map(BLOCK_CLASS_NAMES.map((cls) => [cls, t(`blockClass.${cls}`)]));
    return (cls: BlockClass) => labels.get(cls) ?? cls;
  }, [t]);

  // The selects' options, drawn once per language (the workspace renders often while it opens).
  const statusOptions = useMemo(() => optionsOf(ARTICLE_STATUS_NAMES, (s) => t(`status.${s}`)), [t]);
  const classOptions = useMemo(() => optionsOf(BLOCK_CLASS_NAMES, (cls) => t(`blockClass.${cls}`)), [t]);

  const blockIndex = useMemo(() => new Map(article?.blocks.map((b, i) => [b.id, i]) ?? []), [article]);
  const blockNumber = useMemo(() => new Map([...blockIndex].map(([id, i]) => [id, i + 1])), [blockIndex]);
  // Reading order, for stepping from one finding to the next: sorted when first needed, not on
  // every change of the list (a long article has a thousand findings, and opening it sets both).
  const ordered = useMemo(() => {
    let list: FindingPlace[] | null = null;
    return () => (list ??= inReadingOrder(findings.map((f) => ({ id: f.id, blockIndex: blockIndex.get(f.blockId) ?? 0, start: f.start }))));
  }, [findings, blockIndex]);
  const caretBlock = article?.blocks.find((b) => b.id === caretBlockId) ?? null;
  const caretIndex = caretBlock ? blockIndex.get(caretBlock.id) ?? -1 : -1;

  const pageOrderIndex = useMemo(() => libraryArticles?.findIndex((a) => a.id === articleId) ?? -1, [libraryArticles, articleId]);
  const nextInPage = pageOrderIndex >= 0 ? libraryArticles?.[pageOrderIndex + 1] ?? null : null;
  const currentListItem = pageOrderIndex >= 0 ? libraryArticles?.[pageOrderIndex] ?? null : null;

  // The finding under review disappears once it is handled.
  useEffect(() => {
    if (activeId !== null && !findings.some((f) => f.id === activeId)) {
      setActiveId(null);
      highlights.setActive(null);
    }
  }, [findings, activeId, highlights]);

  const afterOperation = () => setHistoryVersion((v) => v + 1);

  // ---- findings ---------------------------------------------------------------------------

  const selectFinding = useCallback(
    (id: number) => {
      setActiveId(id);
      highlights.setActive(id);
      setTab('edit');
      // The editor may be hidden behind another tab this very moment; select once it shows.
      requestAnimationFrame(() => editorRef.current?.selectFinding(id));
    },
    [editorRef, highlights],
  );

  const stepTo = (direction: 1 | -1) => {
    const caret = editorRef.current?.caret() ?? null;
    const place = caret ? { blockIndex: blockIndex.get(caret.blockId) ?? 0, offset: caret.offset } : null;
    const list = kindFilter ? ordered().filter((o) => findings.find((f) => f.id === o.id)?.kind === kindFilter) : ordered();
    const id = stepFinding(list, activeId, place, direction);
    if (id !== null) selectFinding(id);
  };

  /** The finding an accept/reject shortcut means: the one under review, else one at the caret. */
  const targetFinding = (): number | null => {
    if (activeId !== null) return activeId;
    const caret = editorRef.current?.caret();
    if (!caret) return null;
    return findings.find((f) => f.blockId === caret.blockId && f.start <= caret.offset && caret.offset <= f.end)?.id ?? null;
  };

  const accept = useCallback(
    async (id: number, fix = 0) => {
      const next = stepFinding(ordered(), id, null, 1);
      const result = await operate(() => api.acceptFinding({ id, fix }), {
        done: (r: AcceptResult) => notify({ kind: 'success', text: r.accepted === 1 && r.skipped === 0 ? t('toast.accepted') : t('toast.acceptedMany', { accepted: r.accepted, skipped: r.skipped }) }),
      });
      if (result) {
        afterOperation();
        if (next !== null && next !== id && highlights.isPlaced(next)) selectFinding(next);
      }
    },
    [api, highlights, notify, operate, ordered, selectFinding, t],
  );

  const reject = useCallback(
    async (id: number) => {
      const next = stepFinding(ordered(), id, null, 1);
      const result = await operate(() => api.rejectFinding({ id }), { reload: false });
      if (result) {
        afterOperation();
        if (next !== null && next !== id && highlights.isPlaced(next)) selectFinding(next);
      }
    },
    [api, highlights, operate, ordered, selectFinding],
  );

  const acceptAll = async (kind: DefectKind, scope: AcceptScope) => {
    if (scope === 'article') {
      await operate(() => api.acceptFindings({ kinds: [kind], articleId }), {
        done: (r: AcceptResult) => notify({ kind: 'success', text: t('toast.acceptedMany', { accepted: r.accepted, skipped: r.skipped }) }),
      });
    } else {
      // Library-wide: a job with the app's progress bar; then this article is reloaded.
      await operate(async () => {
        const status = await runJob('acceptFindings', { kinds: [kind] });
        const result = status?.result as AcceptResult | undefined;
        if (status?.state === 'done' && result) notify({ kind: 'success', text: t('toast.acceptedMany', { accepted: result.accepted, skipped: result.skipped }) });
        else if (status?.state === 'failed') notify({ kind: 'error', text: status.error?.message ?? '' });
        return result ?? null;
      });
    }
    afterOperation();
    setAcceptAllKind(null);
  };

  // ---- structure and status -------------------------------------------------------------------

  /*
   * Every undo or redo press is one step, run after the previous step has finished: two quick
   * Ctrl+Z are two steps undone. Each press arrives here once: the app's key handler takes
   * Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y in the editor and prevents the key's default, so neither the
   * browser's own undo (beforeinput historyUndo, which Lexical turns into UNDO_COMMAND) nor the
   * desktop menu's accelerator (Electron runs those only for keys the page left unhandled) asks
   * again; those reach here only when the key handler did not take the key.
   */
  const runRevisionStep = async (action: 'undo' | 'redo'): Promise<boolean> => {
    let nothingTo = false;
    const revision = await operate(() => (action === 'undo' ? api.undo({ articleId }) : api.redo({ articleId })), {
      queueWhenBusy: true,
      done: (result) => {
        const kind = inferChangeKind(result);
        const what = kind === 'other' ? revisionKindLabel(t, result) : t(`revisionKind.${kind}`);
        notify({ kind: 'info', text: t(action === 'undo' ? 'toast.undone' : 'toast.redone', { what }) });
      },
      refused: (err) => {
        if (!isNothingTo(err, action)) return false;
        nothingTo = true;
        notify({ kind: 'info', text: t(action === 'undo' ? 'toast.nothingToUndo' : 'toast.nothingToRedo') });
        return true;
      },
    });
    afterOperation();
    // "Nothing to undo" is an answer, not a failure: a press after it still runs.
    return revision !== undefined || nothingTo;
  };
  const latestRevisionStep = useRef(runRevisionStep);
  latestRevisionStep.current = runRevisionStep;
  const revisionSteps = useMemo(() => new StepQueue<'undo' | 'redo'>((action) => latestRevisionStep.current(action)), []);
  useEffect(() => () => revisionSteps.clear(), [revisionSteps]);
  const undoOrRedo = useCallback((action: 'undo' | 'redo') => revisionSteps.push(action), [revisionSteps]);
  const undo = useCallback(() => undoOrRedo('undo'), [undoOrRedo]);
  const redo = useCallback(() => undoOrRedo('redo'), [undoOrRedo]);

  const setStatus = (status: ArticleStatus) => {
    if (!article || article.status === status) return;
    void operate(() => api.setArticleStatus({ articleId, status }), {
      done: () => notify({ kind: 'success', text: t('toast.status', { status: t(`status.${status}`) }) }),
    }).then(afterOperation);
  };

  const reclassify = (blockId: number, cls: BlockClass) => {
    const block = article?.blocks.find((b) => b.id === blockId);
    if (!block || block.cls === cls) return;
    void operate(() => api.reclassifyBlock({ blockId, cls }), {
      done: () => notify({ kind: 'success', text: t('toast.classChanged', { cls: t(`blockClass.${cls}`) }) }),
    }).then(() => {
      afterOperation();
      editorRef.current?.focusBlock(blockId);
    });
  };

  const split = (blockId: number | null) => {
    if (blockId === null) return notify({ kind: 'info', text: t('toolbar.noBlock') });
    if (article?.blocks[0]?.id === blockId) return notify({ kind: 'info', text: t('toolbar.splitFirst') });
    void operate(() => api.splitArticle({ articleId, blockId }), {
      done: (revision) => {
        const created = revision.articles.find((id) => id !== articleId);
        notify({
          kind: 'success',
          text: t('toast.split', { id: created ?? '?' }),
          action: created ? { label: t('toast.open'), run: () => onNavigate(created) } : undefined,
        });
      },
    }).then(afterOperation);
    return undefined;
  };

  const mergeNext = () => {
    if (!nextInPage) return notify({ kind: 'info', text: t('toolbar.noNext') });
    const secondId = nextInPage.id;
    void operate(() => api.mergeArticles({ firstId: articleId, secondId }), {
      done: () => notify({ kind: 'success', text: t('toast.merged', { id: secondId }) }),
    }).then(afterOperation);
    return undefined;
  };

  const openMove = (blockId: number | null) => {
    if (blockId === null) return notify({ kind: 'info', text: t('toolbar.noBlock') });
    setMoveBlockId(blockId);
    return undefined;
  };

  const move = (blockId: number, targetArticleId: number, atStart: boolean) => {
    setMoveBlockId(null);
    void operate(() => api.moveBlock({ blockId, targetArticleId, index: atStart ? 0 : undefined }), {
      done: () =>
        notify({
          kind: 'success',
          text: t('toast.moved', { id: targetArticleId }),
          action: { label: t('toast.open'), run: () => onNavigate(targetArticleId) },
        }),
    }).then(afterOperation);
  };

  const restore = async (revision: Revision) => {
    await operate(() => api.restoreRevision({ articleId, revisionId: revision.id }), {
      done: () => notify({ kind: 'success', text: t('toast.restored', { id: revision.id }) }),
    });
    afterOperation();
    setRestoreTarget(null);
  };

  const onAccept = useCallback((id: number, fix: number) => void accept(id, fix), [accept]);
  const onReject = useCallback((id: number) => void reject(id), [reject]);

  const onRefused = useCallback((reason: RefusalReason) => notify({ kind: 'info', text: t(`refused.${reason}`) }), [notify, t]);

  const onContextMenu = useCallback((event: MouseEvent, blockId: number | null) => {
    if (blockId === null) return;
    event.preventDefault();
    setContextMenu({ x: event.clientX, y: event.clientY, blockId });
  }, []);

  // ---- span tags and comments --------------------------------------------------------------

  /** The editor's selection as a range of the text as it is now (saved or not), with its text. */
  const selectedRange = (): SelectedRange | null => {
    const selection = editorRef.current?.selection();
    if (!selection || !article) return null;
    const range = rangeOfSelection(selection.anchor, selection.focus, blockIndex);
    if (!range) return null;
    const texts = editorRef.current?.currentTexts() ?? new Map<number, string>();
    const blocks = article.blocks.map((b) => ({ id: b.id, text: texts.get(b.id) ?? b.text }));
    const text = textOfRange(range, blocks);
    return text.trim() === '' ? null : { ...range, text };
  };

  const openSpanTag = () => {
    const range = selectedRange();
    if (!range) return notify({ kind: 'info', text: t('spans.needSelection') });
    if (range.blockId !== range.endBlockId) return notify({ kind: 'info', text: t('spans.oneBlock') });
    setSpanDialog(range);
    return undefined;
  };

  const openComment = () => {
    const range = selectedRange();
    if (!range) return notify({ kind: 'info', text: t('comments.needSelection') });
    setCommentDialog(range);
    return undefined;
  };

  const submitComment = async (range: SelectedRange, body: string): Promise<boolean> => {
    // The range is on the text as the editor has it: the server must have that text first.
    if (!(await session.flush())) {
      notify({ kind: 'error', text: t('article.saveState.error') });
      return false;
    }
    try {
      const comment = await api.addComment({ blockId: range.blockId, start: range.start, endBlockId: range.endBlockId, end: range.end, body });
      await session.refreshAnnotations();
      setSide('comments');
      setActiveAnnotation(commentKey(comment.id));
      annotations.setActive(commentKey(comment.id));
      notify({ kind: 'success', text: t('comments.added') });
      return true;
    } catch (err) {
      notify({ kind: 'error', text: describeError(t, err) });
      return false;
    }
  };

  const selectAnnotation = useCallback(
    (key: string) => {
      setActiveAnnotation(key);
      annotations.setActive(key);
      setTab('edit');
      requestAnimationFrame(() => editorRef.current?.selectAnnotation(key));
    },
    [annotations, editorRef],
  );

  const onSelectComment = useCallback((c: Comment) => selectAnnotation(commentKey(c.id)), [selectAnnotation]);
  const onSelectSpan = useCallback((s: SpanTag) => selectAnnotation(spanKey(s.id)), [selectAnnotation]);
  const removeSpan = (s: SpanTag) =>
    void operate(() => api.untagSpan({ id: s.id }), {
      reload: false,
      done: () => notify({ kind: 'success', text: t('spans.removed', { path: s.pathText }) }),
    }).then(afterOperation);

  // Opened from the library's comments: select the comment once the comments are in.
  const handledFocus = useRef<number | null>(null);
  const focusRequest = props.focusRequest ?? null;
  useEffect(() => {
    if (!focusRequest || handledFocus.current === focusRequest.seq || session.annotationsLoading || !article) return;
    const comment = session.comments.find((c) => c.id === focusRequest.commentId);
    if (!comment) return;
    handledFocus.current = focusRequest.seq;
    setSide('comments');
    if (comment.anchor.detached) setActiveAnnotation(commentKey(comment.id));
    else selectAnnotation(commentKey(comment.id));
  }, [focusRequest, session.annotationsLoading, session.comments, article, selectAnnotation]);

  const activeCommentId = activeAnnotation?.startsWith('comment:') ? Number(activeAnnotation.slice(8)) : null;
  const activeSpanId = activeAnnotation?.startsWith('span:') ? Number(activeAnnotation.slice(5)) : null;
  const openComments = session.comments.filter((c) => c.state === 'open').length;

  // ---- commands (shortcuts) -----------------------------------------------------------------

  const commands: Partial<Record<ShortcutId, () => void>> = {
    nextFinding: () => stepTo(1),
    previousFinding: () => stepTo(-1),
    acceptFinding: () => {
      const id = targetFinding();
      const finding = findings.find((f) => f.id === id);
      if (id !== null && finding && finding.fixes.length > 0) void accept(id);
    },
    rejectFinding: () => {
      const id = targetFinding();
      if (id !== null) void reject(id);
    },
    acceptAllOfKind: () => {
      const kind = kindFilter ?? findings.find((f) => f.id === targetFinding())?.kind ?? null;
      if (kind) setAcceptAllKind(kind);
    },
    undo,
    redo,
    save: () => void session.flush(),
    split: () => split(caretBlockId),
    mergeNext: () => mergeNext(),
    moveBlock: () => openMove(caretBlockId),
    blockClass: () => {
      setTab('edit');
      requestAnimationFrame(() => classSelectRef.current?.focus());
    },
    status1: () => setStatus('raw'),
    status2: () => setStatus('in_review'),
    status3: () => setStatus('clean'),
    status4: () => setStatus('approved'),
    tabEdit: () => setTab('edit'),
    tabCompare: () => setTab('compare'),
    tabHistory: () => setTab('history'),
  };
  const latestCommands = useRef(commands);
  latestCommands.current = commands;

  useImperativeHandle(
    handleRef,
    (): WorkspaceHandle => ({
      flush: () => session.flush(),
      command(id) {
        const run = latestCommands.current[id];
        if (!run) return false;
        run();
        return true;
      },
    }),
    [session.flush],
  );

  // ---- render -------------------------------------------------------------------------------

  if (session.loadError !== null && !article) {
    return (
      <div className="article-workspace" hidden={hidden} data-testid="article-workspace">
        <div className="empty-state" role="alert">
          <p className="empty-title">{t('error.loadArticle')}</p>
          <p className="muted">{describeError(t, session.loadError)}</p>
          <div className="empty-actions">
            <button type="button" className="button" onClick={() => void session.reload()}>
              {t('common.retry')}
            </button>
            <button type="button" className="button" onClick={onBackToLibrary}>
              {t('nav.backToLibrary')}
            </button>
          </div>
        </div>
      </div>
    );
  }

  const contextItems = (menu: ContextMenuState): MenuItem[] => {
    const block = article?.blocks.find((b) => b.id === menu.blockId);
    return [
      { id: 'class-heading', label: t('contextMenu.blockClass'), heading: true },
      ...BLOCK_CLASS_NAMES.map((cls) => ({
        id: `class-${cls}`,
        label: t(`blockClass.${cls}`),
        checked: block?.cls === cls,
        onSelect: () => reclassify(menu.blockId, cls),
        testId: `context-class-${cls}`,
      })),
      { id: 'sep', label: '', heading: true },
      {
        id: 'split',
        label: t('toolbar.split'),
        disabled: article?.blocks[0]?.id === menu.blockId,
        onSelect: () => split(menu.blockId),
        testId: 'context-split',
        hint: 'Alt+S',
      },
      { id: 'merge', label: t('toolbar.mergeNext'), disabled: !nextInPage, onSelect: mergeNext, testId: 'context-merge', hint: 'Alt+M' },
      { id: 'move', label: t('toolbar.moveBlock'), onSelect: () => openMove(menu.blockId), testId: 'context-move', hint: 'Alt+Shift+M' },
    ];
  };

  return (
    <div className="article-workspace" hidden={hidden} data-testid="article-workspace" data-article-id={articleId} aria-busy={session.busy}>
      <header className="article-header">
        <div className="article-nav">
          <button type="button" className="button button-quiet" onClick={onBackToLibrary} data-testid="back-to-library">
            ← {t('nav.library')}
          </button>
          <button
            type="button"
            className="icon-button"
            disabled={neighbours.previous === null}
            onClick={() => neighbours.previous !== null && onNavigate(neighbours.previous)}
            aria-label={t('nav.previousArticle')}
            title={t('nav.previousArticle')}
            data-testid="article-prev"
          >
            ‹
          </button>
          <button
            type="button"
            className="icon-button"
            disabled={neighbours.next === null}
            onClick={() => neighbours.next !== null && onNavigate(neighbours.next)}
            aria-label={t('nav.nextArticle')}
            title={t('nav.nextArticle')}
            data-testid="article-next"
          >
            ›
          </button>
        </div>
        <div className="article-title">
          <h1 data-testid="article-headline">{article ? article.headline ?? t('common.untitled') : t('article.loading')}</h1>
          <p className="muted small">
            {article ? (
              <>
                <span className="mono">#{article.id}</span> ·{' '}
                {t('article.meta', { page: article.sourceName, ordinal: article.ordinal + 1, count: article.blocks.length })}
              </>
            ) : (
              '\u00a0'
            )}
          </p>
        </div>
        <label className="status-field">
          <span className="sr-only">{t('article.status')}</span>
          <select
            className={article ? `select status-select status-${article.status}` : 'select status-select'}
            value={article?.status ?? 'raw'}
            disabled={!article || session.busy}
            onChange={(event) => setStatus(event.target.value as ArticleStatus)}
            data-testid="status-select"
            aria-label={t('article.status')}
          >
            {statusOptions}
          </select>
        </label>
        <span className={`save-state save-${session.saveState}`} data-testid="save-status" data-state={session.busy ? 'working' : session.saveState} role="status">
          {session.busy ? t('common.working') : t(`article.saveState.${session.saveState}`)}
          {session.saveState === 'error' && (
            <button type="button" className="link-button" onClick={() => void session.flush()}>
              {t('article.saveRetry')}
            </button>
          )}
        </span>
      </header>

      {article && (
        <ArticleTagsBar
          articleId={articleId}
          tags={session.articleTags}
          busy={session.busy}
          operate={(run) => operate(run, { reload: false }).then((r) => (afterOperation(), r))}
        />
      )}

      <div className="article-tabs" role="tablist" aria-label={t('article.tabs.label')}>
        {(['edit', 'compare', 'history'] as const).map((id) => (
          <button
            key={id}
            type="button"
            role="tab"
            aria-selected={tab === id}
            className={tab === id ? 'tab selected' : 'tab'}
            onClick={() => setTab(id)}
            data-testid={`tab-${id}`}
          >
            {t(`article.tabs.${id}`)}
            {id === 'edit' && findings.length > 0 && <span className="count-badge">{findings.length}</span>}
          </button>
        ))}
      </div>

      <div className={`article-body tab-${tab}`}>
        <div className="edit-pane" hidden={tab !== 'edit'}>
          <div className="edit-toolbar" role="toolbar" aria-label={t('article.toolbar')}>
            <button type="button" className="button button-small" onClick={undo} disabled={session.busy} data-testid="undo-button" title="Ctrl+Z">
              ↶ {t('toolbar.undo')}
            </button>
            <button type="button" className="button button-small" onClick={redo} disabled={session.busy} data-testid="redo-button" title="Ctrl+Shift+Z">
              ↷ {t('toolbar.redo')}
            </button>
            <span className="toolbar-divider" />
            <label className="inline-field">
              <span className="small muted">{t('toolbar.blockClass')}</span>
              <select
                ref={classSelectRef}
                className="select select-small"
                value={caretBlock?.cls ?? ''}
                disabled={!caretBlock || session.busy}
                onChange={(event) => caretBlock && reclassify(caretBlock.id, event.target.value as BlockClass)}
                data-testid="block-class-select"
                aria-label={t('toolbar.blockClass')}
              >
                {!caretBlock && <option value="">{t('common.none')}</option>}
                {classOptions}
              </select>
            </label>
            <button
              type="button"
              className="button button-small"
              onClick={() => split(caretBlockId)}
              disabled={session.busy || caretIndex <= 0}
              title={caretIndex === 0 ? t('toolbar.splitFirst') : t('toolbar.splitTitle')}
              data-testid="split-button"
            >
              ✂ {t('toolbar.split')}
            </button>
            <button
              type="button"
              className="button button-small"
              onClick={mergeNext}
              disabled={session.busy || !nextInPage}
              title={nextInPage ? t('toolbar.mergeNextTitle', { headline: nextInPage.headline ?? `#${nextInPage.id}` }) : t('toolbar.noNext')}
              data-testid="merge-button"
            >
              ⤓ {t('toolbar.mergeNext')}
            </button>
            <button
              type="button"
              className="button button-small"
              onClick={() => openMove(caretBlockId)}
              disabled={session.busy || !caretBlock}
              data-testid="move-button"
            >
              ⇄ {t('toolbar.moveBlock')}
            </button>
            <span className="toolbar-divider" />
            <span className="selection-actions">
              <button
                type="button"
                className="button button-small"
                // Keep the editor's selection: the button must not take the focus on press.
                onMouseDown={(event) => event.preventDefault()}
                onClick={openSpanTag}
                disabled={session.busy || !article}
                title={t('spans.tagSelectionTitle')}
                data-testid="tag-selection"
              >
                # {t('spans.tagSelection')}
              </button>
              <button
                type="button"
                className="button button-small"
                onMouseDown={(event) => event.preventDefault()}
                onClick={openComment}
                disabled={!article}
                title={t('comments.commentTitle')}
                data-testid="comment-selection"
              >
                ✎ {t('comments.comment')}
              </button>
            </span>
          </div>
          <div className="editor-frame">
            {article ? (
              <ArticleEditor
                initialBlocks={article.blocks}
                keys={session.keys}
                autosave={session.autosave}
                highlights={highlights}
                annotations={annotations}
                blockLabel={blockLabel}
                ariaLabel={t('article.editorLabel')}
                isBusy={session.isBusy}
                onRefused={onRefused}
                onUndo={undo}
                onRedo={redo}
                onCaretBlock={setCaretBlockId}
                onContextMenu={onContextMenu}
                handleRef={editorRef}
              />
            ) : (
              <div className="editor-skeleton" aria-busy="true" aria-label={t('article.loading')}>
                {Array.from({ length: 9 }, (_, i) => (
                  <span key={i} className="skeleton-bar" />
                ))}
              </div>
            )}
          </div>
        </div>
        {tab === 'edit' && (
          <div className="side-column">
            <div className="side-tabs" role="tablist" aria-label={t('side.label')}>
              {(['findings', 'comments', 'spans'] as const).map((id) => (
                <button
                  key={id}
                  type="button"
                  role="tab"
                  aria-selected={side === id}
                  className={side === id ? 'tab selected' : 'tab'}
                  onClick={() => setSide(id)}
                  data-testid={`side-tab-${id}`}
                >
                  {t(`side.${id}`)}
                  {id === 'comments' && openComments > 0 && <span className="count-badge">{openComments}</span>}
                  {id === 'spans' && session.spanTags.length > 0 && <span className="count-badge">{session.spanTags.length}</span>}
                </button>
              ))}
            </div>
            {side === 'findings' && (
              <FindingsPanel
                findings={findings}
                blockNumber={blockNumber}
                activeId={activeId}
                kindFilter={kindFilter}
                onKindFilter={setKindFilter}
                loading={session.findingsLoading}
                busy={session.busy}
                language={language}
                onSelect={selectFinding}
                onAccept={onAccept}
                onReject={onReject}
                onAcceptAll={setAcceptAllKind}
              />
            )}
            {side === 'comments' && (
              <CommentsPanel
                api={api}
                comments={session.comments}
                blockOrder={blockIndex}
                activeId={activeCommentId}
                loading={session.annotationsLoading}
                onSelect={onSelectComment}
                onChanged={session.refreshAnnotations}
              />
            )}
            {side === 'spans' && (
              <SpanTagsPanel
                spans={session.spanTags}
                blockOrder={blockIndex}
                activeId={activeSpanId}
                busy={session.busy}
                onSelect={onSelectSpan}
                onRemove={removeSpan}
              />
            )}
          </div>
        )}
        {tab === 'compare' && article && <ComparePanel article={article} currentTexts={() => editorRef.current?.currentTexts() ?? new Map()} />}
        {tab === 'history' && (
          <HistoryPanel api={api} articleId={articleId} version={historyVersion} busy={session.busy} onRestore={setRestoreTarget} />
        )}
      </div>

      {contextMenu && (
        <Menu
          x={contextMenu.x}
          y={contextMenu.y}
          items={contextItems(contextMenu)}
          label={t('contextMenu.label')}
          onClose={() => setContextMenu(null)}
          testId="editor-context-menu"
        />
      )}
      {moveBlockId !== null && (
        <MoveBlockDialog
          blockText={editorRef.current?.currentTexts().get(moveBlockId) ?? article?.blocks.find((b) => b.id === moveBlockId)?.text ?? ''}
          current={currentListItem}
          articles={libraryArticles ?? []}
          onMove={(target, atStart) => move(moveBlockId, target, atStart)}
          onClose={() => setMoveBlockId(null)}
        />
      )}
      {acceptAllKind && (
        <AcceptAllDialog
          api={api}
          kind={acceptAllKind}
          articleId={articleId}
          onConfirm={(scope) => acceptAll(acceptAllKind, scope)}
          onClose={() => setAcceptAllKind(null)}
        />
      )}
      {spanDialog && (
        <SpanTagDialog
          articleId={articleId}
          text={spanDialog.text}
          place={{ blockId: spanDialog.blockId, start: spanDialog.start, end: spanDialog.end }}
          operate={(run) =>
            operate(run, { reload: false, done: () => notify({ kind: 'success', text: t('spans.tagged') }) }).then((r) => {
              afterOperation();
              if (r !== undefined) setSide('spans');
              return r;
            })
          }
          onClose={() => setSpanDialog(null)}
        />
      )}
      {commentDialog && (
        <CommentDialog quote={commentDialog.text} onSubmit={(body) => submitComment(commentDialog, body)} onClose={() => setCommentDialog(null)} />
      )}
      {restoreTarget && (
        <ConfirmDialog
          title={t('history.restoreTitle')}
          message={t('history.restoreConfirm', { id: restoreTarget.id, what: revisionKindLabel(t, restoreTarget) })}
          confirmLabel={t('history.restore')}
          onConfirm={() => restore(restoreTarget)}
          onClose={() => setRestoreTarget(null)}
          testId="restore-dialog"
        />
      )}
    </div>
  );
}
