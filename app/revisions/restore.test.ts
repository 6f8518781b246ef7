import { describe, expect, it } from 'vitest';
import type { Library } from '../library.js';
import { importPaths } from '../import/importer.js';
import { getArticle, listArticles } from '../store/articles.js';
import { LibraryError } from '../store/errors.js';
import { editBlockText, reclassifyBlock, setArticleStatus, splitArticle } from '../edit/operations.js';
import { listRevisions } from './log.js';
import { redoArticle, undoArticle } from './undo.js';
import { rejectFinding } from '../findings/library/review.js';
import { collapseChanges, restoreRevision } from './restore.js';
import { openTempLibrary, SEED_FILES } from '../../test/helpers.js';

function libraryWithPage(): Library {
  const lib = openTempLibrary();
  importPaths(lib.db, [SEED_FILES[1]!]);
  return lib;
}

function articleWithBlocks(lib: Library, n: number) {
  const found = listArticles(lib.db).find((a) => a.blockCount >= n);
  if (!found) throw new Error(`no article with ${n} blocks`);
  return getArticle(lib.db, found.id)!;
}

/** What the editor sees of an article: its status and its blocks' ids, classes and texts. */
function view(lib: Library, articleId: number) {
  const article = getArticle(lib.db, articleId)!;
  return { status: article.status, blocks: article.blocks.map((b) => ({ id: b.id, cls: b.cls, text: b.text })) };
}

describe('restoreRevision', () => {
  it('brings the text back to what it was right after the chosen revision, and undo of the restore brings back the latest state', () => {
    const lib = libraryWithPage();
    const article = articleWithBlocks(lib, 3);
    const block = article.blocks[1]!;

    editBlockText(lib.db, block.id, 'first version');
    const chosen = editBlockText(lib.db, block.id, 'second version');
    const afterChosen = view(lib, article.id);
    editBlockText(lib.db, block.id, 'third version');
    reclassifyBlock(lib.db, article.blocks[2]!.id, 'caption');
    setArticleStatus(lib.db, article.id, 'in_review');
    const latest = view(lib, article.id);

    const restore = restoreRevision(lib.db, article.id, chosen.id);
    expect(view(lib, article.id)).toEqual(afterChosen);
    expect(getArticle(lib.db, article.id)!.blocks[1]!.text).toBe('second version');
    // One revision, one row change per row however many revisions it walked back.
    expect(listRevisions(lib.db, article.id).at(-1)!.id).toBe(restore.id);
    expect(restore.changes.filter((c) => c.table === 'block' && c.id === block.id)).toHaveLength(1);

    undoArticle(lib.db, article.id);
    expect(view(lib, article.id)).toEqual(latest);
    redoArticle(lib.db, article.id);
    expect(view(lib, article.id)).toEqual(afterChosen);
  });

  it('walks back undo/redo chains and structural changes', () => {
    const lib = libraryWithPage();
    const article = articleWithBlocks(lib, 4);
    const [, second, third] = article.blocks;

    const chosen = editBlockText(lib.db, second!.id, 'kept');
    const afterChosen = view(lib, article.id);
    const articlesAfterChosen = listArticles(lib.db).map((a) => a.id);
    editBlockText(lib.db, second!.id, 'edited later');
    undoArticle(lib.db, article.id);
    redoArticle(lib.db, article.id);
    splitArticle(lib.db, article.id, third!.id);
    expect(getArticle(lib.db, article.id)!.blocks).toHaveLength(2);

    restoreRevision(lib.db, article.id, chosen.id);
    expect(view(lib, article.id)).toEqual(afterChosen);
    // The article the split created is retired again.
    expect(listArticles(lib.db).map((a) => a.id)).toEqual(articlesAfterChosen);
  });

  it('leaves alone a finding whose state analysis moved since, instead of refusing', () => {
    const lib = libraryWithPage();
    const finding = lib.db.prepare("SELECT id, article_id FROM findings WHERE state = 'open' LIMIT 1").get() as { id: number; article_id: number };
    const chosen = setArticleStatus(lib.db, finding.article_id, 'in_review');
    rejectFinding(lib.db, finding.id);
    // Analysis retires findings outside any revision (here by hand, as it would after an edit).
    lib.db.prepare("UPDATE findings SET state = 'retired' WHERE id = ?").run(finding.id);
    setArticleStatus(lib.db, finding.article_id, 'clean');
    restoreRevision(lib.db, finding.article_id, chosen.id);
    expect(getArticle(lib.db, finding.article_id)!.status).toBe('in_review');
  });

  it('refuses a revision of another article, or one with nothing after it', () => {
    const lib = libraryWithPage();
    const [a, b] = listArticles(lib.db);
    const revA = setArticleStatus(lib.db, a!.id, 'clean');
    setArticleStatus(lib.db, b!.id, 'clean');
    expect(() => restoreRevision(lib.db, b!.id, revA.id)).toThrow(LibraryError);
    expect(() => restoreRevision(lib.db, a!.id, revA.id)).toThrow(/nothing to restore/);
    expect(() => restoreRevision(lib.db, 999_999, revA.id)).toThrow(/No article/);
  });

  it('collapses a row changed several times into one change, and drops rows that end where they began', () => {
    const changes = collapseChanges([
      [{ table: 'block', id: 1, before: { text: 'c' }, after: { text: 'b' } }],
      [
        { table: 'block', id: 1, before: { text: 'b' }, after: { text: 'a' } },
        { table: 'article', id: 2, before: { status: 'clean' }, after: { status: 'raw' } },
      ],
      [{ table: 'article', id: 2, before: { status: 'raw' }, after: { status: 'clean' } }],
    ]);
    expect(changes).toEqual([{ table: 'block', id: 1, before: { text: 'c' }, after: { text: 'a' } }]);
  });
});
