import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../app/store/database.js';
import { schemaVersion } from '../../app/store/migrations.js';
import { listArticles } from '../../app/store/articles.js';
import { mergeArticles } from '../../app/edit/operations.js';
import { tagArticle } from '../../app/tags/assign.js';
import { createCampaign } from '../../app/tags/campaigns.js';
import { dispatch } from '../../app/api/handlers.js';
import {
  addToEdition, createEdition, getEdition, isValidDate, listEditions, removeFromEdition, updateEdition,
} from '../../app/export/edition-store.js';
import { createEditionFrom, selectArticles } from '../../app/export/selection.js';
import { DEFAULT_EDITION_OPTIONS, parseStoredOptions } from '../../app/export/options.js';
import { makeTempDir } from '../helpers.js';
import { openSeededLibrary } from './helpers.js';

describe('the editions migration (4)', () => {
  it('creates editions and edition_articles on a fresh library', () => {
    const db = openDatabase(path.join(makeTempDir(), 'lib.db'));
    expect(schemaVersion(db)).toBeGreaterThanOrEqual(4);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['editions', 'edition_articles']));
    db.close();
  });

  it('brings a schema-3 library with articles up to date, keeping its data', () => {
    const file = path.join(makeTempDir(), 'lib.db');
    openDatabase(file, { targetVersion: 3 }).close();
    const raw = new Database(file);
    expect(raw.pragma('user_version', { simple: true })).toBe(3);
    raw.close();
    const db = openDatabase(file);
    expect(schemaVersion(db)).toBeGreaterThanOrEqual(4);
    db.prepare("INSERT INTO editions (uid, name, title, date, created_at, updated_at) VALUES ('u', 'n', 't', '2021-08-04', '', '')").run();
    expect(() => db.prepare("INSERT INTO editions (uid, name, title, date, created_at, updated_at) VALUES ('v', 'm', 't', '4 Aug', '', '')").run())
      .toThrow(/CHECK/);
    db.close();
  });

  it('keeps an edition\'s order by an index on (edition, position)', () => {
    const db = openDatabase(path.join(makeTempDir(), 'lib.db'));
    const plan = db.prepare('EXPLAIN QUERY PLAN SELECT article_id FROM edition_articles WHERE edition_id = ? ORDER BY position').all(1) as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/edition_articles_in_order/);
    expect(plan.map((p) => p.detail).join(' ')).not.toMatch(/TEMP B-TREE/);
    db.close();
  });
});

