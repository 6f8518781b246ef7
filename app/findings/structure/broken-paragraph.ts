import type { DocBlock, DocFinding } from '../model.js';
import { looksLikeCommaTitle } from '../../segment/typography.js';
import { RUNNING_TEXT, SKIPPABLE } from './classes.js';
import { endsMidClause, endsNeedingComplement, endsSentence, endsWithColon, opensListItem, opensSentence, opensWithSpeechVerb, startsBound, wordSpansJunction } from './junction.js';

/** Below this continuation confidence a paragraph is not taken as cut. */
export const BROKEN_PARAGRAPH_MIN = 0.6;

/** The next block a reader would go on to after block i in the same article. */
export function readingSuccessor(doc: readonly DocBlock[], i: number): number | null {
  for (let j = i + 1; j < doc.length; j++) {
    if (doc[j]!.article !== doc[i]!.article) return null;
    if (!SKIPPABLE.has(doc[j]!.cls)) return j;
  }
  return null;
}

/** How sure we are that `right` continues the sentence `left` was cut in, or 0. */
/** A lead's label standing on its own line ("核心提示"), not a paragraph at all. */
function isLabelOnly(block: DocBlock): boolean {
  return block.cls === 'lead' && block.text.replace(/[*\s：:]/g, '').length <= 6;
}

/** Two comma-separated phrases of (nearly) the same length, as a comma cross-head is made. */
function isParallelCrossHead(text: string): boolean {
  if (!looksLikeCommaTitle(text)) return false;
  const [a, b] = text.trim().replace(/[！？!?]$/u, '').split(/[，,]/u).map((p) => p.trim().length);
  return Math.abs(a! - b!) <= 1;
}

export function continuationConfidence(left: DocBlock, right: DocBlock): number {
  if (endsSentence(left.text) || isLabelOnly(left) || !RUNNING_TEXT.has(right.cls) && right.cls !== 'subhead') return 0;
  const spanning = wordSpansJunction(left.text, right.text);
  if (spanning) return 0.95;
  if (opensWithSpeechVerb(right.text) && RUNNING_TEXT.has(right.cls)) return 0.9;
  // A heading-like fragment continues only when a word visibly crosses the cut: a title, or a
  // cross-head of two short parallel phrases ("渠通了，田活了") that the segmenter left among the
  // body paragraphs.
  if (!RUNNING_TEXT.has(left.cls) || !RUNNING_TEXT.has(right.cls) || isParallelCrossHead(left.text)) return 0;
  // A colon introducing a numbered list: each item is a paragraph of its own.
  if (endsWithColon(left.text) && opensListItem(right.text)) return 0;
  if (endsMidClause(left.text) || startsBound(right.text)) return opensSentence(right.text) ? 0.5 : 0.9;
  // A sentence cut after 和, 是, 截至… goes on, whatever the next block opens with.
  if (endsNeedingComplement(left.text)) return 0.85;
  return opensSentence(right.text) ? 0 : 0.7;
}

/**
 * A paragraph cut mid-sentence whose continuation is the next running-text block of the article,
 * possibly with captions or credits between. The fix joins the parts; what lay between ends up
 * after the joined paragraph.
 */
export function detectBrokenParagraphs(doc: readonly DocBlock[]): DocFinding[] {
  const findings: DocFinding[] = [];
  for (let i = 0; i < doc.length; i++) {
    const left = doc[i]!;
    if (!RUNNING_TEXT.has(left.cls) && left.cls !== 'subhead') continue;
    const j = readingSuccessor(doc, i);
    if (j === null) continue;
    const confidence = continuationConfidence(left, doc[j]!);
    if (confidence < BROKEN_PARAGRAPH_MIN) continue;
    const between = j - i - 1;
    findings.push({
      kind: 'broken_paragraph',
      start: { block: i, offset: left.text.length },
      end: { block: j, offset: 0 },
      message: between > 0
        ? { zh: `段落在句中断开，中间插入了${between}个图片说明等段落：应合并`, en: `Paragraph cut mid-sentence with ${between} block(s) between: join the parts` }
        : { zh: '段落在句中断开：应与下段合并', en: 'Paragraph cut mid-sentence: join it with the next one' },
      confidence,
      fixes: [{
        label: { zh: '合并两段', en: 'Join the parts' },
        edits: [{ op: 'join', block: i, next: j, cls: RUNNING_TEXT.has(left.cls) ? left.cls : doc[j]!.cls }],
      }],
    });
  }
  return findings;
}
