import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { importPaths } from '../../app/import/importer.js';
import { packageRoot, seedsDir } from '../../app/paths.js';
import { openDatabase, writeTransaction, type Db } from '../../app/store/database.js';
import { formatRow } from './measure.js';
import { seededRandom } from '../random.js';
import { sampleParagraphs } from './synthetic.js';

/*
 * The desk's responsiveness, measured in real headless Chromium (Debian's, through playwright-core)
 * against a real `qinggao serve` on a temporary library, the way the end-to-end tests run it:
 *
 *  - ui-open: from the press on a library row to the article's text, its findings panel and its
 *    underlines painted, for a 5,000- and a 50,000-character article;
 *  - ui-typing: keystroke to paint while typing in the 50,000-character article, autosaves and
 *    findings refreshes included;
 *  - ui-scroll-100000: frame times while scrolling the virtualised library table of 100,000 articles;
 *  - ui-screenshots: docs/screenshots/library.png and editor.png (the sample pages, zh-CN UI).
 *
 * Every time is taken inside the page with performance.now() (the same clock as events'
 * timeStamp): the end of a measurement is the first animation frame in which the change is in the
 * DOM, plus a task posted from that frame's requestAnimationFrame (which runs after the frame is
 * painted). The renderer must be built: `npm run build:renderer` (the sections check).
 */

const ROOT = packageRoot();
const RENDERER_INDEX = path.join(ROOT, 'dist', 'renderer', 'index.html');
const CHROMIUM = process.env['QINGGAO_CHROMIUM'] || '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const VIEWPORT = { width: 1440, height: 900 };
/** Fresh typing: ~8 characters a second, in bursts with pauses longer than the autosave delay. */
const KEY_INTERVAL_MS = 120;
const BURST = 20;
const BURST_PAUSE_MS = 1000;

/* ── The page's globals, for the functions page.evaluate runs there (the build's types have no DOM) ── */

interface DomElement {
  textContent: string | null;
  scrollTop: number;
  readonly clientHeight: number;
  readonly scrollHeight: number;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): { length: number };
  closest(selector: string): DomElement | null;
  getBoundingClientRect(): { left: number; top: number; width: number; height: number };
}
interface PageWindow {
  document: DomElement & {
    addEventListener(type: string, listener: (event: { timeStamp: number }) => void, options?: { capture?: boolean; once?: boolean }): void;
    elementFromPoint(x: number, y: number): DomElement | null;
    fonts: { ready: Promise<unknown> };
  };
  performance: { now(): number };
  requestAnimationFrame(callback: (time: number) => void): number;
  CSS: { highlights: Map<string, { size: number }> };
  MessageChannel: new () => { port1: { onmessage: (() => void) | null }; port2: { postMessage(message: unknown): void } };
  MutationObserver: new (callback: () => void) => { observe(target: DomElement, options: object): void };
  PerformanceObserver: new (callback: (list: { getEntries(): { duration: number }[] }) => void) => {
    observe(options: { type: string; buffered?: boolean }): void;
    disconnect(): void;
  };
  __qgOpen?: Promise<OpenSample>;
  __qgTyping?: { samples: KeySample[] };
}

/** Milliseconds from the press on the row to each part painted (null: not within the time allowed). */
interface OpenSample {
  text: number | null;
  findings: number | null;
  underlines: number | null;
}

/** Milliseconds from a keydown to the DOM change, to the next animation frame, and past its paint. */
interface KeySample {
  dom: number;
  frame: number;
  paint: number;
}

interface ScrollSample {
  frames: number[];
  blank: number;
  longTasks: number;
  longestTask: number;
  scrolledPx: number;
}

/* ── Stats ─────────────────────────────────────────────────────────────────────────────────── */

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

const ms = (value: number) => value.toFixed(1);
const median = (values: readonly number[]) => percentile(values, 50);

/* ── Prerequisites, the server and the browser ────────────────────────────────────────────── */

