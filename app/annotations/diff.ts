/*
 * Where an offset in a block's old text lies in its new text. The texts are compared (common
 * prefix and suffix, then Myers' O(ND) difference on what is left), giving the changed regions
 * ("hunks"); an offset outside them moves with the text around it.
 *
 * Inside or at the edge of a change, a range's start and end are mapped so that the range keeps
 * text replaced inside it (an OCR fix 營→营 within a tagged name) but does not grow over text
 * inserted right before or after it (typing next to a comment does not extend the comment).
 */

export interface Hunk {
  /** The changed region in the old text … */
  aStart: number;
  aEnd: number;
  /** … and what replaced it in the new text. */
  bStart: number;
  bEnd: number;
}

/** Beyond this many single-character edits the middle is treated as one replaced region. */
const MAX_EDITS = 1000;

/** Myers' greedy difference; null when the texts differ by more than maxD edits. */
function myers(a: string, b: string, maxD: number): Array<'=' | '-' | '+'> | null {
  const n = a.length;
  const m = b.length;
  const limit = Math.min(maxD, n + m);
  const off = limit + 1;
  const v = new Int32Array(2 * limit + 3);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= limit; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[off + k - 1]! < v[off + k + 1]!) ? v[off + k + 1]! : v[off + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a.charCodeAt(x) === b.charCodeAt(y)) {
        x++;
        y++;
      }
      v[off + k] = x;
      if (x >= n && y >= m) return backtrack(trace, off, n, m, d);
    }
  }
  return null;
}

function backtrack(trace: Int32Array[], off: number, n: number, m: number, dEnd: number): Array<'=' | '-' | '+'> {
  const ops: Array<'=' | '-' | '+'> = [];
  let x = n;
  let y = m;
  for (let d = dEnd; d > 0; d--) {
    const v = trace[d]!;
    const k = x - y;
    const prevK = k === -d || (k !== d && v[off + k - 1]! < v[off + k + 1]!) ? k + 1 : k - 1;
    const prevX = v[off + prevK]!;
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      ops.push('=');
      x--;
      y--;
    }
    ops.push(x === prevX ? '+' : '-');
    x = prevX;
    y = prevY;
  }
  while (x > 0 && y > 0) {
    ops.push('=');
    x--;
    y--;
  }
  return ops.reverse();
}

/** The changed regions between two texts, in order, never touching one another. */
export function diffHunks(a: string, b: string): Hunk[] {
  if (a === b) return [];
  let pre = 0;
  const maxPre = Math.min(a.length, b.length);
  while (pre < maxPre && a.charCodeAt(pre) === b.charCodeAt(pre)) pre++;
  let suf = 0;
  while (suf < maxPre - pre && a.charCodeAt(a.length - 1 - suf) === b.charCodeAt(b.length - 1 - suf)) suf++;
  const midA = a.slice(pre, a.length - suf);
  const midB = b.slice(pre, b.length - suf);
  const ops = myers(midA, midB, MAX_EDITS);
  if (!ops) return [{ aStart: pre, aEnd: a.length - suf, bStart: pre, bEnd: b.length - suf }];
  const hunks: Hunk[] = [];
  let x = pre;
  let y = pre;
  let open: Hunk | null = null;
  for (const op of ops) {
    if (op === '=') {
      if (open) hunks.push(open);
      open = null;
      x++;
      y++;
      continue;
    }
    open ??= { aStart: x, aEnd: x, bStart: y, bEnd: y };
    if (op === '-') open.aEnd = ++x;
    else open.bEnd = ++y;
  }
  if (open) hunks.push(open);
  return hunks;
}

/** Maps an offset of the old text into the new text, as a range's start or as its end. */
export function mapOffset(hunks: readonly Hunk[], pos: number, bias: 'start' | 'end'): number {
  let delta = 0;
  for (const h of hunks) {
    if (h.aStart > pos) break;
    if (h.aEnd < pos) {
      delta = h.bEnd - h.aEnd;
      continue;
    }
    // The change touches pos.
    if (h.aStart === h.aEnd) return bias === 'start' ? h.bEnd : h.bStart; // inserted right here: stay outside
    if (pos === h.aStart) return h.bStart;
    if (pos === h.aEnd) return h.bEnd;
    return bias === 'start' ? h.bStart : h.bEnd; // inside a replaced region: keep the replacement
  }
  return pos + delta;
}
