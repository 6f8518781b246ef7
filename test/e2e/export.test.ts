import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { EditionSummary } from '../../app/export/edition-store.js';
import type { ImportReport } from '../../app/import/importer.js';
import type { ArticleDetail, ArticleListItem } from '../../app/store/articles.js';
import { SEEDS_DIR } from '../helpers.js';
import type { ServeProcess } from '../server/serve-process.js';
import { byTestId, poll } from './desk-helpers.js';
import { callApi, describeE2E, launchBrowser, makeSuiteDir, requireRendererBuild, startServe, withPage } from './harness.js';

/*
 * The export dialog in a browser, against the real `qinggao serve` on a library of the seed pages:
 * make an edition of all articles, export it as TXT into a folder, see the done state and find the
 * file on disk with the seeds' text in it; a second export into the same folder is refused until
 * the editor chooses to replace the file.
 */

describeE2E('exporting an edition from the desk', () => {
  let serve: ServeProcess;
  let browser: Browser;
  let articles: ArticleListItem[];
  let bodies: string[];
  const folder = makeSuiteDir();
  const outDir = path.join(folder.dir, 'exports', '第一期');

  beforeAll(async () => {
    requireRendererBuild();
    serve = await startServe(path.join(folder.dir, 'lib.db'));
    const report = await callApi<ImportReport>(serve, 'importPaths', { paths: [SEEDS_DIR] });
    expect(report.imported).toBe(5);
    articles = await callApi<ArticleListItem[]>(serve, 'listArticles', {});
    // One body paragraph of each article: the exported text must have every one.
    bodies = [];
    for (const a of articles) {
      const detail = await callApi<ArticleDetail>(serve, 'getArticle', { id: a.id });
      const body = detail.blocks.find((b) => b.cls === 'body' && b.text.trim().length > 10);
      if (body) bodies.push(body.text.trim());
    }
    expect(bodies.length).toBeGreaterThan(0);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    if (serve) expect(await serve.stop()).toBe(0);
    folder.remove();
  });

  it('creates an edition of all articles, exports TXT into a folder, shows the files, and refuses to overwrite until asked', () =>
    withPage(browser, serve.url, async (page, problems) => {
      await byTestId(page, 'export-button').click();
      const dialog = byTestId(page, 'export-dialog');
      await dialog.waitFor({ state: 'visible' });

      await byTestId(page, 'export-mode-new').check();
      await byTestId(page, 'export-name').fill('试刊');
      await byTestId(page, 'export-title').fill('营口日报 试刊');
      await byTestId(page, 'export-date').fill('2024-05-06');
      await byTestId(page, 'export-articles-all').check();
      await byTestId(page, 'export-format').selectOption('txt');
      await byTestId(page, 'export-per-edition').check();
      await byTestId(page, 'export-out').fill(outDir);
      await byTestId(page, 'export-start').click();

      const done = byTestId(page, 'export-done');
      await done.waitFor({ state: 'visible', timeout: 30_000 });
      const file = path.join(outDir, '试刊.txt');
      expect(await byTestId(page, 'export-done-folder').inputValue()).toBe(outDir);
      expect(await byTestId(page, 'export-done-files').textContent()).toContain('试刊.txt');

      // On disk, with the edition's title and every article's text.
      expect(fs.existsSync(file)).toBe(true);
      const text = fs.readFileSync(file, 'utf8');
      expect(text).toContain('营口日报 试刊');
      expect(text).toContain('2024-05-06');
      for (const body of bodies) expect(text).toContain(body);
      for (const a of articles) if (a.headline) expect(text).toContain(a.headline);

      // The edition exists on the server, with every article.
      const editions = await callApi<EditionSummary[]>(serve, 'listEditions', {});
      expect(editions.map((e) => [e.name, e.articleCount])).toEqual([['试刊', articles.length]]);

      // Again into the same folder: refused (the file exists), nothing written; then replaced.
      const before = fs.statSync(file).mtimeMs;
      await byTestId(page, 'export-again').click();
      expect(await byTestId(page, 'export-edition').inputValue()).toBe(String(editions[0]!.id));
      await byTestId(page, 'export-start').click();
      await byTestId(page, 'export-refused').waitFor({ state: 'visible', timeout: 30_000 });
      expect(fs.statSync(file).mtimeMs).toBe(before);
      await byTestId(page, 'export-replace').click();
      await done.waitFor({ state: 'visible', timeout: 30_000 });
      await poll(() => fs.readFileSync(file, 'utf8')).toBe(text);
      expect((await callApi<EditionSummary[]>(serve, 'listEditions', {})).length).toBe(1);

      await byTestId(page, 'export-close').click();
      await dialog.waitFor({ state: 'detached' });

      expect(problems.errors).toEqual([]);
      expect(problems.consoleErrors).toEqual([]);
      expect(problems.badResponses).toEqual([]);
    }));
});
