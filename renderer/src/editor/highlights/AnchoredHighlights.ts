import { $getNodeByKey, $getRoot, type EditorState, type LexicalEditor } from 'lexical';
import { findEdit, mapRange, type TextEdit } from '../../lib/offsets.js';
import type { BlockPlace } from '../blocks/content.js';
import type { BlockKeys } from '../blocks/registerBlocks.js';
import { SYNC_TAG } from '../blocks/tags.js';
import { dirtyBlockIds } from '../dirtyBlocks.js';

/*
 * What finding underlines and annotation tints share: items anchored by (block, offset) pairs in
 * the text the server had (`base`), painted as ranges over the editor's DOM with the CSS Custom
 * Highlight API. The editor state never changes for them, so typing stays as fast as without.
 *
 * While the editor types ahead of the next refresh, offsets are carried across the edit
 * (lib/offsets.ts); an item the edit touched has no place (is not painted) until the refresh.
 * Only the blocks an update touched are placed again, so a keystroke costs a few ranges at most;
 * a whole pass (new items, a sync) reads the editor state once and each block's text and DOM once.
 * When an article opens, the items of its first screenful of blocks are placed before the first
 * paint and the others right after it (blocks far down are neither laid out nor painted then:
 * their ranges would only delay the text); anything that asks about a range places them first.
 */

/** Blocks from the top of a freshly opened article whose items are placed before its first paint. */
const FIRST_SCREEN_BLOCKS = 40;

/** Where an item is: from (blockId, start) to (endBlockId, end), offsets into `base`. */
export interface Anchored {
  blockId: number;
  start: number;
  endBlockId: number;
  end: number;
}

export interface HighlightLayer {
  /** The name used in CSS (`::highlight(name)`). */
  name: string;
  priority?: number;
}

export interface AnchoredHighlightsOptions<T extends Anchored, K> {
  /** One highlight per layer; every item paints in one of them. */
  layers: readonly HighlightLayer[];
  /** The highlight of the item under review (painted over its layer). */
  active: HighlightLayer;
  keyOf(item: T): K;
  layerOf(item: T): string;
  /**
   * The span to paint for an item placed at [start, end] of the current text (of the start block,
   * whose length `length` gives), or null to paint nothing.
   */
  span(item: T, start: number, end: number, length: () => number): [number, number] | null;
}

export const highlightsSupported = (): boolean => typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight !== 'undefined';

/** One pass's view of a block: its text now, the edit from `base`, its element and text nodes. */
interface BlockNow {
  text: string | null;
  edit: TextEdit | null | undefined;
  element: HTMLElement | null;
  texts: Text[] | null;
}

/** The DOM position of a character offset among a block's text nodes (in order). */
function domPoint(element: HTMLElement, texts: readonly Text[], offset: number): [Node, number] {
  let remaining = offset;
  for (const node of texts) {
    if (remaining <= node.data.length) return [node, remaining];
    remaining -= node.data.length;
  }
  const last = texts.at(-1);
  return last ? [last, last.data.length] : [element, 0];
}

function textNodesOf(element: HTMLElement): Text[] {
  // The common case, a block of one text run (<p><span>text</span></p>), without a tree walker.
  let only = element.firstChild;
  while (only && only === only.parentNode?.lastChild && only.firstChild) only = only.firstChild;
  if (only && only === only.parentNode?.lastChild && only.nodeType === Node.TEXT_NODE) return [only as Text];
  const out: Text[] = [];
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) out.push(node as Text);
  return out;
}

export class AnchoredHighlights<T extends Anchored, K> {
  private items: T[] = [];
  private readonly byKey = new Map<K, T>();
  private readonly byBlock = new Map<number, T[]>();
  private base: ReadonlyMap<number, string> = new Map();
  private activeKey: K | null = null;
  private readonly ranges = new Map<K, Range>();
  private readonly highlights = new Map<string, Highlight>();
  private activeHighlight: Highlight | null = null;
  private editor: LexicalEditor | null = null;
  private keys: BlockKeys | null = null;
  /** True until the first pass with items after register(): the article has just opened. */
  private opening = false;
  /** Items whose placement waits for the first paint, and the wait's cancel. */
  private later: T[] = [];
  private cancelLater: (() => void) | null = null;

  constructor(private readonly options: AnchoredHighlightsOptions<T, K>) {}

