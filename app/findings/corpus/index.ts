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

/** Positions inside one block stay below this (a block is a paragraph, not a book). */
const POSITION_SPAN = 2 ** 24;

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
      end: endOffset(self.norm, run.b),
      otherStart: hit.other.norm.offsets[run.c]!,
      otherEnd: endOffset(hit.other.norm, run.d),
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
  private readonly entries: (Entry | null)[] = [];
  private readonly slots = new Map<string, number>();
  /**
   * hash → packed postings (entry slot * 2^24 + position: plain numbers keep millions small),
   * sharded because one Map holds at most 2^24 keys.
   */
  private readonly shards = Array.from({ length: 16 }, () => new Map<number, number[]>());

  private postings(hash: number): Map<number, number[]> {
    return this.shards[hash & 15]!;
  }

  get size(): number {
    return this.slots.size;
  }

  add(block: CorpusBlock): void {
    this.remove(block.key);
    const entry = entryOf(block);
    const slot = this.entries.push(entry) - 1;
    this.slots.set(block.key, slot);
    for (const fp of winnow(entry.norm.text)) {
      const list = this.postings(fp.hash).get(fp.hash);
      const packed = slot * POSITION_SPAN + fp.pos;
      if (!list) this.postings(fp.hash).set(fp.hash, [packed]);
      else if (list.length <= MAX_POSTINGS) list.push(packed);
    }
  }

  remove(key: string): void {
    const slot = this.slots.get(key);
    if (slot === undefined) return;
    const entry = this.entries[slot]!;
    this.slots.delete(key);
    this.entries[slot] = null;
    for (const fp of winnow(entry.norm.text)) {
      const list = this.postings(fp.hash).get(fp.hash);
      if (list) this.postings(fp.hash).set(fp.hash, list.filter((p) => Math.floor(p / POSITION_SPAN) !== slot));
    }
  }

  /** Maximal runs of at least minLength characters this block shares with other blocks. */
  sharedRuns(key: string, minLength: number): SharedRun[] {
    const slot = this.slots.get(key);
    if (slot === undefined) return [];
    const entry = this.entries[slot]!;
    const hits: Hit[] = [];
    for (const fp of winnow(entry.norm.text)) {
      const list = this.postings(fp.hash).get(fp.hash);
      if (!list || list.length > MAX_POSTINGS) continue;
      for (const packed of list) {
        const other = Math.floor(packed / POSITION_SPAN);
        if (other !== slot) hits.push({ other: this.entries[other]!, pos: fp.pos, otherPos: packed % POSITION_SPAN });
      }
    }
    return collectRuns(entry, hits, minLength);
  }
}

/** The offset just after the last compared character (each is one UTF-16 unit). */
function endOffset(norm: Normalised, endIndex: number): number {
  return norm.offsets[endIndex - 1]! + 1;
}

/** Grows a k-gram hit into the maximal common run around it (verifying the hash hit). */
function extend(x: Normalised, p: number, y: Normalised, q: number): { a: number; b: number; c: number; d: number } | null {
  const xt = x.text;
  const yt = y.text;
  for (let i = 0; i < K; i++) if (xt.charCodeAt(p + i) !== yt.charCodeAt(q + i)) return null;
  let a = p;
  let c = q;
  while (a > 0 && c > 0 && xt.charCodeAt(a - 1) === yt.charCodeAt(c - 1)) {
    a--;
    c--;
  }
  let b = p + K;
  let d = q + K;
  while (b < xt.length && d < yt.length && xt.charCodeAt(b) === yt.charCodeAt(d)) {
    b++;
    d++;
  }
  return { a, b, c, d };
}
