import { $getNodeByKey, type LexicalEditor } from 'lexical';
import type { AnnotationLayer, HighlightAnnotation } from '../../lib/annotations.js';
import { findEdit, mapRange, type TextEdit } from '../../lib/offsets.js';
import type { BlockKeys } from '../blocks/registerBlocks.js';
import type { BlockPlace } from '../blocks/content.js';
import { SYNC_TAG } from '../blocks/tags.js';
import { dirtyBlockIds } from '../dirtyBlocks.js';

/*
 * Span tags and comment ranges, painted like findings with the CSS Custom Highlight API: the
 * annotations stay ids and rows in the store (anchors: block id + offsets into the text the
 * server has), and the editor state never changes for them, so typing stays as fast as without.
 *
 * The anchors' offsets refer to each block's text when they were fetched (`base`); while the
 * editor types ahead of the next refresh (after the next save), offsets are carried across the
 * edit (lib/offsets.ts) and an annotation the edit touched is hidden until the server has
 * re-anchored it. Detached anchors are never painted (the panel lists them apart).
 */

export type { AnnotationLayer, HighlightAnnotation };

export const ANNOTATION_LAYERS: readonly AnnotationLayer[] = ['span', 'comment', 'comment-resolved'];
export const annotationHighlightName = (layer: AnnotationLayer) => `qg-annotation-${layer}`;
export const ACTIVE_ANNOTATION_HIGHLIGHT = 'qg-annotation-active';

const supported = () => typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight !== 'undefined';

/** The DOM position of a character offset in a block element (its text nodes, in order). */
function domPoint(element: HTMLElement, offset: number): [Node, number] {
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  let remaining = offset;
  let last: Text | null = null;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    if (remaining <= node.data.length) return [node, remaining];
    remaining -= node.data.length;
    last = node;
  }
  return last ? [last, last.data.length] : [element, 0];
}

export class AnnotationHighlights {
  private items: HighlightAnnotation[] = [];
  private readonly byKey = new Map<string, HighlightAnnotation>();
  private readonly byBlock = new Map<number, HighlightAnnotation[]>();
  private base: ReadonlyMap<number, string> = new Map();
  private activeKey: string | null = null;
  private readonly ranges = new Map<string, Range>();
  private readonly layers = new Map<AnnotationLayer, Highlight>();
  private activeHighlight: Highlight | null = null;
  private editor: LexicalEditor | null = null;
  private keys: BlockKeys | null = null;

  register(editor: LexicalEditor, keys: BlockKeys): () => void {
    this.editor = editor;
    this.keys = keys;
    if (supported()) {
      for (const layer of ANNOTATION_LAYERS) {
        const highlight = new Highlight();
        // Under the findings' underlines: a tint, not a mark that competes with them.
        highlight.priority = -1;
        this.layers.set(layer, highlight);
        CSS.highlights.set(annotationHighlightName(layer), highlight);
      }
      this.activeHighlight = new Highlight();
      this.activeHighlight.priority = 2;
      CSS.highlights.set(ACTIVE_ANNOTATION_HIGHLIGHT, this.activeHighlight);
    }
    this.recomputeAll();
    const unregister = editor.registerUpdateListener(({ editorState, prevEditorState, dirtyLeaves, dirtyElements, tags }) => {
      if (dirtyLeaves.size === 0 && dirtyElements.size === 0) return;
      if (tags.has(SYNC_TAG)) {
        this.recomputeAll();
        return;
      }
      for (const blockId of dirtyBlockIds(editorState, prevEditorState, dirtyLeaves, dirtyElements)) this.recomputeBlock(blockId);
    });
    return () => {
      unregister();
      if (supported()) {
        for (const layer of ANNOTATION_LAYERS) CSS.highlights.delete(annotationHighlightName(layer));
        CSS.highlights.delete(ACTIVE_ANNOTATION_HIGHLIGHT);
      }
      this.layers.clear();
      this.activeHighlight = null;
      this.ranges.clear();
      this.editor = null;
    };
  }

  /** New annotations from the server, with the block texts their offsets refer to. */
  setAnnotations(items: readonly HighlightAnnotation[], base: ReadonlyMap<number, string>): void {
    this.items = [...items];
    this.base = base;
    this.byKey.clear();
    this.byBlock.clear();
    for (const item of this.items) {
      this.byKey.set(item.key, item);
      for (const blockId of item.blockId === item.endBlockId ? [item.blockId] : [item.blockId, item.endBlockId]) {
        const list = this.byBlock.get(blockId);
        if (list) list.push(item);
        else this.byBlock.set(blockId, [item]);
      }
    }
    this.recomputeAll();
  }

