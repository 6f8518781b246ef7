import { convertChars, localeForm, simplifyChars, traditionalLocaleOf } from '../script/convert.js';
import { isHan, lexicon, segment, type Segment } from '../script/lexicon.js';
import { dominantScript, isDistinctlyTraditional } from '../script/script.js';
import type { TextDetector, TextFinding } from '../types.js';
import { confusableWith, type ConfusionLevel } from './lexicon/confusions.js';

/*
 * char_error: a character OCR likely misread as a look-alike (感 for 惑, 几 for 儿).
 *
 * A noisy-channel check over jieba's dictionary (a unigram word model with corpus frequencies;
 * traditional text is looked up through its simplified forms). For each character that has
 * look-alikes (lexicon/confusions.ts), a window of text around it is segmented by maximum
 * probability twice, as printed and with the look-alike in its place. The gain in log-probability
 * must pay for the misreading itself: a cost that is lower for near-identical glyphs (儿/几, 己/已)
 * than for merely similar ones (辩/辨, 紧/繁), and a little higher when the printed character already
 * sits in a real word (the dictionary keeps common misspellings such as 自已 as rare entries, and
 * those count as no word). Guards keep the check to isolated misreadings, which is what OCR
 * produces:
 *
 * - the look-alike must make a frequent dictionary word;
 * - a character that commonly stands alone is not merged with a very common stand-alone word
 *   beside it (能办 reads fine as two words even though 能力 is a frequent one);
 * - the change may not leave a bound character stranded beside the new word: when the
 *   neighbourhood still does not parse, the text is more likely a name, slogan or term the
 *   dictionary lacks;
 * - a character repeated two places away is a parallel pattern (入脑入心, 一人一码), not a misreading;
 * - of two suspects side by side, only the stronger is kept.
 *
 * Candidates are ranked by gain; the confidence (0.3–0.8) grows with the gain. Bylines and photo
 * credits (mostly names) are not checked. Dropped characters are not looked for: with a unigram
 * model, "a word appears when a character is inserted" holds almost everywhere.
 */

export interface CharErrorSettings {
  /** Characters on each side of the suspect that the comparison looks at. */
  window: number;
  /** log-probability a misreading costs, by how alike the glyphs are (nats). */
  cost: Record<ConfusionLevel, number>;
  /**
   * Extra cost when the suspect already sits inside a dictionary word: the dictionary holds many
   * common misspellings (自已, 侯选人, 辨论) but also real words a look-alike turns into others.
   */
  inWordCost: number;
  /** The word a look-alike makes must be at least this frequent in jieba's dictionary. */
  minWordFreq: number;
  /** A stand-alone word at least this frequent (能, 不, 就, 地 …) is a function word. */
  functionWordFreq: number;
  /** A character standing alone at least this share of its uses is a common stand-alone word. */
  standAloneRatio: number;
  /** A character standing alone less than this share of its uses is bound (needs a word around it). */
  boundRatio: number;
  /**
   * Extra cost when a suspect that commonly stands alone would join a function word beside it
   * into the new word (能办 → 能力): both readings are plausible, the change must be much better.
   */
  swallowCost: number;
}

export const CHAR_ERROR_SETTINGS: Readonly<CharErrorSettings> = {
  window: 6,
  cost: { near: 5, similar: 8 },
  inWordCost: 0.5,
  minWordFreq: 30,
  functionWordFreq: 50_000,
  standAloneRatio: 0.15,
  boundRatio: 0.05,
  swallowCost: 5,
};

/** Particles that follow verbs (干了, 看着, 去过), never a preposition. */
const ASPECT_PARTICLES = new Set(['了', '着', '过']);

const MIN_CONFIDENCE = 0.3;
const MAX_CONFIDENCE = 0.8;
const SKIPPED_CLASSES = new Set(['byline', 'credit']);

interface Candidate {
  char: string;
  /** The dictionary word the candidate makes, in the normalized (simplified) text. */
  word: Segment;
  gain: number;
}

function wordAt(words: Segment[], offset: number): Segment | undefined {
  return words.find((w) => w.start <= offset && offset < w.end);
}

