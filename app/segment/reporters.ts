/**
 * Reporter names. They come from bylines, brief openers ("本报讯 记者徐鑫报道"), a byline or a
 * bracketed reporter tag closing the last paragraph of a brief, and the text authors of a
 * "A 文 B 摄" credit. Photographers are not reporters.
 */
import type { BlockClass } from './types.js';
import {
  bracketTagSegment,
  namesIn,
  openerNamesSegment,
  textAuthorsSegment,
  trailingBylineSegment,
} from './formulas.js';

export function extractReporters(cls: BlockClass, text: string): string[] {
  const segments: (string | null)[] = [];
  switch (cls) {
    case 'byline':
      segments.push(text);
      break;
    case 'brief_opener':
      // A one-paragraph brief can also close with the byline or a bracketed reporter tag.
      segments.push(openerNamesSegment(text), trailingBylineSegment(text), bracketTagSegment(text));
      break;
    case 'body':
      segments.push(trailingBylineSegment(text), bracketTagSegment(text));
      break;
    case 'credit':
      segments.push(textAuthorsSegment(text));
      break;
    default:
      break;
  }
  return unique(segments.flatMap((s) => (s === null ? [] : namesIn(s))));
}

export function unique(names: readonly string[]): string[] {
  return [...new Set(names)];
}