  register(editor: LexicalEditor, keys: BlockKeys): () => void {
    this.editor = editor;
    this.keys = keys;
    const { layers, active } = this.options;
    if (highlightsSupported()) {
      for (const layer of layers) {
        const highlight = new Highlight();
        if (layer.priority !== undefined) highlight.priority = layer.priority;
        this.highlights.set(layer.name, highlight);
        CSS.highlights.set(layer.name, highlight);
      }
      this.activeHighlight = new Highlight();
      if (active.priority !== undefined) this.activeHighlight.priority = active.priority;
      CSS.highlights.set(active.name, this.activeHighlight);
    }
    this.opening = true;
    this.placeAll();
    const unregister = editor.registerUpdateListener(({ editorState, prevEditorState, dirtyLeaves, dirtyElements, tags }) => {
      if (dirtyLeaves.size === 0 && dirtyElements.size === 0) return;
      // After a sync the blocks may be new nodes altogether: start over.
      if (tags.has(SYNC_TAG)) {
        this.placeAll();
        return;
      }
      const blockIds = dirtyBlockIds(editorState, prevEditorState, dirtyLeaves, dirtyElements);
      if (blockIds.size > 0) this.placeBlocks(blockIds, editorState);
    });
    return () => {
      unregister();
      this.dropLater();
      if (highlightsSupported()) {
        for (const layer of layers) CSS.highlights.delete(layer.name);
        CSS.highlights.delete(active.name);
      }
      this.highlights.clear();
      this.activeHighlight = null;
      this.ranges.clear();
      this.editor = null;
    };
  }

  /** New items from the server, with the block texts their offsets refer to. */
  setItems(items: readonly T[], base: ReadonlyMap<number, string>): void {
    this.items = [...items];
    this.base = base;
    this.byKey.clear();
    this.byBlock.clear();
    for (const item of this.items) {
      this.byKey.set(this.options.keyOf(item), item);
      this.index(item.blockId, item);
      if (item.endBlockId !== item.blockId) this.index(item.endBlockId, item);
    }
    this.placeAll();
  }

  setActive(key: K | null): void {
    if (key === this.activeKey) return;
    this.placeLater();
    this.activeKey = key;
    this.activeHighlight?.clear();
    const range = key === null ? undefined : this.ranges.get(key);
    if (range) this.activeHighlight?.add(range);
  }

  /** Where an item is in the text as it is now, or null when an edit has overtaken it. */
  placesOf(key: K): { from: BlockPlace; to: BlockPlace } | null {
    const item = this.byKey.get(key);
    const editor = this.editor;
    if (!item || !editor) return null;
    const mapped = editor.getEditorState().read(() => this.mapItem(item, new Map()));
    return mapped && { from: { blockId: item.blockId, offset: mapped[0] }, to: { blockId: item.endBlockId, offset: mapped[1] } };
  }

  /** The on-screen range of an item (for scrolling it into view). */
  rangeOf(key: K): Range | null {
    this.placeLater();
    return this.ranges.get(key) ?? null;
  }

  /** Whether an item is painted now (false while an edit overlaps it, or it has no place). */
  isPlaced(key: K): boolean {
    this.placeLater();
    return this.ranges.has(key);
  }

  /** How many ranges the highlight of this name paints now. */
  paintedIn(name: string): number {
    this.placeLater();
    let n = 0;
    for (const key of this.ranges.keys()) {
      const item = this.byKey.get(key);
      if (item && this.options.layerOf(item) === name) n++;
    }
    return n;
  }

  private index(blockId: number, item: T): void {
    const list = this.byBlock.get(blockId);
    if (list) list.push(item);
    else this.byBlock.set(blockId, [item]);
  }

  /** A block as it is now (in an editor-state read), looked up once per pass. */
  private blockNow(blockId: number, pass: Map<number, BlockNow>): BlockNow {
    let now = pass.get(blockId);
    if (now) return now;
    const key = this.keys?.keyOf(blockId);
    const text = key === undefined ? null : ($getNodeByKey(key)?.getTextContent() ?? null);
    const then = this.base.get(blockId);
    now = {
      text,
      edit: text === null || then === undefined ? undefined : findEdit(then, text),
      element: key === undefined || !this.editor ? null : this.editor.getElementByKey(key),
      texts: null,
    };
    pass.set(blockId, now);
    return now;
  }

