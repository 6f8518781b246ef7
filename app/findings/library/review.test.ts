import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importPaths } from '../../import/importer.js';
import { getArticle, listArticles } from '../../store/articles.js';
import { editBlockText } from '../../edit/operations.js';
import { undoArticle } from '../../revisions/undo.js';
import { countFindings, getFinding, listFindings } from './findings-store.js';
import { acceptFinding, acceptFindings, previewAccept, rejectFinding } from './review.js';
import { makeTempDir, openTempLibrary, tableCounts } from '../../../test/helpers.js';

/** A small page of our own with known defects: ASCII commas, a stray space and a doubled word. */
const PAGE = [
  '河岸新城 焕发活力',
  '本报记者 周 明',
  '今年以来,清河区新建口袋公园12处,市民休闲有了好去处。',
  '全区 36 个社区开展环境整治，背街小巷面貌一新。',
  '据介绍，清河区还将推进推进老旧小区改造，让群众住得更舒心。',
  '',
].join('\n\n');

function libraryWithPage() {
  const lib = openTempLibrary();
  const file = path.join(makeTempDir(), 'page.txt');
  fs.writeFileSync(file, PAGE);
  importPaths(lib.db, [file]);
  const article = listArticles(lib.db).find((a) => a.blockCount >= 3)!;
  return { lib, article };
}

const texts = (lib: ReturnType<typeof openTempLibrary>, id: number) => getArticle(lib.db, id)!.blocks.map((b) => b.text);

