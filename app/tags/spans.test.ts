import { describe, expect, it } from 'vitest';
import { editBlockText } from '../edit/operations.js';
import { undoArticle } from '../revisions/undo.js';
import { searchArticles } from '../search/search.js';
import { findSpanOccurrences, listSpanTags, tagSpan, tagSpanOccurrences, untagSpan } from './spans.js';
import { blockWith, libraryWithPages } from '../../test/search/pages.js';

type Lib = ReturnType<typeof libraryWithPages>['lib'];
const textOf = (lib: Lib, blockId: number) => lib.db.prepare('SELECT text FROM blocks WHERE id = ?').pluck().get(blockId) as string;

describe('tags on text spans', () => {
  it('follow edits around them, and undo', () => {
    const { lib, port } = libraryWithPages();
    const body = blockWith(port, '鲅鱼圈港区');
    const start = body.text.indexOf('鲅鱼圈港区');
    const rev = tagSpan(lib.db, { blockId: body.id, start, end: start + 5 }, 'Place/营口/鲅鱼圈区');
    expect(rev).toMatchObject({ kind: 'span_tag', articles: [port.id] });

    editBlockText(lib.db, body.id, `【本报讯】${body.text}`);
    let [span] = listSpanTags(lib.db, port.id);
    expect(textOf(lib, body.id).slice(span!.anchor.start, span!.anchor.end)).toBe('鲅鱼圈港区');
    expect(span!.anchor.start).toBe(start + 5);

    // An OCR fix inside the span: the span keeps the fixed text.
    editBlockText(lib.db, body.id, textOf(lib, body.id).replace('鲅鱼圈港区', '鮁鱼圈港区'));
    [span] = listSpanTags(lib.db, port.id);
    expect(span!.anchor).toMatchObject({ quote: '鮁鱼圈港区', detached: false });

    undoArticle(lib.db, port.id);
    undoArticle(lib.db, port.id);
    [span] = listSpanTags(lib.db, port.id);
    expect(span!.anchor).toMatchObject({ start, end: start + 5, quote: '鲅鱼圈港区' });
    // The span tag is part of the article's tags for search.
    expect(searchArticles(lib.db, { filters: { tags: ['Place/营口'] } }).hits.map((h) => h.article.id)).toEqual([port.id]);

    untagSpan(lib.db, span!.id);
    expect(listSpanTags(lib.db, port.id)).toEqual([]);
    undoArticle(lib.db, port.id);
    expect(listSpanTags(lib.db, port.id)).toHaveLength(1);
    undoArticle(lib.db, port.id);
    expect(listSpanTags(lib.db, port.id)).toEqual([]);
  });

  it('is shown detached when its text is deleted', () => {
    const { lib, port } = libraryWithPages();
    const body = blockWith(port, '鲅鱼圈港区');
    const start = body.text.indexOf('鲅鱼圈港区');
    tagSpan(lib.db, { blockId: body.id, start, end: start + 5 }, 'Place/营口/鲅鱼圈区');
    editBlockText(lib.db, body.id, body.text.replace('鲅鱼圈港区新建', '新建'));
    expect(listSpanTags(lib.db, port.id)[0]!.anchor).toMatchObject({ detached: true, quote: '鲅鱼圈港区' });
  });

  it('can be given to every identical string of an article or the library after a preview, as one revision', () => {
    const { lib, port, trad } = libraryWithPages();
    const inArticle = findSpanOccurrences(lib.db, '营口', 'Place/营口', port.id);
    expect(inArticle.occurrences.map((o) => o.articleId)).toEqual([port.id, port.id]);

    // Library-wide: exact strings only (營口 in the traditional page is another string).
    const preview = findSpanOccurrences(lib.db, '营口', 'Place/营口');
    expect(preview).toMatchObject({ articles: 1, toTag: 2 });
    const first = preview.occurrences[0]!;
    tagSpan(lib.db, { blockId: first.blockId, start: first.start, end: first.end }, 'Place/营口');
    expect(findSpanOccurrences(lib.db, '营口', 'Place/营口')).toMatchObject({ toTag: 1 });

    const result = tagSpanOccurrences(lib.db, '營口', 'Place/营口');
    expect(result).toMatchObject({ tagged: 2, skipped: 0 });
    expect(result.revision.articles).toEqual([trad.id]);
    expect(listSpanTags(lib.db, trad.id).map((s) => s.anchor.quote)).toEqual(['營口', '營口']);
    undoArticle(lib.db, trad.id);
    expect(listSpanTags(lib.db, trad.id)).toEqual([]);

    // Only the occurrences the editor kept from the preview; one gone stale since is skipped.
    const chosen = findSpanOccurrences(lib.db, '營口', 'Place/营口').occurrences;
    const body = blockWith(trad, '營口市');
    editBlockText(lib.db, body.id, body.text.replace('營口市', '本市'));
    const partial = tagSpanOccurrences(lib.db, '營口', 'Place/营口', { only: chosen });
    expect(partial).toMatchObject({ tagged: 1, skipped: 1 });
  });
});
