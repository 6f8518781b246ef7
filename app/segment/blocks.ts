import { lineContent, type HeadingLevel } from './markdown.js';

/** A block before classification, with the layout facts the classifier needs. */
export interface RawBlock {
  /** UTF-16 offsets into the page text; text === pageText.slice(start, end). */
  start: number;
  end: number;
  text: string;
  headingLevel: HeadingLevel;
  /** Empty lines between this block and the previous one (or the top of the page). */
  blankBefore: number;
}

/**
 * Splits a page into blocks: one per non-empty line, because in these OCR pages each paragraph
 * is one line. Works on the original text so offsets stay valid with CRLF endings.
 */
export function splitBlocks(text: string): RawBlock[] {
  const blocks: RawBlock[] = [];
  let lineStart = 0;
  let blank = 0;
  while (lineStart <= text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    const line = text.slice(lineStart, lineEnd);
    const content = lineContent(line);
    if (content.end > content.start) {
      const start = lineStart + content.start;
      const end = lineStart + content.end;
      blocks.push({
        start,
        end,
        text: text.slice(start, end),
        headingLevel: content.headingLevel,
        blankBefore: blank,
      });
      blank = 0;
    } else {
      blank++;
    }
    if (newline === -1) break;
    lineStart = newline + 1;
  }
  return blocks;
}

/**
 * Whether an image probably sat above the block: more empty lines than the page's usual
 * paragraph spacing, because OCR leaves a hole where a photo was. Leading empty lines at the
 * top of the page count the same way.
 */
export function gapFlags(blocks: readonly RawBlock[]): boolean[] {
  const spacings = blocks
    .slice(1)
    .map((b) => b.blankBefore)
    .sort((a, b) => a - b);
  const usual = spacings.length > 0 ? spacings[Math.floor(spacings.length / 2)]! : 0;
  return blocks.map((b) => b.blankBefore >= usual + 2);
}