function frequentWordAround(text: string, w: Segment, k: number, minFreq: number): boolean {
  const lex = lexicon();
  for (let s = w.start; s <= k; s++) {
    for (let e = Math.max(k + 1, s + 2); e <= w.end; e++) {
      if (lex.freq(text.slice(s, e)) >= minFreq) return true;
    }
  }
  return false;
}

function standAloneShare(ch: string): number {
  const { alone, inWords } = lexicon().charUse(ch);
  return alone + inWords === 0 ? 0 : alone / (alone + inWords);
}

/** The look-alikes of the character at k (inside the Han run [from, to)) that read better. */
function candidatesAt(
  norm: string,
  original: string,
  from: number,
  to: number,
  k: number,
  set: CharErrorSettings,
): Candidate[] {
  const lex = lexicon();
  const a = Math.max(from, k - set.window);
  const b = Math.min(to, k + set.window + 1);
  const before = segment(norm, a, b);
  const own = wordAt(before.words, k)!;
  // Inside a real word (a rare dictionary entry like 辨论 or 侯选人 is as good as none).
  const inWord = own.end - own.start > 1 && lex.freq(norm.slice(own.start, own.end)) >= set.minWordFreq;
  const singleBefore = new Set(before.words.filter((w) => w.end - w.start === 1).map((w) => w.start));
  const suspectStandsAlone = standAloneShare(norm[k]!) >= set.standAloneRatio;
  const window = norm.slice(a, b);
  const out: Candidate[] = [];
  const seen = new Set<string>();
  // Look-alikes of the character as printed, and of its simplified form.
  for (const { char, level } of [...confusableWith(original[k]!), ...confusableWith(norm[k]!)]) {
    const c = simplifyChars(char);
    if (c.length !== 1 || c === norm[k] || seen.has(c)) continue;
    seen.add(c);
    const changed = window.slice(0, k - a) + c + window.slice(k - a + 1);
    const after = segment(changed);
    const w = wordAt(after.words, k - a);
    if (!w || w.end - w.start < 2) continue;
    // A new word holding the whole real word the suspect sat in must hold a commoner one in its
    // place: swapping 贷款 for the rarer 货款 only gains by merging into a rare entry (货款贴息).
    if (inWord && w.start + a <= own.start && own.end <= w.end + a &&
        lex.freq(changed.slice(own.start - a, own.end - a)) <= lex.freq(norm.slice(own.start, own.end))) continue;
    // The look-alike must make a frequent word: the new word itself or a part of it around k
    // (免费参观 is a rare entry, 免费 a frequent one).
    if (!frequentWordAround(changed, w, k - a, set.minWordFreq)) continue;
    // Two common stand-alone words side by side read fine (能办, 不全): merging one of them into a
    // word with a function word must pay for doubting that reading.
    let swallowsFunctionWord = false;
    if (suspectStandsAlone) {
      for (let p = w.start; p < w.end; p++) {
        if (p === k - a || !singleBefore.has(a + p)) continue;
        if (lex.freq(changed[p]!) >= set.functionWordFreq) swallowsFunctionWord = true;
      }
    }
    // Neighbours of the new word must not be stranded bound characters.
    const idx = after.words.indexOf(w);
    const stranded = [after.words[idx - 1], after.words[idx + 1]].some(
      (n) =>
        n !== undefined &&
        n.end - n.start === 1 &&
        isHan(changed[n.start]!) &&
        standAloneShare(changed[n.start]!) < set.boundRatio,
    );
    if (stranded) continue;
    // A word ending in the preposition 于 takes no aspect particle: 生于了 is 生|干了 misread.
    if (changed[w.end - 1] === '于' && ASPECT_PARTICLES.has(changed[w.end] ?? '')) continue;
    const gain = after.score - before.score - set.cost[level] - (inWord ? set.inWordCost : 0) -
      (swallowsFunctionWord ? set.swallowCost : 0);
    if (gain < 0) continue;
    out.push({ char: c, word: { start: a + w.start, end: a + w.end }, gain });
  }
  return out.sort((x, y) => y.gain - x.gain);
}

