import type { Db } from '../store/database.js';
import { nowIso } from '../store/clock.js';
import type { RowChange } from '../revisions/changes.js';
import { foldChar } from '../search/fold.js';
import { articleBlocks, CONTEXT_CHARS, liveBlock, type AnchorRow, type LiveBlock } from './anchors.js';
import { diffHunks, mapOffset, type Hunk } from './diff.js';

/*
 * Keeps anchors (comments, span tags) on their text after a revision. recordRevision calls this
 * with the revision's row changes, which hold each changed block's text before and after:
 *  1. an anchor in a changed block is mapped through that block's diff (diff.ts) and follows the
 *     block into whatever article it is in now;
 *  2. when that fails (its blocks retired or parted, its text deleted or replaced outright) it is
 *     looked for by its quote, best agreement with its old context first, in its article;
 *  3. when that fails too it is detached, keeping its last place: never deleted;
 *  4. detached anchors of the articles the revision changed are looked for again, so undoing a
 *     deletion brings the comment back onto its text.
 * Anchor positions are derived like summaries and findings, not tracked by revisions: undoing an
 * edit maps them back through the inverse diff.
 */

interface Placed {
  articleId: number;
  blockId: number;
  start: number;
  endBlockId: number;
  end: number;
}

/** Whether the new text still shares anything with the old quote (folded, spaces aside). */
function sharesText(oldQuote: string, newQuote: string): boolean {
  const old = new Set<string>();
  for (const ch of oldQuote) if (!/\s/u.test(ch)) old.add(foldChar(ch));
  if (old.size === 0) return true;
  for (const ch of newQuote) if (old.has(foldChar(ch))) return true;
  return false;
}

function quoteOf(blocks: readonly LiveBlock[], p: Placed): string | null {
  const i = blocks.findIndex((b) => b.id === p.blockId);
  const j = blocks.findIndex((b) => b.id === p.endBlockId);
  if (i === -1 || j === -1 || j < i || (i === j && p.end <= p.start)) return null;
  if (i === j) return blocks[i]!.text.slice(p.start, p.end);
  return [blocks[i]!.text.slice(p.start), ...blocks.slice(i + 1, j).map((b) => b.text), blocks[j]!.text.slice(0, p.end)].join('\n');
}

function commonSuffix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/** The anchor's quote in the article's current text, where its context agrees best; null if absent or ambiguous. */
export function locateQuote(blocks: readonly LiveBlock[], a: Pick<AnchorRow, 'quote' | 'prefix' | 'suffix' | 'block_id' | 'start_offset'>): Placed | null {
  if (!a.quote || blocks.length === 0) return null;
  const starts: number[] = [];
  let pos = 0;
  for (const b of blocks) {
    starts.push(pos);
    pos += b.text.length + 1;
  }
  const doc = blocks.map((b) => b.text).join('\n');
  const blockAt = (p: number, isEnd: boolean) => {
    for (let k = blocks.length - 1; k >= 0; k--) {
      if (isEnd ? starts[k]! < p : starts[k]! <= p) return k;
    }
    return 0;
  };
  let best: { score: number; sameBlock: boolean; distance: number; at: number } | null = null;
  let count = 0;
  for (let at = doc.indexOf(a.quote); at !== -1; at = doc.indexOf(a.quote, at + 1)) {
    count++;
    const k = blockAt(at, false);
    const score = commonSuffix(a.prefix, doc.slice(Math.max(0, at - CONTEXT_CHARS), at))
      + commonPrefix(a.suffix, doc.slice(at + a.quote.length, at + a.quote.length + CONTEXT_CHARS));
    const sameBlock = blocks[k]!.id === a.block_id;
    const distance = sameBlock ? Math.abs(at - starts[k]! - a.start_offset) : Infinity;
    if (!best || score > best.score || (score === best.score && (Number(sameBlock) > Number(best.sameBlock) || distance < best.distance))) {
      best = { score, sameBlock, distance, at };
    }
  }
  if (!best) return null;
  // A short quote found several times, with no context to tell them apart, is not found.
  if (count > 1 && a.quote.length < 3 && best.score < 3) return null;
  const i = blockAt(best.at, false);
  const endAt = best.at + a.quote.length;
  const j = blockAt(endAt, true);
  return {
    articleId: blocks[i]!.article_id,
    blockId: blocks[i]!.id,
    start: best.at - starts[i]!,
    endBlockId: blocks[j]!.id,
    end: endAt - starts[j]!,
  };
}

