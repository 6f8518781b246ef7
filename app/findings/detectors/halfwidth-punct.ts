/**
 * halfwidth_punct: ASCII , : ; ( ) ! ? used as Chinese punctuation ("盘锦全市上下,围绕…") →
 * the full-width form (，：；（）！？). Each character is judged from its neighbours:
 *
 * - next to Chinese (a Han character or full-width punctuation, on either side, spaces skipped)
 *   it is Chinese punctuation; between Latin letters/digits it belongs to that text;
 * - a comma between digits with a group of three after it is a thousands separator (2,000), a
 *   colon between digits is a time or ratio (12:30, 1:2): never touched;
 * - a pair of parentheses is converted together when its content or its outside is Chinese;
 * - URLs, e-mail addresses and Markdown link targets are left alone.
 *
 * One finding per character; the replacement is the full-width character.
 */
import type { TextDetector, TextFinding } from '../types.js';
import {
  charAt,
  charBefore,
  inRanges,
  isCjk,
  isDigit,
  isHan,
  isLatinAlnum,
  isSpace,
  linesOf,
  urlRanges,
} from './lexicon/chars.js';

const FULL: Record<string, string> = {
  ',': '，',
  ':': '：',
  ';': '；',
  '(': '（',
  ')': '）',
  '!': '！',
  '?': '？',
};

function message(ch: string): { zh: string; en: string } {
  const full = FULL[ch]!;
  return { zh: `半角标点：应为全角“${full}”`, en: `Half-width punctuation: use full-width “${full}”` };
}

/** Neighbour of a run of punctuation [s, e), skipping spaces and other ASCII punctuation of the run. */
function neighbour(line: string, at: number, dir: 1 | -1): string | undefined {
  let i = at;
  if (dir < 0) {
    while (i > 0 && isSpace(line[i - 1])) i--;
    return charBefore(line, i);
  }
  while (i < line.length && isSpace(line[i])) i++;
  return charAt(line, i);
}

type Side = 'cjk' | 'digit' | 'latin' | 'edge' | 'other';

function side(ch: string | undefined): Side {
  if (ch === undefined) return 'edge';
  if (isCjk(ch)) return 'cjk';
  if (isDigit(ch) || ch === '%' || ch === '‰') return 'digit';
  if (isLatinAlnum(ch)) return 'latin';
  // Quotes and brackets take the side of the text they enclose; judged as "other".
  return 'other';
}

/** Is the comma at `i` (between digits) a thousands separator: exactly three digits follow? */
function thousandsSeparator(line: string, i: number): boolean {
  if (!isDigit(line[i - 1])) return false;
  let j = i + 1;
  while (j < line.length && isDigit(line[j])) j++;
  return j - (i + 1) === 3;
}

interface Decision {
  confidence: number;
}

/** The character just before the number that ends at `end` (digits, . , %). */
function beforeNumber(line: string, end: number): string | undefined {
  let i = end;
  while (i > 0 && (isDigit(line[i - 1]) || '.,%‰'.includes(line[i - 1]!))) i--;
  return charBefore(line, i);
}

/** The character just after the number that starts at `start`. */
function afterNumber(line: string, start: number): string | undefined {
  let i = start;
  while (i < line.length && (isDigit(line[i]) || '.,%‰'.includes(line[i]!))) i++;
  return charAt(line, i);
}

