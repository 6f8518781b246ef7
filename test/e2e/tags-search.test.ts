import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Comment } from '../../app/annotations/comments.js';
import type { ImportReport } from '../../app/import/importer.js';
import type { ArticleListItem } from '../../app/store/articles.js';
import type { ArticleTag } from '../../app/tags/assign.js';
import type { Campaign } from '../../app/tags/campaigns.js';
import type { SpanTag } from '../../app/tags/spans.js';
import type { TagInfo } from '../../app/tags/vocabulary.js';
import type { ServeProcess } from '../server/serve-process.js';
import { callApi, describeE2E, launchBrowser, makeSuiteDir, requireRendererBuild, startServe, withPage } from './harness.js';

/*
 * Tagging, comments and search in a browser, against the real `qinggao serve` on a library of
 * three small pages written in SIMPLIFIED characters (so a traditional query has to be folded to
 * find them). The tests share the library and run in order.
 */

// The page's globals, for the functions page.evaluate runs there (this project's types have no DOM).
/* eslint-disable @typescript-eslint/no-explicit-any -- DOM objects inside page.evaluate */
declare const document: any;
declare const window: any;
declare const NodeFilter: any;
declare const CSS: any;

const PAGES: Record<string, string> = {
  '901_port.txt': [
    '要闻',
    '营口港口扩建工程全面开工',
    '本报记者 李明',
    '本报营口讯 营口市今天举行港口扩建工程开工仪式，鲅鱼圈区的新码头将在两年内建成。这项工程是营口对外开放的重点项目。',
    '港口扩建完成后，营口港的吞吐能力将大幅提升，为辽宁沿海经济带发展注入新动力。工程负责人表示，将确保质量和安全。',
    '市民王芳说，港口的变化让大家感到振奋，希望城市越来越好。',
  ].join('\n\n'),
  '902_festival.txt': [
    '文化',
    '营口市举办首届海滨文化节',
    '本报记者 赵刚',
    '本报讯 营口市首届海滨文化节昨天开幕，来自全省的艺术团体带来了精彩的演出，吸引了大批市民和游客。',
    '文化节将持续一周，期间还将举办书画展览和非遗展示活动，丰富群众的精神文化生活。',
  ].join('\n\n'),
  '903_metro.txt': [
    '城建',
    '沈阳地铁新线路开通运营',
    '本报记者 孙丽',
    '本报讯 沈阳地铁新线路今天正式开通运营，沿线居民出行更加便利，早晚高峰的交通压力明显缓解。',
    '运营单位表示，将不断优化服务，为乘客提供安全舒适的乘车环境。',
  ].join('\n\n'),
};

