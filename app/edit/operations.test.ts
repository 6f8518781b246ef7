import { describe, expect, it } from 'vitest';
import type { Library } from '../library.js';
import { importPaths } from '../import/importer.js';
import { getArticle, listArticles } from '../store/articles.js';
import { getSourceText } from '../store/sources.js';
import { listRevisions } from '../revisions/log.js';
import { redoArticle, undoArticle } from '../revisions/undo.js';
import { LibraryError } from '../store/errors.js';
import { setSetting } from '../store/settings.js';
import { editBlockText, mergeArticles, moveBlock, reclassifyBlock, setArticleStatus, splitArticle } from './operations.js';
import { openTempLibrary, SEED_FILES } from '../../test/helpers.js';

/** Everything an editor can see of the library's articles. */
function snapshot(lib: Library) {
  return listArticles(lib.db).map((a) => getArticle(lib.db, a.id));
}

function libraryWithPage(): Library {
  const lib = openTempLibrary();
  importPaths(lib.db, [SEED_FILES[1]!]);
  return lib;
}

/** The first article with at least n blocks. */
function articleWithBlocks(lib: Library, n: number) {
  const found = listArticles(lib.db).find((a) => a.blockCount >= n);
  if (!found) throw new Error(`no article with ${n} blocks`);
  return getArticle(lib.db, found.id)!;
}