describe('findings in the library', () => {
  it('are computed on import and counted by kind and page', () => {
    const { lib, article } = libraryWithPage();
    const kinds = listFindings(lib.db, { articleId: article.id }).map((f) => f.kind);
    expect(kinds).toEqual(expect.arrayContaining(['halfwidth_punct', 'stray_space', 'dup_adjacent']));
    const counts = countFindings(lib.db);
    expect(counts.byKind.halfwidth_punct).toBeGreaterThanOrEqual(2);
    expect(counts.byPage).toHaveLength(1);
    expect(counts.byPage[0]!.total).toBe(counts.total);
  });

  it('finds a run spliced in from another page of the library, judged by the article around each copy', () => {
    const lib = openTempLibrary();
    const dir = makeTempDir();
    // The copy's own paragraph holds its words nowhere else; the paragraph beside it does.
    const source = '农业新闻\n\n马铃薯成了致富薯\n\n本报讯 近年来，县里引导农户扩大马铃薯种植和加工，今年全县马铃薯种植面积达到三万亩。\n\n县里还建设贮藏窖和加工厂，把马铃薯做成了全县农民增收的主导产业。\n';
    const wedged = '城市新闻\n\n早餐摊有了新去处\n\n本报讯 老街口的早餐摊开了二十年，附近的居民每天早上都要来买加工厂，把马铃薯一碗豆花、两根油条。如今摊位搬进了便民市场，环境干净了，生意也更好了。\n';
    fs.writeFileSync(path.join(dir, 'a.txt'), source);
    importPaths(lib.db, [path.join(dir, 'a.txt')]);
    fs.writeFileSync(path.join(dir, 'b.txt'), wedged);
    importPaths(lib.db, [path.join(dir, 'b.txt')]);
    // Only the other copy's article (read from the library) tells this short run for a splice.
    const found = listFindings(lib.db, { kinds: ['dup_fragment'] });
    expect(found.map((f) => f.flagged)).toEqual(['加工厂，把马铃薯']);
    expect(getArticle(lib.db, found[0]!.articleId)!.blocks.some((b) => b.text.includes('早餐摊'))).toBe(true);
  });

  it('accepting a fix changes the text as a revision that undo takes back', () => {
    const { lib, article } = libraryWithPage();
    const before = texts(lib, article.id);
    const comma = listFindings(lib.db, { articleId: article.id, kinds: ['halfwidth_punct'] })[0]!;
    const result = acceptFinding(lib.db, comma.id);
    expect(result.accepted).toBe(1);
    expect(texts(lib, article.id).join('')).toContain('今年以来，清河区');
    expect(getFinding(lib.db, comma.id)!.state).toBe('accepted');

    undoArticle(lib.db, article.id);
    expect(texts(lib, article.id)).toEqual(before);
    expect(getFinding(lib.db, comma.id)!.state).toBe('open');
  });

  it('a rejected finding stays rejected when the article is analysed again, until the rejection is undone', () => {
    const { lib, article } = libraryWithPage();
    const doubled = listFindings(lib.db, { articleId: article.id, kinds: ['dup_adjacent'] })[0]!;
    rejectFinding(lib.db, doubled.id);
    const other = getArticle(lib.db, article.id)!.blocks.find((b) => b.text.includes('今年以来'))!;
    editBlockText(lib.db, other.id, other.text.replace('好去处', '好地方'));
    expect(getFinding(lib.db, doubled.id)!.state).toBe('rejected');
    expect(listFindings(lib.db, { articleId: article.id, kinds: ['dup_adjacent'] })).toEqual([]);
    undoArticle(lib.db, article.id);
    undoArticle(lib.db, article.id);
    expect(getFinding(lib.db, doubled.id)!.state).toBe('open');
  });

  it('an edit that removes the defect retires its finding, and undoing the edit opens it again', () => {
    const { lib, article } = libraryWithPage();
    const space = listFindings(lib.db, { articleId: article.id, kinds: ['stray_space'] })[0]!;
    const block = getArticle(lib.db, article.id)!.blocks.find((b) => b.id === space.blockId)!;
    editBlockText(lib.db, block.id, block.text.replace(/ /g, ''));
    expect(getFinding(lib.db, space.id)!.state).toBe('retired');
    undoArticle(lib.db, article.id);
    expect(getFinding(lib.db, space.id)!.state).toBe('open');
  });

  it('bulk-accepts every finding of a kind as one undoable step, after a preview', () => {
    const { lib, article } = libraryWithPage();
    const open = listFindings(lib.db, { kinds: ['halfwidth_punct'] });
    expect(previewAccept(lib.db, { kinds: ['halfwidth_punct'] })).toMatchObject({ findings: open.length, articles: 1 });
    const before = texts(lib, article.id);
    const counts = tableCounts(lib);
    const result = acceptFindings(lib.db, { kinds: ['halfwidth_punct'] });
    expect(result.accepted).toBe(open.length);
    expect(texts(lib, article.id).join('')).not.toMatch(/[,]/);
    expect(tableCounts(lib).revisions).toBe(counts.revisions + 1);
    undoArticle(lib.db, article.id);
    expect(texts(lib, article.id)).toEqual(before);
    expect(listFindings(lib.db, { kinds: ['halfwidth_punct'] })).toHaveLength(open.length);
  });

  it('accepts only above a confidence when asked', () => {
    const { lib } = libraryWithPage();
    const all = listFindings(lib.db);
    const threshold = 0.95;
    const expected = all.filter((f) => f.confidence >= threshold && f.fixes.length > 0).length;
    expect(previewAccept(lib.db, { minConfidence: threshold }).findings).toBe(all.filter((f) => f.confidence >= threshold).length);
    if (expected > 0) expect(acceptFindings(lib.db, { minConfidence: threshold }).accepted).toBeLessThanOrEqual(expected);
  });

  it('refuses to accept or reject a finding that is not open', () => {
    const { lib, article } = libraryWithPage();
    const f = listFindings(lib.db, { articleId: article.id })[0]!;
    rejectFinding(lib.db, f.id);
    expect(() => acceptFinding(lib.db, f.id)).toThrow(/rejected, not open/);
    expect(() => rejectFinding(lib.db, f.id)).toThrow(/rejected, not open/);
    expect(() => rejectFinding(lib.db, 987654)).toThrow(/No finding/);
  });
});