function confidenceOf(gain: number): number {
  const c = MIN_CONFIDENCE + (MAX_CONFIDENCE - MIN_CONFIDENCE) * (1 - Math.exp(-gain / 2));
  return Math.round(Math.min(MAX_CONFIDENCE, c) * 100) / 100;
}

/** The candidate as it should be printed: traditional when the text (or the character) is. */
function printed(
  text: string,
  norm: string,
  k: number,
  c: Candidate,
  traditional: boolean,
): { char: string; word: string } {
  const changedNorm = norm.slice(c.word.start, k) + c.char + norm.slice(k + 1, c.word.end);
  if (!traditional) {
    return { char: c.char, word: text.slice(c.word.start, k) + c.char + text.slice(k + 1, c.word.end) };
  }
  const locale = traditionalLocaleOf(text);
  const conv = convertChars(changedNorm, 'traditional', 't');
  const forms = conv.map((x) => [...x.output].map((ch) => localeForm(ch, locale)).join(''));
  const at = k - c.word.start;
  const char = forms[at] && forms[at]!.length === 1 ? forms[at]! : c.char;
  return { char, word: text.slice(c.word.start, k) + char + text.slice(k + 1, c.word.end) };
}

/** A char_error detector with its own settings (the exported one uses CHAR_ERROR_SETTINGS). */
/** Characters that write numbers: one beside another makes a figure (八十, 二百, 一万). */
const CHINESE_NUMERALS = new Set([...'〇零一二三四五六七八九十百千万亿两']);

export function charErrorDetector(overrides: Partial<CharErrorSettings> = {}): TextDetector {
  const set: CharErrorSettings = { ...CHAR_ERROR_SETTINGS, ...overrides };
  return (text, context) => {
    if (SKIPPED_CLASSES.has(context.cls)) return [];
    const norm = simplifyChars(text);
    if (norm.length !== text.length) return [];
    const traditionalText =
      context.script === 'traditional' ||
      ((context.script === 'mixed' || context.script === 'unknown') && dominantScript(text) === 'traditional');
    const found: { k: number; cands: Candidate[] }[] = [];

    for (let i = 0; i < norm.length; ) {
      if (!isHan(norm[i]!)) {
        i++;
        continue;
      }
      let j = i;
      while (j < norm.length && isHan(norm[j]!)) j++;
      for (let k = i; j - i >= 2 && k < j; k++) {
        if (confusableWith(text[k]!).length === 0 && confusableWith(norm[k]!).length === 0) continue;
        // A character repeated two places away is a parallel pattern (入脑入心, 有声有色,
        // 一人一码): meant, not misread.
        if ((k - 2 >= i && norm[k - 2] === norm[k]) || (k + 2 < j && norm[k + 2] === norm[k])) continue;
        // A numeral inside a written number (八十多艘, 三百余人) is a figure, not a misread word.
        if (CHINESE_NUMERALS.has(norm[k]!) && (CHINESE_NUMERALS.has(norm[k - 1] ?? '') || CHINESE_NUMERALS.has(norm[k + 1] ?? ''))) continue;
        const cands = candidatesAt(norm, text, i, j, k, set);
        if (cands.length > 0) found.push({ k, cands });
      }
      i = j;
    }

    // Two suspects side by side explain the same trouble: keep the stronger.
    const kept = found.filter((f) => {
      const rival = found.find((g) => g !== f && Math.abs(g.k - f.k) === 1);
      return !rival || rival.cands[0]!.gain < f.cands[0]!.gain;
    });

    return kept.map(({ k, cands }): TextFinding => {
      const traditional = traditionalText || isDistinctlyTraditional(text[k]!);
      const forms = cands.map((c) => printed(text, norm, k, c, traditional));
      const best = forms[0]!;
      const original = text[k]!;
      return {
        kind: 'char_error',
        start: k,
        end: k + 1,
        message: {
          zh: `疑似错字：“${original}”应为“${best.char}”（${best.word}）`,
          en: `Likely wrong character: “${original}” should be “${best.char}” (${best.word})`,
        },
        confidence: confidenceOf(cands[0]!.gain),
        replacements: [...new Set(forms.map((f) => f.char))],
      };
    });
  };
}

export const detectCharError: TextDetector = charErrorDetector();
