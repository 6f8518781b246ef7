import {
  convertChars,
  keepsFormShare,
  localeForm,
  simplifiedAlternatives,
  simplifyChars,
  standardTraditionalChar,
  traditionalAlternatives,
  traditionalLocaleOf,
  type ConvertedChar,
  type TraditionalLocale,
} from '../script/convert.js';
import { segment, type Segment } from '../script/lexicon.js';
import { countScript, dominantScript, isDistinctlySimplified, isDistinctlyTraditional } from '../script/script.js';
import type { TextDetector, TextFinding } from '../types.js';

/*
 * mixed_script: runs of the other script spliced into a text (simplified characters in a
 * traditional page, or the reverse). The text's script is the context's verdict; for a 'mixed' or
 * 'unknown' context it is the block's own majority script. A run starts and ends on characters
 * that are distinctly of the other script; characters common to both scripts may sit inside it, a
 * distinctly home-script character ends it. The replacement is OpenCC's phrase-aware conversion of
 * the block (so 头发 → 頭髮, not 頭發), cut to the run. A one-to-many character that no phrase
 * decided gets its other readings as alternative replacements, and the finding a lower confidence.
 *
 * A character both scripts use for one of its readings (后, 干, 里, 面 …) is flagged only when a
 * dictionary phrase around it says it must change (干部 → 幹部), or inside a run of other-script
 * characters.
 */

const BASE_CONFIDENCE = 0.95;
/**
 * A run made only of shared one-to-many characters that a phrase decided (干部 in a traditional
 * text): between these, by how often the character keeps its form in traditional phrases (干 seldom
 * does: 幹部, 乾淨; 制 often does: 制度 beside 製作).
 */
const PHRASE_ONLY_CONFIDENCE = { min: 0.3, max: 0.7 };
/** Per one-to-many character that no phrase decided. */
const AMBIGUITY_FACTOR = 0.8;
const MIN_CONFIDENCE = 0.3;
/**
 * A character that keeps its form in nearly all of OpenCC's traditional phrases (合, 家, 具, 志)
 * changes only in a few phrases whose form the regional standards disagree on: Taiwan writes
 * 家具, 合眼 and 地方志 where OpenCC's tables give 傢俱, 閤眼 and 地方誌. A phrase alone does not
 * decide such a character; 只 (一隻) and 面 (麵條) change often enough to stay below this share.
 */
const MOSTLY_KEEPS_FORM = 0.85;
const MAX_REPLACEMENTS = 5;

type Home = 'simplified' | 'traditional';

interface Cell {
  conv: ConvertedChar;
  /** Distinctly of the other script. */
  other: boolean;
  /** Distinctly of the home script: ends a run. */
  home: boolean;
  /** The conversion really changes the character (not merely a regional variant of it). */
  changes: boolean;
  /** The home-script form to suggest (regional form of the text for traditional). */
  target: string;
  /** Other readings, when the character is one-to-many and no phrase decided it. */
  alternatives: string[];
}

function homeOf(text: string, script: string): Home | null {
  if (script === 'simplified' || script === 'traditional') return script;
  const d = dominantScript(text);
  return d === 'unknown' ? null : d;
}

