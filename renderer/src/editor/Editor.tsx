import { LexicalComposer, type InitialConfigType } from '@lexical/react/LexicalComposer';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { mergeRegister } from '@lexical/utils';
import {
  $getNodeByKey,
  $getSelection,
  $isRangeSelection,
  SKIP_SCROLL_INTO_VIEW_TAG,
  type LexicalEditor,
  type NodeKey,
} from 'lexical';
import { memo, useEffect, useImperativeHandle, useMemo, useRef, type MouseEvent, type Ref } from 'react';
import type { BlockClass } from '../../../app/segment/types.js';
import type { Autosave } from './autosave/registerAutosave.js';
import {
  $articleBlocks,
  $buildArticle,
  $caretPlace,
  $isArticleBlockNode,
  $selectPlaces,
  $syncArticle,
  ArticleBlockNode,
  BlockKeys,
  registerBlocks,
  relabelBlocks,
  setBlockClassLabels,
  SYNC_TAG,
  type BlockContent,
  type BlockPlace,
  type RefusalReason,
} from './blocks/index.js';
import type { FindingHighlights } from './findings/FindingHighlights.js';
import type { AnnotationHighlights } from './annotations/index.js';
import { $selectionPlaces } from './blocks/content.js';
import { registerRevisionKeys } from './revisions/registerRevisionKeys.js';
import './blocks/blocks.css';
import './findings/findings.css';
import './annotations/annotations.css';

/*
 * The article editor: ONE article per editor instance. It only composes the features (blocks,
 * autosave, finding highlights, revision keys); each registers itself and returns its cleanup.
 * The owner (the article workspace) creates the feature objects, so it can flush saves, push
 * findings and sync after operations without re-creating the editor state.
 */

export interface ArticleEditorHandle {
  /** Saves what is unsaved now. */
  flush(): Promise<void>;
  /** Brings the document in step with the server's blocks (after undo, accept, split…). */
  sync(blocks: readonly BlockContent[]): void;
  /** Selects a finding's text, scrolls it into view and focuses the editor. */
  selectFinding(id: number): boolean;
  /** The caret as (block, offset), or null. */
  caret(): BlockPlace | null;
  /** Every block's text as the editor has it now (saved or not). */
  currentTexts(): Map<number, string>;
  focus(): void;
  /** Places the caret at the start of a block. */
  focusBlock(blockId: number): void;
  /** Both ends of the selection (anchor, focus; either order), or null. */
  selection(): { anchor: BlockPlace; focus: BlockPlace } | null;
  /** Selects an annotation's text (span tag, comment), scrolls it into view and focuses the editor. */
  selectAnnotation(key: string): boolean;
}

export interface ArticleEditorProps {
  initialBlocks: readonly BlockContent[];
  keys: BlockKeys;
  autosave: Autosave;
  highlights: FindingHighlights;
  annotations: AnnotationHighlights;
  blockLabel: (cls: BlockClass) => string;
  ariaLabel: string;
  isBusy: () => boolean;
  onRefused: (reason: RefusalReason) => void;
  onUndo: () => void;
  onRedo: () => void;
  /** The block the caret is in changed. */
  onCaretBlock: (blockId: number | null) => void;
  onContextMenu: (event: MouseEvent, blockId: number | null) => void;
  handleRef: Ref<ArticleEditorHandle | null>;
}

const THEME = {};

function onError(error: Error): void {
  // A bug in a feature, not an editor's mistake: log it; the error boundary keeps the page alive.
  console.error('[qinggao editor]', error);
}

/** Marks the block holding the caret (data-current) and reports it when it changes. */
function registerCurrentBlock(editor: LexicalEditor, onChange: (blockId: number | null) => void): () => void {
  let currentKey: NodeKey | null = null;
  return editor.registerUpdateListener(({ editorState }) => {
    const next = editorState.read(() => {
      const selection = $getSelection();
      if (!$isRangeSelection(selection)) return null;
      const node = selection.focus.getNode();
      const block = $isArticleBlockNode(node) ? node : node.getParents().find($isArticleBlockNode);
      return block ? { key: block.getKey(), id: block.getBlockId() } : null;
    });
    const nextKey = next?.key ?? null;
    if (nextKey === currentKey) return;
    if (currentKey !== null) editor.getElementByKey(currentKey)?.removeAttribute('data-current');
    if (nextKey !== null) editor.getElementByKey(nextKey)?.setAttribute('data-current', '');
    currentKey = nextKey;
    onChange(next?.id ?? null);
  });
}

/** Scrolls a range to about a third of the way down its scrolling container. */
function scrollRangeIntoView(range: Range, scroller: HTMLElement | null): void {
  if (!scroller) return;
  const rect = range.getBoundingClientRect();
  const box = scroller.getBoundingClientRect();
  if (rect.top >= box.top + 40 && rect.bottom <= box.bottom - 40) return;
  scroller.scrollTop += rect.top - box.top - box.height / 3;
}

