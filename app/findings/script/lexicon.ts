import { forEachWord, frequency } from '../lexicon/dictionary.js';

/*
 * jieba's dictionary (the one @node-rs/jieba ships: ~350,000 simplified words with corpus
 * frequencies) as a unigram word model, and jieba's own segmentation over it: the most probable
 * split of a text into dictionary words, a word scoring log(freq / total) and a character unknown
 * to the dictionary counting as a word of frequency 1. Unlike the native segmenter, this one tells
 * the score of a segmentation, which the checks compare before and after a change. Built once,
 * lazily, over the dictionary lexicon/dictionary.ts has already read (about a tenth of a second).
 *
 * The dictionary is simplified: look traditional text up through its simplified form.
 */

export interface Lexicon {
  /** Corpus frequency of a word, 0 when the dictionary does not have it. */
  freq(word: string): number;
  /** log(freq / total), with a frequency-1 floor for unknown single characters. */
  logProb(word: string): number;
  /**
   * How often a character stands alone as a word, and how often (summed word frequencies) it
   * sits inside longer words.
   */
  charUse(ch: string): { alone: number; inWords: number };
  /** Longest word length (in UTF-16 units) looked at. */
  readonly maxWordLength: number;
  readonly total: number;
}

export interface Segment {
  start: number;
  end: number;
}

export interface Segmentation {
  words: Segment[];
  score: number;
}

/** Words longer than this do not matter to the checks (idioms are four characters). */
const MAX_WORD_LENGTH = 8;

let cached: Lexicon | null = null;

/** Built over the dictionary the detectors already hold (lexicon/dictionary.ts), not parsed again. */
export function lexicon(): Lexicon {
  if (cached) return cached;
  const inWords = new Map<string, number>();
  let total = 0;
  forEachWord((word, f) => {
    total += f;
    if (word.length > 1) {
      for (let i = 0; i < word.length; i++) {
        const ch = word[i]!;
        // Each character once per word: 哈哈 counts 哈 once.
        if (word.indexOf(ch) === i) inWords.set(ch, (inWords.get(ch) ?? 0) + f);
      }
    }
  });
  const logTotal = Math.log(total);
  const freq = (w: string) => (w.length <= MAX_WORD_LENGTH ? frequency(w) : 0);
  cached = {
    freq,
    logProb: (w) => Math.log(freq(w) || 1) - logTotal,
    charUse: (ch) => ({ alone: freq(ch), inWords: inWords.get(ch) ?? 0 }),
    maxWordLength: MAX_WORD_LENGTH,
    total,
  };
  return cached;
}

/** A CJK ideograph (the unified blocks and extension A; the compatibility block is left out). */
export function isHan(ch: string): boolean {
  const cp = ch.codePointAt(0)!;
  return (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0x20000 && cp <= 0x2ebef);
}

/**
 * The dictionary's words up to MAX_WORD_LENGTH as a prefix tree, so that segment() walks the words
 * starting at a position in one pass and stops at the first prefix no word has, instead of slicing
 * and looking up every candidate substring (that lookup was nearly half of all detection time).
 * A node is a number; its child under a UTF-16 unit is edges.get(node * 65536 + unit).
 */
interface WordTrie {
  edges: Map<number, number>;
  /** A node's word frequency, 0 when no word ends there. */
  freq: Float64Array;
}

let trie: WordTrie | null = null;

function wordTrie(): WordTrie {
  if (trie) return trie;
  const edges = new Map<number, number>();
  const freqs: number[] = [0];
  forEachWord((word, f) => {
    if (word.length > MAX_WORD_LENGTH) return;
    let node = 0;
    for (let k = 0; k < word.length; k++) {
      const key = node * 65536 + word.charCodeAt(k);
      let child = edges.get(key);
      if (child === undefined) {
        child = freqs.length;
        freqs.push(0);
        edges.set(key, child);
      }
      node = child;
    }
    freqs[node] = f;
  });
  trie = { edges, freq: Float64Array.from(freqs) };
  return trie;
}

/**
 * jieba's maximum-probability segmentation of text[from, to) over dictionary words (every
 * character may also stand alone). Offsets are UTF-16 offsets into text.
 */
export function segment(text: string, from = 0, to = text.length): Segmentation {
  const lex = lexicon();
  const { edges, freq } = wordTrie();
  const logTotal = Math.log(lex.total);
  const n = to - from;
  const best = new Float64Array(n + 1);
  const next = new Int32Array(n + 1);
  best[n] = 0;
  for (let i = n - 1; i >= 0; i--) {
    const first = text.charCodeAt(from + i);
    const step = first >= 0xd800 && first <= 0xdbff && i + 1 < n ? 2 : 1;
    // A lone character always counts as a word.
    let score = lex.logProb(text.slice(from + i, from + i + step)) + best[i + step]!;
    let end = i + step;
    const limit = Math.min(n, i + lex.maxWordLength);
    let node = 0;
    for (let j = i + 1; j <= limit; j++) {
      const child = edges.get(node * 65536 + text.charCodeAt(from + j - 1));
      if (child === undefined) break;
      node = child;
      const f = freq[node]!;
      if (j <= i + step || f <= 0) continue;
      const s = Math.log(f) - logTotal + best[j]!;
      if (s > score) {
        score = s;
        end = j;
      }
    }
    best[i] = score;
    next[i] = end;
  }
  const words: Segment[] = [];
  for (let i = 0; i < n; i = next[i]!) words.push({ start: from + i, end: from + next[i]! });
  return { words, score: best[0]! };
}
