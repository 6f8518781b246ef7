/*
 * Winnowing (Schleimer, Wilkerson & Aiken 2003): hash every k-gram of the normalised text and keep
 * the minimum hash of each window of w consecutive hashes. Any shared run of at least k + w - 1
 * characters is guaranteed to share a kept fingerprint, and only about 2/(w+1) of the positions
 * are kept, so the index grows linearly with the corpus instead of comparing every pair of pages.
 */

export const K = 8;
export const W = 5;

/** Characters compared: NFKC folds full- and half-width forms; white space never counts. */
export interface Normalised {
  chars: string[];
  /** offsets[i]: the UTF-16 offset in the original text of chars[i]. */
  offsets: number[];
}

export function normalise(text: string): Normalised {
  const chars: string[] = [];
  const offsets: number[] = [];
  let offset = 0;
  for (const ch of text) {
    if (!/\s/u.test(ch)) {
      chars.push(ch.normalize('NFKC'));
      offsets.push(offset);
    }
    offset += ch.length;
  }
  return { chars, offsets };
}

function hashGram(chars: readonly string[], from: number): number {
  // FNV-1a over the code points, 32-bit.
  let h = 0x811c9dc5;
  for (let i = from; i < from + K; i++) {
    const s = chars[i]!;
    for (let j = 0; j < s.length; j++) {
      h ^= s.charCodeAt(j);
      h = Math.imul(h, 0x01000193);
    }
  }
  return h >>> 0;
}

export interface Fingerprint {
  hash: number;
  /** Index into the normalised characters where the k-gram starts. */
  pos: number;
}

export function winnow(chars: readonly string[]): Fingerprint[] {
  const n = chars.length - K + 1;
  if (n <= 0) return [];
  const hashes = Array.from({ length: n }, (_, i) => hashGram(chars, i));
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
