import { K, fingerprintBuffer, foldUnit, normalBuffer, normaliseInto, originalOffset, winnowInto, type Normalised, type Offsets } from './fingerprint.js';

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

/**
 * A fingerprint held more often than this (counting each place it stands) is a stop-fingerprint:
 * its postings are dropped and it finds nothing. A k-gram standing in dozens of blocks is
 * boilerplate (a slogan, a formula, a standing column, a reprinted paragraph), not a splice: the
 * detector already takes a run held by two or more other places for a set phrase
 * (dup-fragment.ts), and a spliced run is found through any of its fingerprints, so only a run
 * whose every fingerprint is that common goes unseen. Without the cap, posting lists grow with
 * the corpus (a paragraph reprinted on every page is held by every page), and so would the cost
 * of asking about a block and the index's memory; with it, a block's question touches at most
 * this many postings per fingerprint at any corpus size. The library's fingerprints table
 * applies the same cap (library/corpus.ts).
 */
export const MAX_POSTINGS = 40;

/**
 * Grows hits into maximal shared runs for one block at a time. The block is given normalised;
 * other blocks as their own text and where their normalised units stand in it, so the index
 * keeps no second copy of the corpus. Hits must come in increasing position in the block
 * (winnowing order); a hit inside a run already grown on the same diagonal of the same other
 * block would grow into that run again (or not verify), so it is skipped without comparing text.
 * Other blocks are told apart by a small number (an index slot, or the order a library block
 * was first met in).
 */
export class RunFinder {
  private self: Normalised = { units: new Uint16Array(0), length: 0, offsets: null };
  private minLength = 0;
  private runs: SharedRun[] = [];
  /**
   * (other, diagonal) → end of the last run grown along it, in an open-addressing table that
   * outlives the block: a cell counts only if it carries the current block's stamp, so starting
   * the next block clears nothing and no hit allocates.
   */
  private others = new Int32Array(1024);
  private diagonals = new Int32Array(1024);
  private ends = new Int32Array(1024);
  private stamps = new Uint32Array(1024);
  private stamp = 0;
  private grown = 0;

  /** The block asked about; its units must stay as they are until finish(). */
  begin(self: Normalised, minLength: number): void {
    this.self = self;
    this.minLength = minLength;
    this.runs = [];
    this.grown = 0;
    if (++this.stamp === 0x100000000) {
      this.stamps.fill(0);
      this.stamp = 1;
    }
  }

  /**
   * The k-gram at `pos` in this block stands at `otherPos` in the other block (both indexes
   * into the normalised texts); `otherText` is the other block's text and `otherOffsets` where
   * its normalised units stand in it, null when it has no white space.
   */
  hit(otherId: number, other: CorpusBlock, otherText: string, otherOffsets: Offsets | null, pos: number, otherPos: number): void {
    const diagonal = pos - otherPos;
    const cell = this.cellOf(otherId, diagonal);
    if (this.stamps[cell] === this.stamp && pos < this.ends[cell]!) return;
    const x = this.self.units;
    const xLength = this.self.length;
    const y = otherText;
    const yLength = otherOffsets ? otherOffsets.length : y.length;
    // The hash matched; the text must too.
    if (otherPos + K > yLength) return;
    for (let i = 0; i < K; i++) if (x[pos + i] !== unitAt(y, otherOffsets, otherPos + i)) return;
    let a = pos;
    let c = otherPos;
    while (a > 0 && c > 0 && x[a - 1] === unitAt(y, otherOffsets, c - 1)) {
      a--;
      c--;
    }
    let b = pos + K;
    let d = otherPos + K;
    while (b < xLength && d < yLength && x[b] === unitAt(y, otherOffsets, d)) {
      b++;
      d++;
    }
    this.remember(cell, otherId, diagonal, b);
    if (b - a < this.minLength) return;
    const selfOffsets = this.self.offsets;
    this.runs.push({
      other,
      start: originalOffset(selfOffsets, a),
      end: originalOffset(selfOffsets, b - 1) + 1,
      otherStart: originalOffset(otherOffsets, c),
      otherEnd: originalOffset(otherOffsets, d - 1) + 1,
      length: b - a,
    });
  }

