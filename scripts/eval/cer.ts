/*
 * Character error rate: Levenshtein distance (insertions, deletions and substitutions, each 1)
 * between a hypothesis and a reference, divided by the reference length. Units are UTF-16 code
 * units; every page here is in the Basic Multilingual Plane, so a code unit is one character.
 *
 * The distance is exact, computed with Ukkonen's banded dynamic programme: with a band of
 * half-width k around the diagonal the result is exact whenever it is <= k (any alignment that
 * leaves the band costs more than k), so the band is doubled until that holds. Time
 * O((n + m) * d) for distance d, memory O(m).
 */

/** Collapses every run of blank (empty or whitespace-only) lines into one blank line, drops blank
 * lines at the start and the end, and ends the text with a single newline. Nothing else changes. */
export function normalizeBlankLines(text: string): string {
  const lines = text.split('\n');
  const out: string[] = [];
  let pendingBlank = false;
  for (const line of lines) {
    if (/^[ \t\r\u3000]*$/.test(line)) {
      pendingBlank = out.length > 0;
      continue;
    }
    if (pendingBlank) out.push('');
    pendingBlank = false;
    out.push(line);
  }
  return out.length === 0 ? '' : `${out.join('\n')}\n`;
}

function banded(a: string, b: string, k: number): number {
  const n = a.length;
  const m = b.length;
  const inf = k + 1;
  let prev = new Int32Array(m + 2);
  let cur = new Int32Array(m + 2);
  for (let j = 0; j <= m + 1; j++) prev[j] = j <= k && j <= m ? j : inf;
  for (let i = 1; i <= n; i++) {
    const lo = Math.max(1, i - k);
    const hi = Math.min(m, i + k);
    cur[lo - 1] = lo === 1 ? (i <= k ? i : inf) : inf;
    const ai = a.charCodeAt(i - 1);
    for (let j = lo; j <= hi; j++) {
      let v = prev[j - 1]! + (ai === b.charCodeAt(j - 1) ? 0 : 1);
      const up = prev[j]! + 1;
      if (up < v) v = up;
      const left = cur[j - 1]! + 1;
      if (left < v) v = left;
      cur[j] = v > inf ? inf : v;
    }
    cur[hi + 1] = inf;
    const t = prev;
    prev = cur;
    cur = t;
  }
  return prev[m]!;
}

/** Exact Levenshtein distance in UTF-16 code units. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let s = 0;
  while (s < a.length && s < b.length && a.charCodeAt(s) === b.charCodeAt(s)) s++;
  let ea = a.length;
  let eb = b.length;
  while (ea > s && eb > s && a.charCodeAt(ea - 1) === b.charCodeAt(eb - 1)) {
    ea--;
    eb--;
  }
  const x = a.slice(s, ea);
  const y = b.slice(s, eb);
  if (x.length === 0) return y.length;
  if (y.length === 0) return x.length;
  for (let k = Math.max(Math.abs(x.length - y.length), 16); ; k *= 2) {
    const d = banded(x, y, k);
    if (d <= k) return d;
    if (k >= x.length + y.length) return d;
  }
}

export interface CerResult {
  distance: number;
  referenceLength: number;
  cer: number;
}

/** CER of `hypothesis` against `reference`, both with blank-line runs normalised first. */
export function cer(hypothesis: string, reference: string): CerResult {
  const h = normalizeBlankLines(hypothesis);
  const r = normalizeBlankLines(reference);
  const distance = editDistance(h, r);
  return { distance, referenceLength: r.length, cer: r.length === 0 ? (h.length === 0 ? 0 : 1) : distance / r.length };
}
