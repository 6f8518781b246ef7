/**
 * dup_adjacent: characters or words doubled by error ("双促双促", "西市区西市区", "住住在",
 * "更新新补贴"). The finding's span is the extra copy; the fix deletes it.
 *
 * Chinese doubles characters on purpose all the time, so a doubled character is judged with the
 * jieba dictionary (traditional text is looked up through its simplified form) and the patterns of
 * reduplication:
 *
 * - a dictionary word spans both copies: 其乐融融, 热气腾腾, 蒙蒙亮, 局局长, 不了了之;
 * - AABB (家家户户, 点点滴滴, 吃吃喝喝, 时时处处) and 一 + classifier reduplication (一项项, 一个个);
 * - two words that merely meet: each copy belongs to its own word (重点|点位, 防疫|疫情, 为了|了解),
 *   or the first copy is a measure word after a numeral (1例|例外) or ends an organisation name
 *   before a title (…村|村干部, …局|局长);
 * - the doubled form is a word (常常, 渐渐, 看看, 人人) or a classifier reduplicated (件件, 年年).
 *
 * What is left is an error, surer when one copy is accounted for by a word and the other is not
 * (吃住|住在 — "住在" is verb + preposition, not a word; 更新|新补贴), or when the character is a
 * function word (的的, 在在). Doubled words of two or more characters (AB AB) are errors, except
 * 一X一X (一步一步) and verb/adjective reduplication (研究研究), flagged with low confidence.
 */
import type { TextDetector, TextFinding } from '../types.js';
import { isHan, linesOf } from './lexicon/chars.js';
import { lookup, segmenter, toSimplified } from '../lexicon/dictionary.js';
import {
  CLASSIFIERS,
  DEMONSTRATIVES,
  FUNCTION_CHARS,
  INTERJECTIONS,
  NUMERALS,
  OFTEN_AFTER_SAME,
  MEMBER_OR_ORGAN,
  ADMIN_LEVELS,
  ORG_SUFFIXES,
  VERB_FOLLOWERS,
} from './lexicon/reduplication.js';

/** Longest doubled word looked for, in characters. */
const MAX_WORD = 6;
/** Longest dictionary word tried around a doubled character. */
const MAX_SPAN = 5;
/** A doubled form must be at least this frequent in the dictionary to count as a word by itself. */
const MIN_AA_FREQ = 20;
/** A reduplicated word this frequent (人人, 个个) is never a slip. */
const COMMON_AA_FREQ = 1000;

interface Chars {
  /** Original code points. */
  orig: string[];
  /** Simplified code points, aligned with orig. */
  simp: string[];
  /** UTF-16 offset of each code point in the line, plus the line length at the end. */
  at: number[];
}

function charsOf(line: string): Chars {
  const simplified = toSimplified(line);
  const orig: string[] = [];
  const simp: string[] = [];
  const at: number[] = [];
  let i = 0;
  for (const ch of line) {
    orig.push(ch);
    simp.push(simplified.slice(i, i + ch.length));
    at.push(i);
    i += ch.length;
  }
  at.push(i);
  return { orig, simp, at };
}

interface Verdict {
  /** Extra copy, in code-point indices [from, to). */
  from: number;
  to: number;
  confidence: number;
}

const message = (copy: string) => ({
  zh: `重复字词：“${copy}”多了一次`,
  en: `Doubled by error: one “${copy}” too many`,
});

export const detectDupAdjacent: TextDetector = (text) => {
  const findings: TextFinding[] = [];
  for (const { start: lineStart, text: line } of linesOf(text)) {
    if (!hasDoubling(line)) continue;
    const c = charsOf(line);
    const n = c.orig.length;
    const word = (a: number, b: number) => {
      if (a < 0 || b > n || b - a < 1) return undefined;
      for (let k = a; k < b; k++) if (!isHan(c.orig[k])) return undefined;
      return lookup(c.simp.slice(a, b).join(''));
    };
    const emit = (v: Verdict) => {
      const copy = c.orig.slice(v.from, v.to).join('');
      findings.push({
        kind: 'dup_adjacent',
        start: lineStart + c.at[v.from]!,
        end: lineStart + c.at[v.to]!,
        message: message(copy),
        confidence: v.confidence,
        replacements: [''],
      });
    };

    let i = 0;
    while (i < n) {
      if (!isHan(c.orig[i])) {
        i++;
        continue;
      }
      // Doubled words first, longest first.
      let doubled = 0;
      for (let w = Math.min(MAX_WORD, Math.floor((n - i) / 2)); w >= 2; w--) {
        if (sameRun(c, i, w)) {
          doubled = w;
          break;
        }
      }
      if (doubled > 0) {
        const v = judgeDoubledWord(c, i, doubled, word);
        if (v) emit(v);
        i += 2 * doubled;
        continue;
      }
      let k = 1;
      while (i + k < n && c.orig[i + k] === c.orig[i]) k++;
      if (k >= 3) {
        const v = judgeLongRun(c, i, k, word);
        if (v) emit(v);
      } else if (k === 2) {
        const v = judgeDoubledChar(c, i, word);
        if (v) emit(v);
      }
      i += k;
    }
  }
  return findings;
};

