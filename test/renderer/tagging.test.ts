import { describe, expect, it } from 'vitest';
import type { Anchor } from '../../app/annotations/anchors.js';
import type { Comment } from '../../app/annotations/comments.js';
import type { SpanTag } from '../../app/tags/spans.js';
import type { TagInfo } from '../../app/tags/vocabulary.js';
import {
  annotationsToPaint,
  commentKey,
  groupByAttachment,
  rangeOfSelection,
  shortQuote,
  spanKey,
  textOfRange,
} from '../../renderer/src/lib/annotations.js';
import { campaignPercent } from '../../renderer/src/lib/campaigns.js';
import { EMPTY_SEARCH_FORM, formOfSaved, isEmptySpec, specOfForm } from '../../renderer/src/lib/searchSpec.js';
import { snippetPieces } from '../../renderer/src/lib/snippets.js';
import {
  filterTagTree,
  mergeTargets,
  normalizeTagPath,
  parentIds,
  parseKeywords,
  visibleInTree,
} from '../../renderer/src/lib/tagTree.js';

function tag(id: number, parentId: number | null, path: string[]): TagInfo {
  return {
    id,
    parentId,
    name: path.at(-1)!,
    path,
    pathText: path.join('/'),
    keywords: [],
    createdAt: '2026-01-01T00:00:00Z',
    depth: path.length - 1,
    articles: 0,
    spans: 0,
    subtreeArticles: 0,
  };
}

// Tree order, as listTags gives it: each vocabulary depth-first.
const TAGS = [
  tag(1, null, ['Place']),
  tag(2, 1, ['Place', '营口']),
  tag(3, 2, ['Place', '营口', '鲅鱼圈区']),
  tag(4, 1, ['Place', '沈阳']),
  tag(5, null, ['Topic']),
  tag(6, 5, ['Topic', '创城']),
];