  /** The runs of at least minLength characters, in the order their first hits came. */
  finish(): SharedRun[] {
    const runs = this.runs;
    this.runs = [];
    return runs;
  }

  /** The cell of (other, diagonal) if this block has one, else the free cell it would take. */
  private cellOf(otherId: number, diagonal: number): number {
    const mask = this.stamps.length - 1;
    let i = (Math.imul(otherId, 0x9e3779b1) ^ Math.imul(diagonal, 0x85ebca6b)) >>> 0;
    for (i &= mask; ; i = (i + 1) & mask) {
      if (this.stamps[i] !== this.stamp) return i;
      if (this.others[i] === otherId && this.diagonals[i] === diagonal) return i;
    }
  }

  private remember(cell: number, otherId: number, diagonal: number, end: number): void {
    if (this.stamps[cell] !== this.stamp) {
      if (++this.grown > this.stamps.length / 2) {
        this.growTable();
        cell = this.cellOf(otherId, diagonal);
      }
      this.stamps[cell] = this.stamp;
      this.others[cell] = otherId;
      this.diagonals[cell] = diagonal;
    }
    this.ends[cell] = end;
  }

  private growTable(): void {
    const { others, diagonals, ends, stamps } = this;
    const size = stamps.length * 2;
    this.others = new Int32Array(size);
    this.diagonals = new Int32Array(size);
    this.ends = new Int32Array(size);
    this.stamps = new Uint32Array(size);
    for (let j = 0; j < stamps.length; j++) {
      if (stamps[j] !== this.stamp) continue;
      const cell = this.cellOf(others[j]!, diagonals[j]!);
      this.stamps[cell] = this.stamp;
      this.others[cell] = others[j]!;
      this.diagonals[cell] = diagonals[j]!;
      this.ends[cell] = ends[j]!;
    }
  }
}

/** The j-th normalised unit of a text, given where its normalised units stand in it. */
function unitAt(text: string, offsets: Offsets | null, j: number): number {
  return foldUnit(text.charCodeAt(offsets ? offsets[j]! : j));
}

/*
 * The postings live in typed arrays, not a Map of arrays: tens of millions of fingerprints then
 * cost a few bytes each, give the garbage collector nothing to trace, and finding one touches a
 * cache line or two rather than a chain of objects spread over a heap of gigabytes. Hashes are
 * kept as signed 32-bit numbers, which the engine passes around without boxing.
 */

const SHARDS = 64;
const SHARD_BITS = 6;
/** The bits of a mixed hash above the shard's: where in its table a fingerprint's search starts. */
const HOME_SPAN = 2 ** (32 - SHARD_BITS);
const MAX_LOAD = 0.7;
/** A cell's meta: its state in the low STATE_BITS bits, 1 + the node at its list's head above. */
const STATE_BITS = 6;
const STATE_MASK = (1 << STATE_BITS) - 1;
/** States: a free cell; a held fingerprint stores 1 + its number of postings; a stop-fingerprint. */
const FREE = 0;
const STOP = STATE_MASK;
/** Node numbers stay below this in each shard, so 1 + a node fits above the state in 32 bits. */
const MAX_NODES = 2 ** (32 - STATE_BITS) - 2;

/**
 * One shard of the postings: an open-addressing table of hashes (linear probing; any size, not
 * only powers of two, so a table sized for what it will hold is not rounded up to twice that),
 * each cell a [hash, meta] pair, and a pool of list nodes [slot, position, 1 + next node] from
 * which each fingerprint's list hangs, newest first.
 */
class Shard {
  cells: Int32Array = new Int32Array(2 * 256);
  size = 256;
  used = 0;
  nodes: Int32Array = new Int32Array(3 * 256);
  nodesUsed = 0;
  /** 1 + the first node of the free list (0: none). */
  freeNodes = 0;

