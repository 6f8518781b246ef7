import { describe, expect, it } from 'vitest';
import { LibraryError } from '../../store/errors.js';
import { createTag, setTagKeywords } from '../vocabulary.js';
import { listArticleTags, tagArticle } from '../assign.js';
import { mergeTags } from '../rename-merge.js';
import { addGazetteerEntry, listGazetteer } from './gazetteer.js';
import { dismissSuggestion, suggestTags } from './suggest.js';
import { libraryWithPages } from '../../../test/search/pages.js';

type Lib = ReturnType<typeof libraryWithPages>['lib'];
const paths = (lib: Lib, articleId: number) => suggestTags(lib.db, articleId).map((s) => s.tagPath);

describe('tag suggestions', () => {
  it('offer a tag whose keyword rules occur in the text, in either script, and never apply it', () => {
    const { lib, trad, port } = libraryWithPages();
    const campaign = createTag(lib.db, 'Campaign/创建全国文明城市');
    setTagKeywords(lib.db, campaign.id, ['创城', '文明城市', '']);
    const [first] = suggestTags(lib.db, trad.id);
    expect(first).toMatchObject({
      tagPath: 'Campaign/创建全国文明城市', tagId: campaign.id, kinds: ['rule'], evidence: ['创城 ×1, 文明城市 ×1'],
    });
    expect(paths(lib, port.id)).not.toContain('Campaign/创建全国文明城市');
    expect(listArticleTags(lib.db, trad.id)).toEqual([]);
    // Accepting is tagging; the tag is then no longer offered.
    tagArticle(lib.db, trad.id, first!.tagPath);
    expect(paths(lib, trad.id)).not.toContain('Campaign/创建全国文明城市');
  });

  it('follow a merged tag’s rules to the tag it went into', () => {
    const { lib, trad } = libraryWithPages();
    const old = createTag(lib.db, 'Campaign/创城');
    const kept = createTag(lib.db, 'Campaign/创建全国文明城市');
    setTagKeywords(lib.db, old.id, ['创城']);
    mergeTags(lib.db, old.id, kept.id);
    expect(suggestTags(lib.db, trad.id)[0]).toMatchObject({ tagPath: 'Campaign/创建全国文明城市', kinds: ['rule'] });
  });

  it('offer places of the gazetteer, and places the editor adds to it', () => {
    const { lib, port, seafood, trad } = libraryWithPages();
    expect(paths(lib, port.id)).toContain('Place/营口');
    expect(paths(lib, seafood.id)).toContain('Place/大连');
    expect(paths(lib, trad.id)).toContain('Place/营口'); // 營口市, traditional
    expect(paths(lib, port.id)).not.toContain('Place/营口/鲅鱼圈区');
    addGazetteerEntry(lib.db, { name: '鲅鱼圈', aliases: ['鲅鱼圈区'], tagPath: 'Place › 营口 › 鲅鱼圈区', region: '营口' });
    const place = suggestTags(lib.db, port.id).find((s) => s.tagPath === 'Place/营口/鲅鱼圈区');
    expect(place).toMatchObject({ kinds: ['place'], tagId: null, evidence: ['鲅鱼圈 ×1'] });
    expect(listGazetteer(lib.db).at(-1)).toMatchObject({ name: '鲅鱼圈', tagPath: 'Place/营口/鲅鱼圈区' });
    expect(() => addGazetteerEntry(lib.db, { name: '鲅鱼圈', tagPath: 'Place/营口/鲅鱼圈区' })).toThrow(LibraryError);
  });

  it('find a place only where its name stands as a word, and a common-word name only in full', () => {
    const pages = libraryWithPages();
    pages.importPage('words.txt', ['陕南见闻', '本报记者 周明', '村民生活安康，午饭是三明治，饭后去中山路散步。', ''].join('\n\n'));
    pages.importPage('full.txt', ['汉江行', '本报记者 周明', '记者来到安康市汉滨区。', ''].join('\n\n'));
    const byHeadline = (h: string) => pages.lib.db.prepare('SELECT id FROM articles WHERE headline = ?').pluck().get(h) as number;
    const words = paths(pages.lib, byHeadline('陕南见闻'));
    expect(words.filter((p) => p.startsWith('Place/'))).toEqual([]);
    expect(paths(pages.lib, byHeadline('汉江行'))).toContain('Place/安康');
  });

  it('offer the byline’s reporters and TF-IDF keywords, and leave out what was dismissed', () => {
    const { lib, port } = libraryWithPages();
    const suggestions = suggestTags(lib.db, port.id);
    expect(suggestions[0]).toMatchObject({ tagPath: 'Person/王海', kinds: ['reporter'] });
    const keywords = suggestions.filter((s) => s.kinds.includes('keyword')).map((s) => s.tagPath);
    expect(keywords.length).toBeGreaterThan(0);
    expect(keywords.length).toBeLessThanOrEqual(3);
    expect(keywords).toContain('Topic/集装箱');
    expect(keywords.some((k) => k.includes('本报记者') || k.includes('王海'))).toBe(false);

    const remaining = dismissSuggestion(lib.db, port.id, 'Topic/集装箱');
    expect(remaining.map((s) => s.tagPath)).not.toContain('Topic/集装箱');
    expect(paths(lib, port.id)).not.toContain('Topic/集装箱');
  });

  it('offer an existing tag for a reporter written in the other script, and for a keyword in any vocabulary', () => {
    const pages = libraryWithPages();
    const { lib, port } = pages;
    pages.importPage('zhang.txt', ['港城新貌', '本報記者 張繼馳', '營口港新建碼頭投入使用，貨物吞吐量穩步增長。', ''].join('\n\n'));
    const zhang = lib.db.prepare("SELECT id FROM articles WHERE headline = '港城新貌'").pluck().get() as number;
    const person = createTag(lib.db, 'Person/张继驰');
    expect(suggestTags(lib.db, zhang).find((s) => s.kinds.includes('reporter'))).toMatchObject({
      tagPath: 'Person/张继驰', tagId: person.id, evidence: ['張繼馳'],
    });
    const topic = createTag(lib.db, 'Subject/集装箱');
    expect(suggestTags(lib.db, port.id).find((s) => s.tagId === topic.id)).toMatchObject({ tagPath: 'Subject/集装箱', kinds: ['keyword'] });
  });
});