describe('editions', () => {
  it('are created with a title, a date and default options, and listed by name', () => {
    const lib = openSeededLibrary();
    const ids = listArticles(lib.db).map((a) => a.id);
    const e = createEdition(lib.db, { name: ' 八月 ', articleIds: [ids[2]!, ids[0]!, ids[2]!], date: '2021-08-04' });
    expect(e).toMatchObject({ name: '八月', title: '八月', date: '2021-08-04', options: DEFAULT_EDITION_OPTIONS });
    expect(e.articles.map((a) => [a.id, a.position, a.live])).toEqual([[ids[2], 0, true], [ids[0], 1, true]]);
    expect(e.uid).toMatch(/^[0-9a-f-]{36}$/);
    createEdition(lib.db, { name: 'Alpha' });
    expect(listEditions(lib.db).map((s) => [s.name, s.articleCount])).toEqual([['Alpha', 0], ['八月', 2]]);
    expect(() => createEdition(lib.db, { name: '八月' })).toThrow(/exists already/);
    expect(() => createEdition(lib.db, { name: 'x', date: '2021-02-30' })).toThrow(/not a date/);
    expect(() => createEdition(lib.db, { name: 'y', articleIds: [999_999] })).toThrow(/No article 999999/);
    expect(() => getEdition(lib.db, 'nope')).toThrow(/No edition "nope"/);
    expect(getEdition(lib.db, e.id).name).toBe('八月');
  });

  it('take articles added, removed and reordered, keeping positions dense', () => {
    const lib = openSeededLibrary();
    const ids = listArticles(lib.db).map((a) => a.id);
    const e = createEdition(lib.db, { name: 'E', articleIds: ids.slice(0, 3) });
    const added = addToEdition(lib.db, e.id, [ids[5]!, ids[1]!, ids[6]!], 1);
    expect(added.changed).toEqual([ids[5], ids[6]]);
    expect(added.unchanged).toEqual([ids[1]]);
    expect(added.edition.articles.map((a) => a.id)).toEqual([ids[0], ids[5], ids[6], ids[1], ids[2]]);
    const removed = removeFromEdition(lib.db, 'E', [ids[5]!, 12_345]);
    expect(removed.changed).toEqual([ids[5]]);
    expect(removed.unchanged).toEqual([12_345]);
    const order = [ids[2]!, ids[1]!, ids[6]!, ids[0]!];
    const updated = updateEdition(lib.db, 'E', { order, title: '第一版', options: { script: 'traditional', captions: false }, name: 'E2' });
    expect(updated.articles.map((a) => [a.id, a.position])).toEqual(order.map((id, i) => [id, i]));
    expect(updated).toMatchObject({ name: 'E2', title: '第一版', options: { ...DEFAULT_EDITION_OPTIONS, script: 'traditional', captions: false } });
    expect(() => updateEdition(lib.db, 'E2', { order: order.slice(1) })).toThrow(/every article/);
    expect(() => updateEdition(lib.db, 'E2', { order: [...order, order[0]!] })).toThrow(/every article/);
  });

  it('show an article merged away as no longer live', () => {
    const lib = openSeededLibrary();
    const [a, b] = listArticles(lib.db);
    const e = createEdition(lib.db, { name: 'E', articleIds: [a!.id, b!.id] });
    mergeArticles(lib.db, a!.id, b!.id);
    expect(getEdition(lib.db, e.id).articles.map((x) => x.live)).toEqual([true, false]);
  });

  it('select all articles, a search\'s matches or a campaign\'s articles, in page order', () => {
    const lib = openSeededLibrary();
    const all = listArticles(lib.db).map((a) => a.id);
    expect(selectArticles(lib.db, { all: true })).toEqual(all);
    const found = selectArticles(lib.db, { search: { query: '营口' } });
    expect(found.length).toBeGreaterThan(3);
    expect(found).toEqual(all.filter((id) => found.includes(id)));
    tagArticle(lib.db, found[1]!, 'Campaign/文明城市/营口');
    tagArticle(lib.db, found[0]!, 'Campaign/文明城市');
    createCampaign(lib.db, { name: '创城', tag: 'Campaign/文明城市', search: { query: '营口' } });
    expect(selectArticles(lib.db, { campaign: '创城' })).toEqual([found[0], found[1]]);
    expect(() => selectArticles(lib.db, { campaign: 'nope' })).toThrow(/No campaign "nope"/);
    const e = createEditionFrom(lib.db, { name: 'C', articles: { campaign: '创城' } });
    expect(e.articles.map((x) => x.id)).toEqual([found[0], found[1]]);
  });

  it('are served by the API contract, with inputs validated', () => {
    const lib = openSeededLibrary();
    const ids = listArticles(lib.db).map((a) => a.id);
    const ctx = { library: lib };
    const created = dispatch('createEdition', { name: 'API', date: '2021-08-04', options: { script: 'hk' }, articles: { articleIds: ids.slice(0, 2) } }, ctx) as { id: number };
    expect(dispatch('getEdition', { edition: created.id }, ctx)).toMatchObject({ name: 'API', options: { script: 'hk' } });
    expect(dispatch('addToEdition', { edition: 'API', articles: { all: true } }, ctx)).toMatchObject({ changed: ids.slice(2) });
    expect(dispatch('removeFromEdition', { edition: 'API', articleIds: [ids[0]] }, ctx)).toMatchObject({ changed: [ids[0]] });
    expect(dispatch('updateEdition', { edition: 'API', options: { notes: 'all' } }, ctx)).toMatchObject({ options: { script: 'hk', notes: 'all' } });
    expect(dispatch('listEditions', {}, ctx)).toHaveLength(1);
    expect(() => dispatch('createEdition', { name: 'B', options: { script: 'klingon' } }, ctx)).toThrow(/Invalid input/);
    expect(() => dispatch('createEdition', { name: 'B', articles: { all: true, search: { query: 'x' } } }, ctx)).toThrow(/Invalid input/);
    expect(() => dispatch('exportEdition', { edition: 'API', format: 'pdf', out: '/tmp/x' }, ctx)).toThrow(/Invalid input/);
    expect(() => dispatch('getEdition', { edition: 'nope' }, ctx)).toThrow(expect.objectContaining({ code: 'refused' }));
  });
});

describe('stored options', () => {
  it('fill keys a library does not have with defaults and survive bad JSON', () => {
    expect(parseStoredOptions('{"script":"tw"}')).toEqual({ ...DEFAULT_EDITION_OPTIONS, script: 'tw' });
    expect(parseStoredOptions('{"script":"klingon","captions":false}')).toEqual({ ...DEFAULT_EDITION_OPTIONS, captions: false });
    expect(parseStoredOptions('not json')).toEqual(DEFAULT_EDITION_OPTIONS);
    expect(isValidDate('2024-02-29')).toBe(true);
    expect(isValidDate('2023-02-29')).toBe(false);
  });
});
