/**
 * latin_leak: an English word inside a Chinese sentence ("柔性 and 温情", "争创宣传 work，"),
 * typically left by a translation or input-method slip. The finding covers the word and the
 * spaces around it, and the fix is the Chinese where it is evident ("柔性 and 温情" →
 * "柔性和温情"); otherwise the word is only flagged.
 *
 * Not leaks: acronyms and alphanumerics (PM2.5, 5G, MV, APP, GDP, Wi-Fi), single letters
 * (e卡通, A股), units after numbers (5 km), allowed loanwords (vlog, logo), capitalised
 * romanised names (Panjin), romanised banners in section blocks ("港城时讯 SHIXUN"), whole English
 * lines and phrases of four or more words (banners, translations), quoted or bracketed terms
 * (“smart”), URLs and e-mail addresses.
 */
import type { TextContext, TextDetector, TextFinding } from '../types.js';
import {
  charAt,
  charBefore,
  hanCount,
  inRanges,
  isCjk,
  isCjkPunct,
  isDigit,
  isHan,
  isLatinLetter,
  isSpace,
  linesOf,
  urlRanges,
} from './lexicon/chars.js';
import { looksTraditional } from '../lexicon/dictionary.js';
import {
  chineseFor,
  isCapitalisedWord,
  isFunctionWord,
  isLeakCandidate,
  isUnit,
  LATIN_TOKEN,
} from './lexicon/latin.js';

interface Token {
  start: number;
  end: number;
  text: string;
}

const OPENERS = '“‘"\'《「『（(【[〈<';
const CLOSERS = '”’"\'》」』）)】]〉>';

/** Longest English phrase (in words) still read as a slip rather than quoted English. */
const MAX_LEAK_WORDS = 3;

function skipSpaces(line: string, at: number, dir: 1 | -1): number {
  let i = at;
  if (dir < 0) while (i > 0 && isSpace(line[i - 1])) i--;
  else while (i < line.length && isSpace(line[i])) i++;
  return i;
}

function leakMessage(words: string, fix: string | undefined): { zh: string; en: string } {
  if (fix === undefined) {
    return { zh: `夹杂英文：“${words}”`, en: `English word in Chinese text: “${words}”` };
  }
  if (fix === '') {
    return { zh: `夹杂英文：“${words}”应删除`, en: `English word in Chinese text: delete “${words}”` };
  }
  return { zh: `夹杂英文：“${words}”应为“${fix}”`, en: `English word in Chinese text: “${words}” → “${fix}”` };
}

/** Is this token a possible leak here (not a unit after a number, not an acronym…)? */
function leakable(line: string, token: Token): 'word' | 'capitalised' | null {
  const before = charBefore(line, skipSpaces(line, token.start, -1));
  if (isDigit(before) && isUnit(token.text)) return null; // "5 km", "10kg"
  if (isLeakCandidate(token.text)) return 'word';
  if (isCapitalisedWord(token.text) && chineseFor(token.text) !== undefined) return 'capitalised';
  return null;
}

function pickScript(context: TextContext, text: string): 0 | 1 {
  if (context.script === 'traditional') return 1;
  if (context.script === 'simplified') return 0;
  return looksTraditional(text) ? 1 : 0;
}