/** The UI sections measure the built renderer; say clearly when it is missing or older than its sources. */
function requireRenderer(): string[] {
  if (!fs.existsSync(RENDERER_INDEX)) {
    throw new Error(`${path.relative(ROOT, RENDERER_INDEX)} is missing: run \`npm run build:renderer\` before \`npm run bench\` (the UI sections measure the built renderer).`);
  }
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: install Debian's chromium (or set QINGGAO_CHROMIUM) for the UI sections.`);
  const built = fs.statSync(RENDERER_INDEX).mtimeMs;
  const sources = path.join(ROOT, 'renderer', 'src');
  const newer = fs.existsSync(sources)
    ? (fs.readdirSync(sources, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(sources, f)).mtimeMs > built)
    : [];
  return newer.length > 0 ? [`(warning: dist/renderer is older than ${newer.length} file(s) in renderer/src; run \`npm run build:renderer\` to measure the current UI)`] : [];
}

interface Served {
  url: string;
  origin: string;
  token: string;
  stop(): Promise<void>;
}

/** `qinggao serve --library FILE --port 0`, the real CLI in its own process; resolves with its address. */
function serve(library: string): Promise<Served> {
  const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'qinggao.js'), 'serve', '--library', library, '--port', '0'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`qinggao serve printed no address within 60 s:\n${stderr}`));
    }, 60_000);
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`qinggao serve exited before printing its address:\n${stderr}`));
    });
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      const newline = stdout.indexOf('\n');
      if (newline === -1) return;
      clearTimeout(timer);
      const url = new URL(stdout.slice(0, newline).trim());
      resolve({
        url: url.href,
        origin: url.origin,
        token: new URLSearchParams(url.hash.slice(1)).get('token') ?? '',
        stop: async () => {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
          await exited;
        },
      });
    });
  });
}

async function callApi<T>(served: Served, method: string, input: unknown): Promise<T> {
  const response = await fetch(`${served.origin}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${served.token}` },
    body: JSON.stringify(input),
  });
  const reply = (await response.json()) as { ok: true; result: T } | { ok: false; error: { code: string; message: string } };
  if (!reply.ok) throw new Error(`${method} failed: ${reply.error.code} ${reply.error.message}`);
  return reply.result;
}

async function launch(): Promise<Browser> {
  // Loaded here, not at the top: the other bench sections must run without playwright-core.
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

interface Desk {
  served: Served;
  browser: Browser;
  context: BrowserContext;
  page: Page;
}

/** A served library, Chromium and a page with the desk loaded (zh-CN); everything closed after. */
async function withDesk<T>(library: string, body: (desk: Desk) => Promise<T>, prepare?: (served: Served) => Promise<void>): Promise<T> {
  const served = await serve(library);
  let browser: Browser | null = null;
  try {
    await prepare?.(served);
    browser = await launch();
    const context = await browser.newContext({ locale: 'zh-CN', viewport: VIEWPORT, deviceScaleFactor: 1 });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    await page.goto(served.url);
    await page.getByTestId('library-table').waitFor({ timeout: 120_000 });
    const result = await body({ served, browser, context, page });
    if (errors.length > 0) throw new Error(`the page threw: ${errors.join('; ')}`);
    return result;
  } finally {
    await browser?.close();
    await served.stop();
  }
}

function tempDir(name: string): { dir: string; remove: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `qinggao-bench-${name}-`));
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/* ── Long articles: synthetic pages of the sample paragraphs, imported, merged into one ───────── */

interface ListItem {
  id: number;
  sourceName: string;
  headline: string | null;
}
interface Detail {
  id: number;
  blocks: { id: number; cls: string; text: string }[];
}
interface Long {
  id: number;
  chars: number;
  blocks: number;
  findings: number;
}

/**
 * A page of about `chars` characters: a headline, a byline and body paragraphs of the samples
 * (the long ones, ending a sentence), reshuffled, each used once before any is used again.
 */
function longPageText(chars: number, headline: string, seed: number): string {
  const body = sampleParagraphs(seedsDir()).filter((p) => p.length >= 60 && /[。！？”」]$/.test(p));
  const random = seededRandom(seed);
  const lines = [headline, '本报记者 张继驰'];
  let pool: string[] = [];
  for (let n = 0; n < chars; ) {
    if (pool.length === 0) pool = [...body];
    const paragraph = pool.splice(Math.floor(random() * pool.length), 1)[0]!;
    lines.push(paragraph);
    n += paragraph.length;
  }
  return `${lines.join('\n\n')}\n`;
}

