import { describe, expect, it } from 'vitest';
import { ConflictError, LibraryError } from '../store/errors.js';
import { editBlockText } from '../edit/operations.js';
import { listRevisions } from '../revisions/log.js';
import { redoArticle, undoArticle } from '../revisions/undo.js';
import { searchArticles } from '../search/search.js';
import { saveSearch } from '../search/saved.js';
import { bulkTag, listArticleTags, previewBulkTag, tagArticle, untagArticle } from './assign.js';
import { listSpanTags, tagSpan } from './spans.js';
import { mergeTags, renameTag } from './rename-merge.js';
import { createTag, findTagByPath, listTags, parseTagPath, resolveTagRef } from './vocabulary.js';
import { createCampaign, getCampaign, listCampaigns, nextInCampaign } from './campaigns.js';
import { blockWith, libraryWithPages } from '../../test/search/pages.js';

type Lib = ReturnType<typeof libraryWithPages>['lib'];
const tagsOf = (lib: Lib, articleId: number) => listArticleTags(lib.db, articleId).map((t) => t.pathText);
const tagId = (lib: Lib, path: string) => findTagByPath(lib.db, parseTagPath(path))!;
const info = (lib: Lib, path: string) => listTags(lib.db).find((t) => t.pathText === path);

describe('tag vocabularies and tags on articles', () => {
  it('creates a tag path on first use, counts it, and lists vocabularies as trees', () => {
    const { lib, port, trad } = libraryWithPages();
    const rev = tagArticle(lib.db, port.id, 'Place › 营口 › 鲅鱼圈区');
    expect(rev).toMatchObject({ kind: 'tag', articles: [port.id] });
    tagArticle(lib.db, trad.id, 'Place/营口');
    expect(tagsOf(lib, port.id)).toEqual(['Place/营口/鲅鱼圈区']);
    const tags = listTags(lib.db);
    expect(tags.map((t) => [t.pathText, t.depth, t.articles, t.subtreeArticles])).toEqual([
      ['Place', 0, 0, 2],
      ['Place/营口', 1, 1, 2],
      ['Place/营口/鲅鱼圈区', 2, 1, 1],
    ]);
    expect(() => tagArticle(lib.db, port.id, 'Place/营口/鲅鱼圈区')).toThrow(/tagged Place\/营口\/鲅鱼圈区 already/);
    expect(() => createTag(lib.db, 'Place/营口')).toThrow(/exists already/);
    expect(createTag(lib.db, 'Person').pathText).toBe('Person');
    expect(() => parseTagPath('Place//营口')).toThrow(LibraryError);
  });

  it('untags, and undo and redo take tagging and untagging back and forth', () => {
    const { lib, port } = libraryWithPages();
    tagArticle(lib.db, port.id, 'Topic/港口');
    untagArticle(lib.db, port.id, 'Topic/港口');
    expect(tagsOf(lib, port.id)).toEqual([]);
    expect(() => untagArticle(lib.db, port.id, 'Topic/港口')).toThrow(/not tagged/);
    undoArticle(lib.db, port.id);
    expect(tagsOf(lib, port.id)).toEqual(['Topic/港口']);
    undoArticle(lib.db, port.id);
    expect(tagsOf(lib, port.id)).toEqual([]);
    redoArticle(lib.db, port.id);
    expect(tagsOf(lib, port.id)).toEqual(['Topic/港口']);
    // The tag stays in the vocabulary: creating a tag is not part of the revision.
    expect(info(lib, 'Topic/港口')).toBeDefined();
  });

  it('does not analyse or re-index articles whose tags changed', () => {
    const { lib, port } = libraryWithPages();
    const detectedAt = () => lib.db.prepare('SELECT max(detected_at) FROM findings').pluck().get();
    const before = detectedAt();
    tagArticle(lib.db, port.id, 'Topic/港口');
    expect(detectedAt()).toBe(before);
  });

  it('bulk-tags every article of a search as one revision that one undo takes back', () => {
    const { lib, port, seafood, trad } = libraryWithPages();
    tagArticle(lib.db, trad.id, 'Region/辽南');
    const spec = { query: '营口' };
    expect(previewBulkTag(lib.db, spec, 'Region/辽南')).toEqual({ tag: 'Region/辽南', matched: 2, willChange: 1 });
    const result = bulkTag(lib.db, spec, 'Region/辽南');
    expect(result).toMatchObject({ matched: 2, changed: 1 });
    expect(result.revision.articles).toEqual([port.id]);

    const all = bulkTag(lib.db, { query: '', filters: { statuses: ['raw'] } }, 'Desk/待审');
    expect(all.changed).toBe(3);
    expect(all.revision.articles).toEqual([port.id, seafood.id, trad.id]);
    expect(searchArticles(lib.db, { filters: { tags: ['Desk/待审'] } }).total).toBe(3);
    undoArticle(lib.db, seafood.id);
    expect(searchArticles(lib.db, { filters: { tags: ['Desk/待审'] } }).total).toBe(0);
    expect(tagsOf(lib, port.id)).toEqual(['Region/辽南']);

    const untag = bulkTag(lib.db, spec, 'Region/辽南', true);
    expect(untag.changed).toBe(2);
    expect(tagsOf(lib, trad.id)).toEqual([]);
    undoArticle(lib.db, trad.id);
    expect(tagsOf(lib, trad.id)).toEqual(['Region/辽南']);
    expect(tagsOf(lib, port.id)).toEqual(['Region/辽南']);
  });

  it('refuses to undo a bulk action over a tag changed since on another article', () => {
    const { lib, port, trad } = libraryWithPages();
    bulkTag(lib.db, { query: '营口' }, 'Region/辽南');
    untagArticle(lib.db, trad.id, 'Region/辽南');
    // port's latest revision is the bulk tag, but undoing it would have to untag trad again.
    expect(() => undoArticle(lib.db, port.id)).toThrow(ConflictError);
    undoArticle(lib.db, trad.id);
    undoArticle(lib.db, port.id);
    expect(tagsOf(lib, port.id)).toEqual([]);
    expect(tagsOf(lib, trad.id)).toEqual([]);
  });
});

