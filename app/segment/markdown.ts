/**
 * Markdown hints. Some OCR pipelines emit `#`/`##`/`###` headings (and a `■` bullet before
 * column names); most do not. The markers are never part of a block's text, and a heading
 * level is only a hint for the classifier: typography still has the final word.
 */

/** 0 = not a Markdown heading; 3 also covers deeper levels, which OCR tools use for brief headlines. */
export type HeadingLevel = 0 | 1 | 2 | 3;

export interface LineContent {
  /** Offsets of the content inside the line, markers and surrounding whitespace removed. */
  start: number;
  end: number;
  headingLevel: HeadingLevel;
}

// CommonMark needs whitespace after the hashes; requiring it keeps "#话题#" style text intact.
const HEADING = /^#{1,6}(?=\s)/;
// Bullets put before column names and brief headlines by some layouts; they carry no text.
const BULLET = /^[■□◆◇●]/;

function skipSpace(line: string, from: number, to: number): number {
  let i = from;
  while (i < to && /\s/.test(line[i]!)) i++;
  return i;
}

function trimEnd(line: string, from: number, to: number): number {
  let j = to;
  while (j > from && /\s/.test(line[j - 1]!)) j--;
  return j;
}

/** Locates the content of one line (no newline inside), stripping heading hashes and a bullet. */
export function lineContent(line: string): LineContent {
  const end0 = line.length;
  let start = skipSpace(line, 0, end0);
  let headingLevel: HeadingLevel = 0;
  const heading = HEADING.exec(line.slice(start));
  if (heading) {
    const hashes = heading[0].length;
    headingLevel = Math.min(hashes, 3) as HeadingLevel;
    start = skipSpace(line, start + hashes, end0);
  }
  if (BULLET.test(line.slice(start, start + 1))) {
    start = skipSpace(line, start + 1, end0);
  }
  const end = trimEnd(line, start, end0);
  return { start, end, headingLevel };
}