function mapThrough(db: Db, a: AnchorRow, hunks: ReadonlyMap<number, Hunk[]>): Placed | null {
  const first = liveBlock(db, a.block_id);
  const last = a.end_block_id === a.block_id ? first : liveBlock(db, a.end_block_id);
  if (!first || !last || first.article_id !== last.article_id) return null;
  const start = hunks.has(first.id) ? mapOffset(hunks.get(first.id)!, a.start_offset, 'start') : a.start_offset;
  const end = hunks.has(last.id) ? mapOffset(hunks.get(last.id)!, a.end_offset, 'end') : a.end_offset;
  return { articleId: first.article_id, blockId: first.id, start, endBlockId: last.id, end };
}

export function reanchorAfterChanges(db: Db, changes: readonly RowChange[], contentArticles: readonly number[]): void {
  const hunks = new Map<number, Hunk[]>();
  const changedBlocks: number[] = [];
  for (const c of changes) {
    if (c.table !== 'block' || !c.before || !c.after) continue;
    changedBlocks.push(c.id);
    if (c.before['text'] !== c.after['text']) hunks.set(c.id, diffHunks(String(c.before['text']), String(c.after['text'])));
  }
  if (changedBlocks.length === 0 && contentArticles.length === 0) return;

  const now = nowIso();
  const attach = db.prepare(`UPDATE anchors SET article_id = ?, block_id = ?, start_offset = ?, end_block_id = ?, end_offset = ?,
                               quote = ?, prefix = ?, suffix = ?, detached = 0, updated_at = ? WHERE id = ?`);
  const detach = db.prepare('UPDATE anchors SET detached = 1, updated_at = ? WHERE id = ?');
  const blocksOf = new Map<number, LiveBlock[]>();
  const liveBlocks = (articleId: number) => {
    let list = blocksOf.get(articleId);
    if (!list) blocksOf.set(articleId, (list = articleBlocks(db, articleId)));
    return list;
  };
  const place = (a: AnchorRow, p: Placed): boolean => {
    const blocks = liveBlocks(p.articleId);
    const quote = quoteOf(blocks, p);
    if (quote === null || !sharesText(a.quote, quote)) return false;
    const first = blocks.find((b) => b.id === p.blockId)!;
    const last = blocks.find((b) => b.id === p.endBlockId)!;
    attach.run(p.articleId, p.blockId, p.start, p.endBlockId, p.end, quote,
      first.text.slice(Math.max(0, p.start - CONTEXT_CHARS), p.start), last.text.slice(p.end, p.end + CONTEXT_CHARS), now, a.id);
    return true;
  };
  /** The article to look in: where the anchor's first block is now (a retired block keeps its article). */
  const homeOf = (a: AnchorRow) =>
    (db.prepare('SELECT article_id FROM blocks WHERE id = ?').pluck().get(a.block_id) as number | undefined) ?? a.article_id;
  const relocate = (a: AnchorRow): boolean => {
    const found = locateQuote(liveBlocks(homeOf(a)), a);
    return found !== null && place(a, found);
  };

  const ids = JSON.stringify(changedBlocks);
  const affected = db
    .prepare(`SELECT * FROM anchors WHERE detached = 0 AND (block_id IN (SELECT value FROM json_each(?))
              OR end_block_id IN (SELECT value FROM json_each(?)))`)
    .all(ids, ids) as AnchorRow[];
  for (const a of affected) {
    const mapped = mapThrough(db, a, hunks);
    if ((mapped && place(a, mapped)) || relocate(a)) continue;
    detach.run(now, a.id);
  }

  if (contentArticles.length === 0) return;
  const detached = db
    .prepare('SELECT * FROM anchors WHERE detached = 1 AND article_id IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify(contentArticles)) as AnchorRow[];
  for (const a of detached) relocate(a);
}
