import type { Db } from '../store/database.js';
import { writeTransaction } from '../store/database.js';
import { LibraryError } from '../store/errors.js';
import { nowIso } from '../store/clock.js';
import { getBlock, getBlocks, isLiveArticle, type ArticleStatus, ARTICLE_STATUSES } from '../store/articles.js';
import { type BlockClass, isBlockClass } from '../segment/types.js';
import { ChangeRecorder } from '../revisions/changes.js';
import { recordRevision, type Revision, type RevisionKind } from '../revisions/log.js';

/*
 * Every editing operation runs in one write transaction: it mutates rows through a ChangeRecorder
 * and ends by appending the revision that describes (and can undo) exactly what it did.
 */

function runOperation(db: Db, kind: RevisionKind, summary: string, body: (rec: ChangeRecorder) => void): Revision {
  return writeTransaction(db, () => {
    const rec = new ChangeRecorder(db);
    body(rec);
    const changes = rec.result();
    if (changes.length === 0) throw new LibraryError('Nothing changed.');
    return recordRevision(db, { kind, summary, changes });
  });
}

function requireArticle(db: Db, id: number): void {
  if (!isLiveArticle(db, id)) throw new LibraryError(`No article ${id} in this library.`);
}

function requireBlock(db: Db, id: number) {
  const block = getBlock(db, id);
  if (!block || !isLiveArticle(db, block.articleId)) throw new LibraryError(`No block ${id} in this library.`);
  return block;
}

interface ArticlePlace {
  source_id: number;
  ordinal: number;
  section: string | null;
  status: ArticleStatus;
}

function articlePlace(db: Db, id: number): ArticlePlace {
  return db.prepare('SELECT source_id, ordinal, section, status FROM articles WHERE id = ?').get(id) as ArticlePlace;
}

/** An ordinal strictly between an article and whatever follows it on the same page. */
function ordinalAfter(db: Db, place: ArticlePlace): number {
  const next = db
    .prepare('SELECT min(ordinal) AS o FROM articles WHERE source_id = ? AND ordinal > ?')
    .get(place.source_id, place.ordinal) as { o: number | null };
  return next.o === null ? place.ordinal + 1 : (place.ordinal + next.o) / 2;
}

/** Splits an article before the given block: that block and those after it become a new article. */
export function splitArticle(db: Db, articleId: number, atBlockId: number): Revision {
  requireArticle(db, articleId);
  const blocks = getBlocks(db, articleId);
  const index = blocks.findIndex((b) => b.id === atBlockId);
  if (index === -1) throw new LibraryError(`Block ${atBlockId} is not in article ${articleId}.`);
  if (index === 0) throw new LibraryError(`Block ${atBlockId} already starts article ${articleId}; nothing to split.`);
  return runOperation(db, 'split', `Split article ${articleId} before block ${atBlockId}`, (rec) => {
    const place = articlePlace(db, articleId);
    const info = db
      .prepare('INSERT INTO articles (source_id, ordinal, section, status, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(place.source_id, ordinalAfter(db, place), place.section, place.status, nowIso());
    const newId = Number(info.lastInsertRowid);
    rec.created('article', newId);
    for (const block of blocks.slice(index)) rec.update('block', block.id, { article_id: newId });
  });
}

/** Appends the second article's blocks to the first; the second article is retired. */
export function mergeArticles(db: Db, firstId: number, secondId: number): Revision {
  if (firstId === secondId) throw new LibraryError('Cannot merge an article with itself.');
  requireArticle(db, firstId);
  requireArticle(db, secondId);
  return runOperation(db, 'merge', `Merge article ${secondId} into article ${firstId}`, (rec) => {
    const last = getBlocks(db, firstId).at(-1)?.ordinal ?? 0;
    getBlocks(db, secondId).forEach((block, i) => {
      rec.update('block', block.id, { article_id: firstId, ordinal: last + 1 + i });
    });
    rec.update('article', secondId, { retired: 1 });
  });
}

/**
 * Moves a block into another article, at the given index of that article's blocks (at the end
 * when omitted). An article left without blocks is retired.
 */
export function moveBlock(db: Db, blockId: number, targetArticleId: number, index?: number): Revision {
  const block = requireBlock(db, blockId);
  requireArticle(db, targetArticleId);
  const target = getBlocks(db, targetArticleId).filter((b) => b.id !== blockId);
  const at = index === undefined ? target.length : index;
  if (!Number.isInteger(at) || at < 0 || at > target.length) {
    throw new LibraryError(`Position ${index} is outside article ${targetArticleId} (0–${target.length}).`);
  }
  const before = target[at - 1]?.ordinal;
  const after = target[at]?.ordinal;
  const ordinal =
    before === undefined && after === undefined ? 0
      : before === undefined ? after! - 1
        : after === undefined ? before + 1
          : (before + after) / 2;
  return runOperation(db, 'move', `Move block ${blockId} to article ${targetArticleId}`, (rec) => {
    rec.update('block', blockId, { article_id: targetArticleId, ordinal });
    if (block.articleId !== targetArticleId && getBlocks(db, block.articleId).length === 0) {
      rec.update('article', block.articleId, { retired: 1 });
    }
  });
}

export function reclassifyBlock(db: Db, blockId: number, cls: string): Revision {
  if (!isBlockClass(cls)) throw new LibraryError(`Unknown block class "${cls}".`);
  const block = requireBlock(db, blockId);
  if (block.cls === cls) throw new LibraryError(`Block ${blockId} is already ${cls}.`);
  return runOperation(db, 'class', `Block ${blockId}: ${block.cls} → ${cls}`, (rec) => {
    rec.update('block', blockId, { class: cls satisfies BlockClass });
  });
}

export function editBlockText(db: Db, blockId: number, text: string): Revision {
  const block = requireBlock(db, blockId);
  if (block.text === text) throw new LibraryError('Nothing changed.');
  return runOperation(db, 'text', `Edit text of block ${blockId}`, (rec) => {
    rec.update('block', blockId, { text });
  });
}

export function setArticleStatus(db: Db, articleId: number, status: string): Revision {
  if (!(ARTICLE_STATUSES as readonly string[]).includes(status)) {
    throw new LibraryError(`Unknown status "${status}" (one of ${ARTICLE_STATUSES.join(', ')}).`);
  }
  requireArticle(db, articleId);
  return runOperation(db, 'status', `Article ${articleId} status → ${status}`, (rec) => {
    rec.update('article', articleId, { status });
  });
}
