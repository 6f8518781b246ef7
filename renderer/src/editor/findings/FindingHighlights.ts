import { $getNodeByKey, type LexicalEditor } from 'lexical';
import type { DefectKind } from '../../../../app/findings/types.js';
import { DEFECT_KIND_NAMES } from '../../lib/kinds.js';
import { findEdit, mapRange, type TextEdit } from '../../lib/offsets.js';
import type { BlockKeys } from '../blocks/registerBlocks.js';
import type { BlockPlace } from '../blocks/content.js';
import { SYNC_TAG } from '../blocks/tags.js';
import { dirtyBlockIds } from '../dirtyBlocks.js';

/*
 * Findings are underlined with the CSS Custom Highlight API: ranges over the editor's DOM,
 * painted by the browser, with no node in the document. Typing stays as fast as without findings
 * (the editor state never changes for them), a refresh of the findings never touches the editor
 * state, and an input method's composition is never disturbed.
 *
 * The findings' offsets refer to each block's text as the server had it when they were found
 * (`base`). While the editor types ahead of the next refresh, offsets are carried across the
 * edit (lib/offsets.ts); a finding the edit touched is hidden until the refresh.
 *
 * Only the blocks an update touched are recomputed, so a keystroke costs a few ranges at most.
 */

export interface HighlightFinding {
  id: number;
  kind: DefectKind;
  blockId: number;
  start: number;
  endBlockId: number;
  end: number;
}

/** The highlight names (one per kind, plus the finding under review) used in findings.css. */
export const highlightName = (kind: DefectKind) => `qg-finding-${kind}`;
export const ACTIVE_HIGHLIGHT = 'qg-finding-active';

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

export class FindingHighlights {
  private findings: HighlightFinding[] = [];
  private readonly byId = new Map<number, HighlightFinding>();
  private readonly byBlock = new Map<number, HighlightFinding[]>();
  private base: ReadonlyMap<number, string> = new Map();
  private activeId: number | null = null;
  private readonly ranges = new Map<number, Range>();
  private readonly kindHighlights = new Map<DefectKind, Highlight>();
  private activeHighlight: Highlight | null = null;
  private editor: LexicalEditor | null = null;
  private keys: BlockKeys | null = null;

  register(editor: LexicalEditor, keys: BlockKeys): () => void {
    this.editor = editor;
    this.keys = keys;
    if (supported()) {
      for (const kind of DEFECT_KIND_NAMES) {
        const highlight = new Highlight();
        this.kindHighlights.set(kind, highlight);
        CSS.highlights.set(highlightName(kind), highlight);
      }
      this.activeHighlight = new Highlight();
      this.activeHighlight.priority = 1;
      CSS.highlights.set(ACTIVE_HIGHLIGHT, this.activeHighlight);
    }
    this.recomputeAll();
    const unregister = editor.registerUpdateListener(({ editorState, prevEditorState, dirtyLeaves, dirtyElements, tags }) => {
      if (dirtyLeaves.size === 0 && dirtyElements.size === 0) return;
      // After a sync the blocks may be new nodes altogether: start over.
      if (tags.has(SYNC_TAG)) {
        this.recomputeAll();
        return;
      }
      for (const blockId of dirtyBlockIds(editorState, prevEditorState, dirtyLeaves, dirtyElements)) {
        this.recomputeBlock(blockId);
      }
    });
    return () => {
      unregister();
      if (supported()) {
        for (const kind of DEFECT_KIND_NAMES) CSS.highlights.delete(highlightName(kind));
        CSS.highlights.delete(ACTIVE_HIGHLIGHT);
      }
      this.kindHighlights.clear();
      this.activeHighlight = null;
      this.ranges.clear();
      this.editor = null;
    };
  }

  /** New findings from the server, with the block texts their offsets refer to. */
  setFindings(findings: readonly HighlightFinding[], base: ReadonlyMap<number, string>): void {
    this.findings = [...findings];
    this.base = base;
    this.byId.clear();
    this.byBlock.clear();
    for (const f of this.findings) {
      this.byId.set(f.id, f);
      for (const blockId of f.blockId === f.endBlockId ? [f.blockId] : [f.blockId, f.endBlockId]) {
        const list = this.byBlock.get(blockId);
        if (list) list.push(f);
        else this.byBlock.set(blockId, [f]);
      }
    }
    this.recomputeAll();
  }

  setActive(id: number | null): void {
    if (id === this.activeId) return;
    this.activeId = id;
    this.activeHighlight?.clear();
    const range = id === null ? undefined : this.ranges.get(id);
    if (range) this.activeHighlight?.add(range);
  }