const NEGATIONS = new Set(['不', '没', '未']);

/** Quick test: any Han character or pair repeated next to itself? */
function hasDoubling(line: string): boolean {
  return /(\p{Script=Han})\1|(\p{Script=Han}{2,6})\2/u.test(line);
}

/** Is [i, i+w) repeated at [i+w, i+2w), all Han, and not one character repeated (哈哈哈哈)? */
function sameRun(c: Chars, i: number, w: number): boolean {
  if (i + 2 * w > c.orig.length) return false;
  let allSame = true;
  for (let k = 0; k < w; k++) {
    const a = c.orig[i + k]!;
    if (!isHan(a) || a !== c.orig[i + w + k]) return false;
    if (a !== c.orig[i]) allSame = false;
  }
  return !allSame;
}

type WordAt = (a: number, b: number) => ReturnType<typeof lookup>;

/** AB AB: a doubled word. */
function judgeDoubledWord(c: Chars, i: number, w: number, word: WordAt): Verdict | null {
  const extra = { from: i + w, to: i + 2 * w };
  // The doubled form is itself a word or idiom.
  if (word(i, i + 2 * w)) return null;
  const s = c.simp.slice(i, i + w).join('');
  // 一步一步, 一天一天, 一分钟一分钟: gradual progression, one measure at a time (一等奖 is no measure).
  if (s[0] === '一' && (w === 2 || word(i + 1, i + w)?.tag === 'q')) return null;
  // A unit's name then its head's title: 消防救援大队|大队长, 党支部|支部书记.
  if (opensMemberWord(c, word, i + w, w)) return null;
  const info = word(i, i + w);
  // 看着看着, 走着走着: an action going on until something happens.
  if (w === 2 && (s[1] === '着' || s[1] === '著')) return null;
  // Sounds and manners repeat: 扑通扑通, 嘎吱嘎吱, 扑腾扑腾地跳.
  const after = c.simp[i + 2 * w];
  if (info?.tag === 'o' || after === '地') return null;
  // 研究研究, 讨论讨论, 雪白雪白: verb/adjective reduplication — legitimate, rare in news; a formal
  // verb doubled (推进推进) is the slip, so flag it, with low confidence.
  if (info && w === 2 && /^(?:v|vn|vd|a|ad|an|z)$/u.test(info.tag)) return { ...extra, confidence: 0.35 };
  // The segmenter cuts the first copy off as a unit: a clean repetition.
  const cut = segmenter().cut(c.simp.slice(Math.max(0, i - 4), Math.min(c.simp.length, i + 2 * w + 4)).join(''), false);
  const boundaries = new Set<number>();
  let pos = Math.max(0, i - 4);
  for (const token of cut) {
    boundaries.add(pos);
    pos += [...token].length;
  }
  boundaries.add(pos);
  const aligned = boundaries.has(i) && boundaries.has(i + w) && boundaries.has(i + 2 * w);
  // A word across the junction (…A|BA|B…) makes a coincidental repetition possible.
  const junction = word(i + w - 1, i + w + 1);
  if (!aligned && junction && !info) return { ...extra, confidence: 0.6 };
  return { ...extra, confidence: 0.9 };
}

/** AAA…: a character three or more times. */
function judgeLongRun(c: Chars, i: number, k: number, word: WordAt): Verdict | null {
  const x = c.simp[i]!;
  if (INTERJECTIONS.has(x)) return null;
  const single = word(i, i + 1);
  const pair = word(i, i + 2);
  if ((single && /^[oey]$/u.test(single.tag)) || (pair && /^[oey]$/u.test(pair.tag))) return null;
  // A sound repeated (突突突, 咚咚咚): its doubled form is a dictionary word.
  if (pair && !FUNCTION_CHARS.has(x) && !CLASSIFIERS.has(x)) return null;
  const keep = (pair && pair.freq >= MIN_AA_FREQ) || CLASSIFIERS.has(x) ? 2 : 1;
  return { from: i + keep, to: i + k, confidence: 0.7 };
}

