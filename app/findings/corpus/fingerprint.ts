/*
 * Winnowing (Schleimer, Wilkerson & Aiken 2003): hash every k-gram of the normalised text and keep
 * the minimum hash of each window of w consecutive hashes. Any shared run of at least k + w - 1
 * characters is guaranteed to share a kept fingerprint, and only about 2/(w+1) of the positions
 * are kept, so the index grows linearly with the corpus instead of comparing every pair of pages.
 */

/** k-grams of 6 characters, windows of 3: every shared run of 8 or more characters is caught. */
export const K = 6;
export const W = 3;

/**
 * The text as compared: white space never counts, and NFKC folds full- and half-width forms
 * (one UTF-16 unit in, one out; the rare character NFKC would expand is kept as it is).
 */
export interface Normalised {
  text: string;
  /** offsets[i]: the UTF-16 offset in the original text of text[i]. */
  offsets: Uint32Array;
}

const SPACE = /\s/;

export function normalise(text: string): Normalised {
  let out = '';
  const offsets = new Uint32Array(text.length);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (SPACE.test(ch)) continue;
    const folded = ch.normalize('NFKC');
    out += folded.length === 1 ? folded : ch;
    offsets[n++] = i;
  }
  return { text: out, offsets: offsets.subarray(0, n) };
}

function hashGram(text: string, from: number): number {
  // FNV-1a over the UTF-16 units, 32-bit.
  let h = 0x811c9dc5;
  for (let i = from; i < from + K; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export interface Fingerprint {
  hash: number;
  /** Index into the normalised text where the k-gram starts. */
  pos: number;
}

export function winnow(text: string): Fingerprint[] {
  const n = text.length - K + 1;
  if (n <= 0) return [];
  const hashes = new Uint32Array(n);
  for (let i = 0; i < n; i++) hashes[i] = hashGram(text, i);
  const out: Fingerprint[] = [];
  let lastPos = -1;
  for (let start = 0; start + W <= Math.max(n, W); start++) {
    let best = -1;
    for (let i = start; i < Math.min(start + W, n); i++) {
      // Rightmost minimum, as the paper advises, so equal runs keep one fingerprint.
      if (best === -1 || hashes[i]! <= hashes[best]!) best = i;
    }
    if (best !== lastPos) {
      out.push({ hash: hashes[best]!, pos: best });
      lastPos = best;
    }
    if (start + W >= n) break;
  }
  return out;
}