/**
 * Imports the sample pages and one long page per size, then merges each long page's articles (the
 * segmenter splits it where the topic seems to change) into one article with mergeArticles, in a
 * balanced order so no merge re-analyses more than it must.
 */
async function prepareLongArticles(served: Served, dir: string, sizes: readonly number[]): Promise<Map<number, Long>> {
  const pages = path.join(dir, 'pages');
  fs.mkdirSync(pages, { recursive: true });
  // The same page for a size in every section (its seed is the size).
  for (const size of sizes) {
    const headline = size < 10_000 ? '营口港区建设综述 港城面貌日新月异' : '辽河口湿地保护与城市发展纪实';
    fs.writeFileSync(path.join(pages, `long-${size}.txt`), longPageText(size, headline, size));
  }
  await callApi(served, 'importPaths', { paths: [seedsDir(), pages] });
  const articles = await callApi<ListItem[]>(served, 'listArticles', {});
  const out = new Map<number, Long>();
  for (const size of sizes) {
    let parts = articles.filter((a) => a.sourceName === `long-${size}.txt`).map((a) => a.id);
    while (parts.length > 1) {
      const next: number[] = [];
      for (let i = 0; i < parts.length; i += 2) {
        if (i + 1 < parts.length) await callApi(served, 'mergeArticles', { firstId: parts[i], secondId: parts[i + 1] });
        next.push(parts[i]!);
      }
      parts = next;
    }
    const article = await callApi<Detail>(served, 'getArticle', { id: parts[0] });
    const findings = await callApi<unknown[]>(served, 'listFindings', { articleId: article.id });
    out.set(size, {
      id: article.id,
      chars: article.blocks.reduce((sum, b) => sum + b.text.length, 0),
      blocks: article.blocks.length,
      findings: findings.length,
    });
  }
  return out;
}

/* ── ui-open ─────────────────────────────────────────────────────────────────────────────── */

/**
 * In the page: waits for the next press (pointerdown) and then, frame by frame, for the article's
 * text (all its blocks), its findings panel (the count, not refreshing, items drawn) and its
 * underlines to be in the DOM; each is timed past the paint of the first frame that has it.
 */
function armOpen(expected: { id: number; blocks: number; findings: number }): void {
  const w = globalThis as unknown as PageWindow;
  w.__qgOpen = new Promise<OpenSample>((resolve) => {
    const workspace = `[data-testid="article-workspace"][data-article-id="${expected.id}"]`;
    const q = (selector: string) => w.document.querySelector(`${workspace} ${selector}`);
    const checks: Record<keyof OpenSample, () => boolean> = {
      text: () => w.document.querySelectorAll(`${workspace} [data-testid="article-editor"] [data-block-id]`).length === expected.blocks,
      findings: () =>
        q('[data-testid="findings-count"]')?.textContent === String(expected.findings) &&
        q('[data-testid="findings-panel"] .refreshing') === null &&
        q('[data-testid^="finding-select-"]') !== null,
      underlines: () => {
        let ranges = 0;
        w.CSS.highlights.forEach((highlight, name) => {
          if (name.startsWith('qg-finding-') && name !== 'qg-finding-active') ranges += highlight.size;
        });
        return w.document.querySelector(workspace) !== null && ranges > 0;
      },
    };
    const result: OpenSample = { text: null, findings: null, underlines: null };
    const seen = new Set<keyof OpenSample>();
    let start = 0;
    let done = 0;
    const afterPaint = (name: keyof OpenSample) => {
      const channel = new w.MessageChannel();
      channel.port1.onmessage = () => {
        result[name] = w.performance.now() - start;
        if (++done === 3) resolve(result);
      };
      channel.port2.postMessage(null);
    };
    const frame = () => {
      for (const name of ['text', 'findings', 'underlines'] as const) {
        if (!seen.has(name) && checks[name]()) {
          seen.add(name);
          afterPaint(name);
        }
      }
      if (seen.size === 3) return;
      if (w.performance.now() - start > 60_000) resolve(result);
      else w.requestAnimationFrame(frame);
    };
    w.document.addEventListener(
      'pointerdown',
      (event) => {
        start = event.timeStamp;
        w.requestAnimationFrame(frame);
      },
      { capture: true, once: true },
    );
  });
}

