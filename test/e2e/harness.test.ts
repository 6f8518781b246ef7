import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers.js';
import { describeE2E, launchBrowser, withPage } from './harness.js';

/** The harness itself: a failing end-to-end test leaves a screenshot of the page behind. */
describeE2E('the end-to-end harness', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('saves a screenshot of the page to test-results/ when a test fails, and names it in the error', async () => {
    const html = '<!doctype html><meta charset="utf-8"><h1>清稿 · screenshot on failure</h1>';
    const failure = await withPage(browser, `data:text/html,${encodeURIComponent(html)}`, async (page) => {
      await page.getByRole('heading').waitFor();
      throw new Error('deliberate failure');
    }).then(
      () => null,
      (err: unknown) => err as Error,
    );

    expect(failure?.message).toMatch(/^deliberate failure\n\(screenshot: test-results\/.+\.png\)$/);
    const file = path.join(REPO_ROOT, /\(screenshot: (.+)\)$/.exec(failure!.message)![1]!);
    try {
      const bytes = fs.readFileSync(file);
      expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])); // PNG
      expect(bytes.length).toBeGreaterThan(1000);
    } finally {
      fs.rmSync(file, { force: true });
    }
  });
});
