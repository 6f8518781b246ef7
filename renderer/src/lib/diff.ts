/*
 * A small character-level diff (Myers' O((N+M)·D) algorithm) for the compare view and the history.
 * Characters are code points, so a character outside the BMP is never cut in half. The common
 * prefix and suffix are trimmed first (an edit is usually local); past `maxCost` differences the
 * middle is reported as one deletion and one insertion rather than spending time and memory on it.
 */

export type DiffOp = 'equal' | 'delete' | 'insert';

export interface DiffPart {
  op: DiffOp;
  text: string;
}

export interface DiffOptions {
  /** The most edits (D) to search for before giving up on a minimal answer. */
  maxCost?: number;
  /** Equal runs this short between two changes are folded into them (easier to read). */
  mergeShortEqual?: number;
}

function push(parts: DiffPart[], op: DiffOp, text: string): void {
  if (text === '') return;
  const last = parts.at(-1);
  if (last && last.op === op) last.text += text;
  else parts.push({ op, text });
}

/** Myers' greedy forward search, keeping each round's frontier to walk the path back. */
function myers(a: readonly string[], b: readonly string[], maxCost: number): DiffPart[] | null {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = -1;
  for (let d = 0; d <= Math.min(max, maxCost); d++) {
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let x =
        k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = d;
        break;
      }
    }
    if (found >= 0) break;
  }
  if (found < 0) return null;

  // Walk back through the saved frontiers, collecting the edit script from the end.
  const reversed: { op: DiffOp; ch: string }[] = [];
  let x = n;
  let y = m;
  for (let d = found; d > 0; d--) {
    const frontier = trace[d]!; // v as it was when round d began, indexed from k = -d-1
    const at = (k: number) => frontier[k + d + 1]!;
    const k = x - y;
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1));
    const prevK = down ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      reversed.push({ op: 'equal', ch: a[x - 1]! });
      x--;
      y--;
    }
    if (down) {
      reversed.push({ op: 'insert', ch: b[y - 1]! });
      y--;
    } else {
      reversed.push({ op: 'delete', ch: a[x - 1]! });
      x--;
    }
  }
  while (x > 0 && y > 0) {
    reversed.push({ op: 'equal', ch: a[x - 1]! });
    x--;
    y--;
  }
  const parts: DiffPart[] = [];
  for (let i = reversed.length - 1; i >= 0; i--) push(parts, reversed[i]!.op, reversed[i]!.ch);
  return parts;
}

/** Folds short equal runs sitting between two changes into those changes. */
function mergeShortEquals(parts: DiffPart[], limit: number): DiffPart[] {
  if (limit <= 0) return parts;
  const out: DiffPart[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const isShortGap =
      part.op === 'equal' && i > 0 && i < parts.length - 1 && [...part.text].length <= limit;
    if (!isShortGap) {
      out.push({ ...part });
      continue;
    }
    // Turn "change, x, change" into deletions and insertions around x.
    push(out, 'delete', part.text);
    push(out, 'insert', part.text);
  }
  // Regroup: within each run of changes, all deletions first, then all insertions.
  const grouped: DiffPart[] = [];
  let del = '';
  let ins = '';
  const flush = () => {
    push(grouped, 'delete', del);
    push(grouped, 'insert', ins);
    del = '';
    ins = '';
  };
  for (const part of out) {
    if (part.op === 'equal') {
      flush();
      push(grouped, 'equal', part.text);
    } else if (part.op === 'delete') del += part.text;
    else ins += part.text;
  }
  flush();
  return grouped;
}

/** The differences between two texts, as equal/delete/insert runs in order. */
export function diffText(before: string, after: string, options: DiffOptions = {}): DiffPart[] {
  const { maxCost = 2000, mergeShortEqual = 0 } = options;
  if (before === after) return before === '' ? [] : [{ op: 'equal', text: before }];
  const a = Array.from(before);
  const b = Array.from(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const parts: DiffPart[] = [];
  push(parts, 'equal', a.slice(0, start).join(''));
  const middleA = a.slice(start, endA);
  const middleB = b.slice(start, endB);
  const middle = myers(middleA, middleB, maxCost) ?? [
    { op: 'delete' as const, text: middleA.join('') },
    { op: 'insert' as const, text: middleB.join('') },
  ];
  for (const part of middle) push(parts, part.op, part.text);
  push(parts, 'equal', a.slice(endA).join(''));
  return mergeShortEquals(parts, mergeShortEqual);
}

/** The text on one side of a diff: 'before' keeps equal and deleted runs, 'after' equal and inserted. */
export function sideOf(parts: readonly DiffPart[], side: 'before' | 'after'): string {
  const skip: DiffOp = side === 'before' ? 'insert' : 'delete';
  return parts.filter((p) => p.op !== skip).map((p) => p.text).join('');
}

/** How many characters a diff changes (deleted plus inserted). */
export function diffCost(parts: readonly DiffPart[]): number {
  return parts.reduce((sum, p) => sum + (p.op === 'equal' ? 0 : [...p.text].length), 0);
}
