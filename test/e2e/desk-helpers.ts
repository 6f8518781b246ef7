import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Finding } from '../../app/findings/library/findings-store.js';
import type { DocEdit } from '../../app/findings/model.js';
import type { ArticleDetail, ArticleListItem } from '../../app/store/articles.js';
import type { ServeProcess } from '../server/serve-process.js';
import { callApi } from './harness.js';

/*
 * What the desk's end-to-end tests share: finding things on the page by the UI's data-testids,
 * explicit waits (expect.poll on what the page shows, never a fixed wait), and
 * choosing which of the imported sample articles a test works on (from the API, so no test
 * hard-codes an id).
 */

/** How long a visible change may take to show (a save, a findings refresh, an operation's reload). */
export const UI_TIMEOUT = 10_000;

/** Polls until the value matches, for as long as a UI change may take. */
export function poll<T>(read: () => Promise<T> | T, message?: string) {
  return expect.poll(read, { timeout: UI_TIMEOUT, interval: 50, ...(message ? { message } : {}) });
}

/** An interpolated UI string, as i18next fills "{{name}}" (for comparing with what the page shows). */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, key: string) => String(values[key] ?? ''));
}

/** An element by its data-testid (an exact match). */
export const byTestId = (page: Page, id: string): Locator => page.getByTestId(id);

/** The editor's paragraph for a block. */
export function blockLocator(page: Page, blockId: number): Locator {
  return byTestId(page, 'article-editor').locator(`[data-block-id="${blockId}"]`);
}

/** A block's text as the editor shows it (the class label in the gutter is CSS, not text). */
export async function blockText(page: Page, blockId: number): Promise<string | null> {
  const block = blockLocator(page, blockId);
  return (await block.count()) === 0 ? null : block.textContent();
}

/** The ids of the blocks the editor shows, in order. */
export function editorBlockIds(page: Page): Promise<number[]> {
  return byTestId(page, 'article-editor')
    .locator('[data-block-id]')
    .evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-block-id'))));
}

/** The number in a count badge or "显示 N 篇 / 共 M 篇" line, read as numbers. */
export async function numbersIn(locator: Locator): Promise<number[]> {
  return [...((await locator.textContent()) ?? '').matchAll(/\d+/g)].map((m) => Number(m[0]));
}

/** The findings panel's count, once it is not refreshing. */
export async function findingsCount(page: Page): Promise<number | null> {
  if ((await page.locator('[data-testid="findings-panel"] .refreshing').count()) > 0) return null;
  const [n] = await numbersIn(byTestId(page, 'findings-count'));
  return n ?? null;
}

/** The save state the article header shows (saved, dirty, saving, error, working). */
export function saveState(page: Page): Promise<string | null> {
  return byTestId(page, 'save-status').getAttribute('data-state');
}

/** A toast with this text (toasts stack; the newest is last). */
export function toast(page: Page, text: string | RegExp): Locator {
  return byTestId(page, 'toast').filter({ hasText: text }).last();
}

/** Shows the library (from an article, through the top bar) with no filter. */
export async function showLibrary(page: Page): Promise<void> {
  if (!(await byTestId(page, 'library-view').isVisible())) await byTestId(page, 'nav-library').click();
  await byTestId(page, 'library-view').waitFor();
  const search = byTestId(page, 'library-search');
  if ((await search.inputValue()) !== '') await search.fill('');
}

/**
 * Opens an article the way an editor does: in the library, "#id" in the search box brings its row
 * into the (virtualised) table, then a click on the row. Resolves when its text and findings show.
 */
export async function openArticle(page: Page, article: Pick<ArticleDetail, 'id' | 'blocks'>, openFindings: number): Promise<void> {
  await showLibrary(page);
  await byTestId(page, 'library-search').fill(`#${article.id}`);
  await byTestId(page, `article-row-${article.id}`).click();
  await page.locator(`[data-testid="article-workspace"][data-article-id="${article.id}"]`).waitFor();
  await poll(() => editorBlockIds(page), 'the editor shows the article’s blocks').toEqual(article.blocks.map((b) => b.id));
  await poll(() => findingsCount(page), 'the findings panel shows the article’s open findings').toBe(openFindings);
}

/* ── Choosing the articles a test works on ───────────────────────────────────────────────── */

/** Reading order of findings: by block position in the article, then offset. */
export function inReadingOrder(article: ArticleDetail, findings: readonly Finding[]): Finding[] {
  const at = new Map(article.blocks.map((b, i) => [b.id, i]));
  return [...findings].sort((x, y) => (at.get(x.blockId) ?? 0) - (at.get(y.blockId) ?? 0) || x.start - y.start);
}