describeE2E('tagging, comments and search in a browser', () => {
  let serve: ServeProcess;
  let browser: Browser;
  let articles: ArticleListItem[];
  const folder = makeSuiteDir();
  const byHeadline = (start: string) => {
    const found = articles.find((a) => a.headline?.startsWith(start));
    if (!found) throw new Error(`no article "${start}…" (have: ${articles.map((a) => a.headline).join(', ')})`);
    return found;
  };

  beforeAll(async () => {
    requireRendererBuild();
    const pagesDir = path.join(folder.dir, 'pages');
    fs.mkdirSync(pagesDir);
    for (const [name, text] of Object.entries(PAGES)) fs.writeFileSync(path.join(pagesDir, name), `${text}\n`);
    serve = await startServe(path.join(folder.dir, 'lib.db'));
    const report = await callApi<ImportReport>(serve, 'importPaths', { paths: [pagesDir] });
    expect(report.imported).toBe(3);
    articles = await callApi<ArticleListItem[]>(serve, 'listArticles', {});
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    if (serve) expect(await serve.stop()).toBe(0);
    folder.remove();
  });

  /** Opens an article from the library table and waits for its text. */
  async function openArticle(page: Page, id: number): Promise<void> {
    await page.getByTestId('desk-tab-articles').click();
    await page.getByTestId(`article-row-${id}`).click();
    await page.waitForSelector(`[data-testid="article-workspace"][data-article-id="${id}"] [data-testid="article-editor"] [data-block-id]`);
  }

  /** Selects the first occurrence of `text` in the editor, as a mouse drag would. */
  async function selectInEditor(page: Page, text: string, collapseAtStartOfBlock = false): Promise<void> {
    await page.evaluate(
      ({ text, collapse }) => {
        const root = document.querySelector('[data-testid="article-editor"]');
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const at = node.data.indexOf(text);
          if (at < 0) continue;
          root.focus();
          const range = document.createRange();
          if (collapse) {
            range.setStart(node, 0);
            range.setEnd(node, 0);
          } else {
            range.setStart(node, at);
            range.setEnd(node, at + text.length);
          }
          const selection = window.getSelection();
          selection.removeAllRanges();
          selection.addRange(range);
          return;
        }
        throw new Error(`"${text}" is not in the editor`);
      },
      { text, collapse: collapseAtStartOfBlock },
    );
    // Lexical takes the DOM selection on selectionchange.
    await page.waitForTimeout(100);
  }

  /** The texts the editor paints with a highlight (CSS Custom Highlight API). */
  const paintedTexts = (page: Page, name: string) =>
    page.evaluate((name) => {
      const highlight = CSS.highlights.get(name);
      return highlight ? [...highlight].map((range: any) => range.toString()) : [];
    }, name);

  const waitSaved = (page: Page) => page.waitForSelector('[data-testid="save-status"][data-state="saved"]');

  it('tags a span, keeps it on its text through edits around it, and shows it again after a reload', () =>
    withPage(browser, serve.url, async (page, problems) => {
      const port = byHeadline('营口港口扩建');
      await openArticle(page, port.id);

      await selectInEditor(page, '鲅鱼圈区');
      await page.getByTestId('tag-selection').click();
      await page.getByTestId('span-tag-input').fill('Place/营口/鲅鱼圈区');
      await page.getByTestId('span-tag-confirm').click();

      const spans = async () => (await callApi<{ tags: ArticleTag[]; spans: SpanTag[] }>(serve, 'getArticleTags', { articleId: port.id })).spans;
      await expect.poll(async () => (await spans()).length, { timeout: 10_000 }).toBe(1);
      const [span] = await spans();
      expect(span!.anchor.quote).toBe('鲅鱼圈区');
      await page.getByTestId(`span-tag-${span!.id}`).waitFor();
      await expect.poll(() => paintedTexts(page, 'qg-annotation-span')).toEqual(['鲅鱼圈区']);

      // Type before the span (at the start of its paragraph) and after it (at the end).
      await selectInEditor(page, '鲅鱼圈区', true);
      await page.keyboard.type('今日');
      await page.keyboard.press('End');
      await page.keyboard.type('完毕');
      await expect.poll(async () => (await spans())[0]?.anchor.start, { timeout: 10_000 }).toBe(span!.anchor.start + 2);
      await waitSaved(page);
      const [moved] = await spans();
      expect(moved).toMatchObject({ id: span!.id, anchor: { quote: '鲅鱼圈区', detached: false } });

      await page.reload();
      await openArticle(page, port.id);
      await page.getByTestId('side-tab-spans').click();
      await expect.poll(() => page.getByTestId(`span-tag-${span!.id}`).textContent()).toContain('鲅鱼圈区');
      await expect.poll(() => paintedTexts(page, 'qg-annotation-span')).toEqual(['鲅鱼圈区']);
      expect(problems.errors).toEqual([]);
      expect(problems.consoleErrors).toEqual([]);
    }));

  it('finds simplified text with a traditional query, with the match highlighted, and opens the hit', () =>
    withPage(browser, serve.url, async (page, problems) => {
      const port = byHeadline('营口港口扩建');
      await page.getByTestId('desk-tab-search').click();
      await page.getByTestId('search-input').fill('營口港');
      const hit = page.getByTestId(`search-result-${port.id}`);
      await hit.waitFor();
      await expect.poll(() => page.locator('[data-testid="search-results"] > li').count()).toBe(1);
      const marks = await hit.locator('mark').allTextContents();
      expect(marks.length).toBeGreaterThan(0);
      expect(marks.every((m) => m === '营口港')).toBe(true);
      await hit.click();
      await page.waitForSelector(`[data-testid="article-workspace"][data-article-id="${port.id}"]:not([hidden])`);
      expect(await page.getByTestId('article-headline').textContent()).toContain('营口港口扩建');
      expect(problems.errors).toEqual([]);
      expect(problems.consoleErrors).toEqual([]);
    }));

  it('tags every article of a search in one step, and one undo takes it all back', () =>
    withPage(browser, serve.url, async (page, problems) => {
      const port = byHeadline('营口港口扩建');
      const festival = byHeadline('营口市举办');
      const metro = byHeadline('沈阳地铁');
      const tagsOf = async (id: number) =>
        (await callApi<{ tags: ArticleTag[] }>(serve, 'getArticleTags', { articleId: id })).tags.map((t) => t.pathText);

      await page.getByTestId('desk-tab-search').click();
      await page.getByTestId('search-input').fill('营口');
      await page.getByTestId(`search-result-${festival.id}`).waitFor();
      await expect.poll(() => page.locator('[data-testid="search-results"] > li').count()).toBe(2);

      await page.getByTestId('bulk-tag').click();
      await page.getByTestId('bulk-tag-input').fill('Topic/营口新闻');
      await expect.poll(() => page.getByTestId('bulk-tag-preview').textContent()).toContain('2');
      await page.getByTestId('bulk-tag-confirm').click();

      await expect.poll(() => tagsOf(port.id)).toContain('Topic/营口新闻');
      expect(await tagsOf(festival.id)).toContain('Topic/营口新闻');
      expect(await tagsOf(metro.id)).not.toContain('Topic/营口新闻');

      // The toast's Undo (label 撤销) takes the whole batch back.
      await page.getByTestId('toast').getByRole('button', { name: '撤销' }).click();
      await expect.poll(() => tagsOf(port.id)).not.toContain('Topic/营口新闻');
      expect(await tagsOf(festival.id)).not.toContain('Topic/营口新闻');
      expect(problems.errors).toEqual([]);
      expect(problems.consoleErrors).toEqual([]);
    }));

  it('adds a comment on selected text, lists it beside the editor and in the library, and it survives a reload', () =>
    withPage(browser, serve.url, async (page, problems) => {
      const metro = byHeadline('沈阳地铁');
      await openArticle(page, metro.id);
      await selectInEditor(page, '早晚高峰');
      await page.getByTestId('comment-selection').click();
      await page.getByTestId('comment-input').fill('高峰时段需核实数据来源');
      await page.getByTestId('comment-submit').click();

      await page.getByTestId('comments-panel').waitFor();
      const listed = async () => callApi<Comment[]>(serve, 'listComments', { articleId: metro.id, state: 'all' });
      await expect.poll(async () => (await listed()).length, { timeout: 10_000 }).toBe(1);
      const [comment] = await listed();
      expect(comment).toMatchObject({ body: '高峰时段需核实数据来源', state: 'open', anchor: { quote: '早晚高峰', detached: false } });
      await page.getByTestId(`comment-${comment!.id}`).waitFor();
      await expect.poll(() => paintedTexts(page, 'qg-annotation-comment')).toEqual(['早晚高峰']);

      await page.reload();
      await openArticle(page, metro.id);
      await page.getByTestId('side-tab-comments').click();
      await expect.poll(() => page.getByTestId(`comment-${comment!.id}`).textContent()).toContain('高峰时段需核实数据来源');

      // Resolve it, then find it in the library's list of comments and open it at its place.
      await page.getByTestId(`comment-resolve-${comment!.id}`).click();
      await page.getByTestId(`comment-reopen-${comment!.id}`).waitFor();
      await page.getByTestId(`comment-reopen-${comment!.id}`).click();
      await page.getByTestId(`comment-resolve-${comment!.id}`).waitFor();

      await page.getByTestId('back-to-library').click();
      await page.getByTestId('desk-tab-comments').click();
      await page.getByTestId(`open-comment-${comment!.id}`).click();
      await page.waitForSelector(`[data-testid="article-workspace"][data-article-id="${metro.id}"]:not([hidden])`);
      await expect
        .poll(() => page.evaluate(() => String(window.getSelection())))
        .toBe('早晚高峰');
      expect(problems.errors).toEqual([]);
      expect(problems.consoleErrors).toEqual([]);
    }));
  it('builds the tag tree, tags an article by path and by suggestion, and works through a campaign queue', () =>
    withPage(browser, serve.url, async (page, problems) => {
      const port = byHeadline('营口港口扩建');
      const festival = byHeadline('营口市举办');
      const listTags = () => callApi<TagInfo[]>(serve, 'listTags', {});

      // The tag tree: create, then rename.
      await page.getByTestId('desk-tab-tags').click();
      await page.getByTestId('tag-create').click();
      await page.getByTestId('tag-create-input').fill('Topic/港口');
      await page.getByTestId('tag-create-confirm').click();
      await expect.poll(async () => (await listTags()).some((t) => t.pathText === 'Topic/港口')).toBe(true);
      const created = (await listTags()).find((t) => t.pathText === 'Topic/港口')!;
      await page.getByTestId(`tag-${created.id}`).click();
      await page.getByTestId('tag-rename').click();
      await page.getByTestId('tag-rename-input').fill('港口建设');
      await page.getByTestId('tag-rename-confirm').click();
      await expect.poll(async () => (await listTags()).find((t) => t.id === created.id)?.pathText).toBe('Topic/港口建设');
      await expect.poll(() => page.getByTestId('tag-tree').textContent()).toContain('港口建设');

      // The article header: add a tag by its path, then accept a suggestion.
      await openArticle(page, port.id);
      const tagsOf = async (id: number) =>
        (await callApi<{ tags: ArticleTag[] }>(serve, 'getArticleTags', { articleId: id })).tags.map((t) => t.pathText);
      await page.getByTestId('article-tag-add').fill('Place/营口');
      await page.getByTestId('article-tag-add').press('Enter');
      await expect.poll(() => tagsOf(port.id)).toContain('Place/营口');
      const placeTag = (await listTags()).find((t) => t.pathText === 'Place/营口')!;
      await page.getByTestId(`article-tag-${placeTag.id}`).waitFor();
      await page.getByTestId('suggestion-0').waitFor();
      const suggested = await page.getByTestId('suggestion-0').getAttribute('data-tag-path');
      expect(suggested).toBeTruthy();
      expect(await tagsOf(port.id)).not.toContain(suggested);
      await page.getByTestId('suggestion-accept-0').click();
      await expect.poll(() => tagsOf(port.id)).toContain(suggested);

      // A campaign over a saved search: 1 of the 2 articles about 营口 carries a Place tag.
      await page.getByTestId('back-to-library').click();
      await page.getByTestId('desk-tab-search').click();
      await page.getByTestId('search-input').fill('营口');
      await page.getByTestId(`search-result-${festival.id}`).waitFor();
      await page.getByTestId('search-save').click();
      await page.getByTestId('search-save-name').fill('营口稿件');
      await page.getByTestId('search-save-confirm').click();
      await page.getByTestId('desk-tab-campaigns').click();
      await page.getByTestId('campaign-create').click();
      await page.getByTestId('campaign-name').fill('地点标注');
      await page.getByTestId('campaign-tag').fill('Place');
      await page.getByTestId('campaign-scope').selectOption({ label: '营口稿件' });
      await page.getByTestId('campaign-create-confirm').click();
      await expect.poll(async () => (await callApi<Campaign[]>(serve, 'listCampaigns', {})).length).toBe(1);
      const [campaign] = await callApi<Campaign[]>(serve, 'listCampaigns', {});
      await page.getByTestId(`campaign-${campaign!.id}`).waitFor();
      const progress = page.getByTestId(`campaign-progress-${campaign!.id}`);
      await expect.poll(() => progress.getAttribute('data-tagged')).toBe('1');
      expect(await progress.getAttribute('data-in-scope')).toBe('2');
      await page.getByTestId('campaign-next').click();
      await page.waitForSelector(`[data-testid="article-workspace"][data-article-id="${festival.id}"]:not([hidden])`);
      await page.getByTestId('campaign-bar').waitFor();
      expect(problems.errors).toEqual([]);
      expect(problems.consoleErrors).toEqual([]);
    }));
});