  /** The cell holding `hash`, or -1. */
  find(hash: number, home: number): number {
    const { cells, size } = this;
    for (let i = startOf(home, size); ; i = i + 1 === size ? 0 : i + 1) {
      if ((cells[2 * i + 1]! & STATE_MASK) === FREE) return -1;
      if (cells[2 * i] === hash) return i;
    }
  }

  /** Reads the fingerprint's first cell, so that the memory is on its way before it is needed. */
  touch(home: number): number {
    return this.cells[2 * startOf(home, this.size)]!;
  }

  /** The table size that makes room for `keys` more fingerprints; 0 when this one does. */
  cellsFor(keys: number): number {
    return this.used + keys > this.size * MAX_LOAD ? Math.ceil((this.used + keys) / MAX_LOAD) : 0;
  }

  /** The node count that makes room for `postings` more postings; 0 when the pool does. */
  nodesFor(postings: number): number {
    const nodes = Math.min(MAX_NODES, this.nodesUsed + postings);
    return 3 * nodes > this.nodes.length ? nodes : 0;
  }

  /** Adds a posting to the fingerprint's list, unless it is (or now becomes) a stop-fingerprint. */
  add(hash: number, home: number, slot: number, pos: number): void {
    if (this.used + 1 > this.size * MAX_LOAD) this.rehash(this.size * 2);
    const { cells, size } = this;
    let i = startOf(home, size);
    for (; ; i = i + 1 === size ? 0 : i + 1) {
      if ((cells[2 * i + 1]! & STATE_MASK) === FREE) {
        cells[2 * i] = hash;
        cells[2 * i + 1] = 1;
        this.used++;
        break;
      }
      if (cells[2 * i] === hash) break;
    }
    const meta = cells[2 * i + 1]!;
    const state = meta & STATE_MASK;
    if (state === STOP) return;
    let head = meta >>> STATE_BITS;
    if (state - 1 === MAX_POSTINGS) {
      // One posting too many: boilerplate from now on, and its postings are let go.
      while (head !== 0) head = this.releaseNode(head - 1);
      cells[2 * i + 1] = STOP;
      return;
    }
    const node = this.takeNode();
    this.nodes[3 * node] = slot;
    this.nodes[3 * node + 1] = pos;
    this.nodes[3 * node + 2] = head;
    cells[2 * i + 1] = ((node + 1) << STATE_BITS) | (state + 1);
  }

  /** Takes every posting of `slot` off the fingerprint's list. */
  remove(hash: number, home: number, slot: number): void {
    const i = this.find(hash, home);
    if (i === -1) return;
    const meta = this.cells[2 * i + 1]!;
    let state = meta & STATE_MASK;
    if (state === STOP) return;
    let head = meta >>> STATE_BITS;
    let previous = -1;
    for (let n = head - 1; n !== -1;) {
      const next = this.nodes[3 * n + 2]! - 1;
      if (this.nodes[3 * n] === slot) {
        if (previous === -1) head = next + 1;
        else this.nodes[3 * previous + 2] = next + 1;
        this.releaseNode(n);
        state--;
      } else {
        previous = n;
      }
      n = next;
    }
    this.cells[2 * i + 1] = (head << STATE_BITS) | state;
  }

  /**
   * Writes the postings of a fingerprint the asking block holds into the arrays, oldest first;
   * returns how many, or 0 when no other block can hold it: a stop-fingerprint, or one with a
   * single posting, which can only be the asking block's own (most fingerprints: reading their
   * node would only cost a cache miss).
   */
  postings(hash: number, home: number, slots: Int32Array, positions: Int32Array): number {
    const i = this.find(hash, home);
    if (i === -1) return 0;
    const meta = this.cells[2 * i + 1]!;
    const state = meta & STATE_MASK;
    if (state === STOP || state <= 2) return 0;
    const nodes = this.nodes;
    let at = state - 1;
    for (let n = (meta >>> STATE_BITS) - 1; n !== -1; n = nodes[3 * n + 2]! - 1) {
      at--;
      slots[at] = nodes[3 * n]!;
      positions[at] = nodes[3 * n + 1]!;
    }
    return state - 1;
  }

