import fs from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { listArticles } from '../../app/store/articles.js';
import { createEdition } from '../../app/export/edition-store.js';
import { exportEdition } from '../../app/export/export.js';
import { effectiveRevisions } from '../../app/export/provenance.js';
import type { Revision } from '../../app/revisions/log.js';
import { makeTempDir, REPO_ROOT } from '../helpers.js';
import { openEditedLibrary } from './fixture.js';

const schema = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'docs', 'schema', 'edition.schema.json'), 'utf8'));

function validator() {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  // Formats are checked by hand below: ajv-formats is not a dependency.
  for (const f of ['date', 'date-time', 'uuid']) ajv.addFormat(f, true);
  return ajv.compile(schema);
}

interface JsonChange {
  blockId: number;
  source: string;
  field: string;
  offset: number | null;
  before: string;
  after: string;
  revision: { id: number; kind: string; author: string } | null;
  finding: { id: number; kind: string } | null;
}

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(field), (field = '');
    else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  return rows;
}

describe('provenance: revisions in effect', () => {
  it('leaves out what an undo took back, and keeps a redone revision once', () => {
    const rev = (id: number, reverts: number | null): Revision =>
      ({ id, reverts, kind: reverts === null ? 'text' : 'undo', createdAt: '', author: '', summary: '', changes: [], articles: [] });
    expect(effectiveRevisions([rev(1, null), rev(2, 1)]).map((r) => r.id)).toEqual([]);
    expect(effectiveRevisions([rev(1, null), rev(2, 1), rev(3, 2)]).map((r) => r.id)).toEqual([1]);
    expect(effectiveRevisions([rev(1, null), rev(2, 1), rev(3, 2), rev(4, 3), rev(5, null)]).map((r) => r.id)).toEqual([5]);
  });
});

