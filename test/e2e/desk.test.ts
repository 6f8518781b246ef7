import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Finding } from '../../app/findings/library/findings-store.js';
import type { ArticleDetail } from '../../app/store/articles.js';
import type { SourceSummary } from '../../app/store/sources.js';
import { en } from '../../renderer/src/i18n/en.js';
import { zhCN } from '../../renderer/src/i18n/zh-CN.js';
import { SEED_FILES } from '../helpers.js';
import type { ServeProcess } from '../server/serve-process.js';
import {
  blockLocator,
  blockText,
  byTestId,
  editorBlockIds,
  fill,
  findingsCount,
  numbersIn,
  openArticle,
  planFromLibrary,
  poll,
  saveState,
  showLibrary,
  toast,
  type LibraryPlan,
} from './desk-helpers.js';
import { callApi, describeE2E, launchBrowser, makeSuiteDir, requireRendererBuild, startServe, withPage, type PageProblems } from './harness.js';

/*
 * The desk as an editor uses it, in Chromium against `qinggao serve` on a temporary library: the
 * samples are imported through the page's file input, then every step is a click or a keystroke
 * and every check is on what the page shows. The API is only read to choose the articles to work
 * on and to know their state before a test acts. The tests run in order on one library: the first
 * imports what the others work on.
 */

// The page's globals, for the functions page.evaluate runs there (this project's types have no DOM).
declare const CSS: { highlights: Map<string, Set<{ toString(): string }>> };
declare const getSelection: () => { toString(): string } | null;

/** Every finding underline painted in the text (CSS Custom Highlight API), by highlight name. */
function underlines(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(() => {
    const out: Record<string, string[]> = {};
    CSS.highlights.forEach((highlight, name) => {
      if (name.startsWith('qg-finding-')) out[name] = [...highlight].map((range) => range.toString());
    });
    return out;
  });
}

function expectNoProblems(problems: PageProblems): void {
  expect(problems.errors, 'uncaught exceptions in the page').toEqual([]);
  expect(problems.consoleErrors, 'console errors in the page').toEqual([]);
  expect(problems.badResponses, 'failed requests').toEqual([]);
}