describe('editing operations and undo', () => {
  it('splits an article at a block, and undo restores it exactly', () => {
    const lib = libraryWithPage();
    const before = snapshot(lib);
    const article = articleWithBlocks(lib, 4);
    const at = article.blocks[2]!;
    const rev = splitArticle(lib.db, article.id, at.id);
    expect(rev.kind).toBe('split');

    const after = listArticles(lib.db);
    expect(after).toHaveLength(before.length + 1);
    const newArticle = after[after.findIndex((a) => a.id === article.id) + 1]!;
    expect(getArticle(lib.db, newArticle.id)!.blocks.map((b) => b.id)).toEqual(article.blocks.slice(2).map((b) => b.id));
    expect(getArticle(lib.db, article.id)!.blocks.map((b) => b.id)).toEqual(article.blocks.slice(0, 2).map((b) => b.id));
    expect(newArticle.section).toBe(article.section);

    undoArticle(lib.db, article.id);
    expect(snapshot(lib)).toEqual(before);
  });

  it('merges two articles, and undo restores both', () => {
    const lib = libraryWithPage();
    const before = snapshot(lib);
    const [first, second] = listArticles(lib.db);
    mergeArticles(lib.db, first!.id, second!.id);
    const merged = getArticle(lib.db, first!.id)!;
    expect(merged.blocks).toHaveLength(first!.blockCount + second!.blockCount);
    expect(getArticle(lib.db, second!.id)).toBeUndefined();
    expect(listArticles(lib.db)).toHaveLength(before.length - 1);

    undoArticle(lib.db, second!.id);
    expect(snapshot(lib)).toEqual(before);
  });

  it('moves a block to another article at a position, and undo puts it back', () => {
    const lib = libraryWithPage();
    const before = snapshot(lib);
    const source = articleWithBlocks(lib, 3);
    const target = listArticles(lib.db).find((a) => a.id !== source.id)!;
    const block = source.blocks[1]!;
    moveBlock(lib.db, block.id, target.id, 1);
    expect(getArticle(lib.db, target.id)!.blocks[1]!.id).toBe(block.id);
    expect(getArticle(lib.db, source.id)!.blocks.map((b) => b.id)).not.toContain(block.id);

    undoArticle(lib.db, target.id);
    expect(snapshot(lib)).toEqual(before);
  });

  it('retires an article whose last block moves away, and undo brings it back', () => {
    const lib = libraryWithPage();
    const before = snapshot(lib);
    const [first, second] = listArticles(lib.db);
    for (const block of getArticle(lib.db, second!.id)!.blocks) moveBlock(lib.db, block.id, first!.id);
    expect(getArticle(lib.db, second!.id)).toBeUndefined();
    for (let i = 0; i < second!.blockCount; i++) undoArticle(lib.db, first!.id);
    expect(snapshot(lib)).toEqual(before);
  });

  it('reclassifies a block, refreshing the derived headline, and undo restores it', () => {
    const lib = libraryWithPage();
    const before = snapshot(lib);
    const article = articleWithBlocks(lib, 3);
    const body = article.blocks.find((b) => b.cls === 'body')!;
    const headline = article.blocks.find((b) => b.cls === 'headline');
    if (headline) reclassifyBlock(lib.db, headline.id, 'body');
    reclassifyBlock(lib.db, body.id, 'headline');
    expect(getArticle(lib.db, article.id)!.headline).toBe(body.text);
    expect(getArticle(lib.db, article.id)!.blocks.find((b) => b.id === body.id)!.originalClass).toBe('body');
    undoArticle(lib.db, article.id);
    if (headline) undoArticle(lib.db, article.id);
    expect(snapshot(lib)).toEqual(before);
  });

  it('edits text as a revision, never touching the original OCR text', () => {
    const lib = libraryWithPage();
    setSetting(lib.db, 'author', '校对员甲');
    const article = articleWithBlocks(lib, 2);
    const block = article.blocks[1]!;
    const original = getSourceText(lib.db, block.sourceId);
    const rev = editBlockText(lib.db, block.id, `${block.text}（已校）`);
    expect(rev).toMatchObject({ kind: 'text', author: '校对员甲', articles: [article.id] });
    const edited = getArticle(lib.db, article.id)!.blocks[1]!;
    expect(edited.text).toBe(`${block.text}（已校）`);
    expect(edited.originalText).toBe(block.text);
    expect(getSourceText(lib.db, block.sourceId)).toBe(original);
  });

  it('redoes what was undone, and an undo is itself a revision in the log', () => {
    const lib = libraryWithPage();
    const article = articleWithBlocks(lib, 2);
    setArticleStatus(lib.db, article.id, 'in_review');
    editBlockText(lib.db, article.blocks[0]!.id, '改过的标题');
    undoArticle(lib.db, article.id);
    undoArticle(lib.db, article.id);
    expect(getArticle(lib.db, article.id)!.status).toBe('raw');
    redoArticle(lib.db, article.id);
    expect(getArticle(lib.db, article.id)!.status).toBe('in_review');
    redoArticle(lib.db, article.id);
    expect(getArticle(lib.db, article.id)!.blocks[0]!.text).toBe('改过的标题');
    expect(() => redoArticle(lib.db, article.id)).toThrow(/Nothing to redo/);
    expect(listRevisions(lib.db, article.id).map((r) => r.kind)).toEqual(['status', 'text', 'undo', 'undo', 'redo', 'redo']);
  });

  it('closes the redo path when a new edit follows an undo', () => {
    const lib = libraryWithPage();
    const article = articleWithBlocks(lib, 2);
    editBlockText(lib.db, article.blocks[0]!.id, '一');
    undoArticle(lib.db, article.id);
    editBlockText(lib.db, article.blocks[1]!.id, '二');
    expect(() => redoArticle(lib.db, article.id)).toThrow(/Nothing to redo/);
  });

  it('refuses an undo that a later change in another article depends on', () => {
    const lib = libraryWithPage();
    const [first, second] = listArticles(lib.db);
    const block = getArticle(lib.db, first!.id)!.blocks.at(-1)!;
    moveBlock(lib.db, block.id, second!.id);
    editBlockText(lib.db, block.id, '移动后又改过');
    // The newest change touching the first article is the move; the edit after it blocks it.
    expect(() => undoArticle(lib.db, first!.id)).toThrow(/changed by a later revision/);
    undoArticle(lib.db, second!.id);
    undoArticle(lib.db, first!.id);
    expect(getArticle(lib.db, first!.id)!.blocks.at(-1)!.id).toBe(block.id);
  });

  it('says so when there is nothing to undo, and refuses unknown ids and classes', () => {
    const lib = libraryWithPage();
    const article = articleWithBlocks(lib, 2);
    expect(() => undoArticle(lib.db, article.id)).toThrow(LibraryError);
    expect(() => splitArticle(lib.db, 99999, 1)).toThrow(/No article 99999/);
    expect(() => splitArticle(lib.db, article.id, article.blocks[0]!.id)).toThrow(/already starts/);
    expect(() => reclassifyBlock(lib.db, article.blocks[0]!.id, 'sidebar')).toThrow(/Unknown block class/);
    expect(() => mergeArticles(lib.db, article.id, article.id)).toThrow(/itself/);
  });
});