  private takeNode(): number {
    if (this.freeNodes !== 0) {
      const node = this.freeNodes - 1;
      this.freeNodes = this.nodes[3 * node + 2]!;
      return node;
    }
    if (3 * this.nodesUsed === this.nodes.length) {
      if (this.nodesUsed === MAX_NODES) throw new Error('The duplicate index is full.');
      this.resizeNodes(Math.min(MAX_NODES, Math.ceil(this.nodesUsed * 1.5)));
    }
    return this.nodesUsed++;
  }

  /** Puts the node on the free list; returns 1 + the node that followed it (0: none). */
  private releaseNode(node: number): number {
    const next = this.nodes[3 * node + 2]!;
    this.nodes[3 * node + 2] = this.freeNodes;
    this.freeNodes = node + 1;
    return next;
  }

  /** Moves the node pool into `into` (3 numbers a node, fresh or a part of a larger array). */
  moveNodes(into: Int32Array): void {
    into.set(this.nodes.subarray(0, 3 * this.nodesUsed));
    this.nodes = into;
  }

  private resizeNodes(nodes: number): void {
    this.moveNodes(new Int32Array(3 * nodes));
  }

  private rehash(size: number): void {
    this.rehashInto(new Int32Array(2 * size));
  }

  /** Moves the table into `cells` (2 numbers a cell, zeroed: fresh or a part of a larger array). */
  rehashInto(cells: Int32Array): void {
    const old = this.cells;
    const size = cells.length >>> 1;
    for (let j = 0; j < old.length; j += 2) {
      if ((old[j + 1]! & STATE_MASK) === FREE) continue;
      let i = startOf(mixOf(old[j]!) >>> SHARD_BITS, size);
      while ((cells[2 * i + 1]! & STATE_MASK) !== FREE) i = i + 1 === size ? 0 : i + 1;
      cells[2 * i] = old[j]!;
      cells[2 * i + 1] = old[j + 1]!;
    }
    this.cells = cells;
    this.size = size;
  }
}

/** A bijective mix of the hash: the low bits pick the shard, the rest the home cell. */
function mixOf(hash: number): number {
  return Math.imul(hash ^ (hash >>> 16), 0x45d9f3b);
}

/** Where a search starts in a table of `size` cells: the home scaled to the table (no modulo). */
function startOf(home: number, size: number): number {
  return Math.floor((home / HOME_SPAN) * size);
}

/** One fingerprint in 2^SAMPLE_BITS (by hash) is counted exactly to size the tables for a batch. */
const SAMPLE_BITS = 6;

/**
 * Every copy of the fingerprints it is shown, counted by hash. Shown the fingerprints whose
 * mixed hash has its top SAMPLE_BITS bits clear (every copy of a chosen fingerprint, one
 * fingerprint in 2^SAMPLE_BITS), it estimates how many distinct fingerprints a batch brings and
 * how many of their postings outlive the cap.
 */
class SampleCounts {
  private keys = new Int32Array(1024);
  private counts = new Int32Array(1024);
  private held = 0;

  add(hash: number): void {
    if (this.held + 1 > this.keys.length * MAX_LOAD) this.grow();
    const mask = this.keys.length - 1;
    for (let i = mixOf(hash) & mask; ; i = (i + 1) & mask) {
      if (this.counts[i] === 0) {
        this.keys[i] = hash;
        this.counts[i] = 1;
        this.held++;
        return;
      }
      if (this.keys[i] === hash) {
        this.counts[i]++;
        return;
      }
    }
  }

  /** Estimated distinct fingerprints, and postings of fingerprints that stay below the cap. */
  estimate(): { keys: number; postings: number } {
    let postings = 0;
    for (const count of this.counts) if (count <= MAX_POSTINGS) postings += count;
    return { keys: this.held * 2 ** SAMPLE_BITS, postings: postings * 2 ** SAMPLE_BITS };
  }

  private grow(): void {
    const { keys, counts } = this;
    this.keys = new Int32Array(keys.length * 2);
    this.counts = new Int32Array(keys.length * 2);
    this.held = 0;
    const mask = this.keys.length - 1;
    for (let j = 0; j < keys.length; j++) {
      if (counts[j] === 0) continue;
      let i = mixOf(keys[j]!) & mask;
      while (this.counts[i] !== 0) i = (i + 1) & mask;
      this.keys[i] = keys[j]!;
      this.counts[i] = counts[j]!;
      this.held++;
    }
  }
}

