/**
 * stray_space: white space (ASCII space, U+3000, NBSP, runs of them) that OCR or a careless
 * conversion left inside Chinese running text, or between Chinese and numbers
 * ("全市 284 个村屯" → "全市284个村屯"). Chinese text is set without word spaces, so such a
 * space is noise, except where typography puts one:
 *
 * - titles (headline, subhead, section banner; or a short unpunctuated line): a space separates
 *   phrases ("增进民生福祉 建设幸福家园");
 * - bylines and credits: "本报记者 王 刚", "林 松 摄", "袁英 本报记者 刘立彬", also run into the
 *   end of a caption or paragraph ("…服务。 本报记者 徐鑫 摄");
 * - the brief-opener formula: "本报讯 记者徐鑫报道 在…", and lead labels ("**核心提示** …");
 * - Latin text: spaces between Latin words or numbers, and around an English phrase;
 * - Markdown: heading markers, trailing double-space line breaks; leading indentation;
 * - a space between the two halves of a quoted slogan ("“情暖盘锦 志愿有我”").
 *
 * Spaces next to a lower-case English word are left to latin_leak, whose fix absorbs them.
 */
import type { TextContext, TextDetector, TextFinding } from '../types.js';
import {
  charAt,
  charBefore,
  inRanges,
  isCjk,
  isCjkPunct,
  isDigit,
  isHan,
  isLatinAlnum,
  isLatinLetter,
  isSpace,
  linesOf,
  urlRanges,
} from './lexicon/chars.js';
import { isLeakCandidate } from './lexicon/latin.js';
import {
  isMarkdownHeading,
  isNameChain,
  leadLabelLength,
  looksLikeTitle,
  markupPrefixLength,
  openerLength,
} from './lexicon/typography.js';

const MESSAGE = {
  zh: '多余空格：中文文本内的空格应删除',
  en: 'Stray space inside Chinese text: remove it',
};

/** Classes whose spaces are typographic throughout. */
const SKIP_CLASSES = new Set<TextContext['cls']>(['headline', 'subhead', 'section', 'byline', 'credit', 'other']);

const SENTENCE_END = /[。！？!?…”」』]/u;

/** Characters that make up a number token: digits and what numbers are written with. */
function isNumberChar(ch: string | undefined): boolean {
  return isDigit(ch) || (ch !== undefined && '.,%‰+-/:～~×'.includes(ch));
}

/** Where the run of characters satisfying `pred` that starts (dir 1) or ends (dir -1) at `from` stops. */
function runAround(line: string, from: number, dir: 1 | -1, pred: (ch: string | undefined) => boolean): number {
  let i = from;
  if (dir < 0) {
    while (i > 0 && pred(line[i - 1])) i--;
  } else {
    while (i < line.length && pred(line[i])) i++;
  }
  return i;
}

/** Ranges of the line kept as typeset: formulas at its start and a byline/credit at its end. */
function protectedRanges(line: string): [number, number][] {
  const out: [number, number][] = [];
  let p = markupPrefixLength(line);
  p += leadLabelLength(line.slice(p));
  p += openerLength(line.slice(p));
  if (p > 0) out.push([0, p]);
  // A byline or credit run into the end of the line, after a sentence's end (or alone).
  const trimmed = line.replace(/[ \t\u00A0\u3000]+$/u, '');
  let cut = -1;
  for (let i = trimmed.length - 1; i >= 0; i--) {
    if (SENTENCE_END.test(trimmed[i]!)) {
      cut = i;
      break;
    }
  }
  const tail = trimmed.slice(cut + 1);
  if (isNameChain(tail)) out.push([cut + 1, line.length]);
  // A credit in brackets at the end: "…（本报记者 王刚 摄）".
  const bracket = /[（(]([^（）()]{2,40})[）)]\s*$/u.exec(trimmed);
  if (bracket && isNameChain(bracket[1]!)) out.push([bracket.index, line.length]);
  return out;
}

/** Depth of open quotes/title marks before `pos` (“…”, 《…》, 「…」, 『…』). */
/** Inside quotation marks or title marks whose text has no sentence or clause punctuation. */
function insideSlogan(line: string, pos: number): boolean {
  if (!insideQuotes(line, pos)) return false;
  const open = Math.max(...[...'“《「『〈'].map((q) => line.lastIndexOf(q, pos)));
  const closes = [...'”》」』〉'].map((q) => line.indexOf(q, pos)).filter((i) => i >= 0);
  const close = closes.length > 0 ? Math.min(...closes) : line.length;
  return !/[，,。！？!?；;：:]/u.test(line.slice(open + 1, close));
}

function insideQuotes(line: string, pos: number): boolean {
  let depth = 0;
  for (let i = 0; i < pos; i++) {
    const ch = line[i]!;
    if ('“《「『〈'.includes(ch)) depth++;
    else if ('”》」』〉'.includes(ch)) depth = Math.max(0, depth - 1);
  }
  return depth > 0;
}

/** The Latin token that ends at `end` (going left) or starts at `start` (going right). */
function latinTokenBefore(line: string, end: number): string {
  const s = runAround(line, end, -1, (c) => isLatinAlnum(c) || (c !== undefined && "'’-.+".includes(c)));
  return line.slice(s, end);
}

function latinTokenAfter(line: string, start: number): string {
  const e = runAround(line, start, 1, (c) => isLatinAlnum(c) || (c !== undefined && "'’-.+".includes(c)));
  return line.slice(start, e);
}

