import { segmenter } from '../../findings/lexicon/dictionary.js';
import { foldChar } from '../../search/fold.js';

/*
 * An article's text as suggestions read it: folded as search folds it (traditional → simplified,
 * NFKC, lower case), so a rule or a place written in simplified is found in traditional text, and
 * cut into words by jieba, so a name is only found where a word begins.
 */
export interface FoldedText {
  folded: string;
  /** Offsets in `folded` where jieba's words begin or end. */
  boundaries: ReadonlySet<number>;
  /** Folds a keyword or name the same way. */
  fold(text: string): string;
}

export function foldString(text: string): string {
  let out = '';
  for (const ch of text) out += foldChar(ch);
  return out;
}

export function foldedText(text: string): FoldedText {
  const folded = foldString(text);
  const boundaries = new Set<number>([0]);
  let at = 0;
  for (const word of segmenter().cut(folded, false)) {
    at += word.length;
    boundaries.add(at);
  }
  return { folded, boundaries, fold: foldString };
}

/** How many times a (folded) keyword occurs in the folded text. */
export function countOccurrences(folded: string, keyword: string): number {
  if (!keyword) return 0;
  let n = 0;
  for (let at = folded.indexOf(keyword); at !== -1; at = folded.indexOf(keyword, at + keyword.length)) n++;
  return n;
}