async function showLibrary(page: Page): Promise<void> {
  if (!(await page.getByTestId('library-view').isVisible())) await page.getByTestId('nav-library').click();
  await page.getByTestId('library-view').waitFor();
}

/** Brings an article's row into view with the library's search ("#id"). */
async function findRow(page: Page, id: number) {
  await showLibrary(page);
  await page.getByTestId('library-search').fill(`#${id}`);
  const row = page.getByTestId(`article-row-${id}`);
  await row.waitFor();
  return row;
}

/** Clicks the article's row and measures until its text, findings and underlines are painted. */
async function timeOpen(page: Page, article: Long): Promise<OpenSample> {
  const row = await findRow(page, article.id);
  await page.evaluate(armOpen, { id: article.id, blocks: article.blocks, findings: article.findings });
  await row.click();
  const sample = await page.evaluate(() => (globalThis as unknown as PageWindow).__qgOpen!);
  if (sample.text === null || sample.findings === null || sample.underlines === null) {
    throw new Error(`article #${article.id} did not show within 60 s: ${JSON.stringify(sample)}`);
  }
  await page.locator('[data-testid="save-status"][data-state="saved"]').waitFor();
  return sample;
}

/** Opens another (small) article, so the measured open mounts a fresh editor as it does in use. */
async function openOther(page: Page, id: number): Promise<void> {
  const row = await findRow(page, id);
  await row.click();
  await page.locator(`[data-testid="article-workspace"][data-article-id="${id}"] [data-testid="article-editor"]`).waitFor();
  await page.locator('[data-testid="findings-panel"] .refreshing').waitFor({ state: 'detached' });
}

function openRow(label: string, article: Long, samples: readonly OpenSample[]): string {
  const pick = (key: keyof OpenSample) => samples.map((s) => s[key]!);
  // The target: both the text and the findings shown (the later of the two, run by run).
  const both = samples.map((s) => Math.max(s.text!, s.findings!));
  return formatRow(label, {
    'text+findings ms': ms(median(both)),
    'text ms': ms(median(pick('text'))),
    'findings ms': ms(median(pick('findings'))),
    'underlines ms': ms(median(pick('underlines'))),
    'text+findings min/max': `${ms(Math.min(...both))}/${ms(Math.max(...both))}`,
    runs: String(samples.length),
    article: `${article.chars} chars, ${article.blocks} blocks, ${article.findings} findings`,
  });
}

const OPEN_RUNS = 7;
const COLD_RUNS = 5;

export async function benchUiOpen(): Promise<string> {
  const notes = requireRenderer();
  const temp = tempDir('ui-open');
  try {
    let articles = new Map<number, Long>();
    let warmUp = 0;
    const rows = await withDesk(
      path.join(temp.dir, 'lib.db'),
      async ({ page }) => {
        const out: string[] = [];
        for (const size of [5000, 50000]) {
          const article = articles.get(size)!;
          // Warm: the desk has been in use (its code compiled), another article was open.
          const warm: OpenSample[] = [];
          for (let run = 0; run < OPEN_RUNS; run++) {
            await openOther(page, warmUp);
            warm.push(await timeOpen(page, article));
          }
          out.push(openRow(`ui open ${size.toLocaleString('en')}-char article`, article, warm));
          // Cold: the first article opened after the page (re)loads.
          const cold: OpenSample[] = [];
          for (let run = 0; run < COLD_RUNS; run++) {
            await page.reload();
            await page.getByTestId('library-table').waitFor();
            cold.push(await timeOpen(page, article));
          }
          out.push(openRow(`ui open ${size.toLocaleString('en')}, first after load`, article, cold));
        }
        return out;
      },
      async (served) => {
        articles = await prepareLongArticles(served, temp.dir, [5000, 50000]);
        const list = await callApi<ListItem[]>(served, 'listArticles', {});
        warmUp = list.find((a) => !a.sourceName.startsWith('long-') && a.headline !== null)!.id;
      },
    );
    return [...rows, ...notes].join('\n');
  } finally {
    temp.remove();
  }
}

