/**
 * Word knowledge for the detectors: the dictionary that ships with @node-rs/jieba (≈349k words
 * with frequency and part-of-speech tag), a lazily created segmenter over it, and a
 * traditional→simplified character mapping (opencc-js) so that traditional text can be looked up
 * in the (simplified) dictionary. Everything is loaded once, on first use (≈0.5 s).
 */
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { Converter } from 'opencc-js/t2cn';

export interface WordInfo {
  freq: number;
  tag: string;
}

let words: Map<string, number> | null = null;
let tags: string[] = [];

/** Frequencies and tags packed in one number: freq * 64 + tag index. */
function load(): Map<string, number> {
  if (words) return words;
  const map = new Map<string, number>();
  const tagIndex = new Map<string, number>();
  const text = new TextDecoder('utf-8').decode(dict);
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end);
    start = end + 1;
    const a = line.indexOf(' ');
    if (a <= 0) continue;
    const b = line.indexOf(' ', a + 1);
    const word = line.slice(0, a);
    const freq = Number(line.slice(a + 1, b < 0 ? undefined : b));
    const tag = b < 0 ? 'x' : line.slice(b + 1).trim();
    let t = tagIndex.get(tag);
    if (t === undefined) {
      t = tags.length;
      tags.push(tag);
      tagIndex.set(tag, t);
    }
    if (Number.isFinite(freq) && !map.has(word)) map.set(word, freq * 64 + (t & 63));
  }
  words = map;
  return map;
}

/** The dictionary entry of a (simplified) word, if any. */
export function lookup(word: string): WordInfo | undefined {
  const packed = load().get(word);
  if (packed === undefined) return undefined;
  return { freq: Math.floor(packed / 64), tag: tags[packed % 64] ?? 'x' };
}

/** A (simplified) word's dictionary frequency, 0 when it is not in the dictionary. */
export function frequency(word: string): number {
  const packed = load().get(word);
  return packed === undefined ? 0 : Math.floor(packed / 64);
}

/** Every dictionary word with its frequency, for models built over the whole dictionary. */
export function forEachWord(visit: (word: string, freq: number) => void): void {
  for (const [word, packed] of load()) visit(word, Math.floor(packed / 64));
}

export function isWord(word: string, minFreq = 1): boolean {
  const info = lookup(word);
  return info !== undefined && info.freq >= minFreq;
}

let jieba: Jieba | null = null;

/** The shared segmenter (created once, lazily). */
export function segmenter(): Jieba {
  if (!jieba) jieba = Jieba.withDict(dict);
  return jieba;
}

let t2s: ((text: string) => string) | null = null;

/**
 * Traditional → simplified, character by character so that UTF-16 offsets stay aligned with the
 * input (whole-string conversion is used when it keeps the length; it knows phrase context).
 */
export function toSimplified(text: string): string {
  const convert: (text: string) => string = t2s ?? Converter({ from: 't', to: 'cn' });
  t2s = convert;
  const whole = convert(text);
  if (whole.length === text.length) return whole;
  let out = '';
  for (const ch of text) {
    const c = convert(ch);
    out += c.length === ch.length ? c : ch;
  }
  return out;
}

/** Does the block read as traditional script? (share of Han characters that t→s conversion changes) */
export function looksTraditional(text: string): boolean {
  const simplified = toSimplified(text);
  let han = 0;
  let changed = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (!/\p{Script=Han}/u.test(ch)) continue;
    han++;
    if (simplified[i] !== ch) changed++;
  }
  return han > 0 && changed / han >= 0.08;
}