  setActive(key: string | null): void {
    if (key === this.activeKey) return;
    this.activeKey = key;
    this.activeHighlight?.clear();
    const range = key === null ? undefined : this.ranges.get(key);
    if (range) this.activeHighlight?.add(range);
  }

  /** Where an annotation is in the text as it is now, or null when an edit has overtaken it. */
  placesOf(key: string): { from: BlockPlace; to: BlockPlace } | null {
    const item = this.byKey.get(key);
    if (!item || !this.editor) return null;
    const mapped = this.mapItem(item, new Map());
    return mapped && { from: { blockId: item.blockId, offset: mapped[0] }, to: { blockId: item.endBlockId, offset: mapped[1] } };
  }

  rangeOf(key: string): Range | null {
    return this.ranges.get(key) ?? null;
  }

  /** How many ranges each layer paints now (tests and the panel's counts). */
  paintedCount(layer: AnnotationLayer): number {
    let n = 0;
    for (const [key] of this.ranges) if (this.byKey.get(key)?.layer === layer) n++;
    return n;
  }

  private currentText(blockId: number, cache: Map<number, string | null>): string | null {
    const cached = cache.get(blockId);
    if (cached !== undefined) return cached;
    const key = this.keys?.keyOf(blockId);
    let text: string | null = null;
    if (key !== undefined && this.editor) text = this.editor.getEditorState().read(() => $getNodeByKey(key)?.getTextContent() ?? null);
    cache.set(blockId, text);
    return text;
  }

  private editOf(blockId: number, cache: Map<number, string | null>): TextEdit | null | undefined {
    const now = this.currentText(blockId, cache);
    const then = this.base.get(blockId);
    if (now === null || then === undefined) return undefined;
    return findEdit(then, now);
  }

  private mapItem(item: HighlightAnnotation, cache: Map<number, string | null>): [number, number] | null {
    const startEdit = this.editOf(item.blockId, cache);
    if (startEdit === undefined) return null;
    if (item.blockId === item.endBlockId) return mapRange(item.start, item.end, startEdit);
    const endEdit = this.editOf(item.endBlockId, cache);
    if (endEdit === undefined) return null;
    const startText = this.currentText(item.blockId, cache) ?? '';
    const head = mapRange(item.start, this.base.get(item.blockId)?.length ?? item.start, startEdit);
    const tail = mapRange(0, item.end, endEdit);
    if (!head || !tail) return null;
    return [Math.min(head[0], startText.length), tail[1]];
  }

  private removeRange(key: string): void {
    const range = this.ranges.get(key);
    if (!range) return;
    const item = this.byKey.get(key);
    if (item) this.layers.get(item.layer)?.delete(range);
    this.activeHighlight?.delete(range);
    this.ranges.delete(key);
  }

  private place(item: HighlightAnnotation, cache: Map<number, string | null>): void {
    this.removeRange(item.key);
    const editor = this.editor;
    const keys = this.keys;
    if (!editor || !keys) return;
    const mapped = this.mapItem(item, cache);
    if (!mapped) return;
    const [start, end] = mapped;
    if (item.blockId === item.endBlockId && start >= end) return;
    const startKey = keys.keyOf(item.blockId);
    const endKey = keys.keyOf(item.endBlockId);
    const startElement = startKey === undefined ? null : editor.getElementByKey(startKey);
    const endElement = endKey === undefined ? null : editor.getElementByKey(endKey);
    if (!startElement || !endElement) return;
    const range = document.createRange();
    const [startNode, startOffset] = domPoint(startElement, start);
    const [endNode, endOffset] = domPoint(endElement, end);
    try {
      range.setStart(startNode, startOffset);
      range.setEnd(endNode, endOffset);
    } catch {
      return; // the DOM is mid-change; the next update places it
    }
    this.ranges.set(item.key, range);
    this.layers.get(item.layer)?.add(range);
    if (item.key === this.activeKey) this.activeHighlight?.add(range);
  }

  private recomputeBlock(blockId: number): void {
    const list = this.byBlock.get(blockId);
    if (!list) return;
    const cache = new Map<number, string | null>();
    for (const item of list) this.place(item, cache);
  }

  private recomputeAll(): void {
    for (const h of this.layers.values()) h.clear();
    this.activeHighlight?.clear();
    this.ranges.clear();
    if (!this.editor) return;
    const cache = new Map<number, string | null>();
    for (const item of this.items) this.place(item, cache);
  }
}