/* ── ui-typing ───────────────────────────────────────────────────────────────────────────── */

/**
 * In the page: for every keydown, the time to the first change of the editor's DOM after it, to
 * the next animation frame, and past that frame's paint.
 */
function armTyping(): void {
  const w = globalThis as unknown as PageWindow;
  const root = w.document.querySelector('[data-testid="article-editor"]')!;
  const state = { samples: [] as KeySample[] };
  w.__qgTyping = state;
  let keyAt = -1;
  w.document.addEventListener('keydown', (event) => (keyAt = event.timeStamp), { capture: true });
  new w.MutationObserver(() => {
    if (keyAt < 0) return;
    const start = keyAt;
    keyAt = -1;
    const dom = w.performance.now() - start;
    w.requestAnimationFrame(() => {
      const frame = w.performance.now() - start;
      const channel = new w.MessageChannel();
      channel.port1.onmessage = () => state.samples.push({ dom, frame, paint: w.performance.now() - start });
      channel.port2.postMessage(null);
    });
  }).observe(root, { subtree: true, childList: true, characterData: true });
}

export async function benchUiTyping(keystrokes = 60): Promise<string> {
  const notes = requireRenderer();
  const temp = tempDir('ui-typing');
  try {
    let article: Long | null = null;
    const row = await withDesk(
      path.join(temp.dir, 'lib.db'),
      async ({ page, served }) => {
        const long = article!;
        const row = await findRow(page, long.id);
        await row.click();
        await page.locator(`[data-testid="article-workspace"][data-article-id="${long.id}"]`).waitFor();
        await page.locator('[data-testid="findings-panel"] .refreshing').waitFor({ state: 'detached' });
        const detail = await callApi<Detail>(served, 'getArticle', { id: long.id });
        const target = detail.blocks[Math.floor(detail.blocks.length / 2)]!;
        const block = page.getByTestId('article-editor').locator(`[data-block-id="${target.id}"]`);
        await block.click();
        const revisionsBefore = (await callApi<unknown[]>(served, 'listRevisions', { articleId: long.id })).length;

        // A few keys first (not measured): the typing path's code is compiled, a save has run.
        const letters = 'qinggaodeskbenchmark';
        let typed = '';
        for (const key of 'abcde') {
          await page.keyboard.press(key);
          typed += key;
        }
        await page.locator('[data-testid="save-status"][data-state="saved"]').waitFor();
        await page.locator('[data-testid="findings-panel"] .refreshing').waitFor({ state: 'detached' });

        await page.evaluate(armTyping);
        for (let i = 0; i < keystrokes; i++) {
          const key = letters[i % letters.length]!;
          const pressed = Date.now();
          await page.keyboard.press(key);
          typed += key;
          await page.waitForFunction((n) => (globalThis as unknown as PageWindow).__qgTyping!.samples.length > n, i, { polling: 'raf', timeout: 5000 });
          const pause = (i + 1) % BURST === 0 ? BURST_PAUSE_MS : KEY_INTERVAL_MS;
          await sleep(Math.max(0, pause - (Date.now() - pressed)));
        }
        const samples = await page.evaluate(() => (globalThis as unknown as PageWindow).__qgTyping!.samples);
        await page.locator('[data-testid="save-status"][data-state="saved"]').waitFor({ timeout: 30_000 });
        const saved = await callApi<Detail>(served, 'getArticle', { id: long.id });
        const text = saved.blocks.find((b) => b.id === target.id)?.text ?? '';
        if (!text.includes(typed) || text.length !== target.text.length + typed.length) {
          throw new Error(`the typed keys did not all land in block ${target.id} in order: ${JSON.stringify(typed)}`);
        }
        const saves = (await callApi<unknown[]>(served, 'listRevisions', { articleId: long.id })).length - revisionsBefore;
        const paint = samples.map((s) => s.paint);
        return formatRow(`ui keystroke→paint, ${long.chars.toLocaleString('en')}-char article`, {
          'median ms': ms(median(paint)),
          'p95 ms': ms(percentile(paint, 95)),
          'max ms': ms(Math.max(...paint)),
          '>30 ms': `${paint.filter((v) => v > 30).length}/${paint.length}`,
          'key→DOM median': ms(median(samples.map((s) => s.dom))),
          'key→rAF median': ms(median(samples.map((s) => s.frame))),
          autosaves: String(saves),
          article: `${long.blocks} blocks, ${long.findings} findings`,
        });
      },
      async (served) => {
        article = (await prepareLongArticles(served, temp.dir, [50000])).get(50000)!;
      },
    );
    return [row, ...notes].join('\n');
  } finally {
    temp.remove();
  }
}