type Replace = Extract<DocEdit, { op: 'replace' }>;

/** A fix that replaces text inside one block, and the block's text once it is applied. */
export function applySimpleFix(article: ArticleDetail, finding: Finding): { blockId: number; before: string; after: string } | null {
  const fix = finding.fixes[0];
  if (!fix || fix.edits.length === 0) return null;
  const edits = fix.edits.filter((e): e is Replace => e.op === 'replace' && e.block === finding.blockId);
  if (edits.length !== fix.edits.length) return null;
  const block = article.blocks.find((b) => b.id === finding.blockId);
  if (!block) return null;
  let after = block.text;
  for (const e of [...edits].sort((x, y) => y.start - x.start)) after = after.slice(0, e.start) + e.text + after.slice(e.end);
  return after === block.text ? null : { blockId: block.id, before: block.text, after };
}

export interface ReviewPlan {
  article: ArticleDetail;
  /** Its open findings in reading order. */
  findings: Finding[];
  /** Accepted in the test: its first fix replaces text in one block. */
  accept: Finding;
  acceptedText: { blockId: number; before: string; after: string };
  /** The finding after `accept` in reading order (review moves on to it). */
  next: Finding;
  /** Rejected in the test. */
  reject: Finding;
}

/** Two findings whose first fixes replace text in two different blocks of one article. */
export interface TwoFixesPlan {
  article: ArticleDetail;
  /** Its open findings (all fit the virtualised panel). */
  findings: Finding[];
  fixes: { finding: Finding; text: { blockId: number; before: string; after: string } }[];
}

export interface LibraryPlan {
  articles: ArticleListItem[];
  review: ReviewPlan;
  /** Accepted twice, then undone and redone with quick double presses. */
  twoFixes: TwoFixesPlan;
  /** An article of several blocks to split and merge back. */
  restructure: ArticleDetail;
  /** Open findings per article id. */
  openFindings: Map<number, number>;
}

/**
 * Picks the articles of the imported samples to work on: for review, the first with three to six
 * open findings (all fit the virtualised panel) whose first one has a simple fix; to restructure,
 * another with at least six blocks.
 */
export async function planFromLibrary(serve: ServeProcess): Promise<LibraryPlan> {
  const articles = await callApi<ArticleListItem[]>(serve, 'listArticles', {});
  const all = await callApi<Finding[]>(serve, 'listFindings', { states: ['open'], limit: 10_000 });
  const byArticle = new Map<number, Finding[]>();
  for (const f of all) byArticle.set(f.articleId, [...(byArticle.get(f.articleId) ?? []), f]);
  const openFindings = new Map(articles.map((a) => [a.id, byArticle.get(a.id)?.length ?? 0]));

  let review: ReviewPlan | null = null;
  for (const item of articles) {
    const mine = byArticle.get(item.id) ?? [];
    if (mine.length < 3 || mine.length > 6 || item.blockCount < 3) continue;
    const article = await callApi<ArticleDetail>(serve, 'getArticle', { id: item.id });
    const findings = inReadingOrder(article, mine);
    const accept = findings[0]!;
    const acceptedText = applySimpleFix(article, accept);
    if (!acceptedText) continue;
    review = { article, findings, accept, acceptedText, next: findings[1]!, reject: findings[findings.length - 1]! };
    break;
  }
  if (!review) throw new Error('no sample article has 3–6 open findings with a simple first fix: the samples or the detectors changed');

  const candidate = articles.find((a) => a.id !== review.article.id && a.blockCount >= 6);
  if (!candidate) throw new Error('no sample article has six blocks or more to split');
  const restructure = await callApi<ArticleDetail>(serve, 'getArticle', { id: candidate.id });

  let twoFixes: TwoFixesPlan | null = null;
  for (const item of articles) {
    const mine = byArticle.get(item.id) ?? [];
    if (item.id === review.article.id || item.id === restructure.id || mine.length < 2 || mine.length > 6) continue;
    const article = await callApi<ArticleDetail>(serve, 'getArticle', { id: item.id });
    const fixes: TwoFixesPlan['fixes'] = [];
    for (const finding of inReadingOrder(article, mine)) {
      const text = applySimpleFix(article, finding);
      if (text && !fixes.some((f) => f.text.blockId === text.blockId)) fixes.push({ finding, text });
    }
    if (fixes.length < 2) continue;
    twoFixes = { article, findings: mine, fixes: fixes.slice(0, 2) };
    break;
  }
  if (!twoFixes) throw new Error('no other sample article has two simple fixes in two blocks: the samples or the detectors changed');
  return { articles, review, restructure, twoFixes, openFindings };
}
