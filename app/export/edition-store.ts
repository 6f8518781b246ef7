import crypto from 'node:crypto';
import type { Db } from '../store/database.js';
import { writeTransaction } from '../store/database.js';
import { LibraryError } from '../store/errors.js';
import { nowIso } from '../store/clock.js';
import { getArticle, isLiveArticle, type ArticleStatus } from '../store/articles.js';
import {
  DEFAULT_EDITION_OPTIONS, parseStoredOptions, serializeOptions,
  type EditionOptions, type EditionOptionsPatch,
} from './options.js';

/*
 * Editions: named, ordered selections of articles, saved in the library (tables editions and
 * edition_articles, migration 4) so they can be exported again. This module owns their SQL.
 * Positions are kept dense (0, 1, 2 …): every change to the selection rewrites them in one
 * transaction.
 */

/** An edition named by id or by name (names are unique). */
export type EditionRef = number | string;

export interface EditionSummary {
  id: number;
  name: string;
  title: string;
  /** YYYY-MM-DD. */
  date: string;
  articleCount: number;
  createdAt: string;
  updatedAt: string;
}

export interface EditionArticle {
  id: number;
  /** 0-based place in the edition. */
  position: number;
  headline: string | null;
  sourceName: string | null;
  status: ArticleStatus | null;
  /** False once the article was merged into another; it is skipped on export. */
  live: boolean;
}

export interface Edition extends EditionSummary {
  /** Stable for the edition's life; the EPUB identifier. */
  uid: string;
  options: EditionOptions;
  articles: EditionArticle[];
}