describe('renaming and merging tags', () => {
  it('renames and moves a tag, keeping every assignment; undo takes the rename back', () => {
    const { lib, port, trad } = libraryWithPages();
    tagArticle(lib.db, port.id, 'Place/营口/鲅鱼圈区');
    tagArticle(lib.db, trad.id, 'Place/营口');
    const id = tagId(lib, 'Place/营口');
    const rev = renameTag(lib.db, id, { name: '營口' });
    expect(rev.kind).toBe('tag_rename');
    expect(rev.summary).toBe('Rename tag Place/营口 → Place/營口');
    expect(rev.articles).toEqual([port.id, trad.id].sort((a, b) => a - b));
    expect(tagsOf(lib, port.id)).toEqual(['Place/營口/鲅鱼圈区']);
    expect(tagsOf(lib, trad.id)).toEqual(['Place/營口']);

    renameTag(lib.db, id, { parent: 'Region' });
    expect(tagsOf(lib, port.id)).toEqual(['Region/營口/鲅鱼圈区']);
    expect(() => renameTag(lib.db, id, { parent: 'Region/營口/鲅鱼圈区' })).toThrow(/under itself/);
    createTag(lib.db, 'Region/大连');
    expect(() => renameTag(lib.db, id, { name: '大连' })).toThrow(/exists already; merge/);

    undoArticle(lib.db, trad.id);
    undoArticle(lib.db, trad.id);
    expect(tagsOf(lib, port.id)).toEqual(['Place/营口/鲅鱼圈区']);
    expect(searchArticles(lib.db, { filters: { tags: ['Place/营口'] } }).total).toBe(2);
  });

  it('merges a tag into another: assignments, span tags and child tags move, and undo restores them', () => {
    const { lib, port, seafood, trad } = libraryWithPages();
    tagArticle(lib.db, port.id, 'Place/營口');
    tagArticle(lib.db, trad.id, 'Place/營口/城区');
    tagArticle(lib.db, seafood.id, 'Place/营口/城区');
    tagArticle(lib.db, seafood.id, 'Place/营口');
    const body = blockWith(trad, '營口市');
    tagSpan(lib.db, { blockId: body.id, start: 0, end: 2 }, 'Place/營口');
    const source = tagId(lib, 'Place/營口');
    const target = tagId(lib, 'Place/营口');

    const rev = mergeTags(lib.db, source, target);
    expect(rev.kind).toBe('tag_merge');
    expect(tagsOf(lib, port.id)).toEqual(['Place/营口']);
    expect(tagsOf(lib, trad.id)).toEqual(['Place/营口/城区']);
    expect(tagsOf(lib, seafood.id).sort()).toEqual(['Place/营口', 'Place/营口/城区']);
    expect(listSpanTags(lib.db, trad.id).map((s) => s.pathText)).toEqual(['Place/营口']);
    expect(info(lib, 'Place/營口')).toBeUndefined();
    // The merged tag's id still names something: the tag it went into.
    expect(resolveTagRef(lib.db, source)).toBe(target);
    expect(info(lib, 'Place/营口')).toMatchObject({ articles: 3, subtreeArticles: 3, spans: 1 });
    expect(() => mergeTags(lib.db, target, tagId(lib, 'Place/营口/城区'))).toThrow(/a tag below it/);

    undoArticle(lib.db, port.id);
    expect(tagsOf(lib, port.id)).toEqual(['Place/營口']);
    expect(tagsOf(lib, trad.id)).toEqual(['Place/營口/城区']);
    expect(listSpanTags(lib.db, trad.id).map((s) => s.pathText)).toEqual(['Place/營口']);
    expect(info(lib, 'Place/营口/城区')).toMatchObject({ articles: 1 });
  });
});

