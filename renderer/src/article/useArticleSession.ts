import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { ApiClient } from '../../../app/api/contract.js';
import type { Comment } from '../../../app/annotations/comments.js';
import type { Finding } from '../../../app/findings/library/findings-store.js';
import type { ArticleTag } from '../../../app/tags/assign.js';
import type { SpanTag } from '../../../app/tags/spans.js';
import type { Revision } from '../../../app/revisions/log.js';
import type { ArticleDetail } from '../../../app/store/articles.js';
import { ApiCallError } from '../api/client.js';
import { describeError, isGone, isNothingTo } from '../api/errors.js';
import { Autosave, type SaveState } from '../editor/autosave/registerAutosave.js';
import { AnnotationHighlights } from '../editor/annotations/index.js';
import { annotationsToPaint } from '../lib/annotations.js';
import { BlockKeys } from '../editor/blocks/index.js';
import type { ArticleEditorHandle } from '../editor/Editor.js';
import { FindingHighlights } from '../editor/findings/FindingHighlights.js';
import type { KindCounts } from '../lib/library.js';
import { SerialQueue } from '../lib/queue.js';
import { useNotify } from '../ui/Toasts.js';
import { forgetPrefetched, takeArticle } from './prefetch.js';

/*
 * One open article: its server state, its open findings and every operation on it. Saves and
 * findings refreshes share one queue, so findings always describe text the server has, and the
 * text their offsets refer to (`base`) is known exactly. An operation first flushes unsaved
 * typing, holds input back while it runs, then reloads the article and syncs the editor in place.
 */

export const SAVE_DELAY_MS = 600;

export interface SessionCallbacks {
  /**
   * Articles an operation touched (the library refreshes their rows): at once after a structural
   * operation, later (when the library shows again) after a text save.
   */
  onArticlesTouched: (ids: readonly number[], immediate: boolean) => void;
  /** The article's open findings, by kind, after each refresh. */
  onCounts: (articleId: number, counts: KindCounts) => void;
  /** The article no longer exists (merged away, its split undone); go somewhere sensible. */
  onGone: (candidates: readonly number[]) => void;
}

export interface ArticleSession {
  article: ArticleDetail | null;
  loadError: unknown;
  findings: Finding[];
  findingsLoading: boolean;
  saveState: SaveState;
  busy: boolean;
  keys: BlockKeys;
  autosave: Autosave;
  highlights: FindingHighlights;
  /** Span tags and comment ranges in the editor. */
  annotations: AnnotationHighlights;
  /** The article's tags, span tags and comments (every state), as last fetched. */
  articleTags: ArticleTag[];
  spanTags: SpanTag[];
  comments: Comment[];
  annotationsLoading: boolean;
  editorRef: React.RefObject<ArticleEditorHandle | null>;
  isBusy: () => boolean;
  reload: () => Promise<void>;
  refreshFindings: () => Promise<void>;
  /** Fetches tags, span tags and comments again (after a save, an operation, a comment). */
  refreshAnnotations: () => Promise<void>;
  /** Runs an operation that writes a revision; reloads the article afterwards. */
  operate: <T>(run: () => Promise<T>, options?: OperateOptions<T>) => Promise<T | undefined>;
  flush: () => Promise<boolean>;
}

export interface OperateOptions<T> {
  /** Reload the article's blocks after (default true); false only refreshes the findings. */
  reload?: boolean;
  /** Told the result before the reload (for a toast, say). */
  done?: (result: T) => void;
  /** How a refusal is told; default: an error toast with the server's message. */
  refused?: (error: unknown) => boolean;
  /** When another operation is running, wait for it and then run (instead of refusing). */
  queueWhenBusy?: boolean;
}

function revisionOf(result: unknown): Revision | null {
  if (result && typeof result === 'object') {
    if ('changes' in result && 'articles' in result) return result as Revision;
    if ('revision' in result) return (result as { revision: Revision }).revision;
  }
  return null;
}