describe('tag paths and the tag tree', () => {
  it('normalises typed paths, with either separator and spaces around names', () => {
    expect(normalizeTagPath(' 地点 / 营口 ')).toBe('地点/营口');
    expect(normalizeTagPath('Place › 营口 › 鲅鱼圈区')).toBe('Place/营口/鲅鱼圈区');
    expect(normalizeTagPath('Place//营口')).toBeNull();
    expect(normalizeTagPath('   ')).toBeNull();
    expect(normalizeTagPath('Place/')).toBeNull();
  });

  it('filters the tree keeping the ancestors of every match, in tree order', () => {
    expect(filterTagTree(TAGS, '鲅鱼').map((t) => t.id)).toEqual([1, 2, 3]);
    expect(filterTagTree(TAGS, 'topic').map((t) => t.id)).toEqual([5, 6]);
    expect(filterTagTree(TAGS, '').map((t) => t.id)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(filterTagTree(TAGS, 'nothing')).toEqual([]);
  });

  it('hides the descendants of collapsed tags, and knows which tags have children', () => {
    expect(visibleInTree(TAGS, new Set([2])).map((t) => t.id)).toEqual([1, 2, 4, 5, 6]);
    expect(visibleInTree(TAGS, new Set([1])).map((t) => t.id)).toEqual([1, 5, 6]);
    expect([...parentIds(TAGS)].sort()).toEqual([1, 2, 5]);
  });

  it('never offers a tag, or a tag below it, as its own merge target', () => {
    expect(mergeTargets(TAGS, 2).map((t) => t.id)).toEqual([1, 4, 5, 6]);
    expect(mergeTargets(TAGS, 99)).toEqual([]);
  });

  it('reads keyword rules separated by commas of either width, 、 or lines, without blanks or repeats', () => {
    expect(parseKeywords('创城，文明城市, 创城、卫生城市\n\n 背街小巷 ')).toEqual(['创城', '文明城市', '卫生城市', '背街小巷']);
    expect(parseKeywords('  ')).toEqual([]);
  });
});

describe('search snippets', () => {
  it('splits a snippet at its marks, which are offsets into the block, not the snippet', () => {
    const pieces = snippetPieces({ start: 10, text: '营口港的吞吐能力', marks: [{ start: 10, end: 13 }] });
    expect(pieces).toEqual([
      { text: '营口港', mark: true },
      { text: '的吞吐能力', mark: false },
    ]);
  });

  it('clips marks that run past the snippet and skips ones outside it', () => {
    const pieces = snippetPieces({ start: 5, text: 'abcdef', marks: [{ start: 0, end: 2 }, { start: 4, end: 7 }, { start: 9, end: 20 }] });
    expect(pieces).toEqual([
      { text: 'ab', mark: true },
      { text: 'cd', mark: false },
      { text: 'ef', mark: true },
    ]);
    expect(snippetPieces({ start: 0, text: 'plain', marks: [] })).toEqual([{ text: 'plain', mark: false }]);
  });
});

describe('the search form and the search spec', () => {
  it('leaves empty fields out, so an empty form is the empty spec', () => {
    expect(specOfForm(EMPTY_SEARCH_FORM)).toEqual({});
    expect(isEmptySpec(specOfForm({ ...EMPTY_SEARCH_FORM, query: '   ' }))).toBe(true);
  });

  it('turns every filter into the API spec (a tag id stays a number, a path a string)', () => {
    const spec = specOfForm({
      query: ' 營口 ',
      tag: 'Place/营口',
      campaign: 3,
      status: 'in_review',
      section: '要闻',
      reporter: '李明',
      sourceId: 2,
      findingKind: 'char_error',
    });
    expect(spec).toEqual({
      query: '營口',
      filters: {
        tags: ['Place/营口'],
        campaign: 3,
        statuses: ['in_review'],
        section: '要闻',
        reporter: '李明',
        sourceId: 2,
        findingKinds: ['char_error'],
      },
    });
    expect(specOfForm({ ...EMPTY_SEARCH_FORM, tag: '12' }).filters?.tags).toEqual([12]);
    expect(isEmptySpec(spec)).toBe(false);
  });

  it('brings a saved search back into the form as it was', () => {
    const form = { ...EMPTY_SEARCH_FORM, query: '港口', tag: 'Topic/创城', status: 'clean' as const, findingKind: 'stray_space' as const };
    const spec = specOfForm(form);
    expect(formOfSaved({ query: spec.query ?? '', filters: spec.filters ?? {} })).toEqual(form);
  });
});

function anchor(id: number, blockId: number, start: number, end: number, detached = false): Anchor {
  return { id, articleId: 1, blockId, start, endBlockId: blockId, end, quote: 'x', detached };
}

describe('selections, comments and span tags', () => {
  const order = new Map([
    [10, 0],
    [11, 1],
    [12, 2],
  ]);

  it('turns a selection made in either direction into a forward range; a caret is no range', () => {
    expect(rangeOfSelection({ blockId: 11, offset: 5 }, { blockId: 10, offset: 2 }, order)).toEqual({ blockId: 10, start: 2, endBlockId: 11, end: 5 });
    expect(rangeOfSelection({ blockId: 10, offset: 7 }, { blockId: 10, offset: 3 }, order)).toEqual({ blockId: 10, start: 3, endBlockId: 10, end: 7 });
    expect(rangeOfSelection({ blockId: 10, offset: 3 }, { blockId: 10, offset: 3 }, order)).toBeNull();
    expect(rangeOfSelection({ blockId: 99, offset: 0 }, { blockId: 10, offset: 3 }, order)).toBeNull();
  });

  it('quotes a range as the server does, blocks joined with a new line', () => {
    const blocks = [
      { id: 10, text: '营口港口扩建' },
      { id: 11, text: '工程全面开工' },
      { id: 12, text: '本报记者' },
    ];
    expect(textOfRange({ blockId: 10, start: 2, endBlockId: 10, end: 4 }, blocks)).toBe('港口');
    expect(textOfRange({ blockId: 10, start: 4, endBlockId: 12, end: 2 }, blocks)).toBe('扩建\n工程全面开工\n本报');
  });

  it('lists attached items in reading order and keeps detached ones apart', () => {
    const items = [
      { id: 1, anchor: anchor(1, 12, 0, 2) },
      { id: 2, anchor: anchor(2, 10, 5, 6) },
      { id: 3, anchor: anchor(3, 11, 0, 1, true) },
      { id: 4, anchor: anchor(4, 10, 1, 3) },
    ];
    const { attached, detached } = groupByAttachment(items, order);
    expect(attached.map((i) => i.id)).toEqual([4, 2, 1]);
    expect(detached.map((i) => i.id)).toEqual([3]);
  });

  it('paints attached span tags and comments (resolved ones on their own layer), never detached ones', () => {
    const spans = [
      { id: 7, anchor: anchor(70, 10, 0, 2) },
      { id: 8, anchor: anchor(80, 11, 0, 2, true) },
    ] as unknown as SpanTag[];
    const comments = [
      { id: 5, state: 'open', anchor: anchor(50, 12, 1, 3) },
      { id: 6, state: 'resolved', anchor: anchor(60, 10, 3, 4) },
      { id: 9, state: 'open', anchor: anchor(90, 10, 3, 4, true) },
    ] as unknown as Comment[];
    expect(annotationsToPaint(spans, comments)).toEqual([
      { key: spanKey(7), layer: 'span', blockId: 10, start: 0, endBlockId: 10, end: 2 },
      { key: commentKey(5), layer: 'comment', blockId: 12, start: 1, endBlockId: 12, end: 3 },
      { key: commentKey(6), layer: 'comment-resolved', blockId: 10, start: 3, endBlockId: 10, end: 4 },
    ]);
  });

  it('shortens long quotes for the lists', () => {
    expect(shortQuote('  营口\n港口  ')).toBe('营口 港口');
    expect(shortQuote('一二三四五', 3)).toBe('一二三…');
  });
});

describe('campaign progress', () => {
  it('is a whole percentage that reaches 100 only when every article in scope is tagged', () => {
    expect(campaignPercent({ tagged: 0, inScope: 0 })).toBe(0);
    expect(campaignPercent({ tagged: 1, inScope: 3 })).toBe(33);
    expect(campaignPercent({ tagged: 999, inScope: 1000 })).toBe(99);
    expect(campaignPercent({ tagged: 4, inScope: 4 })).toBe(100);
  });
});