/** A run of ASCII punctuation [s, e) ("!!", "?!", ","): its verdict from the neighbours outside it. */
function judgeRun(line: string, s: number, e: number): Decision | null {
  const leftCh = neighbour(line, s, -1);
  const left = side(leftCh);
  const right = side(neighbour(line, e, 1));
  const ch = line[s]!;
  if (left === 'digit' && right === 'digit') {
    // 2,000 / 12:30 / 1:2: part of the number.
    if (ch === ':') return null;
    if (ch === ',' && thousandsSeparator(line, s)) return null;
    // "复工率为80%,1516人": a percentage closes a clause; "为80,1516人" between Chinese words.
    if (leftCh === '%' || leftCh === '‰') return { confidence: 0.9 };
    const outside = [beforeNumber(line, s), afterNumber(line, e)];
    return outside.some((c) => isHan(c)) ? { confidence: 0.7 } : null;
  }
  if (left === 'cjk') return { confidence: right === 'latin' ? 0.9 : 0.95 };
  if (right === 'cjk') {
    // "达到100,其中" / "APP,做到": Chinese after, a number or a Latin word before.
    return { confidence: left === 'digit' ? 0.92 : left === 'latin' ? 0.85 : 0.93 };
  }
  return null;
}

/** Is the text mostly Chinese (more Han than Latin letters)? */
function chineseLine(line: string): boolean {
  let han = 0;
  let latin = 0;
  for (const ch of line) {
    if (isHan(ch)) han++;
    else if (/[A-Za-z]/u.test(ch)) latin++;
  }
  return han > 0 && han >= latin;
}

export const detectHalfwidthPunct: TextDetector = (text) => {
  const findings: TextFinding[] = [];
  for (const { start: lineStart, text: line } of linesOf(text)) {
    if (!/[,:;()!?]/u.test(line)) continue;
    const urls = urlRanges(line);
    const emit = (at: number, confidence: number) => {
      const ch = line[at]!;
      findings.push({
        kind: 'halfwidth_punct',
        start: lineStart + at,
        end: lineStart + at + 1,
        message: message(ch),
        confidence,
        replacements: [FULL[ch]!],
      });
    };

    // Parentheses first, as pairs.
    const stack: number[] = [];
    const pairs: [number, number][] = [];
    const unmatched: number[] = [];
    for (let i = 0; i < line.length; i++) {
      const ch = line[i];
      if (ch !== '(' && ch !== ')' && ch !== '（' && ch !== '）') continue;
      if (inRanges(i, urls)) continue;
      if (ch === '(' || ch === '（') stack.push(i);
      else if (stack.length > 0) pairs.push([stack.pop()!, i]);
      else if (ch === ')') unmatched.push(i);
    }
    for (const i of stack) if (line[i] === '(') unmatched.push(i);
    for (const [open, close] of pairs) {
      const asciiOpen = line[open] === '(';
      const asciiClose = line[close] === ')';
      if (!asciiOpen && !asciiClose) continue;
      const content = line.slice(open + 1, close);
      const outside = [side(neighbour(line, open, -1)), side(neighbour(line, close + 1, 1))];
      const contentChinese = [...content].some((c) => isHan(c));
      const outsideChinese = outside.includes('cjk');
      // A mixed pair "(返）" is certainly Chinese.
      const mixed = asciiOpen !== asciiClose;
      if (!contentChinese && !outsideChinese && !mixed) continue;
      const confidence = contentChinese || mixed ? 0.95 : 0.85;
      if (asciiOpen) emit(open, confidence);
      if (asciiClose) emit(close, confidence);
    }
    for (const i of unmatched) {
      const left = side(neighbour(line, i, -1));
      const right = side(neighbour(line, i + 1, 1));
      if (left === 'cjk' || right === 'cjk') emit(i, 0.8);
    }

    // The other marks, run by run.
    const mostlyChinese = chineseLine(line);
    for (const m of line.matchAll(/[,:;!?]+/gu)) {
      const s = m.index;
      const e = s + m[0].length;
      if (inRanges(s, urls)) continue;
      const verdict = judgeRun(line, s, e);
      if (!verdict) continue;
      // In a line of Latin text a mark before a Chinese word is still Latin punctuation.
      const confidence = mostlyChinese ? verdict.confidence : verdict.confidence - 0.2;
      if (confidence < 0.5) continue;
      for (let i = s; i < e; i++) emit(i, confidence);
    }
  }
  findings.sort((a, b) => a.start - b.start);
  return findings;
};
