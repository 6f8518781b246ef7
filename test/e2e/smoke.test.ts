import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ArticleListItem } from '../../app/store/articles.js';
import type { ImportReport } from '../../app/import/importer.js';
import { SEEDS_DIR } from '../helpers.js';
import type { ServeProcess } from '../server/serve-process.js';
import { callApi, describeE2E, launchBrowser, makeSuiteDir, requireRendererBuild, startServe, withPage } from './harness.js';

// The page's globals, for the functions page.evaluate runs there (this project's types have no DOM).
declare const document: { body: { innerText: string } };
declare const sessionStorage: { getItem(key: string): string | null };

describeE2E('the editor in a browser, served by qinggao serve', () => {
  let serve: ServeProcess;
  let browser: Browser;
  let articles: ArticleListItem[];
  const folder = makeSuiteDir();

  beforeAll(async () => {
    requireRendererBuild();
    serve = await startServe(path.join(folder.dir, 'lib.db'));
    const report = await callApi<ImportReport>(serve, 'importPaths', { paths: [SEEDS_DIR] });
    expect(report.imported).toBe(5);
    articles = await callApi<ArticleListItem[]>(serve, 'listArticles', {});
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    if (serve) expect(await serve.stop()).toBe(0);
    folder.remove();
  });

  it('loads with the token, lists the articles of the imported pages, and the token is needed for every call', () =>
    withPage(browser, serve.url, async (page, problems) => {
      const headlines = articles.map((a) => a.headline).filter((h): h is string => h !== null);
      // The list may be virtualised: some of the headlines on screen are enough.
      await page.waitForFunction(
        (expected) => expected.filter((h) => document.body.innerText.includes(h)).length >= 3,
        headlines,
        { timeout: 15_000 },
      );

      // The token moved from the address to the tab's sessionStorage.
      expect(new URL(page.url()).hash).toBe('');
      expect(await page.evaluate(() => sessionStorage.getItem('qinggao.token'))).toBe(serve.token);

      const statusOf = (withToken: boolean) =>
        page.evaluate(async (withToken) => {
          const headers: Record<string, string> = { 'Content-Type': 'application/json' };
          if (withToken) headers['Authorization'] = `Bearer ${sessionStorage.getItem('qinggao.token')}`;
          const response = await fetch('/api/listSources', { method: 'POST', headers, body: '{}' });
          return response.status;
        }, withToken);
      expect(await statusOf(false)).toBe(401);
      expect(await statusOf(true)).toBe(200);

      expect(problems.errors).toEqual([]);
      expect(problems.consoleErrors).toEqual([]);
      // The tokenless call above is the one refused request; the page itself made none.
      expect(problems.badResponses).toEqual([`401 ${serve.origin}/api/listSources`]);
    }));
});
