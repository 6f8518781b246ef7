import { analyzeDocument } from './analyze.js';
import { applyFixes } from './apply.js';
import { CorpusIndex, type CorpusBlock } from './corpus/index.js';
import type { DocFinding } from './model.js';
import { pageDocument, serializePage, toCheckFinding, type PageDocument } from './page.js';
import { articlePairHolders, type CorpusView } from './structure/dup-fragment.js';
import type { CheckFinding, DefectKind, PageText } from './types.js';

/*
 * The stateless checker behind `qinggao check` and `qinggao clean`: pages in, findings or cleaned
 * text out, nothing stored. The pages given together form one corpus for spliced duplicates.
 */

/** Blocks per page are far fewer than this, so page * stride + block is reading order. */
const ORDER_STRIDE = 1_000_000;

function corpusViews(pages: readonly PageDocument[]): CorpusView[] {
  const index = new CorpusIndex();
  const articlePairs = articlePairsOf(pages);
  const views = pages.map((page, p) => {
    const keys = page.blocks.map((_, i) => `${p}:${i}`);
    const orders = page.blocks.map((_, i) => p * ORDER_STRIDE + i);
    page.blocks.forEach((b, i) => index.add({ key: keys[i]!, order: orders[i]!, page: String(p), text: b.text, cls: b.cls }));
    return {
      sharedRuns: (i: number, min: number) => index.sharedRuns(keys[i]!, min),
      orders,
      page: String(p),
      articlePairs: (other: CorpusBlock) => articlePairs(other.key),
    };
  });
  return views;
}

/** The article block `key` (page:block) stands in, as CorpusView.articlePairs gives it; each article once. */
function articlePairsOf(pages: readonly PageDocument[]): (key: string) => ReadonlyMap<string, number> {
  const cache = new Map<string, Map<string, number>>();
  return (key) => {
    const [p, i] = key.split(':').map(Number) as [number, number];
    const blocks = pages[p]!.blocks;
    const article = blocks[i]!.article;
    const id = `${p}:${article}`;
    let pairs = cache.get(id);
    if (!pairs) cache.set(id, (pairs = articlePairHolders(blocks.filter((b) => b.article === article).map((b) => b.text))));
    return pairs;
  };
}

function analyzePages(pages: readonly PageDocument[], only?: readonly DefectKind[]): DocFinding[][] {
  const views = corpusViews(pages);
  const wanted = only ? new Set(only) : undefined;
  return pages.map((page, p) => analyzeDocument(page.blocks, { corpus: views[p]!, only: wanted }));
}

export interface CheckOptions {
  only?: readonly DefectKind[];
}

export function checkTexts(pages: readonly PageText[], options: CheckOptions = {}): CheckFinding[] {
  const docs = pages.map((p) => pageDocument(p.text));
  return analyzePages(docs, options.only).flatMap((findings, p) =>
    findings.map((f) => toCheckFinding(pages[p]!.file, docs[p]!, f)));
}

/** Structural fixes can reveal more (a moved block's cut then shows); a second pass takes those. */
const CLEAN_PASSES = 2;

/** Each page's text with every suggested fix applied, structural ones included. */
export function cleanTexts(pages: readonly PageText[]): string[] {
  let texts = pages.map((p) => p.text);
  for (let pass = 0; pass < CLEAN_PASSES; pass++) {
    const docs = texts.map((t) => pageDocument(t));
    const findings = analyzePages(docs);
    texts = docs.map((doc, p) => {
      const fixes = [...findings[p]!]
        .sort((a, b) => b.confidence - a.confidence)
        .flatMap((f) => f.fixes.slice(0, 1));
      return fixes.length === 0 ? doc.text : serializePage(doc, applyFixes(doc.blocks, fixes).blocks);
    });
  }
  return texts;
}
