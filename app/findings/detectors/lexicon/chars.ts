/**
 * Character classes shared by the text detectors. Everything works on UTF-16 strings and single
 * code points (a supplementary Han character is two code units; helpers that take `ch` expect one
 * code point as a string).
 */

const HAN = /^\p{Script=Han}$/u;

/** A Han character (simplified or traditional), including 〇. */
export function isHan(ch: string | undefined): boolean {
  return ch !== undefined && ch !== '' && HAN.test(ch);
}

/** Full-width CJK punctuation and quotes; U+3000 (ideographic space) is white space, not this. */
const CJK_PUNCT = /^[\u3001-\u303F\uFF01-\uFF0F\uFF1A-\uFF20\uFF3B-\uFF40\uFF5B-\uFF65“”‘’…—–·・﹏]$/u;

export function isCjkPunct(ch: string | undefined): boolean {
  return ch !== undefined && ch !== '' && CJK_PUNCT.test(ch);
}

/** A Han character or full-width CJK punctuation: what Chinese running text is made of. */
export function isCjk(ch: string | undefined): boolean {
  return isHan(ch) || isCjkPunct(ch);
}

export function isAsciiDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch.length === 1 && ch >= '0' && ch <= '9';
}

/** ASCII or full-width digit. */
export function isDigit(ch: string | undefined): boolean {
  return isAsciiDigit(ch) || (ch !== undefined && ch >= '０' && ch <= '９' && ch.length === 1);
}

export function isLatinLetter(ch: string | undefined): boolean {
  return ch !== undefined && ch.length === 1 && ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z'));
}

/** Letters or digits of the Latin alphabet: text that is not Chinese. */
export function isLatinAlnum(ch: string | undefined): boolean {
  return isLatinLetter(ch) || isDigit(ch);
}

/** In-line white space that OCR leaves in text: ASCII space, tab, NBSP, ideographic space, … */
const SPACE = /^[ \t\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]$/u;

export function isSpace(ch: string | undefined): boolean {
  return ch !== undefined && ch !== '' && SPACE.test(ch);
}

export interface Line {
  /** UTF-16 offset of the line's first character in the block text. */
  start: number;
  text: string;
}

/** The lines of a block (split at \n; a \r before it is not part of the line). */
export function linesOf(text: string): Line[] {
  const out: Line[] = [];
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    let lineEnd = end;
    if (lineEnd > start && text[lineEnd - 1] === '\r') lineEnd--;
    out.push({ start, text: text.slice(start, lineEnd) });
    start = end + 1;
  }
  return out;
}

/** Ranges [start, end) of URLs, e-mail addresses and bare domain names: never touch inside them. */
const URLISH =
  /(?:https?:\/\/|ftp:\/\/|www\.)[^\s\u3000，。；！？、“”‘’（）《》【】]+|[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}|\b[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.(?:com|cn|net|org|gov|edu|info|io)(?:\.[a-z]{2})?\b(?:\/[^\s\u3000，。；！？、“”‘’（）《》【】]*)?/gu;

export function urlRanges(text: string): [number, number][] {
  const out: [number, number][] = [];
  for (const m of text.matchAll(URLISH)) out.push([m.index, m.index + m[0].length]);
  // Markdown link targets: [text](target)
  for (const m of text.matchAll(/\]\(([^)\s]+)\)/gu)) out.push([m.index + 1, m.index + m[0].length]);
  return out;
}

export function inRanges(pos: number, ranges: readonly [number, number][]): boolean {
  return ranges.some(([s, e]) => pos >= s && pos < e);
}

/** Characters of a string as code points, each with its UTF-16 offset. */
export function codePoints(text: string): { ch: string; at: number }[] {
  const out: { ch: string; at: number }[] = [];
  let at = 0;
  for (const ch of text) {
    out.push({ ch, at });
    at += ch.length;
  }
  return out;
}

/** The code point that ends just before UTF-16 offset `i` (handles surrogate pairs). */
export function charBefore(text: string, i: number): string | undefined {
  if (i <= 0) return undefined;
  const lo = text.charCodeAt(i - 1);
  if (lo >= 0xdc00 && lo <= 0xdfff && i >= 2) {
    const hi = text.charCodeAt(i - 2);
    if (hi >= 0xd800 && hi <= 0xdbff) return text.slice(i - 2, i);
  }
  return text[i - 1];
}

/** The code point that starts at UTF-16 offset `i`. */
export function charAt(text: string, i: number): string | undefined {
  if (i >= text.length || i < 0) return undefined;
  const cp = text.codePointAt(i)!;
  return String.fromCodePoint(cp);
}

/** Han characters in the string. */
export function hanCount(text: string): number {
  let n = 0;
  for (const ch of text) if (isHan(ch)) n++;
  return n;
}

/** Latin letters in the string. */
export function latinCount(text: string): number {
  let n = 0;
  for (const ch of text) if (isLatinLetter(ch)) n++;
  return n;
}