/** Is the Latin token next to the space part of a phrase of several Latin words ("Made in China")? */
function inLatinPhrase(line: string, s: number, e: number, leftIsLatin: boolean): boolean {
  // Look beyond the token for another space-separated Latin word.
  if (leftIsLatin) {
    const tok = latinTokenBefore(line, s);
    const before = s - tok.length;
    return before >= 2 && isSpace(line[before - 1]) && isLatinLetter(line[before - 2]);
  }
  const tok = latinTokenAfter(line, e);
  const after = e + tok.length;
  return after + 1 < line.length && isSpace(line[after]) && isLatinLetter(line[after + 1]);
}

function hanRunLength(line: string, from: number, dir: 1 | -1): number {
  const edge = runAround(line, from, dir, (c) => isHan(c));
  return Math.abs(edge - from);
}

interface Verdict {
  confidence: number;
}

/** Decide one run of spaces [s, e) inside `line`. null: typographic or unsure, leave it. */
function judge(line: string, s: number, e: number, titleLike: boolean): Verdict | null {
  const left = charBefore(line, s);
  const right = charAt(line, e);
  if (left === undefined || right === undefined) return null;
  const leftCjk = isCjk(left);
  const rightCjk = isCjk(right);
  if (!leftCjk && !rightCjk) return null; // Latin words, numbers, symbols.
  const run = line.slice(s, e);
  const wide = run.length > 1 || /[\u3000\u00A0]/u.test(run) ? 0.03 : 0;

  // Latin next to Chinese.
  const leftLatin = isLatinLetter(left);
  const rightLatin = isLatinLetter(right);
  if (leftLatin || rightLatin) {
    const token = leftLatin ? latinTokenBefore(line, s) : latinTokenAfter(line, e);
    if (/[a-z]{2}/u.test(token) && isLeakCandidate(token.replace(/[.+]+$/u, ''))) return null; // latin_leak's
    if (inLatinPhrase(line, s, e, leftLatin)) return null; // spacing around an English phrase
    if (titleLike) return null;
    // "“指尖大洼”APP 功能", "全市 PM2.5 平均": the spacing of web text, not of print.
    return { confidence: 0.7 };
  }

  // Numbers next to Chinese.
  const leftNum = isDigit(left) || left === '%' || left === '‰';
  const rightNum = isDigit(right);
  if (leftNum || rightNum) {
    // The number token on the non-Chinese side and what stands beyond it.
    let numStart: number;
    let numEnd: number;
    if (leftNum) {
      numEnd = s;
      numStart = runAround(line, s, -1, isNumberChar);
    } else {
      numStart = e;
      numEnd = runAround(line, e, 1, isNumberChar);
    }
    const number = line.slice(numStart, numEnd);
    // Padded on both sides: "全市 284 个", "《盘锦市 2022 年".
    const beforeNum = charBefore(line, numStart);
    const afterNum = charAt(line, numEnd);
    const padded = isSpace(beforeNum) && isSpace(afterNum);
    if (titleLike) return padded ? { confidence: 0.55 } : null;
    if (/[+\-/:～~×]/u.test(number)) return { confidence: 0.6 }; // "1+1 双联双带": a formula
    return { confidence: (padded ? 0.92 : 0.85) + wide };
  }

  if (titleLike) return null;

  // Chinese on both sides (or Chinese and a symbol).
  if (leftCjk && rightCjk) {
    if (isCjkPunct(left) || isCjkPunct(right)) return { confidence: 0.9 + wide };
    // Two phrases of a quoted slogan: “情暖盘锦 志愿有我” (quoted speech has its own punctuation).
    if (insideSlogan(line, s) && hanRunLength(line, s, -1) >= 3 && hanRunLength(line, e, 1) >= 3) return null;
    // "X Y" between single characters: maybe a spaced name the segmenter did not see.
    if (hanRunLength(line, s, -1) === 1 && hanRunLength(line, e, 1) === 1) return { confidence: 0.6 };
    return { confidence: 0.85 + wide };
  }
  // Chinese and some other symbol ("中国 ·", "营口 &").
  return { confidence: 0.6 };
}

export const detectStraySpace: TextDetector = (text, context) => {
  if (SKIP_CLASSES.has(context.cls)) return [];
  const findings: TextFinding[] = [];
  for (const { start: lineStart, text: line } of linesOf(text)) {
    if (line.length === 0) continue;
    if (isMarkdownHeading(line)) continue;
    const trimmed = line.trim();
    if (isNameChain(trimmed)) continue; // a byline or credit line in a body block
    const titleLike = looksLikeTitle(line);
    const keep = protectedRanges(line);
    const urls = urlRanges(line);
    // Leading indentation and trailing spaces (Markdown line breaks) are layout.
    const first = runAround(line, 0, 1, isSpace);
    const last = runAround(line, line.length, -1, isSpace);
    let i = first;
    while (i < last) {
      if (!isSpace(line[i])) {
        i++;
        continue;
      }
      const s = i;
      while (i < last && isSpace(line[i])) i++;
      const e = i;
      if (inRanges(s, keep) || inRanges(s, urls)) continue;
      // A space next to Markdown emphasis ("**核心提示** …") is markup.
      if (line.slice(s - 2, s) === '**' || line.slice(e, e + 2) === '**') continue;
      const verdict = judge(line, s, e, titleLike);
      if (!verdict) continue;
      findings.push({
        kind: 'stray_space',
        start: lineStart + s,
        end: lineStart + e,
        message: MESSAGE,
        confidence: Math.min(0.97, verdict.confidence),
        replacements: [''],
      });
    }
  }
  return findings;
};