describe('tagging campaigns', () => {
  it('tracks progress over its scope and serves its queue article by article', () => {
    const { lib, port, seafood, trad } = libraryWithPages();
    const scope = saveSearch(lib.db, { name: '本地新闻', filters: { statuses: ['raw'] } });
    const campaign = createCampaign(lib.db, { name: '创城', tag: 'Campaign/创建全国文明城市', searchId: scope.id });
    expect(campaign.progress).toEqual({ inScope: 3, tagged: 0 });
    expect(campaign.tag!.pathText).toBe('Campaign/创建全国文明城市');

    let next = nextInCampaign(lib.db, campaign.id);
    expect(next.article!.id).toBe(port.id);
    expect(next.remaining).toBe(3);
    tagArticle(lib.db, port.id, 'Campaign/创建全国文明城市/环境整治');
    next = nextInCampaign(lib.db, campaign.id, port.id);
    expect(next.article!.id).toBe(seafood.id);
    // Skipping an article: the one after it, then round to the start.
    expect(nextInCampaign(lib.db, campaign.id, seafood.id).article!.id).toBe(trad.id);
    expect(nextInCampaign(lib.db, campaign.id, trad.id).article!.id).toBe(seafood.id);
    expect(getCampaign(lib.db, campaign.id).progress).toEqual({ inScope: 3, tagged: 1 });

    bulkTag(lib.db, { filters: { statuses: ['raw'] } }, 'Campaign/创建全国文明城市');
    const done = nextInCampaign(lib.db, campaign.id);
    expect(done).toMatchObject({ article: null, remaining: 0 });
    expect(listCampaigns(lib.db).map((c) => c.progress)).toEqual([{ inScope: 3, tagged: 3 }]);
    expect(() => createCampaign(lib.db, { name: '创城', tag: 'Campaign/x', searchId: scope.id })).toThrow(/exists already/);
  });

  it('takes a query as its scope, saved under the campaign name, and the scope follows the text', () => {
    const { lib, seafood, trad } = libraryWithPages();
    const campaign = createCampaign(lib.db, { name: '文明城市', tag: 'Campaign/文明城市', search: { query: '文明城市' } });
    expect(campaign.scope).toMatchObject({ name: 'Campaign: 文明城市', query: '文明城市' });
    expect(campaign.progress.inScope).toBe(1);
    expect(nextInCampaign(lib.db, campaign.id).article!.id).toBe(trad.id);
    const body = blockWith(seafood, '海鲜节昨日开幕');
    editBlockText(lib.db, body.id, `${body.text}大连正在创建全国文明城市。`);
    expect(getCampaign(lib.db, campaign.id).progress).toEqual({ inScope: 2, tagged: 0 });
  });
});

describe('tags and edits', () => {
  it('an article keeps its tags through edits and undo of edits', () => {
    const { lib, port } = libraryWithPages();
    tagArticle(lib.db, port.id, 'Topic/港口');
    const body = blockWith(port, '5G智慧码头');
    editBlockText(lib.db, body.id, body.text.replace('5G', '五G'));
    undoArticle(lib.db, port.id);
    expect(tagsOf(lib, port.id)).toEqual(['Topic/港口']);
    expect(listRevisions(lib.db, port.id).map((r) => r.kind)).toEqual(['tag', 'text', 'undo']);
  });
});