interface EditionRow {
  id: number;
  uid: string;
  name: string;
  title: string;
  date: string;
  options: string;
  created_at: string;
  updated_at: string;
  article_count: number;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date YYYY-MM-DD that exists (2021-02-30 does not). */
export function isValidDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return y >= 1000 && date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function cleanName(name: string, what: string): string {
  const text = name.normalize('NFC').trim();
  if (!text) throw new LibraryError(`An edition needs a ${what}.`);
  return text;
}

function checkDate(date: string): string {
  if (!isValidDate(date)) throw new LibraryError(`"${date}" is not a date of the form YYYY-MM-DD.`);
  return date;
}

const SELECT = `
  SELECT e.*, (SELECT count(*) FROM edition_articles ea WHERE ea.edition_id = e.id) AS article_count
  FROM editions e`;

function toSummary(row: EditionRow): EditionSummary {
  return {
    id: row.id,
    name: row.name,
    title: row.title,
    date: row.date,
    articleCount: row.article_count,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function editionRow(db: Db, ref: EditionRef): EditionRow {
  const row = (typeof ref === 'number'
    ? db.prepare(`${SELECT} WHERE e.id = ?`).get(ref)
    : db.prepare(`${SELECT} WHERE e.name = ?`).get(ref.normalize('NFC').trim())) as EditionRow | undefined;
  if (!row) throw new LibraryError(`No edition ${typeof ref === 'number' ? ref : `"${ref}"`} in this library.`);
  return row;
}

/** The edition's article ids in order, live or not. */
export function editionArticleIds(db: Db, editionId: number): number[] {
  return db.prepare('SELECT article_id FROM edition_articles WHERE edition_id = ? ORDER BY position').pluck().all(editionId) as number[];
}

function describeArticle(db: Db, articleId: number, position: number): EditionArticle {
  const article = getArticle(db, articleId);
  if (!article) return { id: articleId, position, headline: null, sourceName: null, status: null, live: false };
  return { id: articleId, position, headline: article.headline, sourceName: article.sourceName, status: article.status, live: true };
}

export function getEdition(db: Db, ref: EditionRef): Edition {
  const row = editionRow(db, ref);
  return {
    ...toSummary(row),
    uid: row.uid,
    options: parseStoredOptions(row.options),
    articles: editionArticleIds(db, row.id).map((id, i) => describeArticle(db, id, i)),
  };
}

/** The edition's row without its articles: for exporting, which reads the articles itself. */
export function getEditionHeader(db: Db, ref: EditionRef): Omit<Edition, 'articles'> {
  const row = editionRow(db, ref);
  return { ...toSummary(row), uid: row.uid, options: parseStoredOptions(row.options) };
}

export function listEditions(db: Db): EditionSummary[] {
  return (db.prepare(`${SELECT} ORDER BY e.name`).all() as EditionRow[]).map(toSummary);
}

/** Rewrites the edition's order as given (positions 0, 1, 2 …). */
function writeOrder(db: Db, editionId: number, articleIds: readonly number[]): void {
  db.prepare('DELETE FROM edition_articles WHERE edition_id = ?').run(editionId);
  const insert = db.prepare('INSERT INTO edition_articles (edition_id, article_id, position) VALUES (?, ?, ?)');
  articleIds.forEach((articleId, i) => insert.run(editionId, articleId, i));
  db.prepare('UPDATE editions SET updated_at = ? WHERE id = ?').run(nowIso(), editionId);
}

function requireLiveArticles(db: Db, ids: readonly number[]): void {
  const missing = ids.filter((id) => !isLiveArticle(db, id));
  if (missing.length) throw new LibraryError(`No article ${missing.join(', ')} in this library.`);
}

export interface NewEdition {
  name: string;
  title?: string;
  date?: string;
  options?: EditionOptionsPatch;
  /** The articles, in order; duplicates are kept once, at their first place. */
  articleIds?: readonly number[];
}

export function createEdition(db: Db, input: NewEdition): Edition {
  const name = cleanName(input.name, 'name');
  const title = input.title === undefined ? name : cleanName(input.title, 'title');
  const date = checkDate(input.date ?? today());
  const options = { ...DEFAULT_EDITION_OPTIONS, ...input.options };
  const ids = [...new Set(input.articleIds ?? [])];
  return writeTransaction(db, () => {
    if (db.prepare('SELECT 1 FROM editions WHERE name = ?').get(name)) throw new LibraryError(`An edition named "${name}" exists already.`);
    requireLiveArticles(db, ids);
    const now = nowIso();
    const info = db
      .prepare('INSERT INTO editions (uid, name, title, date, options, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(crypto.randomUUID(), name, title, date, serializeOptions(options), now, now);
    const id = Number(info.lastInsertRowid);
    writeOrder(db, id, ids);
    return getEdition(db, id);
  });
}

export interface EditionUpdate {
  name?: string;
  title?: string;
  date?: string;
  options?: EditionOptionsPatch;
  /** The same articles in a new order: every article of the edition, each once. */
  order?: readonly number[];
}

export function updateEdition(db: Db, ref: EditionRef, update: EditionUpdate): Edition {
  return writeTransaction(db, () => {
    const row = editionRow(db, ref);
    const name = update.name === undefined ? row.name : cleanName(update.name, 'name');
    if (name !== row.name && db.prepare('SELECT 1 FROM editions WHERE name = ?').get(name)) {
      throw new LibraryError(`An edition named "${name}" exists already.`);
    }
    const title = update.title === undefined ? row.title : cleanName(update.title, 'title');
    const date = update.date === undefined ? row.date : checkDate(update.date);
    const options = { ...parseStoredOptions(row.options), ...update.options };
    db.prepare('UPDATE editions SET name = ?, title = ?, date = ?, options = ?, updated_at = ? WHERE id = ?')
      .run(name, title, date, serializeOptions(options), nowIso(), row.id);
    if (update.order) {
      const current = editionArticleIds(db, row.id);
      const given = new Set(update.order);
      if (given.size !== update.order.length || given.size !== current.length || !current.every((id) => given.has(id))) {
        throw new LibraryError('A new order must name every article of the edition, each once.');
      }
      writeOrder(db, row.id, update.order);
    }
    return getEdition(db, row.id);
  });
}

export interface EditionChange {
  edition: Edition;
  /** Articles added (or removed). */
  changed: number[];
  /** Articles already in the edition (or, removing, not in it). */
  unchanged: number[];
}

/** Adds articles at the end, or before position `at`; articles already in the edition stay where they are. */
export function addToEdition(db: Db, ref: EditionRef, articleIds: readonly number[], at?: number): EditionChange {
  return writeTransaction(db, () => {
    const row = editionRow(db, ref);
    const current = editionArticleIds(db, row.id);
    const present = new Set(current);
    const added = [...new Set(articleIds)].filter((id) => !present.has(id));
    requireLiveArticles(db, added);
    const place = Math.min(at ?? current.length, current.length);
    writeOrder(db, row.id, [...current.slice(0, place), ...added, ...current.slice(place)]);
    return { edition: getEdition(db, row.id), changed: added, unchanged: articleIds.filter((id) => present.has(id)) };
  });
}

export function removeFromEdition(db: Db, ref: EditionRef, articleIds: readonly number[]): EditionChange {
  return writeTransaction(db, () => {
    const row = editionRow(db, ref);
    const current = editionArticleIds(db, row.id);
    const drop = new Set(articleIds);
    const removed = current.filter((id) => drop.has(id));
    writeOrder(db, row.id, current.filter((id) => !drop.has(id)));
    const kept = new Set(removed);
    return { edition: getEdition(db, row.id), changed: removed, unchanged: [...drop].filter((id) => !kept.has(id)) };
  });
}