  /** [start, end] of an item in the current text, or null when it has no place there now. */
  private mapItem(item: T, pass: Map<number, BlockNow>): [number, number] | null {
    const first = this.blockNow(item.blockId, pass);
    if (first.edit === undefined) return null;
    if (item.blockId === item.endBlockId) return mapRange(item.start, item.end, first.edit);
    const last = this.blockNow(item.endBlockId, pass);
    if (last.edit === undefined) return null;
    const head = mapRange(item.start, this.base.get(item.blockId)?.length ?? item.start, first.edit);
    const tail = mapRange(0, item.end, last.edit);
    if (!head || !tail) return null;
    return [Math.min(head[0], first.text?.length ?? 0), tail[1]];
  }

  private removeRange(key: K, item: T): void {
    const range = this.ranges.get(key);
    if (!range) return;
    this.highlights.get(this.options.layerOf(item))?.delete(range);
    this.activeHighlight?.delete(range);
    this.ranges.delete(key);
  }

  private place(item: T, pass: Map<number, BlockNow>): void {
    const key = this.options.keyOf(item);
    this.removeRange(key, item);
    const mapped = this.mapItem(item, pass);
    if (!mapped) return;
    const first = this.blockNow(item.blockId, pass);
    const span = this.options.span(item, mapped[0], mapped[1], () => first.text?.length ?? 0);
    if (!span) return;
    const last = item.endBlockId === item.blockId ? first : this.blockNow(item.endBlockId, pass);
    if (!first.element || !last.element) return;
    first.texts ??= textNodesOf(first.element);
    last.texts ??= textNodesOf(last.element);
    const range = document.createRange();
    const [startNode, startOffset] = domPoint(first.element, first.texts, span[0]);
    const [endNode, endOffset] = domPoint(last.element, last.texts, span[1]);
    try {
      range.setStart(startNode, startOffset);
      range.setEnd(endNode, endOffset);
    } catch {
      return; // the DOM is mid-change; the next update places it
    }
    this.ranges.set(key, range);
    this.highlights.get(this.options.layerOf(item))?.add(range);
    if (key === this.activeKey) this.activeHighlight?.add(range);
  }

  private placeBlocks(blockIds: Iterable<number>, editorState: EditorState): void {
    const pass = new Map<number, BlockNow>();
    editorState.read(() => {
      for (const blockId of blockIds) for (const item of this.byBlock.get(blockId) ?? []) this.place(item, pass);
    });
  }

  private placeAll(): void {
    this.dropLater();
    for (const h of this.highlights.values()) h.clear();
    this.activeHighlight?.clear();
    this.ranges.clear();
    const editor = this.editor;
    if (!editor || this.items.length === 0) return;
    const opening = this.opening;
    this.opening = false;
    const pass = new Map<number, BlockNow>();
    editor.getEditorState().read(() => {
      const firstScreen = opening ? this.firstBlocks(FIRST_SCREEN_BLOCKS) : null;
      for (const item of this.items) {
        if (!firstScreen || firstScreen.has(item.blockId)) this.place(item, pass);
        else this.later.push(item);
      }
    });
    if (this.later.length > 0) {
      // After the next frame is painted (a task posted from its animation frame runs after it).
      let timer: ReturnType<typeof setTimeout> | undefined;
      const frame = requestAnimationFrame(() => (timer = setTimeout(() => this.placeLater(), 0)));
      this.cancelLater = () => {
        cancelAnimationFrame(frame);
        clearTimeout(timer);
      };
    }
  }

  /** The ids of the document's first blocks (in an editor-state read). */
  private firstBlocks(count: number): Set<number> {
    const ids = new Set<number>();
    for (const node of $getRoot().getChildren().slice(0, count)) {
      const id = this.keys?.idOf(node.getKey());
      if (id !== undefined) ids.add(id);
    }
    return ids;
  }

  /** Places the items left for after the first paint, now. */
  private placeLater(): void {
    const items = this.later;
    const editor = this.editor;
    this.dropLater();
    if (items.length === 0 || !editor) return;
    const pass = new Map<number, BlockNow>();
    editor.getEditorState().read(() => {
      for (const item of items) this.place(item, pass);
    });
  }

  private dropLater(): void {
    this.cancelLater?.();
    this.cancelLater = null;
    this.later = [];
  }
}
