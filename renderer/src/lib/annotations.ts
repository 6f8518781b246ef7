import type { Anchor } from '../../../app/annotations/anchors.js';
import type { Comment } from '../../../app/annotations/comments.js';
import type { SpanTag } from '../../../app/tags/spans.js';

/*
 * Comments and span tags as the article panel lists them, and a selection as the range the API
 * takes. Plain functions over plain data, tested without a browser.
 */

/** A place in the article: a block and a UTF-16 offset in its text (as editor/blocks has it). */
export interface BlockPlace {
  blockId: number;
  offset: number;
}

export type AnnotationLayer = 'span' | 'comment' | 'comment-resolved';

/** An annotation as the editor paints it (editor/annotations). */
export interface HighlightAnnotation {
  /** Unique across layers: "span:12", "comment:5". */
  key: string;
  layer: AnnotationLayer;
  blockId: number;
  start: number;
  endBlockId: number;
  end: number;
}

/**
 * A selection (anchor and focus, in either direction) as a range from its first to its last
 * character; null when it is collapsed or a block is unknown.
 */
export function rangeOfSelection(
  anchor: BlockPlace,
  focus: BlockPlace,
  blockOrder: ReadonlyMap<number, number>,
): { blockId: number; start: number; endBlockId: number; end: number } | null {
  const a = blockOrder.get(anchor.blockId);
  const f = blockOrder.get(focus.blockId);
  if (a === undefined || f === undefined) return null;
  const forward = a < f || (a === f && anchor.offset <= focus.offset);
  const from = forward ? anchor : focus;
  const to = forward ? focus : anchor;
  if (from.blockId === to.blockId && from.offset === to.offset) return null;
  return { blockId: from.blockId, start: from.offset, endBlockId: to.blockId, end: to.offset };
}

/** The text a range covers, blocks joined with "\n" (as the server quotes it). */
export function textOfRange(
  range: { blockId: number; start: number; endBlockId: number; end: number },
  blocks: readonly { id: number; text: string }[],
): string {
  const i = blocks.findIndex((b) => b.id === range.blockId);
  const j = blocks.findIndex((b) => b.id === range.endBlockId);
  if (i === -1 || j === -1 || j < i) return '';
  if (i === j) return blocks[i]!.text.slice(range.start, range.end);
  return [blocks[i]!.text.slice(range.start), ...blocks.slice(i + 1, j).map((b) => b.text), blocks[j]!.text.slice(0, range.end)].join('\n');
}

/** Reading order of anchors: block order, then offset; ties by id. */
export function compareAnchors(a: Anchor, b: Anchor, blockOrder: ReadonlyMap<number, number>): number {
  const ba = blockOrder.get(a.blockId) ?? Number.MAX_SAFE_INTEGER;
  const bb = blockOrder.get(b.blockId) ?? Number.MAX_SAFE_INTEGER;
  return ba - bb || a.start - b.start || a.id - b.id;
}

/** Attached items in reading order, and detached ones apart (they are kept, never dropped). */
export function groupByAttachment<T extends { id: number; anchor: Anchor }>(
  items: readonly T[],
  blockOrder: ReadonlyMap<number, number>,
): { attached: T[]; detached: T[] } {
  const attached: T[] = [];
  const detached: T[] = [];
  for (const item of items) (item.anchor.detached ? detached : attached).push(item);
  attached.sort((a, b) => compareAnchors(a.anchor, b.anchor, blockOrder));
  detached.sort((a, b) => a.id - b.id);
  return { attached, detached };
}

/** The quote for a list, shortened in the middle of nothing: first characters and an ellipsis. */
export function shortQuote(text: string, max = 40): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

/** The keys the editor paints annotations under ("span:<id>", "comment:<id>"). */
export const spanKey = (id: number) => `span:${id}`;
export const commentKey = (id: number) => `comment:${id}`;

/** What the editor paints: attached span tags and comments (resolved ones fainter). */
export function annotationsToPaint(spans: readonly SpanTag[], comments: readonly Comment[]): HighlightAnnotation[] {
  const out: HighlightAnnotation[] = [];
  for (const s of spans) {
    if (s.anchor.detached) continue;
    out.push({ key: spanKey(s.id), layer: 'span', blockId: s.anchor.blockId, start: s.anchor.start, endBlockId: s.anchor.endBlockId, end: s.anchor.end });
  }
  for (const c of comments) {
    if (c.anchor.detached) continue;
    out.push({
      key: commentKey(c.id),
      layer: c.state === 'open' ? 'comment' : 'comment-resolved',
      blockId: c.anchor.blockId,
      start: c.anchor.start,
      endBlockId: c.anchor.endBlockId,
      end: c.anchor.end,
    });
  }
  return out;
}
