import { K, normalise, winnow, type Normalised } from './fingerprint.js';

/** A block somewhere in the corpus; `order` ranks blocks in reading order (page, then position). */
export interface CorpusBlock {
  key: string;
  order: number;
  /** Which page the block is on, so duplicates across pages can be judged apart. */
  page: string;
  text: string;
  /** Blocks of these classes are ignored as either copy (headlines repeat in body text by design). */
  cls: string;
}

export interface SharedRun {
  other: CorpusBlock;
  /** UTF-16 offsets into this block's text and the other block's text. */
  start: number;
  end: number;
  otherStart: number;
  otherEnd: number;
  /** Length in compared (non-space) characters. */
  length: number;
}

/** Fingerprints seen in more blocks than this are boilerplate (slogans, formulas), not splices. */
const MAX_POSTINGS = 40;

export interface Entry {
  block: CorpusBlock;
  norm: Normalised;
}

export function entryOf(block: CorpusBlock): Entry {
  return { block, norm: normalise(block.text) };
}

/** A k-gram seen at `pos` in one block and at `otherPos` in another. */
export interface Hit {
  other: Entry;
  pos: number;
  otherPos: number;
}

/** Grows each hit into the maximal run around it; keeps distinct runs of at least minLength. */
export function collectRuns(self: Entry, hits: Iterable<Hit>, minLength: number): SharedRun[] {
  const runs: SharedRun[] = [];
  const seen = new Set<string>();
  for (const hit of hits) {
    const run = extend(self.norm, hit.pos, hit.other.norm, hit.otherPos);
    if (!run || run.b - run.a < minLength) continue;
    const id = `${hit.other.block.key}:${run.a}:${run.c}`;
    if (seen.has(id)) continue;
    seen.add(id);
    runs.push({
      other: hit.other.block,
      start: self.norm.offsets[run.a]!,
      end: endOffset(self.block.text, self.norm, run.b),
      otherStart: hit.other.norm.offsets[run.c]!,
      otherEnd: endOffset(hit.other.block.text, hit.other.norm, run.d),
      length: run.b - run.a,
    });
  }
  return runs;
}

/**
 * An in-memory winnowing index over blocks. Finding the runs a block shares with the rest of the
 * corpus touches only the blocks that share a fingerprint with it.
 */
export class CorpusIndex {
  private readonly entries = new Map<string, Entry>();
  private readonly postings = new Map<number, { key: string; pos: number }[]>();

  get size(): number {
    return this.entries.size;
  }

  add(block: CorpusBlock): void {
    this.remove(block.key);
    const entry = entryOf(block);
    const norm = entry.norm;
    this.entries.set(block.key, entry);
    for (const fp of winnow(norm.chars)) {
      const list = this.postings.get(fp.hash);
      if (!list) this.postings.set(fp.hash, [{ key: block.key, pos: fp.pos }]);
      else if (list.length <= MAX_POSTINGS) list.push({ key: block.key, pos: fp.pos });
    }
  }

  remove(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    for (const fp of winnow(entry.norm.chars)) {
      const list = this.postings.get(fp.hash);
      if (list) this.postings.set(fp.hash, list.filter((p) => p.key !== key));
    }
  }

  /** Maximal runs of at least minLength characters this block shares with other blocks. */
  sharedRuns(key: string, minLength: number): SharedRun[] {
    const entry = this.entries.get(key);
    if (!entry) return [];
    const hits: Hit[] = [];
    for (const fp of winnow(entry.norm.chars)) {
      const list = this.postings.get(fp.hash);
      if (!list || list.length > MAX_POSTINGS) continue;
      for (const posting of list) {
        if (posting.key !== key) hits.push({ other: this.entries.get(posting.key)!, pos: fp.pos, otherPos: posting.pos });
      }
    }
    return collectRuns(entry, hits, minLength);
  }
}

function endOffset(text: string, norm: Normalised, endIndex: number): number {
  const last = norm.offsets[endIndex - 1]!;
  return last + (text.codePointAt(last)! > 0xffff ? 2 : 1);
}

/** Grows a k-gram hit into the maximal common run around it (verifying the hash hit). */
function extend(x: Normalised, p: number, y: Normalised, q: number): { a: number; b: number; c: number; d: number } | null {
  for (let i = 0; i < K; i++) if (x.chars[p + i] !== y.chars[q + i]) return null;
  let a = p;
  let c = q;
  while (a > 0 && c > 0 && x.chars[a - 1] === y.chars[c - 1]) {
    a--;
    c--;
  }
  let b = p + K;
  let d = q + K;
  while (b < x.chars.length && d < y.chars.length && x.chars[b] === y.chars[d]) {
    b++;
    d++;
  }
  return { a, b, c, d };
}