export function useArticleSession(api: ApiClient, articleId: number, callbacks: SessionCallbacks): ArticleSession {
  const { t } = useTranslation();
  const notify = useNotify();
  const latest = useRef(callbacks);
  latest.current = callbacks;

  const [article, setArticle] = useState<ArticleDetail | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [findings, setFindings] = useState<Finding[]>([]);
  const [findingsLoading, setFindingsLoading] = useState(true);
  const [saveState, setSaveState] = useState<SaveState>('saved');
  const [busy, setBusy] = useState(false);
  const busyRef = useRef(false);
  const editorRef = useRef<ArticleEditorHandle | null>(null);

  // The feature objects live as long as the article is open; the editor registers them.
  const objects = useMemo(() => {
    const keys = new BlockKeys();
    const serverText = new Map<number, string>();
    const queue = new SerialQueue();
    const highlights = new FindingHighlights();
    const annotations = new AnnotationHighlights();
    return { keys, serverText, queue, highlights, annotations };
  }, [articleId]);
  const { keys, serverText, queue, highlights, annotations } = objects;

  // Tags, span tags and comments: fetched in the save queue, so their anchors' offsets refer to
  // text the server has, and that text (`base`) is known exactly (as for the findings).
  const [articleTags, setArticleTags] = useState<ArticleTag[]>([]);
  const [spanTags, setSpanTags] = useState<SpanTag[]>([]);
  const [comments, setComments] = useState<Comment[]>([]);
  const [annotationsLoading, setAnnotationsLoading] = useState(true);
  const annotationsQueued = useRef(false);
  const refreshAnnotations = useCallback(async () => {
    if (annotationsQueued.current) return;
    annotationsQueued.current = true;
    try {
      const { tags, list, base } = await queue.run(async () => {
        annotationsQueued.current = false;
        const base = new Map(serverText);
        const [tags, list] = await Promise.all([api.getArticleTags({ articleId }), api.listComments({ articleId, state: 'all' })]);
        return { tags, list, base };
      });
      annotations.setAnnotations(annotationsToPaint(tags.spans, list), base);
      setArticleTags(tags.tags);
      setSpanTags(tags.spans);
      setComments(list);
    } catch (err) {
      annotationsQueued.current = false;
      if (!isGone(err)) notify({ kind: 'error', text: describeError(t, err) });
    } finally {
      setAnnotationsLoading(false);
    }
  }, [annotations, api, articleId, notify, queue, serverText, t]);

  const refreshQueued = useRef(false);
  const refreshFindings = useCallback(async () => {
    if (refreshQueued.current) return;
    refreshQueued.current = true;
    setFindingsLoading(true);
    try {
      const { list, base } = await queue.run(async () => {
        refreshQueued.current = false;
        const base = new Map(serverText);
        return { list: await api.listFindings({ articleId }), base };
      });
      highlights.setFindings(list, base);
      setFindings(list);
      const counts: KindCounts = {};
      for (const f of list) counts[f.kind] = (counts[f.kind] ?? 0) + 1;
      latest.current.onCounts(articleId, counts);
    } catch (err) {
      refreshQueued.current = false;
      if (!isGone(err)) notify({ kind: 'error', text: describeError(t, err) });
    } finally {
      setFindingsLoading(false);
    }
  }, [api, articleId, highlights, notify, queue, serverText, t]);

  const autosave = useMemo(
    () =>
      new Autosave({
        delayMs: SAVE_DELAY_MS,
        keys,
        serverText,
        save: (blockId, text) =>
          queue
            .run(() => api.editBlockText({ blockId, text }))
            .then(
              () => undefined,
              (err: unknown) => {
                // The server already has this text (saved elsewhere): nothing to do.
                if (err instanceof ApiCallError && err.code === 'refused' && err.message.startsWith('Nothing changed')) return;
                throw err;
              },
            ),
        onStateChange: (state, error) => {
          setSaveState(state);
          if (state === 'error') notify({ kind: 'error', text: t('toast.saveFailed', { message: describeError(t, error) }) });
        },
        onSaved: () => {
          void refreshFindings();
          void refreshAnnotations();
          latest.current.onArticlesTouched([articleId], false);
        },
      }),
    // refreshFindings and notify are stable for the article's life.
    [objects],
  );

  const applyArticle = useCallback(
    (fresh: ArticleDetail) => {
      serverText.clear();
      for (const b of fresh.blocks) serverText.set(b.id, b.text);
      setArticle(fresh);
      editorRef.current?.sync(fresh.blocks);
    },
    [serverText],
  );

  const reload = useCallback(async () => {
    try {
      const fresh = await queue.run(() => api.getArticle({ id: articleId }));
      applyArticle(fresh);
      setLoadError(null);
    } catch (err) {
      if (isGone(err)) latest.current.onGone([]);
      else setLoadError(err);
      return;
    }
    await Promise.all([refreshFindings(), refreshAnnotations()]);
  }, [api, applyArticle, articleId, queue, refreshAnnotations, refreshFindings]);

  // First load. Both requests are under way since the library row was pressed (prefetch.ts); the
  // server answers the article first. Each answer is drawn in the task that received it
  // (flushSync), not in one React would schedule after it: a frame sooner. The underlines need
  // both (the findings' offsets refer to the text as loaded; nothing is saved before the findings
  // are in), so they are placed when the second answer arrives, whichever it is.
  useEffect(() => {
    let current = true;
    setArticle(null);
    setLoadError(null);
    setFindingsLoading(true);
    const { article: articleLoad, findings: findingsLoad } = takeArticle(api, articleId);
    const failed = (err: unknown) => {
      if (!current) return;
      if (isGone(err)) latest.current.onGone([]);
      else setLoadError(err);
    };
    let loaded: ArticleDetail | null = null;
    let listed: Finding[] | null = null;
    const underline = (list: Finding[], fresh: ArticleDetail) => highlights.setFindings(list, new Map(fresh.blocks.map((b) => [b.id, b.text])));
    // Tags and comments are asked for once the findings are in (the editor looks for those first).
    const thenAnnotations = () => {
      if (current) void refreshAnnotations();
    };
    articleLoad.then((fresh) => {
      if (!current) return;
      loaded = fresh;
      for (const b of fresh.blocks) serverText.set(b.id, b.text);
      // Underlines set before the editor exists are placed as it mounts, before its first paint.
      if (listed) underline(listed, fresh);
      flushSync(() => setArticle(fresh));
      if (listed) thenAnnotations();
    }, failed);
    findingsLoad.then(
      (list) => {
        if (!current) return;
        listed = list;
        if (loaded) underline(list, loaded);
        flushSync(() => {
          setFindings(list);
          setFindingsLoading(false);
        });
        const counts: KindCounts = {};
        for (const f of list) counts[f.kind] = (counts[f.kind] ?? 0) + 1;
        latest.current.onCounts(articleId, counts);
        if (loaded) thenAnnotations();
      },
      (err: unknown) => {
        failed(err);
        // The article's tags and comments are still wanted once its text is in.
        void articleLoad.then(thenAnnotations, () => undefined);
      },
    );
    return () => {
      current = false;
    };
    // refreshAnnotations is stable for the article's life.
  }, [api, articleId, highlights, serverText]);

  const isBusy = useCallback(() => busyRef.current, []);

  const flush = useCallback(async () => {
    await editorRef.current?.flush();
    await queue.idle();
    return !autosave.hasUnsaved;
  }, [autosave, queue]);

  // Operations take turns: `turn` settles when the last one admitted has released the text, and
  // `admitted` counts those running or waiting (queueWhenBusy), so the desk stays busy until the
  // last of them is done and none of them can be skipped.
  const turn = useRef<Promise<void>>(Promise.resolve());
  const admitted = useRef(0);

  // After an operation the findings, tags and comments are fetched again; while another waits
  // its turn (a second undo pressed quickly), only once the last of them is done.
  const checkPending = useRef(false);
  const checkAgain = useCallback(
    async (changed: boolean) => {
      if (changed) checkPending.current = true;
      if (!checkPending.current || admitted.current > 0) return;
      checkPending.current = false;
      await Promise.all([refreshFindings(), refreshAnnotations()]);
    },
    [refreshAnnotations, refreshFindings],
  );

  const operate = useCallback(
    async <T,>(run: () => Promise<T>, options: OperateOptions<T> = {}): Promise<T | undefined> => {
      if (admitted.current > 0 && !options.queueWhenBusy) {
        notify({ kind: 'info', text: t('refused.busy') });
        return undefined;
      }
      admitted.current++;
      busyRef.current = true;
      setBusy(true);
      const previous = turn.current;
      let endTurn!: () => void;
      turn.current = new Promise<void>((resolve) => (endTurn = resolve));
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        admitted.current--;
        if (admitted.current === 0) {
          busyRef.current = false;
          setBusy(false);
        }
        endTurn();
      };
      await previous;
      try {
        await flush();
        const result = await queue.run(run);
        forgetPrefetched();
        options.done?.(result);
        const revision = revisionOf(result);
        if (revision) latest.current.onArticlesTouched(revision.articles, true);
        if (options.reload !== false) {
          try {
            const fresh = await queue.run(() => api.getArticle({ id: articleId }));
            applyArticle(fresh);
          } catch (err) {
            if (isGone(err)) {
              release();
              latest.current.onGone(revision?.articles.filter((id) => id !== articleId) ?? []);
              return result;
            }
            throw err;
          }
        }
        // The text is in step: typing (or the next operation waiting its turn) may go on while
        // the findings are checked again.
        release();
        await checkAgain(true);
        return result;
      } catch (err) {
        release();
        if (!(options.refused?.(err) ?? false)) notify({ kind: 'error', text: describeError(t, err) });
        void checkAgain(false);
        return undefined;
      }
    },
    [api, applyArticle, articleId, checkAgain, flush, notify, queue, t],
  );

  return {
    article,
    loadError,
    findings,
    findingsLoading,
    saveState,
    busy,
    keys,
    autosave,
    highlights,
    annotations,
    articleTags,
    spanTags,
    comments,
    annotationsLoading,
    editorRef,
    isBusy,
    reload,
    refreshFindings,
    refreshAnnotations,
    operate,
    flush,
  };
}

export { isNothingTo };
