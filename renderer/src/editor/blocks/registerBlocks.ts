import { mergeRegister } from '@lexical/utils';
import {
  $getNodeByKey,
  $getSelection,
  $isRangeSelection,
  BEFORE_INPUT_COMMAND,
  COMMAND_PRIORITY_CRITICAL,
  CONTROLLED_TEXT_INSERTION_COMMAND,
  CUT_COMMAND,
  DELETE_CHARACTER_COMMAND,
  DELETE_LINE_COMMAND,
  DELETE_WORD_COMMAND,
  DRAGSTART_COMMAND,
  DROP_COMMAND,
  FORMAT_ELEMENT_COMMAND,
  FORMAT_TEXT_COMMAND,
  INDENT_CONTENT_COMMAND,
  INSERT_LINE_BREAK_COMMAND,
  INSERT_PARAGRAPH_COMMAND,
  INSERT_TAB_COMMAND,
  KEY_DOWN_COMMAND,
  KEY_ENTER_COMMAND,
  OUTDENT_CONTENT_COMMAND,
  PASTE_COMMAND,
  ParagraphNode,
  REMOVE_TEXT_COMMAND,
  type LexicalEditor,
  type NodeKey,
} from 'lexical';
import type { BlockClass } from '../../../../app/segment/types.js';
import { flattenPastedText } from '../../lib/paste.js';
import { $isArticleBlockNode, ArticleBlockNode, setBlockClassLabels } from './ArticleBlockNode.js';
import { $articleBlocks, $selectionPlaces, $selectPlaces } from './content.js';
import { SYNC_TAG } from './tags.js';

/*
 * The block feature: keeps the article's block structure fixed while the editor types (Enter,
 * Backspace at a block's start, typing over a selection that spans blocks and pasting lines would
 * otherwise join or split blocks, which only the API may do), and keeps an id → node map in step
 * through a mutation listener.
 */

export type RefusalReason = 'acrossBlocks' | 'newBlock' | 'busy';

export interface BlocksOptions {
  /** Told when an edit is refused, so the UI can say why nothing happened. */
  onRefused: (reason: RefusalReason) => void;
  /** While an operation is under way, input is held back (its result replaces the text). */
  isBusy: () => boolean;
}

/** Block id ↔ node key, kept in step with the document. */
export class BlockKeys {
  private readonly keyById = new Map<number, NodeKey>();
  private readonly idByKey = new Map<NodeKey, number>();

  set(blockId: number, key: NodeKey): void {
    this.keyById.set(blockId, key);
    this.idByKey.set(key, blockId);
  }

  deleteKey(key: NodeKey): void {
    const id = this.idByKey.get(key);
    this.idByKey.delete(key);
    if (id !== undefined && this.keyById.get(id) === key) this.keyById.delete(id);
  }

  keyOf(blockId: number): NodeKey | undefined {
    return this.keyById.get(blockId);
  }

  idOf(key: NodeKey): number | undefined {
    return this.idByKey.get(key);
  }
}

/**
 * True when the selection's two ends lie in different blocks. A selection that merely reaches the
 * very start of the next block (a triple-click selects a paragraph that way) is first pulled back
 * to the end of its own block.
 */
function $selectionSpansBlocks(): boolean {
  const places = $selectionPlaces();
  if (places === null || places.anchor.blockId === places.focus.blockId) return false;
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return true;
  const blocks = $articleBlocks();
  const at = (id: number) => blocks.findIndex((b) => b.getBlockId() === id);
  const [first, second] = at(places.anchor.blockId) < at(places.focus.blockId) ? [places.anchor, places.focus] : [places.focus, places.anchor];
  const firstIndex = at(first.blockId);
  if (second.offset !== 0 || at(second.blockId) !== firstIndex + 1) return true;
  const block = blocks[firstIndex]!;
  const end = { blockId: first.blockId, offset: block.getTextContentSize() };
  const isAnchorFirst = first === places.anchor;
  return !$selectPlaces(isAnchorFirst ? first : end, isAnchorFirst ? end : first);
}

/** True when a collapsed caret sits at the edge of its block that a deletion would cross. */
function $caretAtBlockEdge(backward: boolean): boolean {
  const selection = $getSelection();
  if (!$isRangeSelection(selection) || !selection.isCollapsed()) return false;
  const places = $selectionPlaces();
  if (!places) return false;
  const node = selection.focus.getNode();
  const block = $isArticleBlockNode(node) ? node : node.getParents().find($isArticleBlockNode);
  if (!block) return false;
  return backward ? places.focus.offset === 0 : places.focus.offset >= block.getTextContentSize();
}

