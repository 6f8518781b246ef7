import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTempDir, runCli, SEEDS_DIR } from '../helpers.js';

describe('qinggao search, tag and tags', () => {
  it('search a library in either script, tag articles by path, and list the vocabularies', () => {
    const lib = path.join(makeTempDir(), 'lib.db');
    expect(runCli(['import', SEEDS_DIR, '--library', lib]).code).toBe(0);

    const simplified = runCli(['search', '营口', '--json', '--library', lib]);
    expect(simplified.code).toBe(0);
    const result = JSON.parse(simplified.stdout);
    expect(result.total).toBeGreaterThan(5);
    expect(result.terms).toEqual(['营口']);
    const traditional = JSON.parse(runCli(['search', '營口', '--json', '--library', lib]).stdout);
    expect(traditional.total).toBe(result.total);
    // Marks are spans of the real text: some hits read 營口 (traditional pages).
    const marked = result.hits.flatMap((h: { snippets: { start: number; text: string; marks: { start: number; end: number }[] }[] }) =>
      h.snippets.flatMap((s) => s.marks.map((m) => s.text.slice(m.start - s.start, m.end - s.start))));
    expect(new Set(marked)).toEqual(new Set(['营口', '營口']));

    const text = runCli(['search', '港', '--limit', '2', '--library', lib]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^\d+ articles? match “港” \(by relevance\)/);
    expect(text.stdout).toContain('【港】');

    const articleId = result.hits[0].article.id;
    const tagged = runCli(['tag', String(articleId), 'Place/营口/鲅鱼圈区', '--library', lib]);
    expect(tagged.code).toBe(0);
    expect(tagged.stdout).toContain(`Tag article ${articleId}: Place/营口/鲅鱼圈区`);
    expect(runCli(['tag', String(articleId), 'Place/营口/鲅鱼圈区', '--library', lib]).code).toBe(1);

    const tags = runCli(['tags', '--library', lib]);
    expect(tags.stdout.split('\n').slice(0, 3)).toEqual([
      expect.stringMatching(/^Place {2}#\d+ {2}0 articles, 1 with the tags below$/),
      expect.stringMatching(/^ {2}营口 {2}#\d+ {2}0 articles, 1 with the tags below$/),
      expect.stringMatching(/^ {4}鲅鱼圈区 {2}#\d+ {2}1 article$/),
    ]);
    const tagsJson = JSON.parse(runCli(['tags', '--json', '--library', lib]).stdout);
    expect(tagsJson.map((t: { pathText: string }) => t.pathText)).toEqual(['Place', 'Place/营口', 'Place/营口/鲅鱼圈区']);

    const filtered = JSON.parse(runCli(['search', '营口', '--tag', 'Place/营口', '--json', '--library', lib]).stdout);
    expect(filtered.hits.map((h: { article: { id: number } }) => h.article.id)).toEqual([articleId]);
    expect(runCli(['search', '--tag', 'Place', '--library', lib]).stdout).toMatch(/^1 article \(in page order\)/);

    const untag = runCli(['tag', String(articleId), 'Place/营口/鲅鱼圈区', '--remove', '--json', '--library', lib]);
    expect(JSON.parse(untag.stdout)).toMatchObject({ kind: 'untag', articles: [articleId] });
    expect(runCli(['undo', String(articleId), '--library', lib]).code).toBe(0);
    expect(JSON.parse(runCli(['tags', '--json', '--library', lib]).stdout)[2]).toMatchObject({ articles: 1 });
  });

  it('refuses a search without a query or filter, and an unknown tag, with the usual exit codes', () => {
    const lib = path.join(makeTempDir(), 'lib.db');
    expect(runCli(['search', '--library', lib]).code).toBe(2);
    expect(runCli(['search', '--status', 'done', '--library', lib]).code).toBe(2);
    const unknown = runCli(['search', '营口', '--tag', 'Nope', '--library', lib]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/No tag "Nope"/);
    expect(runCli(['tag', '1', 'Place/营口', '--library', lib]).code).toBe(1);
  });
});
