import type { BlockClass } from '../segment/types.js';
import type { Bilingual, DefectKind } from './types.js';

/*
 * The analysed document: a run of blocks (a page, or an article with its page around it). Findings
 * and their fixes speak in block indices of this document, so the same detectors serve the
 * stateless checker (a page's text) and the library (rows in the database).
 */

export interface DocBlock {
  cls: BlockClass;
  text: string;
  /** Which article of the document the block belongs to (an index or an id; equal means same). */
  article: number;
}

export type DocEdit =
  /** Replace text.slice(start, end) of a block. */
  | { op: 'replace'; block: number; start: number; end: number; text: string }
  /** Append `next`'s text to `block` (which takes class `cls`); `next` leaves the document. */
  | { op: 'join'; block: number; next: number; cls: BlockClass }
  /** Move a block before another one, or to the end of the article named by `article`. */
  | { op: 'move'; block: number; before: number }
  | { op: 'move'; block: number; toEndOfArticle: number };

export interface DocFix {
  label: Bilingual;
  edits: DocEdit[];
}

/** A place in the document: a block and a UTF-16 offset into its text. */
export interface DocPoint {
  block: number;
  offset: number;
}

export interface DocFinding {
  kind: DefectKind;
  start: DocPoint;
  end: DocPoint;
  message: Bilingual;
  confidence: number;
  /** Best first; empty when the finding can only be flagged. */
  fixes: DocFix[];
}

/** Whether an edit changes the order or number of blocks (rather than text inside one). */
export function isStructural(edit: DocEdit): boolean {
  return edit.op !== 'replace';
}