export function registerBlocks(editor: LexicalEditor, keys: BlockKeys, options: BlocksOptions): () => void {
  const refuse = (reason: RefusalReason, event?: Event | null) => {
    event?.preventDefault();
    options.onRefused(reason);
    return true;
  };
  const refuseAcrossBlocks = (event?: Event | null) => ($selectionSpansBlocks() ? refuse('acrossBlocks', event) : false);
  const swallow = (event?: Event | null) => {
    event?.preventDefault();
    return true;
  };
  const deletion = (backward: boolean) => {
    if ($selectionSpansBlocks()) return refuse('acrossBlocks');
    // At a block's edge a deletion would join two blocks: do nothing (merging is the API's).
    return $caretAtBlockEdge(backward);
  };

  return mergeRegister(
    editor.registerMutationListener(ArticleBlockNode, (mutations, { updateTags, prevEditorState }) => {
      let structural = false;
      editor.getEditorState().read(() => {
        for (const [key, mutation] of mutations) {
          if (mutation === 'destroyed') {
            keys.deleteKey(key);
            structural = true;
          } else if (mutation === 'created') {
            const node = $getNodeByKey(key);
            if ($isArticleBlockNode(node)) keys.set(node.getBlockId(), key);
            structural = true;
          }
        }
      });
      // A structural change that did not come from the server (a path the guards below missed):
      // put the document back as it was.
      if (structural && !updateTags.has(SYNC_TAG) && !updateTags.has('registerMutationListener')) {
        queueMicrotask(() => editor.setEditorState(prevEditorState, { tag: SYNC_TAG }));
        options.onRefused('newBlock');
      }
    }),
    editor.registerMutationListener(ParagraphNode, (mutations, { updateTags, prevEditorState }) => {
      // Lexical inserts a plain paragraph when the document would otherwise be empty.
      const created = [...mutations.values()].includes('created');
      if (created && !updateTags.has(SYNC_TAG) && !updateTags.has('registerMutationListener')) {
        queueMicrotask(() => editor.setEditorState(prevEditorState, { tag: SYNC_TAG }));
      }
    }),
    editor.registerCommand(
      BEFORE_INPUT_COMMAND,
      (event) => (options.isBusy() ? refuse('busy', event) : false),
      COMMAND_PRIORITY_CRITICAL,
    ),
    editor.registerCommand(
      KEY_DOWN_COMMAND,
      (event) => {
        // Hold back typing while an operation runs; modifier chords (shortcuts) go through.
        if (!options.isBusy() || event.ctrlKey || event.metaKey || event.altKey || event.key.length > 1) return false;
        return refuse('busy', event);
      },
      COMMAND_PRIORITY_CRITICAL,
    ),
    editor.registerCommand(KEY_ENTER_COMMAND, (event) => refuse('newBlock', event), COMMAND_PRIORITY_CRITICAL),
    editor.registerCommand(INSERT_PARAGRAPH_COMMAND, () => refuse('newBlock'), COMMAND_PRIORITY_CRITICAL),
    editor.registerCommand(INSERT_LINE_BREAK_COMMAND, () => refuse('newBlock'), COMMAND_PRIORITY_CRITICAL),
    editor.registerCommand(DELETE_CHARACTER_COMMAND, deletion, COMMAND_PRIORITY_CRITICAL),
    editor.registerCommand(DELETE_WORD_COMMAND, deletion, COMMAND_PRIORITY_CRITICAL),
    editor.registerCommand(DELETE_LINE_COMMAND, deletion, COMMAND_PRIORITY_CRITICAL),
    editor.registerCommand(CONTROLLED_TEXT_INSERTION_COMMAND, (payload) => refuseAcrossBlocks(typeof payload === 'string' ? null : payload), COMMAND_PRIORITY_CRITICAL),
    editor.registerCommand(REMOVE_TEXT_COMMAND, (event) => refuseAcrossBlocks(event), COMMAND_PRIORITY_CRITICAL),
    editor.registerCommand(CUT_COMMAND, (event) => refuseAcrossBlocks(event), COMMAND_PRIORITY_CRITICAL),
    editor.registerCommand(DROP_COMMAND, (event) => swallow(event), COMMAND_PRIORITY_CRITICAL),
    editor.registerCommand(DRAGSTART_COMMAND, (event) => swallow(event), COMMAND_PRIORITY_CRITICAL),
    editor.registerCommand(
      PASTE_COMMAND,
      (event) => {
        if (options.isBusy()) return refuse('busy', event);
        if ($selectionSpansBlocks()) return refuse('acrossBlocks', event);
        const data = 'clipboardData' in event ? event.clipboardData : null;
        const text = data?.getData('text/plain') ?? '';
        event.preventDefault();
        const selection = $getSelection();
        if ($isRangeSelection(selection) && text !== '') selection.insertText(flattenPastedText(text));
        return true;
      },
      COMMAND_PRIORITY_CRITICAL,
    ),
    // Plain text only: no bold, alignment, indentation or tabs.
    editor.registerCommand(FORMAT_TEXT_COMMAND, () => true, COMMAND_PRIORITY_CRITICAL),
    editor.registerCommand(FORMAT_ELEMENT_COMMAND, () => true, COMMAND_PRIORITY_CRITICAL),
    editor.registerCommand(INDENT_CONTENT_COMMAND, () => true, COMMAND_PRIORITY_CRITICAL),
    editor.registerCommand(OUTDENT_CONTENT_COMMAND, () => true, COMMAND_PRIORITY_CRITICAL),
    editor.registerCommand(INSERT_TAB_COMMAND, () => true, COMMAND_PRIORITY_CRITICAL),
  );
}

/** Renames the gutter labels of every block (after a language change), without touching the document. */
export function relabelBlocks(editor: LexicalEditor, label: (cls: BlockClass) => string): void {
  setBlockClassLabels(label);
  const root = editor.getRootElement();
  if (!root) return;
  for (const element of root.querySelectorAll<HTMLElement>('.qg-block[data-cls]')) {
    element.dataset['label'] = label(element.dataset['cls'] as BlockClass);
  }
}
