import {
  $createRangeSelection,
  $createTextNode,
  $getRoot,
  $getSelection,
  $isRangeSelection,
  $isTextNode,
  $setSelection,
  type LexicalNode,
  type PointType,
} from 'lexical';
import type { BlockClass } from '../../../../app/segment/types.js';
import { $createArticleBlockNode, $isArticleBlockNode, type ArticleBlockNode } from './ArticleBlockNode.js';

/*
 * The article's blocks into and out of the editor: build the whole document, bring it in step
 * with the server after an operation (patching in place when the blocks are the same ones, so the
 * caret stays put), and translate between (block, offset) and Lexical points.
 */

export interface BlockContent {
  id: number;
  cls: BlockClass;
  text: string;
}

/** A place in the article: a block and a UTF-16 offset in its text. */
export interface BlockPlace {
  blockId: number;
  offset: number;
}

export function $buildArticle(blocks: readonly BlockContent[]): void {
  const root = $getRoot();
  root.clear();
  const nodes: LexicalNode[] = [];
  for (const block of blocks) {
    const node = $createArticleBlockNode(block.id, block.cls);
    if (block.text !== '') node.append($createTextNode(block.text));
    nodes.push(node);
  }
  root.append(...nodes);
}

export function $articleBlocks(): ArticleBlockNode[] {
  return $getRoot().getChildren().filter($isArticleBlockNode);
}

function $setBlockText(node: ArticleBlockNode, text: string): void {
  const children = node.getChildren();
  const only = children[0];
  if (children.length === 1 && $isTextNode(only) && text !== '') {
    only.setTextContent(text);
    return;
  }
  node.clear();
  if (text !== '') node.append($createTextNode(text));
}

/** Where a point of the selection is, as (block, offset). */
function $placeOfPoint(point: PointType): BlockPlace | null {
  const node = point.getNode();
  const block = $isArticleBlockNode(node) ? node : node.getParents().find($isArticleBlockNode);
  if (!block) return null;
  if ($isArticleBlockNode(node)) {
    // An element point: offset counts children; convert to characters.
    let offset = 0;
    node.getChildren().slice(0, point.offset).forEach((c) => (offset += c.getTextContentSize()));
    return { blockId: block.getBlockId(), offset };
  }
  let offset = point.offset;
  for (let sibling = node.getPreviousSibling(); sibling; sibling = sibling.getPreviousSibling()) {
    offset += sibling.getTextContentSize();
  }
  return { blockId: block.getBlockId(), offset };
}

/** The caret (the selection's focus) as (block, offset), or null when the editor has no selection. */
export function $caretPlace(): BlockPlace | null {
  const selection = $getSelection();
  return $isRangeSelection(selection) ? $placeOfPoint(selection.focus) : null;
}

/** Both ends of the selection, in document order. */
export function $selectionPlaces(): { anchor: BlockPlace; focus: BlockPlace } | null {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return null;
  const anchor = $placeOfPoint(selection.anchor);
  const focus = $placeOfPoint(selection.focus);
  return anchor && focus ? { anchor, focus } : null;
}

/** Sets a selection point at a character offset of a block (clamped to its text). */
function $setPoint(point: PointType, block: ArticleBlockNode, offset: number): void {
  let remaining = Math.max(0, offset);
  const children = block.getChildren();
  for (const child of children) {
    const size = child.getTextContentSize();
    if ($isTextNode(child) && remaining <= size) {
      point.set(child.getKey(), remaining, 'text');
      return;
    }
    remaining -= size;
  }
  const last = children.at(-1);
  if ($isTextNode(last)) point.set(last.getKey(), last.getTextContentSize(), 'text');
  else point.set(block.getKey(), children.length, 'element');
}

export function $blockById(blockId: number): ArticleBlockNode | null {
  return $articleBlocks().find((b) => b.getBlockId() === blockId) ?? null;
}

/** Selects from one place to another (a collapsed caret when they are equal). */
export function $selectPlaces(from: BlockPlace, to: BlockPlace, findBlock = $blockById): boolean {
  const start = findBlock(from.blockId);
  const end = findBlock(to.blockId);
  if (!start || !end) return false;
  const selection = $createRangeSelection();
  $setPoint(selection.anchor, start, from.offset);
  $setPoint(selection.focus, end, to.offset);
  $setSelection(selection);
  return true;
}

/**
 * Brings the document in step with the server's blocks. The same blocks in the same order are
 * patched in place (text, class); anything else rebuilds the document, keeping the caret in its
 * block when that block is still there.
 */
export function $syncArticle(blocks: readonly BlockContent[]): 'patched' | 'rebuilt' {
  const current = $articleBlocks();
  const caret = $caretPlace();
  const sameBlocks =
    current.length === blocks.length && current.every((node, i) => node.getBlockId() === blocks[i]!.id);
  if (sameBlocks) {
    current.forEach((node, i) => {
      const block = blocks[i]!;
      if (node.getBlockClass() !== block.cls) node.setBlockClass(block.cls);
      if (node.getTextContent() !== block.text) $setBlockText(node, block.text);
    });
  } else {
    $buildArticle(blocks);
  }
  if (caret) {
    const block = blocks.find((b) => b.id === caret.blockId);
    if (block) {
      const offset = Math.min(caret.offset, block.text.length);
      $selectPlaces({ blockId: block.id, offset }, { blockId: block.id, offset });
    } else {
      $setSelection(null);
    }
  }
  return sameBlocks ? 'patched' : 'rebuilt';
}
