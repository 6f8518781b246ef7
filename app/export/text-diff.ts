/*
 * The places where two versions of a paragraph differ, for the corrections report and the JSON
 * provenance: each hunk is what stood at a UTF-16 offset of the old text and what replaced it.
 *
 * Compared by code point, not UTF-16 unit, so a hunk never splits a character outside the Basic
 * Multilingual Plane (rare Han characters are) into a lone surrogate. Myers' O(ND) diff over the
 * part between the common prefix and suffix; editors' changes are small, so D is small. A change
 * too large to be worth aligning (a paragraph rewritten) is one hunk.
 */

export interface Hunk {
  /** UTF-16 offset into the old text. */
  offset: number;
  before: string;
  after: string;
}

/** Beyond this many inserted plus deleted characters the middle is reported as one hunk. */
const MAX_EDIT_DISTANCE = 400;

type Op = 'equal' | 'delete' | 'insert';

/** Myers' greedy diff of a and b, as one op per code point; null when D exceeds maxD. */
function myers(a: readonly string[], b: readonly string[], maxD: number): Op[] | null {
  const n = a.length;
  const m = b.length;
  const max = Math.min(n + m, maxD);
  const off = max + 1;
  const v = new Int32Array(2 * max + 3);
  // trace[d]: the furthest x on each diagonal k after d - 1 edits, which step d starts from.
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[off + k - 1]! < v[off + k + 1]!) ? v[off + k + 1]! : v[off + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[off + k] = x;
      if (x >= n && y >= m) return backtrack(trace, off, n, m);
    }
  }
  return null;
}

/** Walks the trace back from (n, m) to (0, 0), collecting the ops in reverse. */
function backtrack(trace: readonly Int32Array[], off: number, n: number, m: number): Op[] {
  const ops: Op[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const v = trace[d]!;
    const k = x - y;
    const prevK = k === -d || (k !== d && v[off + k - 1]! < v[off + k + 1]!) ? k + 1 : k - 1;
    const prevX = v[off + prevK]!;
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      ops.push('equal');
      x--;
      y--;
    }
    if (d > 0) ops.push(x === prevX ? 'insert' : 'delete');
    x = prevX;
    y = prevY;
  }
  return ops.reverse();
}

function utf16Length(chars: readonly string[], from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) n += chars[i]!.length;
  return n;
}

/** The hunks that turn `before` into `after`, in order; none when they are equal. */
export function diffHunks(before: string, after: string): Hunk[] {
  if (before === after) return [];
  const a = Array.from(before);
  const b = Array.from(after);
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (suffix < a.length - prefix && suffix < b.length - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;
  const midA = a.slice(prefix, a.length - suffix);
  const midB = b.slice(prefix, b.length - suffix);
  const base = utf16Length(a, 0, prefix);
  const ops = myers(midA, midB, MAX_EDIT_DISTANCE);
  if (!ops) return [{ offset: base, before: midA.join(''), after: midB.join('') }];

  const hunks: Hunk[] = [];
  let i = 0;
  let j = 0;
  let offset = base;
  let current: Hunk | null = null;
  for (const op of ops) {
    if (op === 'equal') {
      if (current) hunks.push(current);
      current = null;
      offset += midA[i]!.length;
      i++;
      j++;
      continue;
    }
    current ??= { offset, before: '', after: '' };
    if (op === 'delete') {
      current.before += midA[i]!;
      offset += midA[i]!.length;
      i++;
    } else {
      current.after += midB[j]!;
      j++;
    }
  }
  if (current) hunks.push(current);
  return hunks;
}