/** A word starting at `j` runs past the `w` characters there into a member or organ (大队|长). */
function opensMemberWord(c: Chars, word: WordAt, j: number, w: number): boolean {
  if (!MEMBER_OR_ORGAN.has(c.simp[j + w] ?? '')) return false;
  for (let len = w + 1; len <= MAX_SPAN; len++) if (word(j, j + len)) return true;
  return false;
}

/** The longest dictionary word of two or more characters ending at `j` is a noun. */
function endsNounWord(word: WordAt, j: number): boolean {
  for (let len = MAX_SPAN; len >= 2; len--) {
    const info = word(j - len + 1, j + 1);
    if (info) return /^n/u.test(info.tag);
  }
  return false;
}

/** A noun of two or more characters starts at `j`. */
function nounWordAt(word: WordAt, j: number): boolean {
  for (let len = MAX_SPAN; len >= 2; len--) {
    const info = word(j, j + len);
    if (info) return /^n/u.test(info.tag);
  }
  return false;
}

/** Does some dictionary word of two or more characters end at index `j` (inclusive)? */
function wordEndingAt(word: WordAt, j: number): boolean {
  for (let len = 2; len <= MAX_SPAN; len++) if (word(j - len + 1, j + 1)) return true;
  return false;
}

/**
 * Does some dictionary word of two or more characters start at `j`? A two-character "word" made of
 * a verb and a complement/preposition (住在, 放在, 走到) does not count: it is not a lexical unit.
 */
function wordStartingAt(c: Chars, word: WordAt, j: number): boolean {
  for (let len = 2; len <= MAX_SPAN; len++) {
    if (!word(j, j + len)) continue;
    if (len === 2 && VERB_FOLLOWERS.has(c.simp[j + 1]!)) continue;
    return true;
  }
  return false;
}

/**
 * Whether a word starting at `j` names a unit's head, members or organs (局长, 村干部, 村民, 县委,
 * 院办): the words a unit's name runs into. 院|院子 or 县|县是 are not such words.
 */
function namesMemberOrOrgan(c: Chars, word: WordAt, j: number): boolean {
  for (let len = 2; len <= MAX_SPAN; len++) {
    if (word(j, j + len) && MEMBER_OR_ORGAN.has(c.simp[j + 1]!)) return true;
  }
  return false;
}