/* ── ui-scroll ───────────────────────────────────────────────────────────────────────────── */

/**
 * A library of `target` articles: the sample pages imported (segmented and analysed as usual),
 * then their sources, articles, blocks and findings copied with SQL, doubling, until there are
 * `target` articles. Every copy is a page of its own (a source with its text), so the library is
 * as large on disk as a real one of that many articles; the search index is left to be rebuilt on
 * the first search, as for a library from before search existed.
 */
function buildLargeLibrary(file: string, target: number): { articles: number; blocks: number; findings: number; pages: number; seconds: number } {
  const started = Date.now();
  const db = openDatabase(file);
  importPaths(db, [seedsDir()]);
  const count = (table: string, where = '') => (db.prepare(`SELECT count(*) AS n FROM ${table} ${where}`).get() as { n: number }).n;
  const maxId = (table: string) => (db.prepare(`SELECT coalesce(max(id), 0) AS m FROM ${table}`).get() as { m: number }).m;
  const base = db.prepare('SELECT count(*) AS n, min(id) AS lo, max(id) AS hi FROM articles').get() as { n: number; lo: number; hi: number };
  if (base.lo !== 1 || base.hi !== base.n) throw new Error('expected the imported articles to be numbered 1..n');

  /** INSERT … SELECT copying a table, every column as is but those given (expressions over the old row). */
  const copier = (db: Db, table: string, replace: Record<string, string>, where: string) => {
    const columns = (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);
    const select = columns.map((c) => replace[c] ?? c).join(', ');
    return db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) SELECT ${select} FROM ${table} WHERE ${where}`);
  };
  const copySources = copier(
    db,
    'sources',
    { id: 'id + @s', name: "printf('%06d_', id + @s) || name", path: "path || '#' || (id + @s)", sha256: "sha256 || '-' || (id + @s)" },
    'id IN (SELECT DISTINCT source_id FROM articles WHERE id <= @take)',
  );
  const copyScripts = copier(db, 'source_scripts', { source_id: 'source_id + @s' }, 'source_id IN (SELECT DISTINCT source_id FROM articles WHERE id <= @take)');
  const copyArticles = copier(db, 'articles', { id: 'id + @a', source_id: 'source_id + @s' }, 'id <= @take');
  const copyBlocks = copier(db, 'blocks', { id: 'id + @b', article_id: 'article_id + @a', source_id: 'source_id + @s' }, 'article_id <= @take');
  const copyFindings = copier(
    db,
    'findings',
    { id: 'id + @f', article_id: 'article_id + @a', source_id: 'source_id + @s', block_id: 'block_id + @b', end_block_id: 'end_block_id + @b' },
    'article_id <= @take',
  );
  writeTransaction(db, () => {
    for (let articles = base.n; articles < target; ) {
      const take = Math.min(articles, target - articles);
      const offsets = { s: maxId('sources'), a: maxId('articles'), b: maxId('blocks'), f: maxId('findings'), take };
      copySources.run(offsets);
      copyScripts.run(offsets);
      copyArticles.run(offsets);
      copyBlocks.run(offsets);
      copyFindings.run(offsets);
      articles += take;
    }
    db.prepare("DELETE FROM settings WHERE key = 'search_index_format'").run();
  });
  const result = {
    articles: count('articles'),
    blocks: count('blocks'),
    findings: count('findings', "WHERE state = 'open'"),
    pages: count('sources'),
    seconds: (Date.now() - started) / 1000,
  };
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return result;
}

/** In the page: scrolls the library table by `step` px a frame for `duration` ms, timing every frame. */
function scrollTable(options: { step: number; duration: number }): Promise<ScrollSample> {
  const w = globalThis as unknown as PageWindow;
  const scroller = w.document.querySelector('[data-testid="library-scroll"]')!;
  const step = options.step > 0 ? options.step : scroller.clientHeight;
  const box = scroller.getBoundingClientRect();
  return new Promise((resolve) => {
    const frames: number[] = [];
    let blank = 0;
    let longTasks = 0;
    let longestTask = 0;
    const observer = new w.PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        longTasks++;
        longestTask = Math.max(longestTask, entry.duration);
      }
    });
    observer.observe({ type: 'longtask' });
    const from = scroller.scrollTop;
    let first = -1;
    const frame = (time: number) => {
      if (first < 0) first = time;
      frames.push(time);
      // What is on screen now: a row must be under the middle of the table (no blank while scrolling).
      if (frames.length > 1) {
        const hit = w.document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
        if (!hit?.closest('[role="row"]')) blank++;
      }
      if (time - first >= options.duration || scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1) {
        observer.disconnect();
        const intervals = frames.slice(1).map((t, i) => t - frames[i]!);
        resolve({ frames: intervals, blank, longTasks, longestTask, scrolledPx: scroller.scrollTop - from });
        return;
      }
      scroller.scrollTop += step;
      w.requestAnimationFrame(frame);
    };
    w.requestAnimationFrame(frame);
  });
}

function scrollRow(label: string, sample: ScrollSample): string {
  const frames = sample.frames;
  const slow = frames.filter((f) => f > 33).length;
  // A frame of n refresh intervals stands for n - 1 frames the screen did not get.
  const interval = median(frames);
  const dropped = frames.reduce((sum, f) => sum + Math.max(0, Math.round(f / interval) - 1), 0);
  return formatRow(label, {
    frames: String(frames.length),
    'median ms': ms(interval),
    'p95 ms': ms(percentile(frames, 95)),
    'max ms': ms(Math.max(...frames)),
    '>33 ms': `${((100 * slow) / frames.length).toFixed(1)}%`,
    dropped: String(dropped),
    'blank frames': String(sample.blank),
    'long tasks': `${sample.longTasks} (longest ${ms(sample.longestTask)} ms)`,
    scrolled: `${Math.round(sample.scrolledPx / 36).toLocaleString('en')} rows`,
  });
}

export async function benchUiScroll(target = 100_000): Promise<string> {
  const notes = requireRenderer();
  const temp = tempDir('ui-scroll');
  try {
    const file = path.join(temp.dir, 'lib.db');
    const built = buildLargeLibrary(file, target);
    const rows = [
      formatRow(`library of ${built.articles.toLocaleString('en')} articles built`, {
        seconds: built.seconds.toFixed(1),
        pages: built.pages.toLocaleString('en'),
        blocks: built.blocks.toLocaleString('en'),
        'open findings': built.findings.toLocaleString('en'),
        'file MB': (fs.statSync(file).size / 1e6).toFixed(0),
      }),
    ];
    rows.push(
      ...(await withDesk(file, async ({ page }) => {
        const out: string[] = [];
        // Loading: from the navigation to the table showing every article (a fresh load, timed in the page).
        await page.reload();
        const loaded = await page.waitForFunction(
          (total) => {
            const w = globalThis as unknown as PageWindow;
            const count = w.document.querySelector('[data-testid="library-count"]')?.textContent ?? '';
            const shown = new RegExp(`\\b${total}\\b.*\\b${total}\\b`).test(count) && w.document.querySelector('[data-testid^="article-row-"]') !== null;
            return shown ? w.performance.now() : 0;
          },
          built.articles,
          { polling: 'raf', timeout: 180_000 },
        );
        out.push(formatRow(`ui library load, ${built.articles.toLocaleString('en')} articles`, { 'ms to rows shown': ms(Number(await loaded.jsonValue())) }));
        // Let the load's work settle, then scroll: steadily (a fast wheel or trackpad), then a screenful a frame.
        await page.evaluate(() => new Promise((resolve) => (globalThis as unknown as PageWindow).requestAnimationFrame(() => setTimeout(resolve, 1000))));
        out.push(scrollRow('ui scroll 50 px/frame, 5 s', await page.evaluate(scrollTable, { step: 50, duration: 5000 })));
        out.push(scrollRow('ui scroll a screenful/frame, 3 s', await page.evaluate(scrollTable, { step: 0, duration: 3000 })));
        return out;
      })),
    );
    return [...rows, ...notes].join('\n');
  } finally {
    temp.remove();
  }
}

/* ── ui-screenshots ──────────────────────────────────────────────────────────────────────── */

interface FindingLite {
  id: number;
  kind: string;
  blockId: number;
  endBlockId: number;
  start: number;
  flagged: string;
}

/** docs/screenshots/library.png and editor.png: the sample pages in the zh-CN UI. */
export async function benchUiScreenshots(): Promise<string> {
  const notes = requireRenderer();
  const temp = tempDir('ui-shots');
  const outDir = path.join(ROOT, 'docs', 'screenshots');
  try {
    fs.mkdirSync(outDir, { recursive: true });
    let show = 0;
    let review: number | null = null;
    let showIndex = 0;
    const written = await withDesk(
      path.join(temp.dir, 'lib.db'),
      async ({ page }) => {
        await page.reload();
        const first = page.locator('[data-testid^="article-row-"]').first();
        await first.waitFor();
        await page.evaluate(() => (globalThis as unknown as PageWindow).document.fonts.ready);
        const library = path.join(outDir, 'library.png');
        await page.screenshot({ path: library });

        // Scrolled to, not searched for: the library stays unfiltered (the status bar shows it all).
        await page.getByTestId('library-scroll').evaluate((el: unknown, top: number) => void ((el as DomElement).scrollTop = top), Math.max(0, showIndex - 3) * 36);
        await page.getByTestId(`article-row-${show}`).click();
        await page.locator(`[data-testid="article-workspace"][data-article-id="${show}"] [data-testid="article-editor"]`).waitFor();
        await page.locator('[data-testid="findings-panel"] .refreshing').waitFor({ state: 'detached' });
        if (review !== null) {
          await page.getByTestId(`finding-select-${review}`).click();
          await page.locator(`[data-testid="finding-${review}"][aria-current="true"]`).waitFor();
        }
        await page.mouse.move(0, VIEWPORT.height - 1);
        await page.evaluate(() => (globalThis as unknown as PageWindow).document.fonts.ready);
        const editor = path.join(outDir, 'editor.png');
        await page.screenshot({ path: editor });
        return [library, editor];
      },
      async (served) => {
        await callApi(served, 'importPaths', { paths: [seedsDir()] });
        // The editor shows the first article (in page order) with many findings, but not hundreds;
        // under review, its first finding in reading order inside one block, a few characters long.
        const articles = await callApi<ListItem[]>(served, 'listArticles', {});
        for (const [index, article] of articles.entries()) {
          const findings = await callApi<FindingLite[]>(served, 'listFindings', { articleId: article.id });
          if (findings.length < 20 || findings.length > 60) continue;
          const detail = await callApi<Detail>(served, 'getArticle', { id: article.id });
          const at = new Map(detail.blocks.map((b, i) => [b.id, i]));
          const first = findings
            .filter((f) => f.blockId === f.endBlockId && f.flagged.length <= 12)
            .sort((x, y) => at.get(x.blockId)! - at.get(y.blockId)! || x.start - y.start)[0];
          show = article.id;
          showIndex = index;
          review = first?.id ?? null;
          break;
        }
        if (show === 0) throw new Error('no sample article has 20–60 findings');
      },
    );
    return [
      formatRow('ui screenshots', { written: written.map((f) => path.relative(ROOT, f)).join(', '), viewport: `${VIEWPORT.width}x${VIEWPORT.height}` }),
      ...notes,
    ].join('\n');
  } finally {
    temp.remove();
  }
}