function cells(text: string, home: Home, locale: TraditionalLocale): Cell[] {
  // Toward traditional, convert the text's simplified reading, so that phrases see their context
  // even where part of it is already traditional (這里 reads as 这里 → 這裏); characters already
  // traditional stay as they are.
  const input = home === 'traditional' ? simplifyChars(text) : text;
  const conv = convertChars(input, home, 't').map((c): ConvertedChar => {
    const source = text.slice(c.start, c.end);
    return source === c.source ? c : { ...c, source, output: source, byPhrase: false };
  });
  return conv.map((c) => {
    const other = home === 'traditional' ? isDistinctlySimplified(c.source) : isDistinctlyTraditional(c.source);
    const isHome = home === 'traditional' ? isDistinctlyTraditional(c.source) : isDistinctlySimplified(c.source);
    let changes: boolean;
    let target: string;
    let alternatives: string[] = [];
    if (home === 'traditional') {
      target = [...c.output].map((ch) => localeForm(ch, locale)).join('');
      // 着 → 著 or 吃 → 喫 only swap one traditional standard's form for another's.
      changes = c.output !== c.source && !sameTraditional(c.output, c.source);
      if (changes && !c.byPhrase) {
        // Other readings, not regional forms of the same one.
        const readings = new Set(traditionalAlternatives(c.source).map(standardTraditionalChar));
        readings.delete(standardTraditionalChar(c.output));
        alternatives = [...readings].map((a) => localeForm(a, locale)).filter((a) => a !== target);
      }
    } else {
      target = c.output;
      changes = c.output !== c.source;
      if (changes && !c.byPhrase) {
        alternatives = simplifiedAlternatives(c.source).filter((a) => a !== target);
      }
    }
    return { conv: c, other, home: isHome, changes, target, alternatives };
  });
}

function sameTraditional(a: string, b: string): boolean {
  if ([...a].length !== 1 || [...b].length !== 1) return false;
  const forms = (ch: string) => new Set([ch, localeForm(ch, 'tw'), localeForm(ch, 'hk')]);
  const fa = forms(a);
  for (const f of forms(b)) if (fa.has(f)) return true;
  return false;
}

/** Groups of cell indices to flag: maximal stretches between home-script characters. */
function runs(text: string, cs: Cell[]): number[][] {
  const out: number[][] = [];
  let stretch: number[] = [];
  let words: Segment[] | null = null;
  const wordsOf = () => (words ??= segment(simplifyChars(text)).words);
  const flush = () => {
    out.push(...pick(text, cs, stretch, wordsOf));
    stretch = [];
  };
  cs.forEach((c, i) => {
    if (c.home) flush();
    else stretch.push(i);
  });
  flush();
  return out;
}

/**
 * Within a stretch free of home-script characters, the characters to convert: the other-script
 * ones, shared one-to-many ones between two of those, and shared ones a phrase decided. They make
 * one finding from the first other-script character to the last (shared characters inside it
 * included); a phrase-decided character away from it makes its own, joined to its neighbours.
 */
function pick(text: string, cs: Cell[], stretch: number[], words: () => Segment[]): number[][] {
  const others = stretch.filter((i) => cs[i]!.other && cs[i]!.changes);
  const first = others[0] ?? Infinity;
  const last = others.at(-1) ?? -Infinity;
  const picked = stretch.filter((i) => {
    const c = cs[i]!;
    if (!c.changes) return false;
    if (c.other) return true;
    if (i > first && i < last) return true;
    return c.conv.byPhrase && phraseFitsWords(c.conv, words()) && !inTentativeReduplication(text, c.conv.start) &&
      keepsFormShare(c.conv.source) < MOSTLY_KEEPS_FORM;
  });
  const groups: number[][] = [];
  for (const i of picked) {
    const prev = groups.at(-1);
    const prevEnd = prev?.at(-1);
    const joins = prevEnd !== undefined && (i - prevEnd <= 1 || (prevEnd >= first && i <= last));
    if (prev && joins) prev.push(i);
    else groups.push([i]);
  }
  return groups;
}

/**
 * OpenCC matches phrases greedily, so a phrase can straddle two words (更加注重 holds the phrase
 * 加注 → 加註; 馆长胡晓萍 holds 长胡 → 長鬍). Trust a phrase when it nests with the dictionary word
 * (jieba's segmentation) that holds the character: the word inside the phrase or the phrase
 * inside the word. A phrase that cuts into a word beside it is trusted only for a character that
 * seldom keeps its form anyway (数年|后 → 後), not for one that mostly does (胡, 了).
 */
