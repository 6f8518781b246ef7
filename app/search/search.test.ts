import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LibraryError } from '../store/errors.js';
import { getArticle } from '../store/articles.js';
import { editBlockText, mergeArticles, setArticleStatus, splitArticle } from '../edit/operations.js';
import { redoArticle, undoArticle } from '../revisions/undo.js';
import { tagArticle } from '../tags/assign.js';
import { createCampaign } from '../tags/campaigns.js';
import { matchingArticleIds, searchArticles, searchPlan, type SearchSpec } from './search.js';
import { ensureSearchIndex } from './indexer.js';
import { openDatabase } from '../store/database.js';
import { blockWith, libraryWithPages } from '../../test/search/pages.js';
import { makeTempDir } from '../../test/helpers.js';

const ids = (lib: ReturnType<typeof libraryWithPages>['lib'], spec: SearchSpec) =>
  searchArticles(lib.db, spec, { limit: 100 }).hits.map((h) => h.article.id).sort((a, b) => a - b);

describe('full-text search over the current text', () => {
  it('finds traditional text with a simplified query, and simplified text with a traditional one', () => {
    const { lib, port, trad } = libraryWithPages();
    expect(ids(lib, { query: '营口' })).toEqual([port.id, trad.id].sort((a, b) => a - b));
    expect(ids(lib, { query: '營口' })).toEqual([port.id, trad.id].sort((a, b) => a - b));
    expect(ids(lib, { query: '创城' })).toEqual([trad.id]);
    expect(ids(lib, { query: '參與' })).toEqual([trad.id]);
    expect(ids(lib, { query: '参与' })).toEqual([trad.id]);
    expect(searchArticles(lib.db, { query: '營口' }).terms).toEqual(['营口']);
  });

  it('answers one- and two-character queries, Latin and digits as words, full-width folded', () => {
    const { lib, port, seafood, trad } = libraryWithPages();
    expect(ids(lib, { query: '港' })).toEqual([port.id]);
    expect(ids(lib, { query: '湾' })).toEqual([seafood.id]);
    expect(ids(lib, { query: '城' })).toEqual([trad.id]);
    expect(ids(lib, { query: '营口' })).toHaveLength(2);
    expect(ids(lib, { query: '5G' })).toEqual([port.id]);
    expect(ids(lib, { query: '５ｇ' })).toEqual([port.id]);
    expect(ids(lib, { query: '120' })).toEqual([port.id]);
    expect(ids(lib, { query: '12' })).toEqual([]); // 120 is one word
  });

  it('matches phrases, requires every term, and never matches across two blocks', () => {
    const { lib, port, trad } = libraryWithPages();
    expect(ids(lib, { query: '生态环境' })).toEqual([trad.id]);
    expect(ids(lib, { query: '"生态 环境"' })).toEqual([trad.id]);
    expect(ids(lib, { query: '口袋公园' })).toEqual([trad.id]);
    expect(ids(lib, { query: '营口 创城' })).toEqual([trad.id]);
    expect(ids(lib, { query: '营口 鲅鱼圈' })).toEqual([port.id]);
    expect(ids(lib, { query: '营口 湾' })).toEqual([]);
    expect(ids(lib, { query: '公园城区' })).toEqual([]); // words in the wrong order
    // The headline ends 创新高, the byline begins 本报: no phrase spans them.
    expect(ids(lib, { query: '新高本报' })).toEqual([]);
    expect(searchArticles(lib.db, { query: '，。' }).total).toBe(0);
  });

  it('ranks by bm25 and marks the matches in the original text, not in the folded copy', () => {
    const { lib, trad } = libraryWithPages();
    const result = searchArticles(lib.db, { query: '营口' });
    expect(result.ranking).toBe('bm25');
    expect(result.hits.every((h) => h.score !== null && h.score > 0)).toBe(true);
    const hit = result.hits.find((h) => h.article.id === trad.id)!;
    expect(hit.matches).toBe(2);
    for (const snippet of hit.snippets) {
      const block = getArticle(lib.db, trad.id)!.blocks.find((b) => b.id === snippet.blockId)!;
      expect(block.text.slice(snippet.start, snippet.start + snippet.text.length)).toBe(snippet.text);
      for (const m of snippet.marks) expect(block.text.slice(m.start, m.end)).toBe('營口');
    }
  });

  it('stays in step with edits, undo and redo, merges, splits and imports', () => {
    const pages = libraryWithPages();
    const { lib, port, seafood } = pages;
    const body = blockWith(port, '5G智慧码头');
    editBlockText(lib.db, body.id, body.text.replace('5G智慧码头', '无人码头'));
    expect(ids(lib, { query: '智慧' })).toEqual([]);
    expect(ids(lib, { query: '无人码头' })).toEqual([port.id]);
    undoArticle(lib.db, port.id);
    expect(ids(lib, { query: '智慧' })).toEqual([port.id]);
    expect(ids(lib, { query: '无人' })).toEqual([]);
    redoArticle(lib.db, port.id);
    expect(ids(lib, { query: '无人码头' })).toEqual([port.id]);

    mergeArticles(lib.db, port.id, seafood.id);
    expect(ids(lib, { query: '海鲜节' })).toEqual([port.id]);
    undoArticle(lib.db, port.id);
    expect(ids(lib, { query: '海鲜节' })).toEqual([seafood.id]);

    const split = splitArticle(lib.db, port.id, blockWith(port, '港口负责人').id);
    const newId = split.articles.find((id) => id !== port.id)!;
    expect(ids(lib, { query: '鲅鱼圈' })).toEqual([newId]);
    expect(ids(lib, { query: '吞吐量' })).toEqual([port.id]);

    pages.importPage('later.txt', ['盘锦红海滩迎客', '本报记者 孙丽', '盘锦红海滩景区今日开园，营口游客络绎不绝。', ''].join('\n\n'));
    expect(ids(lib, { query: '红海滩' })).toHaveLength(1);
    expect(ids(lib, { query: '营口' })).toHaveLength(3);
  });

  it('narrows by tag (and the tags below it), status, section, reporter, page, open findings and campaign', () => {
    const pages = libraryWithPages();
    const { lib, port, seafood, trad } = pages;
    tagArticle(lib.db, port.id, 'Place/营口/鲅鱼圈区');
    tagArticle(lib.db, trad.id, 'Campaign/创建全国文明城市');
    expect(ids(lib, { query: '营口', filters: { tags: ['Place/营口/鲅鱼圈区'] } })).toEqual([port.id]);
    expect(ids(lib, { query: '营口', filters: { tags: ['Place'] } })).toEqual([port.id]);
    expect(ids(lib, { query: '营口', filters: { excludeTags: ['Place'] } })).toEqual([trad.id]);
    expect(ids(lib, { filters: { tags: ['Campaign'] } })).toEqual([trad.id]);
    expect(() => searchArticles(lib.db, { query: '营口', filters: { tags: ['Place/大连'] } })).toThrow(LibraryError);

    setArticleStatus(lib.db, seafood.id, 'clean');
    expect(ids(lib, { filters: { statuses: ['clean'] } })).toEqual([seafood.id]);
    expect(ids(lib, { filters: { statuses: ['raw'] } })).toEqual([port.id, trad.id].sort((a, b) => a - b));

    lib.db.prepare("UPDATE articles SET section = '港城时讯' WHERE id = ?").run(port.id);
    expect(ids(lib, { filters: { section: '港城时讯' } })).toEqual([port.id]);
    expect(ids(lib, { filters: { reporter: '赵雪' } })).toEqual([seafood.id]);
    expect(ids(lib, { query: '营口', filters: { reporter: '李明' } })).toEqual([trad.id]);
    expect(ids(lib, { filters: { sourceId: trad.sourceId } })).toEqual([trad.id]);

    // A page with a half-width comma where a full-width one belongs: an open finding.
    pages.importPage('defect.txt', ['河岸新城 焕发活力', '本报记者 周明', '今年以来,清河区新建口袋公园12处，市民休闲有了好去处。', ''].join('\n\n'));
    const defective = ids(lib, { query: '清河区' });
    expect(ids(lib, { filters: { findingKinds: ['halfwidth_punct'] } })).toEqual(defective);
    expect(ids(lib, { query: '口袋公园', filters: { findingKinds: ['halfwidth_punct'] } })).toEqual(defective);

    const campaign = createCampaign(lib.db, { name: '创城', tag: 'Campaign/创建全国文明城市', search: { query: '营口' } });
    expect(ids(lib, { filters: { campaign: campaign.id } })).toEqual([trad.id]);
  });

  it('drives a search from the full-text index, reading articles rows only for filters on their columns', () => {
    const { lib, port } = libraryWithPages();
    tagArticle(lib.db, port.id, 'Place/营口');
    const byTag = searchPlan(lib.db, { query: '营口', filters: { tags: ['Place'] } }).join('\n');
    expect(byTag).toMatch(/^SCAN search_bigrams VIRTUAL TABLE INDEX/);
    expect(byTag).toMatch(/article_tags_by_tag/);
    expect(byTag).not.toMatch(/SEARCH a USING/);
    // The tag filter must not become a rowid constraint on the index (one MATCH per tagged article).
    expect(byTag).not.toMatch(/VIRTUAL TABLE INDEX \d+:=/);
    expect(searchPlan(lib.db, { query: '港 营口' }).join('\n')).not.toMatch(/VIRTUAL TABLE INDEX \d+:=/);
    const byStatus = searchPlan(lib.db, { query: '营口', filters: { tags: ['Place'], statuses: ['raw'] } }).join('\n');
    expect(byStatus).toMatch(/^SCAN search_bigrams VIRTUAL TABLE INDEX[^]*SEARCH a USING INTEGER PRIMARY KEY/);
    expect(searchPlan(lib.db, { query: '港' }).join('\n')).toMatch(/^SCAN search_chars VIRTUAL TABLE INDEX/);
  });

  it('ranks only the newest matches when more match than it ranks, and still counts them all', () => {
    const { lib, port, trad } = libraryWithPages();
    const result = searchArticles(lib.db, { query: '营口' }, { rankCap: 1 });
    expect(result).toMatchObject({ total: 2, ranking: 'bm25_newest', rankedWithin: 1 });
    expect(result.hits.map((h) => h.article.id)).toEqual([Math.max(port.id, trad.id)]);
    expect(matchingArticleIds(lib.db, { query: '营口' })).toHaveLength(2);
  });

  it('lists articles in page order when searching by filters only', () => {
    const { lib, port, seafood, trad } = libraryWithPages();
    const result = searchArticles(lib.db, { filters: { statuses: ['raw'] } });
    expect(result.ranking).toBe('page_order');
    expect(result.hits.map((h) => h.article.id)).toEqual([port.id, seafood.id, trad.id]);
    expect(result.hits[0]!.score).toBeNull();
    expect(result.hits[0]!.snippets[0]!.text).toContain('今年以来');
  });

  it('indexes a library from before the index on first search', () => {
    const { lib, trad } = libraryWithPages();
    lib.db.exec(`DELETE FROM settings WHERE key = 'search_index_format';
                 INSERT INTO search_chars (search_chars) VALUES ('delete-all');
                 INSERT INTO search_bigrams (search_bigrams) VALUES ('delete-all');`);
    expect(ids(lib, { query: '创城' })).toEqual([trad.id]);
    const format = lib.db.prepare("SELECT value FROM settings WHERE key = 'search_index_format'").pluck().get();
    expect(format).toBe('1');
    ensureSearchIndex(lib.db); // nothing to do now
  });

  it('indexes the articles of a library written before schema 3 when it is first searched', () => {
    const file = path.join(makeTempDir(), 'old.db');
    const old = openDatabase(file, { targetVersion: 2 });
    old.exec(`
      INSERT INTO sources (id, name, path, sha256, encoding, byte_size, imported_at, text)
        VALUES (1, 'p.txt', '/p.txt', 'x', 'utf-8', 9, 'then', '營口港');
      INSERT INTO articles (id, source_id, ordinal, created_at) VALUES (1, 1, 0, 'then');
      INSERT INTO blocks (article_id, ordinal, class, text, source_id, src_start, src_end, orig_class)
        VALUES (1, 0, 'body', '營口港', 1, 0, 3, 'body');`);
    old.close();
    const db = openDatabase(file);
    try {
      expect(db.prepare("SELECT count(*) FROM settings WHERE key = 'search_index_format'").pluck().get()).toBe(0);
      expect(searchArticles(db, { query: '营口' }).hits.map((h) => h.article.id)).toEqual([1]);
    } finally {
      db.close();
    }
  });
});
