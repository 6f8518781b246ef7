import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers.js';
import { startServeProcess, type ServeProcess } from '../server/serve-process.js';

/*
 * End-to-end tests: the real CLI (`qinggao serve`, as its own process) serving the built renderer,
 * driven by Debian's Chromium through playwright-core. The harness builds nothing: `npm test` builds
 * the renderer into dist/renderer before vitest runs. Write a test as
 *
 *   describeE2E('what it shows', () => {
 *     it('…', () => withPage(browser, url, async (page) => { … }));
 *   });
 *
 * withPage saves a screenshot to test-results/ when the test fails.
 */

export const CHROMIUM_PATH = process.env['QINGGAO_CHROMIUM'] || '/usr/bin/chromium';
export const RENDERER_DIR = path.join(REPO_ROOT, 'dist', 'renderer');
export const RESULTS_DIR = path.join(REPO_ROOT, 'test-results');

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const missingBrowser = fs.existsSync(CHROMIUM_PATH)
  ? null
  : `${CHROMIUM_PATH} not found; install Debian's chromium (apt-get install chromium) to run the end-to-end tests`;

/**
 * A describe block for end-to-end tests. Without a browser it is skipped, saying why, on a
 * developer's machine; in CI (CI set) a missing browser fails instead, so it is never silently lost.
 */
export function describeE2E(name: string, body: () => void): void {
  if (!missingBrowser) {
    describe(name, body);
  } else if (process.env['CI']) {
    describe(name, () => {
      it('has a browser to run in', () => {
        throw new Error(`${missingBrowser} (CI must run the end-to-end tests).`);
      });
    });
  } else {
    console.warn(`End-to-end tests skipped: ${missingBrowser}.`);
    describe.skip(`${name} — skipped: ${missingBrowser}`, body);
  }
}

/** Fails clearly when the renderer has not been built (the harness never builds it itself). */
export function requireRendererBuild(): void {
  if (!fs.existsSync(path.join(RENDERER_DIR, 'index.html'))) {
    throw new Error(`${RENDERER_DIR}/index.html is missing: run \`npm run build\` (npm test does) before the end-to-end tests.`);
  }
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

/**
 * A folder for a whole describe block (test/helpers' makeTempDir empties itself after every test,
 * which would pull the library from under a server that serves several tests). Remove it in afterAll.
 */
export function makeSuiteDir(): { dir: string; remove: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qinggao-e2e-'));
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** `qinggao serve --library FILE --port 0`, the real CLI in its own process. */
export function startServe(libraryFile: string): Promise<ServeProcess> {
  return startServeProcess(['--library', libraryFile, '--port', '0']);
}

/** Calls the API of a served library from the test (Node), with the run's token. */
export async function callApi<T>(serve: ServeProcess, method: string, input: unknown): Promise<T> {
  const response = await fetch(`${serve.origin}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${serve.token}` },
    body: JSON.stringify(input),
  });
  const reply = (await response.json()) as { ok: true; result: T } | { ok: false; error: { code: string; message: string } };
  if (!reply.ok) throw new Error(`${method} failed (${response.status} ${reply.error.code}): ${reply.error.message}`);
  return reply.result;
}

/** What went wrong inside the page while a test ran. */
export interface PageProblems {
  /** Uncaught exceptions in the page. */
  errors: string[];
  /** console.error and the browser's own errors (CSP violations…), less "Failed to load resource", which badResponses has. */
  consoleErrors: string[];
  /** "STATUS URL" of every answer ≥ 400, except the favicon Chromium asks for on its own. */
  badResponses: string[];
}

/**
 * Opens url in a fresh browser context, runs the test's body on the page, and when the body fails
 * saves a full-page screenshot to test-results/ (named after the test) before passing the failure on.
 */
export async function withPage(browser: Browser, url: string, body: (page: Page, problems: PageProblems) => Promise<void>): Promise<void> {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  const problems: PageProblems = { errors: [], consoleErrors: [], badResponses: [] };
  page.on('pageerror', (err) => problems.errors.push(err.message));
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) problems.consoleErrors.push(message.text());
  });
  page.on('response', (response) => {
    if (response.status() >= 400 && new URL(response.url()).pathname !== '/favicon.ico') {
      problems.badResponses.push(`${response.status()} ${response.url()}`);
    }
  });
  try {
    await page.goto(url);
    await body(page, problems);
  } catch (err) {
    const name = (expect.getState().currentTestName ?? 'e2e').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '');
    fs.mkdirSync(RESULTS_DIR, { recursive: true });
    const file = path.join(RESULTS_DIR, `${name}-${Date.now()}.png`);
    try {
      await page.screenshot({ path: file, fullPage: true });
      if (err instanceof Error) err.message += `\n(screenshot: ${path.relative(REPO_ROOT, file)})`;
    } catch {
      // The page may be gone; the original failure is what matters.
    }
    throw err;
  } finally {
    await context.close();
  }
}