describeE2E('the editorial desk in Chromium, served by qinggao serve', () => {
  let serve: ServeProcess;
  let browser: Browser;
  let plan: LibraryPlan | undefined;
  const folder = makeSuiteDir();

  const imported = (): LibraryPlan => {
    if (!plan) throw new Error('the import test did not run or failed: the other tests work on what it imports');
    return plan;
  };
  const articleNow = (id: number) => callApi<ArticleDetail>(serve, 'getArticle', { id });
  const openFindingsNow = (articleId: number) => callApi<Finding[]>(serve, 'listFindings', { articleId });

  beforeAll(async () => {
    requireRendererBuild();
    serve = await startServe(path.join(folder.dir, 'lib.db'));
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    if (serve) expect(await serve.stop()).toBe(0);
    folder.remove();
  });

  it('imports the five sample pages through the file input and lists their articles and pages', () =>
    withPage(browser, serve.url, async (page, problems) => {
      await byTestId(page, 'library-empty').waitFor();

      await byTestId(page, 'import-file-input').setInputFiles(SEED_FILES);
      const report = byTestId(page, 'import-report');
      await report.waitFor({ timeout: 30_000 });
      expect(await report.textContent()).toContain(fill(zhCN.import.reportSummary, { imported: 5, duplicates: 0, rejected: 0 }));
      await page.keyboard.press('Escape');
      await report.waitFor({ state: 'detached' });

      plan = await planFromLibrary(serve);
      const total = plan.articles.length;
      expect(total).toBeGreaterThan(5);
      await poll(() => byTestId(page, 'library-count').textContent()).toBe(fill(zhCN.library.shown, { shown: total, total }));
      expect(await numbersIn(byTestId(page, 'nav-library'))).toEqual([total]);
      // The table is virtualised: the first rows are drawn, in page order, with their headlines.
      for (const article of plan.articles.slice(0, 8)) {
        expect(await byTestId(page, `article-row-${article.id}`).textContent()).toContain(article.headline ?? zhCN.common.untitled);
      }
      // One entry per page in the pages list, each with its number of articles.
      const sources = await callApi<SourceSummary[]>(serve, 'listSources', {});
      expect(sources.map((s) => s.name).sort()).toEqual(SEED_FILES.map((f) => path.basename(f)).sort());
      for (const source of sources) {
        const entry = await byTestId(page, `source-${source.id}`).textContent();
        expect(entry).toContain(source.name);
        expect(entry).toContain(fill(zhCN.library.articlesOnPage, { count: source.articles }));
      }
      // Choosing a page shows its articles only.
      const page2 = sources[1]!;
      await byTestId(page, `source-${page2.id}`).click();
      await poll(() => byTestId(page, 'library-count').textContent()).toBe(fill(zhCN.library.shown, { shown: page2.articles, total }));
      const firstOfPage = plan.articles.find((a) => a.sourceId === page2.id)!;
      await byTestId(page, `article-row-${firstOfPage.id}`).waitFor();
      await byTestId(page, 'source-all').click();
      await poll(() => byTestId(page, 'library-count').textContent()).toBe(fill(zhCN.library.shown, { shown: total, total }));

      // The same files again: nothing new, the report says they are already in the library.
      await byTestId(page, 'import-file-input').setInputFiles(SEED_FILES);
      await report.waitFor({ timeout: 30_000 });
      expect(await report.textContent()).toContain(fill(zhCN.import.reportSummary, { imported: 0, duplicates: 5, rejected: 0 }));
      await page.keyboard.press('Escape');
      await report.waitFor({ state: 'detached' });
      await poll(() => byTestId(page, 'library-count').textContent()).toBe(fill(zhCN.library.shown, { shown: total, total }));

      expectNoProblems(problems);
    }));

  it('opens an article from the library and shows its text, its findings in the panel and underlined in the text', () =>
    withPage(browser, serve.url, async (page, problems) => {
      const { review } = imported();
      await openArticle(page, review.article, review.findings.length);

      expect(await byTestId(page, 'article-headline').textContent()).toBe(review.article.headline);
      for (const block of review.article.blocks) expect(await blockText(page, block.id)).toBe(block.text);
      expect(await byTestId(page, 'save-status').getAttribute('data-state')).toBe('saved');

      for (const finding of review.findings) {
        const item = byTestId(page, `finding-${finding.id}`);
        expect(await item.getAttribute('data-kind')).toBe(finding.kind);
        expect(await item.textContent()).toContain(finding.message.zh);
        expect(await byTestId(page, `finding-select-${finding.id}`).textContent()).toBe(finding.flagged.trim() === '' ? '¶' : finding.flagged);
      }
      // The flagged text is underlined in the editor, in its kind's highlight.
      const painted = await underlines(page);
      for (const finding of review.findings.filter((f) => f.blockId === f.endBlockId)) {
        expect(painted[`qg-finding-${finding.kind}`] ?? []).toContain(finding.flagged);
      }

      // Choosing a finding selects its text in the editor and marks it as the one under review.
      const chosen = review.findings[1]!;
      await byTestId(page, `finding-select-${chosen.id}`).click();
      await poll(() => byTestId(page, `finding-${chosen.id}`).getAttribute('aria-current')).toBe('true');
      await poll(() => page.evaluate(() => getSelection()?.toString() ?? '')).toBe(chosen.flagged);

      expectNoProblems(problems);
    }));

  it('accepts a fix and sees the text change, ignores a finding, undoes both, redoes the fix, and sees it all in the history', () =>
    withPage(browser, serve.url, async (page, problems) => {
      const { review } = imported();
      const { accept, next, reject, acceptedText } = review;
      const n = review.findings.length;
      await openArticle(page, review.article, n);

      // Accept: the text changes, the finding leaves the panel, review moves on to the next one.
      await byTestId(page, `finding-accept-${accept.id}`).click();
      await toast(page, zhCN.toast.accepted).waitFor();
      await poll(() => blockText(page, acceptedText.blockId)).toBe(acceptedText.after);
      await byTestId(page, `finding-${accept.id}`).waitFor({ state: 'detached' });
      await poll(() => findingsCount(page)).toBe(n - 1);
      await poll(() => byTestId(page, `finding-${next.id}`).getAttribute('aria-current')).toBe('true');

      // Ignore: the finding leaves the panel, the text stays.
      await byTestId(page, `finding-reject-${reject.id}`).click();
      await byTestId(page, `finding-${reject.id}`).waitFor({ state: 'detached' });
      await poll(() => findingsCount(page)).toBe(n - 2);
      for (const block of review.article.blocks) {
        expect(await blockText(page, block.id)).toBe(block.id === acceptedText.blockId ? acceptedText.after : block.text);
      }

      // Ctrl+Z in the text undoes the ignore: the finding is back.
      await blockLocator(page, review.article.blocks.at(-1)!.id).click();
      await page.keyboard.press('Control+z');
      await toast(page, fill(zhCN.toast.undone, { what: '' })).waitFor();
      await byTestId(page, `finding-${reject.id}`).waitFor();
      await poll(() => findingsCount(page)).toBe(n - 1);

      // The toolbar's undo takes the fix back: the text is as OCR gave it, the finding open again.
      await byTestId(page, 'undo-button').click();
      await poll(() => blockText(page, acceptedText.blockId)).toBe(acceptedText.before);
      await byTestId(page, `finding-${accept.id}`).waitFor();
      await poll(() => findingsCount(page)).toBe(n);

      // Ctrl+Shift+Z redoes it.
      await blockLocator(page, review.article.blocks.at(-1)!.id).click();
      await page.keyboard.press('Control+Shift+Z');
      await poll(() => blockText(page, acceptedText.blockId)).toBe(acceptedText.after);
      await byTestId(page, `finding-${accept.id}`).waitFor({ state: 'detached' });
      await poll(() => findingsCount(page)).toBe(n - 1);
      await poll(() => saveState(page)).toBe('saved');

      // The history, newest first: redo, two undos, the ignore (undone), the fix (in effect again).
      await byTestId(page, 'tab-history').click();
      const revisions = byTestId(page, 'history-panel').locator('[data-testid^="revision-"]:not([data-testid^="revision-restore-"])');
      await poll(() => revisions.count()).toBe(5);
      const k = zhCN.revisionKind;
      expect(await revisions.locator('.revision-kind').allTextContents()).toEqual([k.redo, k.undo, k.undo, k.reject, k.fix]);
      expect(await revisions.nth(0).textContent()).toContain(zhCN.history.latest);
      expect(await revisions.nth(3).locator('.badge').allTextContents()).toContain(zhCN.history.undone);
      expect(await revisions.nth(4).locator('.badge').allTextContents()).not.toContain(zhCN.history.undone);
      // The fix's change as an inline diff: what it took out came from the flagged text, what it put in from the fix.
      const removed = await revisions.nth(4).locator('del').allTextContents();
      const inserted = await revisions.nth(4).locator('ins').allTextContents();
      expect(removed.length + inserted.length).toBeGreaterThan(0);
      for (const part of removed) expect(acceptedText.before).toContain(part);
      for (const part of inserted) expect(acceptedText.after).toContain(part);

      expectNoProblems(problems);
    }));

  it('undoes two changes for a quick double Ctrl+Z, and redoes both for a quick double Ctrl+Shift+Z or Ctrl+Y', () =>
    withPage(browser, serve.url, async (page, problems) => {
      const { article, findings, fixes } = imported().twoFixes;
      const [first, second] = fixes as [(typeof fixes)[0], (typeof fixes)[0]];
      const n = findings.length;
      const kindsNow = async () => (await callApi<{ kind: string }[]>(serve, 'listRevisions', { articleId: article.id })).map((r) => r.kind);
      const kindsBefore = await kindsNow();
      await openArticle(page, article, n);

      // Two changes, each its own revision.
      for (const [i, { finding, text }] of [first, second].entries()) {
        await byTestId(page, `finding-accept-${finding.id}`).click();
        await poll(() => blockText(page, text.blockId)).toBe(text.after);
        await byTestId(page, `finding-${finding.id}`).waitFor({ state: 'detached' });
        await poll(() => findingsCount(page)).toBe(n - 1 - i);
        await poll(() => saveState(page)).toBe('saved');
      }
      const textsAre = (which: 'before' | 'after') =>
        poll(async () => [await blockText(page, first.text.blockId), await blockText(page, second.text.blockId)], `both changes ${which === 'before' ? 'undone' : 'in effect'}`).toEqual([
          first.text[which],
          second.text[which],
        ]);
      /** Presses a chord twice, the second time at once (well inside one round trip to the server). */
      const pressTwice = async (chord: string) => {
        await blockLocator(page, article.blocks.at(-1)!.id).click();
        await page.keyboard.press(chord);
        await page.keyboard.press(chord);
      };
      const settled = async () => {
        await poll(() => saveState(page)).toBe('saved');
        await poll(() => findingsCount(page)).not.toBeNull();
      };

      // Both undone, the later one first; both findings are open again.
      await pressTwice('Control+z');
      await textsAre('before');
      await byTestId(page, `finding-${first.finding.id}`).waitFor();
      await byTestId(page, `finding-${second.finding.id}`).waitFor();
      await poll(() => findingsCount(page)).toBe(n);
      await settled();

      await pressTwice('Control+Shift+Z');
      await textsAre('after');
      await poll(() => findingsCount(page)).toBe(n - 2);
      await settled();

      await pressTwice('Control+z');
      await textsAre('before');
      await settled();

      await pressTwice('Control+y');
      await textsAre('after');
      await poll(() => findingsCount(page)).toBe(n - 2);
      await settled();

      // Each press was one step, and no step ran twice: exactly these revisions, in this order.
      expect((await kindsNow()).slice(kindsBefore.length)).toEqual(['fix', 'fix', 'undo', 'undo', 'redo', 'redo', 'undo', 'undo', 'redo', 'redo']);
      // Neither change was undone or redone a third time: the texts stay as they are.
      expect([await blockText(page, first.text.blockId), await blockText(page, second.text.blockId)]).toEqual([first.text.after, second.text.after]);

      expectNoProblems(problems);
    }));

  it('edits the text, autosaves and re-checks it, sets the status, and after a reload finds it all still there', () =>
    withPage(browser, serve.url, async (page, problems) => {
      const { review } = imported();
      const before = await articleNow(review.article.id);
      const open = await openFindingsNow(review.article.id);
      const last = before.blocks.at(-1)!;
      // Typed at the end of the last block, with a half-width comma between Chinese words (a finding).
      const typed = '本报校对,完毕。';
      await openArticle(page, before, open.length);
      const findingIds = () =>
        byTestId(page, 'findings-panel')
          .locator('[data-testid^="finding-select-"]')
          .evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-testid')!.slice('finding-select-'.length))));

      await blockLocator(page, last.id).click();
      await page.keyboard.press('Control+End');
      await page.keyboard.type(typed);
      await poll(() => blockText(page, last.id)).toBe(last.text + typed);
      // Saved once typing pauses, then the findings are checked again: the comma is flagged.
      await poll(() => saveState(page)).toBe('saved');
      await poll(() => findingsCount(page)).toBe(open.length + 1);
      const added = (await findingIds()).filter((id) => !open.some((f) => f.id === id));
      expect(added).toHaveLength(1);
      const comma = added[0]!;
      expect(await byTestId(page, `finding-select-${comma}`).textContent()).toBe(',');
      expect(await byTestId(page, `finding-${comma}`).getAttribute('data-kind')).toBe('halfwidth_punct');

      await byTestId(page, 'status-select').selectOption('in_review');
      await toast(page, fill(zhCN.toast.status, { status: zhCN.status.in_review })).waitFor();
      await poll(() => saveState(page)).toBe('saved');

      await page.reload();
      await byTestId(page, 'library-view').waitFor();
      await byTestId(page, 'library-search').fill(`#${review.article.id}`);
      expect(await byTestId(page, `article-row-${review.article.id}`).locator('.status-pill').textContent()).toBe(zhCN.status.in_review);

      await openArticle(page, before, open.length + 1);
      for (const block of before.blocks) expect(await blockText(page, block.id)).toBe(block.id === last.id ? last.text + typed : block.text);
      expect(await byTestId(page, 'status-select').inputValue()).toBe('in_review');
      expect((await findingIds()).sort((a, b) => a - b)).toEqual([...open.map((f) => f.id), comma].sort((a, b) => a - b));

      await byTestId(page, 'tab-history').click();
      const kinds = byTestId(page, 'history-panel').locator('.revision-kind');
      await poll(() => kinds.count()).toBeGreaterThan(1);
      expect((await kinds.allTextContents()).slice(0, 2)).toEqual([zhCN.revisionKind.status, zhCN.revisionKind.text]);

      expectNoProblems(problems);
    }));

  it('splits an article from the context menu and merges it back from the toolbar; the library count follows', () =>
    withPage(browser, serve.url, async (page, problems) => {
      const { restructure } = imported();
      const article = await articleNow(restructure.id);
      const open = await openFindingsNow(article.id);
      await openArticle(page, article, open.length);
      const [total] = await numbersIn(byTestId(page, 'nav-library'));
      const at = 3;
      const kept = article.blocks.slice(0, at);
      const moved = article.blocks.slice(at);

      await blockLocator(page, moved[0]!.id).click({ button: 'right' });
      await byTestId(page, 'editor-context-menu').waitFor();
      await byTestId(page, 'context-split').click();
      const splitToast = toast(page, fill(zhCN.toast.split, { id: '' }));
      await splitToast.waitFor();
      const newId = Number(/#(\d+)/.exec((await splitToast.textContent()) ?? '')?.[1]);
      expect(newId).toBeGreaterThan(0);
      await poll(async () => (await numbersIn(byTestId(page, 'nav-library')))[0]).toBe(total! + 1);

      // The toast's button opens the new article: the blocks split off.
      await splitToast.getByRole('button', { name: zhCN.toast.open }).click();
      await page.locator(`[data-testid="article-workspace"][data-article-id="${newId}"]`).waitFor();
      await poll(() => editorBlockIds(page)).toEqual(moved.map((b) => b.id));
      for (const block of moved) expect(await blockText(page, block.id)).toBe(block.text);

      await showLibrary(page);
      await poll(() => byTestId(page, 'library-count').textContent()).toBe(fill(zhCN.library.shown, { shown: total! + 1, total: total! + 1 }));

      // The first part keeps the blocks before the split; merging the next article of the page
      // (the part split off) puts them together again.
      await openArticle(page, { id: article.id, blocks: kept }, await openFindingsNow(article.id).then((list) => list.length));
      await byTestId(page, 'merge-button').click();
      await toast(page, fill(zhCN.toast.merged, { id: newId })).waitFor();
      await poll(() => editorBlockIds(page)).toEqual(article.blocks.map((b) => b.id));
      for (const block of article.blocks) expect(await blockText(page, block.id)).toBe(block.text);
      await poll(async () => (await numbersIn(byTestId(page, 'nav-library')))[0]).toBe(total);

      await showLibrary(page);
      await poll(() => byTestId(page, 'library-count').textContent()).toBe(fill(zhCN.library.shown, { shown: total!, total: total! }));
      await byTestId(page, 'library-search').fill(`#${newId}`);
      await byTestId(page, 'library-no-match').waitFor();

      expectNoProblems(problems);
    }));

  it('switches the UI to English, keeps it after a reload, and switches back in the settings', () =>
    withPage(browser, serve.url, async (page, problems) => {
      const { review } = imported();
      const total = imported().articles.length;
      await poll(() => byTestId(page, 'library-count').textContent()).toBe(fill(zhCN.library.shown, { shown: total, total }));
      expect(await byTestId(page, 'language-zh-CN').getAttribute('aria-pressed')).toBe('true');

      await byTestId(page, 'language-en').click();
      await poll(() => page.locator('html').getAttribute('lang')).toBe('en');
      expect(await byTestId(page, 'language-en').getAttribute('aria-pressed')).toBe('true');
      expect(await page.title()).toBe(en.app.title);
      expect(await byTestId(page, 'library-count').textContent()).toBe(fill(en.library.shown, { shown: total, total }));
      expect(await byTestId(page, 'nav-library').textContent()).toContain(en.nav.library);
      expect(await byTestId(page, 'sort-headline').textContent()).toContain(en.library.columns.headline);
      expect(await byTestId(page, 'import-button').textContent()).toBe(en.import.button);
      expect(await byTestId(page, 'library-search').getAttribute('placeholder')).toBe(en.library.searchPlaceholder);
      const statuses = Object.values(en.status) as string[];
      const pills = await byTestId(page, 'library-table').locator('.status-pill').allTextContents();
      expect(pills.length).toBeGreaterThan(0);
      for (const pill of pills) expect(statuses).toContain(pill);

      // An article: tabs, toolbar, block classes, the findings and their messages in English.
      const article = await articleNow(review.article.id);
      const open = await openFindingsNow(article.id);
      await openArticle(page, article, open.length);
      expect(await byTestId(page, 'tab-edit').textContent()).toContain(en.article.tabs.edit);
      expect(await byTestId(page, 'tab-history').textContent()).toBe(en.article.tabs.history);
      expect(await byTestId(page, 'undo-button').textContent()).toContain(en.toolbar.undo);
      expect(await blockLocator(page, article.blocks[0]!.id).getAttribute('data-label')).toBe(en.blockClass[article.blocks[0]!.cls]);
      const first = open.find((f) => f.fixes.length > 0)!;
      expect(await byTestId(page, `finding-${first.id}`).textContent()).toContain(first.message.en);
      expect(await byTestId(page, `finding-accept-${first.id}`).textContent()).toBe(en.findings.accept);
      expect(await byTestId(page, `finding-reject-${first.id}`).textContent()).toBe(en.findings.reject);

      // The choice is remembered.
      await page.reload();
      await poll(() => byTestId(page, 'library-count').textContent()).toBe(fill(en.library.shown, { shown: total, total }));
      expect(await byTestId(page, 'nav-library').textContent()).toContain(en.nav.library);

      // The settings dialog switches back.
      await byTestId(page, 'settings-button').click();
      await byTestId(page, 'settings-dialog').waitFor();
      await byTestId(page, 'settings-language').selectOption('zh-CN');
      await poll(() => page.locator('html').getAttribute('lang')).toBe('zh-CN');
      await page.keyboard.press('Escape');
      await byTestId(page, 'settings-dialog').waitFor({ state: 'detached' });
      expect(await byTestId(page, 'library-count').textContent()).toBe(fill(zhCN.library.shown, { shown: total, total }));
      expect(await byTestId(page, 'nav-library').textContent()).toContain(zhCN.nav.library);

      expectNoProblems(problems);
    }));
});