function phraseFitsWords(c: ConvertedChar, words: Segment[]): boolean {
  const w = words.find((x) => x.start <= c.start && c.start < x.end);
  if (!w) return false;
  const inside = (a: Segment, b: Segment) => b.start <= a.start && a.end <= b.end;
  const phrase = { start: c.matchStart, end: c.matchEnd };
  if (inside(phrase, w)) return true;
  if (!inside(w, phrase)) return false;
  const wholeWords = words.some((x) => x.start === phrase.start) && words.some((x) => x.end === phrase.end);
  return wholeWords || keepsFormShare(c.source) < 0.5;
}

/** A verb tried out, X一X (哄一哄, 看一看): OpenCC's 一哄 (一哄而散) has nothing to do with it. */
function inTentativeReduplication(text: string, at: number): boolean {
  const ch = text[at];
  return (text[at - 1] === '一' && text[at - 2] === ch) || (text[at + 1] === '一' && text[at + 2] === ch);
}

/** The finding for one run of picked cells: its tight span, the converted text and alternatives. */
function finding(text: string, cs: Cell[], picked: number[], home: Home): TextFinding | null {
  const firstCell = cs[picked[0]!]!;
  const lastCell = cs[picked.at(-1)!]!;
  const start = firstCell.conv.start;
  const end = lastCell.conv.end;
  const pickedSet = new Set(picked);
  const from = cs.findIndex((c) => c.conv.start === start);
  const to = cs.findIndex((c) => c.conv.end === end);

  const parts: string[] = [];
  const ambiguous: number[] = [];
  for (let i = from; i <= to; i++) {
    const c = cs[i]!;
    if (pickedSet.has(i)) {
      parts.push(c.target);
      if (c.alternatives.length > 0) ambiguous.push(i);
    } else {
      parts.push(c.conv.source);
    }
  }
  const best = parts.join('');
  if (best === text.slice(start, end)) return null;

  const replacements = [best];
  for (const i of ambiguous) {
    for (const alt of cs[i]!.alternatives) {
      if (replacements.length >= MAX_REPLACEMENTS) break;
      const alternative = [...parts];
      alternative[i - from] = alt;
      const r = alternative.join('');
      if (!replacements.includes(r)) replacements.push(r);
    }
  }

  const hasOther = picked.some((i) => cs[i]!.other);
  let confidence = hasOther ? BASE_CONFIDENCE : phraseOnlyConfidence(cs, picked, home);
  confidence *= AMBIGUITY_FACTOR ** ambiguous.length;
  confidence = Math.max(MIN_CONFIDENCE, Math.round(confidence * 100) / 100);

  const message =
    home === 'traditional'
      ? { zh: `繁简混排：应为繁体“${best}”`, en: `Mixed script: traditional form is “${best}”` }
      : { zh: `繁简混排：应为简体“${best}”`, en: `Mixed script: simplified form is “${best}”` };
  return { kind: 'mixed_script', start, end, message, confidence, replacements };
}

function phraseOnlyConfidence(cs: Cell[], picked: number[], home: Home): number {
  const { min, max } = PHRASE_ONLY_CONFIDENCE;
  if (home === 'simplified') return (min + max) / 2;
  const keep = Math.max(...picked.map((i) => keepsFormShare(cs[i]!.conv.source)));
  return min + (max - min) * (1 - keep);
}

export const detectMixedScript: TextDetector = (text, context) => {
  const home = homeOf(text, context.script);
  if (!home) return [];
  // Most blocks are simplified through and through; the per-character conversion is the costly
  // part, so skip it when no character could be flagged.
  if (home === 'simplified' && !countScript(text).traditional) return [];
  const locale = home === 'traditional' ? traditionalLocaleOf(text) : 't';
  const cs = cells(text, home, locale);
  if (!cs.some((c) => c.changes && (c.other || c.conv.byPhrase))) return [];
  const out: TextFinding[] = [];
  for (const picked of runs(text, cs)) {
    const f = finding(text, cs, picked, home);
    if (f) out.push(f);
  }
  return out;
};
