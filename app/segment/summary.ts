import type { ArticleSummary, BlockClass } from './types.js';
import { extractReporters, unique } from './reporters.js';

/** Headline, cross-heads and reporters of one article, in page order. */
export function summarizeArticle(blocks: readonly { cls: BlockClass; text: string }[]): ArticleSummary {
  const headline = blocks.find((b) => b.cls === 'headline')?.text ?? null;
  const subheads = blocks.filter((b) => b.cls === 'subhead').map((b) => b.text);
  const reporters = unique(blocks.flatMap((b) => extractReporters(b.cls, b.text)));
  return { headline, subheads, reporters };
}