function EditorFeatures(props: ArticleEditorProps) {
  const [editor] = useLexicalComposerContext();
  const latest = useRef(props);
  latest.current = props;
  const { keys, autosave, highlights, annotations, handleRef, blockLabel } = props;

  useEffect(
    () =>
      mergeRegister(
        registerBlocks(editor, keys, {
          onRefused: (reason) => latest.current.onRefused(reason),
          isBusy: () => latest.current.isBusy(),
        }),
        autosave.register(editor),
        highlights.register(editor, keys),
        annotations.register(editor, keys),
        registerRevisionKeys(editor, {
          undo: () => latest.current.onUndo(),
          redo: () => latest.current.onRedo(),
        }),
        registerCurrentBlock(editor, (id) => latest.current.onCaretBlock(id)),
      ),
    [editor, keys, autosave, highlights, annotations],
  );

  // The blocks were drawn with the labels of the first render; only a change of language relabels.
  const labelled = useRef(blockLabel);
  useEffect(() => {
    if (labelled.current === blockLabel) return;
    labelled.current = blockLabel;
    relabelBlocks(editor, blockLabel);
  }, [editor, blockLabel]);

  useImperativeHandle(
    handleRef,
    (): ArticleEditorHandle => ({
      flush: () => autosave.flush(),
      sync(blocks) {
        editor.update(() => void $syncArticle(blocks), { tag: [SYNC_TAG, SKIP_SCROLL_INTO_VIEW_TAG], discrete: true });
      },
      selectFinding(id) {
        const places = highlights.placesOf(id);
        if (!places) return false;
        const root = editor.getRootElement();
        root?.focus({ preventScroll: true });
        editor.update(
          () => {
            const byKey = (blockId: number) => {
              const key = keys.keyOf(blockId);
              const node = key === undefined ? null : $getNodeByKey(key);
              return node instanceof ArticleBlockNode ? node : null;
            };
            $selectPlaces(places.from, places.to, byKey);
          },
          { tag: SKIP_SCROLL_INTO_VIEW_TAG, discrete: true },
        );
        const range = highlights.rangeOf(id);
        if (range) scrollRangeIntoView(range, root?.closest<HTMLElement>('.editor-scroll') ?? null);
        return true;
      },
      caret: () => editor.getEditorState().read(() => $caretPlace()),
      currentTexts: () =>
        editor.getEditorState().read(() => new Map($articleBlocks().map((b) => [b.getBlockId(), b.getTextContent()]))),
      focus: () => editor.focus(),
      focusBlock(blockId) {
        editor.getRootElement()?.focus({ preventScroll: true });
        editor.update(() => {
          const key = keys.keyOf(blockId);
          const node = key === undefined ? null : $getNodeByKey(key);
          if (node instanceof ArticleBlockNode) node.selectStart();
        });
      },
      selection: () => editor.getEditorState().read(() => $selectionPlaces()),
      selectAnnotation(key) {
        const places = annotations.placesOf(key);
        if (!places) return false;
        const root = editor.getRootElement();
        root?.focus({ preventScroll: true });
        editor.update(
          () => {
            const byKey = (blockId: number) => {
              const nodeKey = keys.keyOf(blockId);
              const node = nodeKey === undefined ? null : $getNodeByKey(nodeKey);
              return node instanceof ArticleBlockNode ? node : null;
            };
            $selectPlaces(places.from, places.to, byKey);
          },
          { tag: SKIP_SCROLL_INTO_VIEW_TAG, discrete: true },
        );
        const range = annotations.rangeOf(key);
        if (range) scrollRangeIntoView(range, root?.closest<HTMLElement>('.editor-scroll') ?? null);
        return true;
      },
    }),
    [editor, keys, autosave, highlights, annotations],
  );

  return null;
}

/**
 * The editor re-renders only when a prop it uses changes (not with every render of the workspace
 * around it); `initialBlocks` is read once, when the editor is created.
 */
export const ArticleEditor = memo(ArticleEditorView, (prev, next) => {
  for (const key of Object.keys(next) as (keyof ArticleEditorProps)[]) {
    if (key !== 'initialBlocks' && prev[key] !== next[key]) return false;
  }
  return true;
});

function ArticleEditorView(props: ArticleEditorProps) {
  const { initialBlocks, blockLabel, ariaLabel, onContextMenu } = props;
  // Labels must be known before the first blocks are drawn.
  setBlockClassLabels(blockLabel);

  const initialConfig = useMemo<InitialConfigType>(
    () => ({
      namespace: 'qinggao-article',
      nodes: [ArticleBlockNode],
      theme: THEME,
      onError,
      editorState: () => $buildArticle(initialBlocks),
    }),
    // The editor is created once per article; later content arrives through sync().
    [],
  );

  const handleContextMenu = (event: MouseEvent) => {
    const element = (event.target as HTMLElement).closest<HTMLElement>('[data-block-id]');
    const id = element ? Number(element.dataset['blockId']) : null;
    onContextMenu(event, id);
  };

  return (
    <LexicalComposer initialConfig={initialConfig}>
      <div className="editor-scroll" onContextMenu={handleContextMenu}>
        <RichTextPlugin
          contentEditable={
            <ContentEditable className="qg-editor" spellCheck={false} aria-label={ariaLabel} data-testid="article-editor" />
          }
          ErrorBoundary={LexicalErrorBoundary}
        />
      </div>
      <EditorFeatures {...props} />
    </LexicalComposer>
  );
}
