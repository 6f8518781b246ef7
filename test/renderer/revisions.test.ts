import { describe, expect, it } from 'vitest';
import type { Revision } from '../../app/revisions/log.js';
import { describeChange, describeRevision, inferChangeKind, revisionsInEffect } from '../../renderer/src/lib/revisions.js';

const block = (before: Record<string, string | number>, after: Record<string, string | number>) => ({
  table: 'block' as const,
  id: 7,
  before: { article_id: 1, ordinal: 2, class: 'body', text: 'a', retired: 0, ...before },
  after: { article_id: 1, ordinal: 2, class: 'body', text: 'a', retired: 0, ...after },
});

function revision(id: number, changes: Revision['changes'], reverts: number | null = null): Revision {
  return { id, createdAt: '', author: 'me', kind: 'text', summary: '', reverts, changes, articles: [1] };
}

describe('describing revisions for the history', () => {
  it('names the fields that changed', () => {
    expect(describeChange(block({ text: '旧' }, { text: '新' }))).toEqual({
      table: 'block',
      id: 7,
      kind: 'changed',
      fields: [{ field: 'text', before: '旧', after: '新' }],
    });
    expect(describeChange(block({ class: 'body' }, { class: 'caption' })).fields).toEqual([{ field: 'class', before: 'body', after: 'caption' }]);
  });

  it('shows a move to another article without its new position', () => {
    expect(describeChange(block({ article_id: 1, ordinal: 3 }, { article_id: 2, ordinal: 0 })).fields).toEqual([
      { field: 'article', before: 1, after: 2 },
    ]);
  });

  it('tells created and retired rows, and drops rows with nothing to show', () => {
    expect(describeChange({ table: 'article', id: 9, before: null, after: { status: 'raw' } }).kind).toBe('created');
    expect(describeChange({ table: 'article', id: 9, before: { status: 'raw' }, after: null }).kind).toBe('retired');
    expect(describeRevision(revision(1, [block({}, {})]))).toEqual([]);
  });

  it('works out which revisions are in effect, as undo.ts does', () => {
    const list = [revision(1, []), revision(2, [], 1), revision(3, [], 2), revision(4, [])];
    // 2 undid 1, 3 redid (undid 2): 1 is in effect again, 2 is not.
    expect([...revisionsInEffect(list)]).toEqual([
      [4, true],
      [3, true],
      [2, false],
      [1, true],
    ]);
  });

  it('infers what an undo took back from its changes', () => {
    expect(inferChangeKind(revision(1, [block({ text: 'x' }, { text: 'y' })]))).toBe('text');
    expect(inferChangeKind(revision(1, [block({ class: 'body' }, { class: 'lead' })]))).toBe('class');
    expect(inferChangeKind(revision(1, [{ table: 'finding', id: 3, before: { state: 'accepted' }, after: { state: 'open' } }]))).toBe('fix');
    expect(inferChangeKind(revision(1, [{ table: 'finding', id: 3, before: { state: 'open' }, after: { state: 'rejected' } }]))).toBe('reject');
    expect(inferChangeKind(revision(1, [{ table: 'article', id: 3, before: { status: 'raw' }, after: { status: 'clean' } }]))).toBe('status');
    expect(
      inferChangeKind(revision(1, [{ table: 'article', id: 5, before: null, after: { status: 'raw' } }, block({ article_id: 1 }, { article_id: 5 })])),
    ).toBe('split');
    expect(
      inferChangeKind(revision(1, [block({ article_id: 5 }, { article_id: 1 }), { table: 'article', id: 5, before: { status: 'raw' }, after: null }])),
    ).toBe('merge');
    expect(inferChangeKind(revision(1, [block({ article_id: 1, ordinal: 2 }, { article_id: 2, ordinal: 0 })]))).toBe('move');
  });
});
