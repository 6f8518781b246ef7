/**
 * Page segmentation: an OCR'd newspaper page (plain text, optionally with Markdown headings)
 * into classified blocks and articles. Rules are general Chinese newspaper typography; see
 * classify.ts for the order in which they apply.
 */
import type { SegmentedPage } from './types.js';
import { gapFlags, splitBlocks } from './blocks.js';
import { classifyBlocks } from './classify.js';
import { groupArticles } from './articles.js';

export { extractReporters } from './reporters.js';
export { summarizeArticle } from './summary.js';
export * from './types.js';

export function segmentPage(text: string): SegmentedPage {
  const raw = splitBlocks(text);
  const classes = classifyBlocks(raw);
  const gaps = gapFlags(raw);
  const blocks = raw.map((b, i) => ({ start: b.start, end: b.end, text: b.text, cls: classes[i]! }));
  const articles = groupArticles(blocks.map((b, i) => ({ cls: b.cls, text: b.text, gapBefore: gaps[i]! })));
  return { blocks, articles };
}
