import fs from 'node:fs';
import path from 'node:path';
import type { Library } from '../../app/library.js';
import { importPaths } from '../../app/import/importer.js';
import { getArticle, listArticles, type ArticleDetail } from '../../app/store/articles.js';
import { makeTempDir, openTempLibrary } from '../helpers.js';

/*
 * Small pages of our own for the tagging, annotation and search tests: one simplified page with
 * two articles, one traditional page with one. Written for these tests, not taken from seeds/.
 */

export const SIMPLIFIED_PAGE = [
  '营口港集装箱吞吐量创新高',
  '本报记者 王海',
  '今年以来，营口港完成集装箱吞吐量120万标准箱，同比增长8%。',
  '港口负责人介绍，鲅鱼圈港区新建泊位投入使用，5G智慧码头提升了作业效率。',
  '大连湾海鲜节开幕',
  '本报记者 赵雪',
  '第十届大连湾海鲜节昨日开幕，吸引游客三万人次。',
  '',
].join('\n\n');

export const TRADITIONAL_PAGE = [
  '營口創城 市民參與',
  '本報記者 李明',
  '營口市創建全國文明城市工作全面展開，市民踴躍參與志願服務。',
  '生態環境持續改善，城區新增口袋公園二十處。',
  '',
].join('\n\n');

export interface PagesLibrary {
  lib: Library;
  /** The simplified page's first article (营口港…), its second (大连湾…), the traditional page's. */
  port: ArticleDetail;
  seafood: ArticleDetail;
  trad: ArticleDetail;
  /** Writes another page and imports it. */
  importPage(name: string, text: string): void;
  article(id: number): ArticleDetail;
}

export function libraryWithPages(): PagesLibrary {
  const lib = openTempLibrary();
  const dir = makeTempDir();
  const importPage = (name: string, text: string) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    const report = importPaths(lib.db, [file]);
    if (report.imported !== 1) throw new Error(`could not import ${name}: ${JSON.stringify(report.outcomes)}`);
  };
  importPage('simplified.txt', SIMPLIFIED_PAGE);
  importPage('traditional.txt', TRADITIONAL_PAGE);
  const article = (id: number) => getArticle(lib.db, id)!;
  const byHeadline = (start: string) => article(listArticles(lib.db).find((a) => a.headline?.startsWith(start))!.id);
  return { lib, port: byHeadline('营口港'), seafood: byHeadline('大连湾'), trad: byHeadline('營口創城'), importPage, article };
}

/** The block of an article whose text contains `text`. */
export function blockWith(article: ArticleDetail, text: string) {
  const block = article.blocks.find((b) => b.text.includes(text));
  if (!block) throw new Error(`no block with ${text} in article ${article.id}`);
  return block;
}