describe('the JSON export and the corrections report', () => {
  it('validate against the published schema and trace every change to its revision, author and finding', () => {
    const f = openEditedLibrary();
    const db = f.lib.db;
    const ids = listArticles(db).map((a) => a.id);
    createEdition(db, { name: '审计', date: '2021-08-04', articleIds: ids, options: { normalizePunctuation: true, script: 'simplified', notes: 'all' } });
    const dir = makeTempDir();
    const json = exportEdition(db, { edition: '审计', format: 'json', out: dir });
    const csv = exportEdition(db, { edition: '审计', format: 'csv', out: dir });
    const doc = JSON.parse(fs.readFileSync(json.files[0]!, 'utf8'));

    const validate = validator();
    expect(validate(doc), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(doc.edition).toMatchObject({ name: '审计', date: '2021-08-04', language: 'zh-Hans', options: { script: 'simplified' } });
    expect(doc.edition.uid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);

    const article = (id: number) => doc.articles.find((a: { id: number }) => a.id === id);
    const revisionRows = (id: number) => (article(id).provenance as JsonChange[]).filter((c) => c.source === 'revision');

    // The editor's text edit, signed.
    const edited = revisionRows(f.edited.articleId);
    expect(edited).toEqual([
      expect.objectContaining({ blockId: f.edited.blockId, field: 'text', offset: 5, before: '', after: '（编者按）', finding: null, revision: expect.objectContaining({ kind: 'text', author: '王编辑' }) }),
    ]);
    // The accepted finding's fix, naming the finding and who accepted it.
    expect(revisionRows(f.accepted.articleId)).toEqual([
      expect.objectContaining({ blockId: f.accepted.blockId, field: 'text', before: ',', after: '，', revision: expect.objectContaining({ kind: 'fix', author: '王编辑' }), finding: expect.objectContaining({ id: f.accepted.findingId, kind: 'halfwidth_punct' }) }),
    ]);
    // Undone: nothing. Undone and redone: once, as the edit.
    expect(revisionRows(f.undone.articleId)).toEqual([]);
    expect(revisionRows(f.redone.articleId)).toEqual([expect.objectContaining({ after: '重做', revision: expect.objectContaining({ kind: 'text' }) })]);
    expect(revisionRows(f.reclassified.articleId)).toEqual([expect.objectContaining({ field: 'class', before: 'body', after: 'lead', offset: null })]);

    // The rejected comma stays ASCII in the edition; other commas in that block are normalised.
    const rejectedBlock = article(f.rejected.articleId).blocks.find((b: { id: number }) => b.id === f.rejected.blockId);
    expect(rejectedBlock.text[f.rejected.offset]).toBe(',');
    const punct = (article(f.rejected.articleId).provenance as JsonChange[]).filter((c) => c.source === 'punctuation' && c.blockId === f.rejected.blockId);
    expect(punct.every((c) => c.offset !== f.rejected.offset)).toBe(true);

    // Blocks left out, and the export's own steps, are listed too.
    const all = doc.articles.flatMap((a: { provenance: JsonChange[] }) => a.provenance) as JsonChange[];
    expect(new Set(all.map((c) => c.source))).toEqual(new Set(['revision', 'punctuation', 'whitespace', 'script', 'omitted'].filter((s) => all.some((c) => c.source === s))));
    expect(all.some((c) => c.source === 'omitted')).toBe(true);
    expect(all.some((c) => c.source === 'script')).toBe(true);
    expect(all.some((c) => c.source === 'punctuation')).toBe(true);

    // Tags, span tags and comments (open and resolved, with their replies) are in the JSON.
    const a = article(f.edited.articleId);
    expect(a.tags).toEqual([expect.objectContaining({ path: 'Place/营口', author: '王编辑' })]);
    expect(a.spanTags).toEqual([expect.objectContaining({ path: 'Person/某人', anchor: expect.objectContaining({ blockId: f.edited.blockId, start: 0, end: 2 }) })]);
    expect(a.comments.map((c: { id: number; state: string }) => [c.id, c.state])).toEqual([[f.comments.open, 'open'], [f.comments.resolved, 'resolved']]);
    expect(a.comments[1].entries).toEqual([expect.objectContaining({ kind: 'resolve', body: '无误' })]);
    // notes: 'all' prints both comments after their paragraph.
    const notes = a.paragraphs.filter((p: { kind: string }) => p.kind === 'note');
    expect(notes).toHaveLength(2);
    expect(notes[0].text).toMatch(/^〔注〕“.+” 王编辑：请核对原报， ?此处“疑有误”$/);
    expect(notes[1].text).toMatch(/王编辑：已核对；王编辑：无误$/);
    const editedIndex = a.paragraphs.findIndex((p: { blockId: number; kind: string }) => p.blockId === f.edited.blockId && p.kind !== 'note');
    expect(a.paragraphs[editedIndex + 1].kind).toBe('note');

    // The report: one row per change, in the same order, quoted where needed.
    const rows = parseCsv(fs.readFileSync(csv.files[0]!, 'utf8').replace(/^\uFEFF/, ''));
    expect(rows[0]).toEqual(['article_number', 'article_id', 'heading', 'block_id', 'source', 'field', 'offset', 'before', 'after',
      'revision_id', 'revision_kind', 'author', 'changed_at', 'finding_id', 'finding_kind', 'finding_flagged']);
    expect(rows.length - 1).toBe(all.length);
    expect(csv.changes).toBe(all.length);
    const fixRow = rows.find((r) => r[13] === String(f.accepted.findingId))!;
    expect(fixRow.slice(4, 9)).toEqual(['revision', 'text', fixRow[6], ',', '，']);
    expect(fixRow.slice(10, 12)).toEqual(['fix', '王编辑']);
    expect(fixRow[14]).toBe('halfwidth_punct');
    expect(rows.slice(1).map((r) => [Number(r[3]), r[4], r[7], r[8]])).toEqual(all.map((c) => [c.blockId, c.source, c.before, c.after]));
  });
});
