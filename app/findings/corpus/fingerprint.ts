/*
 * Winnowing (Schleimer, Wilkerson & Aiken 2003): hash every k-gram of the normalised text and keep
 * the minimum hash of each window of w consecutive hashes. Any shared run of at least k + w - 1
 * characters is guaranteed to share a kept fingerprint, and only about 2/(w+1) of the positions
 * are kept, so the index grows linearly with the corpus instead of comparing every pair of pages.
 *
 * The hashes and positions are stored in the library (the fingerprints table): changing how text
 * is normalised or hashed needs a migration that recomputes them.
 */
import { Converter } from 'opencc-js/t2cn';

/** k-grams of 6 characters, windows of 3: every shared run of 8 or more characters is caught. */
export const K = 6;
export const W = 3;

/**
 * The text as compared: white space never counts, NFKC folds full- and half-width forms, and a
 * traditional character folds to its simplified form, so a run copied from a traditional column
 * into a simplified one (or partly converted by OCR) is still the same run (one UTF-16 unit in,
 * one out; a character either fold would expand is kept as it is).
 */
export interface Normalised {
  /** The compared units; only the first `length` count. */
  units: Uint16Array;
  length: number;
  /**
   * offsets[i]: the UTF-16 offset in the original text of units[i]; null when no white space was
   * left out (the usual paragraph), so units[i] stands at offset i.
   */
  offsets: Offsets | null;
}

/** Where normalised units stand in the original text: 16 bits each when the text is short enough. */
export type Offsets = Uint16Array | Uint32Array;

/** Marks white space in the fold table: it is left out. */
export const DROPPED = -1;
const UNKNOWN = -2;
/** Each UTF-16 unit's fate, computed on first sight: normalising every unit anew is slow. */
const folds = new Int32Array(0x10000).fill(UNKNOWN);

/**
 * OpenCC's plain character table, built on first use. lexicon/dictionary.ts has a converter too,
 * but importing it loads jieba's dictionary, and the store's migrations import this module.
 */
let traditionalToSimplified: ((text: string) => string) | null = null;

/** The unit NFKC and then the traditional-to-simplified table fold this UTF-16 unit to, or DROPPED for white space. */
export function foldUnit(code: number): number {
  let fold = folds[code]!;
  if (fold === UNKNOWN) {
    const ch = String.fromCharCode(code);
    const nfkc = ch.normalize('NFKC');
    const folded = nfkc.length === 1 ? nfkc : ch;
    const convert = (traditionalToSimplified ??= Converter({ from: 't', to: 'cn' }));
    const simplified = convert(folded);
    fold = /\s/.test(ch) ? DROPPED : (simplified.length === 1 ? simplified : folded).charCodeAt(0);
    folds[code] = fold;
  }
  return fold;
}

/** Room to normalise texts into, reused from text to text (grown when a text is longer). */
export interface NormalBuffer {
  units: Uint16Array;
  /** Always filled, for the text being normalised. */
  offsets: Uint32Array;
}

export function normalBuffer(length = 256): NormalBuffer {
  return { units: new Uint16Array(length), offsets: new Uint32Array(length) };
}

/**
 * Normalises into the buffer: the result's units are the buffer's (valid until its next use),
 * its offsets a copy of their own, kept only when white space was left out (the index keeps them
 * for every such block, so they take 16 bits each where they can).
 */
export function normaliseInto(text: string, buffer: NormalBuffer): Normalised {
  if (buffer.units.length < text.length) {
    buffer.units = new Uint16Array(Math.max(text.length, buffer.units.length * 2));
    buffer.offsets = new Uint32Array(buffer.units.length);
  }
  const { units, offsets } = buffer;
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const fold = foldUnit(text.charCodeAt(i));
    if (fold === DROPPED) continue;
    offsets[n] = i;
    units[n++] = fold;
  }
  if (n === text.length) return { units, length: n, offsets: null };
  return { units, length: n, offsets: text.length <= 0xffff ? Uint16Array.from(offsets.subarray(0, n)) : offsets.slice(0, n) };
}

export function normalise(text: string): Normalised {
  return normaliseInto(text, normalBuffer(text.length));
}

/** The UTF-16 offset in the original text of the normalised text's i-th unit. */
export function originalOffset(offsets: Offsets | null, i: number): number {
  return offsets ? offsets[i]! : i;
}

function hashGram(units: Uint16Array, from: number): number {
  // FNV-1a over the UTF-16 units, 32-bit.
  let h = 0x811c9dc5;
  for (let i = from; i < from + K; i++) {
    h ^= units[i]!;
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A text's fingerprints in position order: hashes[i] is the k-gram starting at positions[i]. */
export interface Fingerprints {
  hashes: Uint32Array;
  /** Indexes into the normalised text where each k-gram starts, increasing. */
  positions: Uint32Array;
  count: number;
}

/** Room for the fingerprints of texts, reused from text to text (grown when a text is longer). */
export function fingerprintBuffer(length = 256): Fingerprints {
  return { hashes: new Uint32Array(length), positions: new Uint32Array(length), count: 0 };
}

let grams = new Uint32Array(256);

/**
 * Winnows the normalised text into `out` and returns it, allocating nothing once the buffers
 * are large enough: the index winnows every block when it is added and again when asked about it.
 */
export function winnowInto(norm: Normalised, out: Fingerprints): Fingerprints {
  out.count = 0;
  const n = norm.length - K + 1;
  if (n <= 0) return out;
  if (grams.length < n) grams = new Uint32Array(Math.max(n, grams.length * 2));
  // At most one fingerprint per window, and never more than the k-grams.
  if (out.hashes.length < n) {
    out.hashes = new Uint32Array(Math.max(n, out.hashes.length * 2));
    out.positions = new Uint32Array(out.hashes.length);
  }
  const hashes = grams;
  for (let i = 0; i < n; i++) hashes[i] = hashGram(norm.units, i);
  let kept = 0;
  let lastPos = -1;
  for (let start = 0; start + W <= Math.max(n, W); start++) {
    let best = -1;
    for (let i = start; i < Math.min(start + W, n); i++) {
      // Rightmost minimum, as the paper advises, so equal runs keep one fingerprint.
      if (best === -1 || hashes[i]! <= hashes[best]!) best = i;
    }
    if (best !== lastPos) {
      out.hashes[kept] = hashes[best]!;
      out.positions[kept++] = best;
      lastPos = best;
    }
    if (start + W >= n) break;
  }
  out.count = kept;
  return out;
}

/** The fingerprints of a text (normalised first), in arrays of their own. */
export function fingerprintsOf(text: string): Fingerprints {
  const { hashes, positions, count } = winnowInto(normalise(text), fingerprintBuffer(text.length));
  return { hashes: hashes.slice(0, count), positions: positions.slice(0, count), count };
}