  /** Where a finding is in the text as it is now, or null when an edit has overtaken it. */
  placesOf(id: number): { from: BlockPlace; to: BlockPlace } | null {
    const f = this.byId.get(id);
    if (!f || !this.editor) return null;
    const mapped = this.mapFinding(f, new Map());
    return mapped && { from: { blockId: f.blockId, offset: mapped[0] }, to: { blockId: f.endBlockId, offset: mapped[1] } };
  }

  /** The on-screen range of a finding (for scrolling it into view). */
  rangeOf(id: number): Range | null {
    return this.ranges.get(id) ?? null;
  }

  /** Whether a finding can still be shown where it was found (false while an edit overlaps it). */
  isPlaced(id: number): boolean {
    return this.ranges.has(id);
  }

  private currentText(blockId: number, cache: Map<number, string | null>): string | null {
    const cached = cache.get(blockId);
    if (cached !== undefined) return cached;
    const key = this.keys?.keyOf(blockId);
    let text: string | null = null;
    if (key !== undefined && this.editor) {
      text = this.editor.getEditorState().read(() => $getNodeByKey(key)?.getTextContent() ?? null);
    }
    cache.set(blockId, text);
    return text;
  }

  private editOf(blockId: number, cache: Map<number, string | null>): TextEdit | null | undefined {
    const now = this.currentText(blockId, cache);
    const then = this.base.get(blockId);
    if (now === null || then === undefined) return undefined;
    return findEdit(then, now);
  }

  /** [start, end] of a finding in the current text, or null when it has no place there now. */
  private mapFinding(f: HighlightFinding, cache: Map<number, string | null>): [number, number] | null {
    const startEdit = this.editOf(f.blockId, cache);
    if (startEdit === undefined) return null;
    if (f.blockId === f.endBlockId) return mapRange(f.start, f.end, startEdit);
    const endEdit = this.editOf(f.endBlockId, cache);
    if (endEdit === undefined) return null;
    const startText = this.currentText(f.blockId, cache) ?? '';
    const head = mapRange(f.start, this.base.get(f.blockId)?.length ?? f.start, startEdit);
    const tail = mapRange(0, f.end, endEdit);
    if (!head || !tail) return null;
    return [Math.min(head[0], startText.length), tail[1]];
  }

  private removeRange(id: number): void {
    const range = this.ranges.get(id);
    if (!range) return;
    const f = this.byId.get(id);
    if (f) this.kindHighlights.get(f.kind)?.delete(range);
    this.activeHighlight?.delete(range);
    this.ranges.delete(id);
  }

  private placeFinding(f: HighlightFinding, cache: Map<number, string | null>): void {
    this.removeRange(f.id);
    const editor = this.editor;
    const keys = this.keys;
    if (!editor || !keys) return;
    const mapped = this.mapFinding(f, cache);
    if (!mapped) return;
    let [start, end] = mapped;
    const startKey = keys.keyOf(f.blockId);
    const endKey = keys.keyOf(f.endBlockId);
    const startElement = startKey === undefined ? null : editor.getElementByKey(startKey);
    const endElement = endKey === undefined ? null : editor.getElementByKey(endKey);
    if (!startElement || !endElement) return;
    if (f.blockId === f.endBlockId && start === end) {
      // A finding at a point (a missing break, say): underline the character beside it.
      const length = this.currentText(f.blockId, cache)?.length ?? 0;
      if (end < length) end++;
      else if (start > 0) start--;
    }
    const range = document.createRange();
    const [startNode, startOffset] = domPoint(startElement, start);
    const [endNode, endOffset] = domPoint(endElement, end);
    try {
      range.setStart(startNode, startOffset);
      range.setEnd(endNode, endOffset);
    } catch {
      return; // the DOM is mid-change; the next update places it
    }
    this.ranges.set(f.id, range);
    this.kindHighlights.get(f.kind)?.add(range);
    if (f.id === this.activeId) this.activeHighlight?.add(range);
  }

  private recomputeBlock(blockId: number): void {
    const list = this.byBlock.get(blockId);
    if (!list) return;
    const cache = new Map<number, string | null>();
    for (const f of list) this.placeFinding(f, cache);
  }

  private recomputeAll(): void {
    for (const h of this.kindHighlights.values()) h.clear();
    this.activeHighlight?.clear();
    this.ranges.clear();
    if (!this.editor) return;
    const cache = new Map<number, string | null>();
    for (const f of this.findings) this.placeFinding(f, cache);
  }
}