export const detectLatinLeak: TextDetector = (text, context) => {
  // Romanised column names ("港城时讯 SHIXUN") and names in bylines/credits are not leaks.
  if (context.cls === 'section' || context.cls === 'byline' || context.cls === 'credit') return [];
  if (!/[A-Za-z]/u.test(text)) return [];
  let script: 0 | 1 | null = null;
  const findings: TextFinding[] = [];
  for (const { start: lineStart, text: line } of linesOf(text)) {
    if (!/[a-z]/u.test(line)) continue;
    // A line that is mostly Latin is English text (a banner, a translation), not a leak.
    const words = (line.match(/[A-Za-z]{2,}/gu) ?? []).length;
    const han = hanCount(line);
    if (han === 0 || (words >= 3 && words * 2 > han)) continue;
    const urls = urlRanges(line);
    const tokens: Token[] = [];
    for (const m of line.matchAll(LATIN_TOKEN)) {
      if (inRanges(m.index, urls)) continue;
      // A word glued to the figure after it ("students31名"): the figure counts the Chinese.
      const glued = /^([a-z]{3,})\d+$/u.exec(m[0]);
      const word = glued && isHan(charAt(line, m.index + m[0].length)) ? glued[1]! : m[0];
      tokens.push({ start: m.index, end: m.index + word.length, text: word });
    }
    // Phrases: tokens separated by nothing but spaces.
    const phrases: Token[][] = [];
    for (const t of tokens) {
      const last = phrases.at(-1)?.at(-1);
      if (last && /^[ \t\u00A0]+$/u.test(line.slice(last.end, t.start))) phrases.at(-1)!.push(t);
      else phrases.push([t]);
    }
    for (const phrase of phrases) {
      if (phrase.length > MAX_LEAK_WORDS) continue; // English text
      const kinds = phrase.map((t) => leakable(line, t));
      if (kinds.every((k) => k === null)) continue;
      const first = phrase[0]!;
      const last = phrase.at(-1)!;
      // Latin letters glued on without a space ("5Gand") belong to another token shape: skip.
      if (isLatinLetter(charBefore(line, first.start)) || isLatinLetter(charAt(line, last.end))) continue;
      const leftAt = skipSpaces(line, first.start, -1);
      const rightAt = skipSpaces(line, last.end, 1);
      const left = charBefore(line, leftAt);
      const right = charAt(line, rightAt);
      // Quoted or bracketed: a term cited in English on purpose.
      if (left !== undefined && right !== undefined && OPENERS.includes(left) && CLOSERS.includes(right)) continue;
      const leftOk = left === undefined || isCjk(left);
      const rightOk = right === undefined || isCjk(right);
      const hanNear = isHan(left) || isHan(right);
      const mixed = kinds.some((k) => k === null); // "5G and 宽带": only function words are sure
      if (!hanNear) continue;
      // Next to other English words ("Made in China") the phrase is English, not a slip; next to
      // acronyms and alphanumerics (5G, APP) a function word still is one.
      if (mixed && phrase.some((t, i) => kinds[i] === null && /[a-z]/u.test(t.text) && !/\d/u.test(t.text))) continue;
      // A figure on one side is fine when Chinese stands on the other: 有 students 31 名.
      const figureBeside = (isDigit(left) && isHan(right)) || (isHan(left) && isDigit(right));
      if (!mixed && !(leftOk && rightOk) && !(figureBeside && phrase.length === 1 && kinds[0] === 'word')) continue;

      const targets = mixed
        ? phrase.filter((t, i) => kinds[i] !== null && isFunctionWord(t.text))
        : phrase;
      if (targets.length === 0) continue;
      if (mixed) {
        for (const t of targets) {
          const zh = chineseFor(t.text);
          script ??= pickScript(context, text);
          const fix = zh?.[script];
          findings.push({
            kind: 'latin_leak',
            start: lineStart + skipSpaces(line, t.start, -1),
            end: lineStart + skipSpaces(line, t.end, 1),
            message: leakMessage(t.text, fix),
            confidence: 0.6,
            replacements: fix === undefined ? [] : [fix],
          });
        }
        continue;
      }

      // The whole phrase is the leak; its span absorbs the spaces on the Chinese sides.
      const start = isCjk(left) ? leftAt : first.start;
      const end = isCjk(right) ? rightAt : last.end;
      const words = line.slice(first.start, last.end);
      script ??= pickScript(context, text);
      const parts = phrase.map((t) => chineseFor(t.text)?.[script!]);
      const fix = parts.every((p) => p !== undefined) ? parts.join('') : undefined;
      const capitalised = kinds.includes('capitalised');
      const allFunction = phrase.every((t) => isFunctionWord(t.text));
      let confidence: number;
      if (fix !== undefined) confidence = isHan(left) && isHan(right) ? 0.93 : 0.88;
      else confidence = isHan(left) && isHan(right) ? 0.8 : 0.72;
      if (!(left !== undefined && isHan(left)) && isCjkPunct(left) && isCjkPunct(right)) confidence -= 0.1;
      if (capitalised) confidence -= 0.25;
      if (context.cls === 'other') {
        if (!allFunction) continue; // adverts and banners play with English
        confidence -= 0.2;
      }
      findings.push({
        kind: 'latin_leak',
        start: lineStart + start,
        end: lineStart + end,
        message: leakMessage(words, fix),
        confidence: Math.max(0.3, Math.min(0.97, confidence)),
        replacements: fix === undefined ? [] : [fix],
      });
    }
  }
  return findings;
};
