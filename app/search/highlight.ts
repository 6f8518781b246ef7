import type { BlockClass } from '../segment/types.js';
import { tokenize } from './fold.js';
import type { QueryTerm } from './query.js';

/*
 * FTS5's own snippet() would return the folded tokens. Instead the hit's current blocks are
 * tokenised again here and the query's token sequences found in them, so every mark is a span of
 * the real text (UTF-16 offsets into the block's current text, as the editor and findings use),
 * traditional characters and full-width letters included.
 */

export interface Mark {
  start: number;
  end: number;
}

export interface Snippet {
  blockId: number;
  cls: BlockClass;
  /** Where the snippet's text starts in the block's current text. */
  start: number;
  text: string;
  /** Offsets into the block's current text (not into `text`). */
  marks: Mark[];
  /** Whether the block's text goes on before / after the snippet. */
  clippedStart: boolean;
  clippedEnd: boolean;
}

export interface HighlightBlock {
  id: number;
  cls: BlockClass;
  text: string;
}

/** Every occurrence of the terms in a text, overlapping marks merged, in order. */
export function findMarks(text: string, terms: readonly QueryTerm[]): Mark[] {
  if (terms.length === 0) return [];
  const tokens = tokenize(text);
  const marks: Mark[] = [];
  for (const term of terms) {
    const want = term.tokens.map((t) => t.text);
    for (let i = 0; i + want.length <= tokens.length; i++) {
      let ok = true;
      for (let j = 0; j < want.length && ok; j++) ok = tokens[i + j]!.text === want[j];
      if (ok) marks.push({ start: tokens[i]!.start, end: tokens[i + want.length - 1]!.end });
    }
  }
  marks.sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: Mark[] = [];
  for (const m of marks) {
    const last = merged.at(-1);
    if (last && m.start <= last.end) last.end = Math.max(last.end, m.end);
    else merged.push({ ...m });
  }
  return merged;
}

/** Where an article's text begins, for the snippet of a hit without marks. */
const TEXT_CLASSES: ReadonlySet<BlockClass> = new Set(['lead', 'brief_opener', 'body']);

const BEFORE = 24;
const LENGTH = 110;

function snippetAround(block: HighlightBlock, marks: readonly Mark[]): Snippet {
  const first = marks[0];
  let start = first ? Math.max(0, first.start - BEFORE) : 0;
  // Do not cut a surrogate pair in two.
  if (start > 0 && /[\uDC00-\uDFFF]/.test(block.text[start]!)) start--;
  let end = Math.min(block.text.length, start + LENGTH);
  if (end < block.text.length && /[\uDC00-\uDFFF]/.test(block.text[end]!)) end++;
  return {
    blockId: block.id,
    cls: block.cls,
    start,
    text: block.text.slice(start, end),
    marks: marks.filter((m) => m.start >= start && m.end <= end),
    clippedStart: start > 0,
    clippedEnd: end < block.text.length,
  };
}

/**
 * Marks in an article's blocks, and up to `max` snippets: the blocks with marks in reading order
 * (the first block of text when nothing is marked, as for a search by filters only).
 */
export function highlightArticle(
  blocks: readonly HighlightBlock[],
  terms: readonly QueryTerm[],
  max = 2,
): { matches: number; snippets: Snippet[] } {
  let matches = 0;
  const snippets: Snippet[] = [];
  for (const block of blocks) {
    const marks = findMarks(block.text, terms);
    matches += marks.length;
    if (marks.length > 0 && snippets.length < max) snippets.push(snippetAround(block, marks));
  }
  if (snippets.length === 0) {
    const lead = blocks.find((b) => TEXT_CLASSES.has(b.cls) && b.text.trim()) ?? blocks[0];
    if (lead) snippets.push(snippetAround(lead, []));
  }
  return { matches, snippets };
}
