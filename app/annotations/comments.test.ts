import { describe, expect, it } from 'vitest';
import { LibraryError } from '../store/errors.js';
import { setSetting } from '../store/settings.js';
import { editBlockText, moveBlock, splitArticle } from '../edit/operations.js';
import { undoArticle } from '../revisions/undo.js';
import { addComment, getComment, listComments, reopenComment, replyToComment, resolveComment } from './comments.js';
import { blockWith, libraryWithPages } from '../../test/search/pages.js';

function place(text: string, word: string) {
  const start = text.indexOf(word);
  return { start, end: start + word.length };
}

describe('comments on a text range', () => {
  it('have an author and a time, replies, and are resolved and reopened', () => {
    const { lib, port } = libraryWithPages();
    setSetting(lib.db, 'author', '编辑甲');
    const body = blockWith(port, '鲅鱼圈港区');
    const comment = addComment(lib.db, { blockId: body.id, endBlockId: body.id, ...place(body.text, '鲅鱼圈港区') }, '请核实港区名称');
    expect(comment).toMatchObject({
      author: '编辑甲', body: '请核实港区名称', state: 'open', quotedText: '鲅鱼圈港区',
      anchor: { blockId: body.id, quote: '鲅鱼圈港区', detached: false }, article: { id: port.id, live: true },
    });
    expect(comment.createdAt).toMatch(/^\d{4}-\d\d-\d\dT/);

    setSetting(lib.db, 'author', '编辑乙');
    replyToComment(lib.db, comment.id, '已核实，无误');
    resolveComment(lib.db, comment.id, '关闭');
    expect(() => resolveComment(lib.db, comment.id)).toThrow(/resolved already/);
    expect(listComments(lib.db)).toEqual([]);
    expect(listComments(lib.db, { state: 'resolved' }).map((c) => c.id)).toEqual([comment.id]);
    const reopened = reopenComment(lib.db, comment.id);
    expect(reopened.state).toBe('open');
    expect(reopened.entries.map((e) => [e.kind, e.author, e.body])).toEqual([
      ['reply', '编辑乙', '已核实，无误'], ['resolve', '编辑乙', '关闭'], ['reopen', '编辑乙', ''],
    ]);
    expect(() => addComment(lib.db, { blockId: body.id, endBlockId: body.id, start: 3, end: 3 }, 'x')).toThrow(LibraryError);
    expect(() => addComment(lib.db, { blockId: body.id, endBlockId: body.id, start: 0, end: 2 }, '  ')).toThrow(/empty/);
  });

  it('stay on their text when the text around them is edited, and follow undo', () => {
    const { lib, port } = libraryWithPages();
    const body = blockWith(port, '鲅鱼圈港区');
    const c = addComment(lib.db, { blockId: body.id, endBlockId: body.id, ...place(body.text, '新建泊位') }, '几个泊位？');
    editBlockText(lib.db, body.id, `据悉，${body.text.replace('投入使用', '已经投入使用')}`);
    let anchor = getComment(lib.db, c.id).anchor;
    const edited = lib.db.prepare('SELECT text FROM blocks WHERE id = ?').pluck().get(body.id) as string;
    expect(edited.slice(anchor.start, anchor.end)).toBe('新建泊位');
    expect(anchor).toMatchObject({ quote: '新建泊位', detached: false });
    undoArticle(lib.db, port.id);
    anchor = getComment(lib.db, c.id).anchor;
    expect(body.text.slice(anchor.start, anchor.end)).toBe('新建泊位');
  });

  it('are kept and listed as detached when their text is deleted, and come back when the deletion is undone', () => {
    const { lib, port } = libraryWithPages();
    const body = blockWith(port, '鲅鱼圈港区');
    const c = addComment(lib.db, { blockId: body.id, endBlockId: body.id, ...place(body.text, '5G智慧码头') }, '5G 还是 5G+？');
    editBlockText(lib.db, body.id, body.text.replace('5G智慧码头提升了作业效率', '作业效率提升'));
    const open = listComments(lib.db);
    expect(open.map((x) => x.id)).toEqual([c.id]);
    expect(open[0]!.anchor).toMatchObject({ detached: true, quote: '5G智慧码头', blockId: body.id });
    expect(listComments(lib.db, { detached: true }).map((x) => x.id)).toEqual([c.id]);
    expect(listComments(lib.db, { detached: false })).toEqual([]);

    undoArticle(lib.db, port.id);
    const back = getComment(lib.db, c.id).anchor;
    expect(back.detached).toBe(false);
    expect(body.text.slice(back.start, back.end)).toBe('5G智慧码头');
  });

  it('detach when their text is replaced outright, rather than cover the new words', () => {
    const { lib, port } = libraryWithPages();
    const body = blockWith(port, '鲅鱼圈港区');
    const c = addComment(lib.db, { blockId: body.id, endBlockId: body.id, ...place(body.text, '鲅鱼圈') }, '地名');
    editBlockText(lib.db, body.id, body.text.replace('鲅鱼圈', '仙人岛'));
    expect(getComment(lib.db, c.id).anchor.detached).toBe(true);
  });

  it('follow their block into another article, and span several blocks', () => {
    const { lib, port, seafood } = libraryWithPages();
    const first = blockWith(port, '今年以来');
    const last = blockWith(port, '鲅鱼圈港区');
    const multi = addComment(lib.db, { blockId: first.id, start: first.text.indexOf('同比'), endBlockId: last.id, end: 5 }, '两段一起看');
    expect(multi.anchor.quote).toBe(`${first.text.slice(first.text.indexOf('同比'))}\n${last.text.slice(0, 5)}`);
    const single = addComment(lib.db, { blockId: last.id, endBlockId: last.id, ...place(last.text, '泊位') }, '泊位');

    const split = splitArticle(lib.db, port.id, last.id);
    const newArticle = split.articles.find((id) => id !== port.id)!;
    expect(getComment(lib.db, single.id).article.id).toBe(newArticle);
    // The two blocks are in two articles now: the range across them is detached, never lost.
    expect(getComment(lib.db, multi.id).anchor.detached).toBe(true);
    undoArticle(lib.db, port.id);
    expect(getComment(lib.db, multi.id).anchor).toMatchObject({ detached: false, articleId: port.id });

    moveBlock(lib.db, last.id, seafood.id);
    expect(getComment(lib.db, single.id).article.id).toBe(seafood.id);
    expect(listComments(lib.db, { articleId: seafood.id }).map((x) => x.id)).toEqual([single.id]);
  });

  it('are listed library-wide in reading order, filtered by article, page, author and words', () => {
    const { lib, port, trad } = libraryWithPages();
    setSetting(lib.db, 'author', '甲');
    const t = blockWith(trad, '營口市');
    const p = blockWith(port, '今年以来');
    const c2 = addComment(lib.db, { blockId: t.id, endBlockId: t.id, start: 0, end: 3 }, '市名用简体？');
    setSetting(lib.db, 'author', '乙');
    const c1 = addComment(lib.db, { blockId: p.id, endBlockId: p.id, start: 0, end: 4 }, '时间要具体');
    replyToComment(lib.db, c1.id, '改为一月至十月');
    expect(listComments(lib.db).map((c) => c.id)).toEqual([c1.id, c2.id]);
    expect(listComments(lib.db, { author: '甲' }).map((c) => c.id)).toEqual([c2.id]);
    expect(listComments(lib.db, { sourceId: trad.sourceId }).map((c) => c.id)).toEqual([c2.id]);
    expect(listComments(lib.db, { text: '十月' }).map((c) => c.id)).toEqual([c1.id]);
    expect(listComments(lib.db)[1]!.article).toMatchObject({ id: trad.id, headline: '營口創城 市民參與' });
  });
});