/**
 * An in-memory winnowing index over blocks. Finding the runs a block shares with the rest of the
 * corpus touches only the blocks that share a fingerprint with it. Blocks are held as given (the
 * index keeps no copy of their text), so a block's text must not change while it is indexed.
 *
 * Added blocks are indexed together when the index is next asked (or a block is removed): the
 * batch is fingerprinted once to size every table, then again to fill them. The index's memory is
 * then taken in one go rather than grown step by step; growing step by step makes the engine
 * collect garbage every few tens of megabytes, each time over the whole heap, which made adding
 * a block cost twice as much at 10,000 pages as at 1,000.
 */
export class CorpusIndex {
  private readonly blocks: (CorpusBlock | null)[] = [];
  /** Each block's text, beside the block so growing a run reads one object less. */
  private readonly texts: string[] = [];
  /** Where each block's normalised units stand in its text; null when it has no white space. */
  private readonly offsets: (Offsets | null)[] = [];
  private readonly slots = new Map<string, number>();
  /** Slots from here on are added but not yet indexed. */
  private indexedUpTo = 0;
  private readonly shards = Array.from({ length: SHARDS }, () => new Shard());
  private readonly normal = normalBuffer();
  private readonly fingerprints = fingerprintBuffer();
  private readonly finder = new RunFinder();
  private readonly listSlots = new Int32Array(MAX_POSTINGS);
  private readonly listPositions = new Int32Array(MAX_POSTINGS);
  /** Where touched memory is summed, so reading it ahead is not optimised away. */
  private touched = 0;

  get size(): number {
    return this.slots.size;
  }

  add(block: CorpusBlock): void {
    this.remove(block.key);
    const slot = this.blocks.push(block) - 1;
    this.texts.push(block.text);
    this.offsets.push(null);
    this.slots.set(block.key, slot);
  }

  /**
   * Forgets a block. A stop-fingerprint stays one: its postings are gone, and taking one block
   * away does not make a slogan rare.
   */
  remove(key: string): void {
    const slot = this.slots.get(key);
    if (slot === undefined) return;
    // Blocks added before take their postings first, as if each had been indexed when added.
    this.indexPending();
    const text = this.texts[slot]!;
    this.slots.delete(key);
    this.blocks[slot] = null;
    this.texts[slot] = '';
    this.offsets[slot] = null;
    const { hashes, count } = winnowInto(normaliseInto(text, this.normal), this.fingerprints);
    for (let f = 0; f < count; f++) {
      const hash = hashes[f]! | 0;
      const mix = mixOf(hash);
      this.shards[mix & (SHARDS - 1)]!.remove(hash, mix >>> SHARD_BITS, slot);
    }
  }

  /** Maximal runs of at least minLength characters this block shares with other blocks. */
  sharedRuns(key: string, minLength: number): SharedRun[] {
    const slot = this.slots.get(key);
    if (slot === undefined) return [];
    this.indexPending();
    const norm = normaliseInto(this.texts[slot]!, this.normal);
    const { hashes, positions, count } = winnowInto(norm, this.fingerprints);
    this.touchAll(count);
    const { finder, listSlots, listPositions } = this;
    finder.begin(norm, minLength);
    for (let f = 0; f < count; f++) {
      const hash = hashes[f]! | 0;
      const mix = mixOf(hash);
      const held = this.shards[mix & (SHARDS - 1)]!.postings(hash, mix >>> SHARD_BITS, listSlots, listPositions);
      const pos = positions[f]!;
      for (let h = 0; h < held; h++) {
        const other = listSlots[h]!;
        if (other !== slot) finder.hit(other, this.blocks[other]!, this.texts[other]!, this.offsets[other]!, pos, listPositions[h]!);
      }
    }
    return finder.finish();
  }