/** XX: one character twice. i is the first copy, i+1 the second. */
function judgeDoubledChar(c: Chars, i: number, word: WordAt): Verdict | null {
  const n = c.simp.length;
  const x = c.simp[i]!;
  const prev = i > 0 ? c.simp[i - 1]! : '';
  const next = i + 2 < n ? c.simp[i + 2]! : '';
  const second = { from: i + 1, to: i + 2 };

  // 0. A numeral inside a written number: 二〇〇二年, 一一〇.
  if (NUMERALS.has(x) && (NUMERALS.has(prev) || NUMERALS.has(next))) return null;

  // 1. A dictionary word of three or more characters spans both copies: 其乐融融, 蒙蒙亮, 局局长.
  for (let a = Math.max(0, i - MAX_SPAN + 2); a <= i; a++) {
    for (let b = i + 2; b <= Math.min(n, a + MAX_SPAN + 1); b++) {
      if (b - a >= 3 && word(a, b)) return null;
    }
  }
  // 2. AABB / BBAA (家家户户, 时时刻刻, 吃吃喝喝) and 一XX (一项项, 一个个, 一株株).
  if (next !== '' && next === c.simp[i + 3] && next !== x && isHan(next)) return null;
  // BB|AA is 吃吃喝喝 only when BB is not itself 一BB: in 一座座新新建 the pair before is taken.
  if (i >= 2 && prev === c.simp[i - 2] && prev !== x && isHan(prev) && c.simp[i - 3] !== '一') return null;
  if (prev === '一' && x !== '一') return null;

  // 3. Two words that meet: 重点|点位, 防疫|疫情, 为了|了解, 面包车|车顶.
  const w1 = wordEndingAt(word, i);
  const w2 = wordStartingAt(c, word, i + 1);
  if (w1 && w2) return null;

  // 4. After a numeral or demonstrative the first copy is a measure word: 1例|例外, 7站|站长;
  //    a measure word doubled there is an error (三个个人 aside): 这件件事.
  // A weekday (周五, 星期三, 礼拜六) names a day; it counts nothing.
  const weekday = /[周期拜]/u.test(c.simp[i - 2] ?? '');
  const counted = (NUMERALS.has(prev) && !weekday) || DEMONSTRATIVES.has(prev);
  if (counted && w2) return null;
  // (每天|天不亮: the first copy ends a word, the second is the subject of a negated clause.)
  if (counted && CLASSIFIERS.has(x) && !(w1 && NEGATIONS.has(next))) return { ...second, confidence: 0.8 };

  // 5. The doubled form is a word (常常, 渐渐, 看看, 人人) or a classifier reduplicated (件件, 年年).
  const pair = word(i, i + 2);
  const single = word(i, i + 1);
  const isVerb = single !== undefined && /^v/u.test(single.tag);
  if (isVerb && VERB_FOLLOWERS.has(next) && !w1 && !(pair && pair.freq >= MIN_AA_FREQ && !/^v/u.test(pair.tag))) {
    // 住住在: a doubled verb cannot take a complement.
    return { ...second, confidence: 0.85 };
  }
  // A doubled verb or noun whose second copy opens a word with what follows (讲|讲座, 班|班级)
  // is a slip; adverbs and adjectives reduplicate (常常, 高高) whatever follows, and so do the
  // common AA words (人人参与).
  const secondOpensWord = w2 && !/^(?:d|a|z|b|t)/u.test(pair?.tag ?? 'd') && (pair?.freq ?? 0) < COMMON_AA_FREQ;
  if (pair && pair.freq >= MIN_AA_FREQ && !FUNCTION_CHARS.has(x) && !secondOpensWord) return null;
  // A rarer reduplicated word standing whole before the next word: 滋滋|作响, 量量|血压; a doubled
  // verb so even where its second copy could open a word too (擦擦|身子 beside 擦身).
  if (pair && !FUNCTION_CHARS.has(x) && !w1 && wordStartingAt(c, word, i + 2) && (!secondOpensWord || /^v/u.test(pair.tag))) return null;
  if (CLASSIFIERS.has(x) && !FUNCTION_CHARS.has(x) && !secondOpensWord) return null;

  // 6. One copy belongs to a word, the other stands alone.
  // A tool named by a noun ending in a verb, then that verb with its object: 用石磨|磨豆浆, 拿锯|锯木头.
  if (w1 && !w2 && isVerb && endsNounWord(word, i) && nounWordAt(word, i + 2)) return null;
  if (w1 && !w2) {
    if (next === '') return { ...second, confidence: 0.5 }; // the line breaks off: unsure
    if (OFTEN_AFTER_SAME.has(x)) return null; // 现在|在家, 目的|的实现: the word's last character, then the same one opening a phrase
    if (FUNCTION_CHARS.has(x)) return { ...second, confidence: 0.6 };
    return { ...second, confidence: 0.85 }; // 吃住住在, 更新新补贴
  }
  if (!w1 && w2) {
    if (prev === '' || /\s/u.test(prev) || (!isHan(prev) && word(i, i + 2))) {
      // The word before may have started on the previous line (饮用|水水源地): unsure. After
      // punctuation the pair opens the clause: a word of its own (层层压实) or a slip (保|保留).
      if (!FUNCTION_CHARS.has(x)) return null;
    }
    // 八道河村|村干部, 某某行|行长. After the general classifier 个 the character is a counted
    // noun (二十八个班), not the end of a name, so 个班|班级 is a slip, though 每个村|村民 is not
    // unheard of: a weak finding.
    // A place's level then a word of its own: 梅湾市|市场监管局, 峒山县|县城, 岭门村|村史馆 (after 个
    // the character is a counted noun: judged below).
    if (ADMIN_LEVELS.has(x) && prev !== '个') return null;
    if (ORG_SUFFIXES.has(x) && namesMemberOrOrgan(c, word, i + 1)) return prev === '个' ? { ...second, confidence: 0.5 } : null;
    // Either copy may go (the text comes out the same); the second is the one flagged, always.
    if (FUNCTION_CHARS.has(x)) return { ...second, confidence: 0.85 }; // 在在家里
    // 说说话: maybe tentative reduplication, when the doubled verb is a word (说说); 保保留 is not.
    if (isVerb && pair) return { ...second, confidence: 0.4 };
    return { ...second, confidence: 0.6 };
  }
  // 7. Neither copy belongs to a word.
  if (FUNCTION_CHARS.has(x)) return { ...second, confidence: 0.9 }; // 的的, 了了
  // A verb or adjective reduplicated on its own is tentative or vivid (陪陪孩子, 走走看看, 红红的):
  // Chinese, not a slip; the slips before a complement (住住在) were caught above.
  if (single && /^(?:v|a|z|d)/u.test(single.tag)) return null;
  return { ...second, confidence: 0.75 };
}