  /**
   * Indexes the blocks added since the index was last asked. sharedRuns and remove do this
   * themselves; calling it only chooses when the cost is paid.
   */
  indexPending(): void {
    const from = this.indexedUpTo;
    const to = this.blocks.length;
    if (from === to) return;
    // First pass: how many postings each shard is shown, and from a sample of the hashes, how
    // many are new and how many postings will stay (the rest become stop-fingerprints).
    const shown = new Float64Array(SHARDS);
    const sample = new SampleCounts();
    for (let slot = from; slot < to; slot++) {
      if (this.blocks[slot] === null) continue; // removed since
      const norm = normaliseInto(this.texts[slot]!, this.normal);
      this.offsets[slot] = norm.offsets;
      const { hashes, count } = winnowInto(norm, this.fingerprints);
      for (let f = 0; f < count; f++) {
        const hash = hashes[f]! | 0;
        const mix = mixOf(hash);
        shown[mix & (SHARDS - 1)]++;
        if (mix >>> (32 - SAMPLE_BITS) === 0) sample.add(hash);
      }
    }
    // Each shard takes one in SHARDS of them; a tenth to spare, and a little for small batches.
    const { keys, postings } = sample.estimate();
    const spare = (n: number) => Math.ceil((n / SHARDS) * 1.1) + 64;
    this.reserve(
      this.shards.map((shard, s) => shard.cellsFor(Math.min(spare(keys), shown[s]!))),
      this.shards.map((shard, s) => shard.nodesFor(Math.min(spare(postings), shown[s]!))),
    );
    // Second pass: the postings, in the order the blocks were added.
    for (let slot = from; slot < to; slot++) {
      if (this.blocks[slot] === null) continue; // removed since
      const { hashes, positions, count } = winnowInto(normaliseInto(this.texts[slot]!, this.normal), this.fingerprints);
      this.touchAll(count);
      for (let f = 0; f < count; f++) {
        const hash = hashes[f]! | 0;
        const mix = mixOf(hash);
        this.shards[mix & (SHARDS - 1)]!.add(hash, mix >>> SHARD_BITS, slot, positions[f]!);
      }
    }
    this.indexedUpTo = to;
  }

  /**
   * Gives the shards that need it a larger table and node pool, all carved out of a few large
   * arrays: the engine collects garbage after every few tens of megabytes taken outside its heap,
   * so many allocations spread over the work each cost a collection of the whole heap, and a few
   * taken at once cost one.
   */
  private reserve(cells: readonly number[], nodes: readonly number[]): void {
    carve(cells.map((size) => 2 * size), (s, part) => this.shards[s]!.rehashInto(part));
    carve(nodes.map((count) => 3 * count), (s, part) => this.shards[s]!.moveNodes(part));
  }

  /**
   * Reads the home cells of the current fingerprints before they are looked up: the reads do not
   * wait on one another, so the processor fetches many cells at once instead of one by one.
   */
  private touchAll(count: number): void {
    const hashes = this.fingerprints.hashes;
    let sum = 0;
    for (let f = 0; f < count; f++) {
      const mix = mixOf(hashes[f]! | 0);
      sum ^= this.shards[mix & (SHARDS - 1)]!.touch(mix >>> SHARD_BITS);
    }
    this.touched ^= sum;
  }
}

/** Numbers per array carve() allocates (1 GiB of Int32): far below the engine's limit. */
const CARVE_LIMIT = 2 ** 28;

/** Hands each non-zero length its own part of as few new arrays as it takes, in order. */
function carve(lengths: readonly number[], take: (index: number, part: Int32Array) => void): void {
  for (let from = 0; from < lengths.length;) {
    let to = from;
    let total = 0;
    while (to < lengths.length && (to === from || total + lengths[to]! <= CARVE_LIMIT)) total += lengths[to++]!;
    if (total > 0) {
      const block = new Int32Array(total);
      let at = 0;
      for (let i = from; i < to; i++) {
        if (lengths[i]! === 0) continue;
        take(i, block.subarray(at, at + lengths[i]!));
        at += lengths[i]!;
      }
    }
    from = to;
  }
}
