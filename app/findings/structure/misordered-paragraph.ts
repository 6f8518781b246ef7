import type { DocBlock, DocFinding } from '../model.js';
import { RUNNING_TEXT } from './classes.js';
import { continuationConfidence, readingSuccessor } from './broken-paragraph.js';
import { endsSentence, wordSpansJunction } from './junction.js';

/**
 * A block that continues a sentence cut somewhere other than just before it: another article, or
 * further away in its own. Evidence is a word read across the junction with the cut block, while
 * the cut block's own successor shows no such word. Candidates are ranked by the length of the
 * word crossing the junction.
 */
export function detectMisorderedParagraphs(doc: readonly DocBlock[]): DocFinding[] {
  const cut = doc
    .map((b, i) => ({ b, i }))
    .filter(({ b }) => RUNNING_TEXT.has(b.cls) && !endsSentence(b.text));
  const findings: DocFinding[] = [];
  const predecessor = new Map<number, number>();
  doc.forEach((_, i) => {
    const next = readingSuccessor(doc, i);
    if (next !== null) predecessor.set(next, i);
  });
  for (let j = 0; j < doc.length; j++) {
    const block = doc[j]!;
    if (!RUNNING_TEXT.has(block.cls)) continue;
    // A block that reads on from the cut just before it is where it belongs.
    const before = predecessor.get(j);
    if (before !== undefined && continuationConfidence(doc[before]!, block) >= 0.7) continue;
    const candidates: { i: number; word: string }[] = [];
    for (const { b, i } of cut) {
      if (i === j) continue;
      const successor = readingSuccessor(doc, i);
      if (successor === j) continue;
      // A cut its own successor plausibly continues is not waiting for a block from elsewhere.
      if (successor !== null && continuationConfidence(b, doc[successor]!) >= 0.7) continue;
      const word = wordSpansJunction(b.text, block.text);
      if (word) candidates.push({ i, word });
    }
    if (candidates.length === 0) continue;
    // If the block's own predecessor is cut and reads on into it, it is where it belongs.
    const ranked = candidates.sort((x, y) => y.word.length - x.word.length || Math.abs(x.i - j) - Math.abs(y.i - j));
    findings.push({
      kind: 'misordered_paragraph',
      start: { block: j, offset: 0 },
      end: { block: j, offset: block.text.length },
      message: {
        zh: `此段接续别处断开的句子（“${ranked[0]!.word}”跨段）：应移到该处`,
        en: `This block continues a sentence cut elsewhere (“${ranked[0]!.word}” spans the cut): move it there`,
      },
      confidence: ranked.length === 1 ? 0.8 : 0.65,
      fixes: ranked.map(({ i }) => ({
        label: { zh: `移到第${i + 1}段之后`, en: `Move after block ${i + 1}` },
        edits: [
          readingSuccessor(doc, i) === null
            ? { op: 'move' as const, block: j, toEndOfArticle: doc[i]!.article }
            : { op: 'move' as const, block: j, before: readingSuccessor(doc, i)! },
        ],
      })),
    });
  }
  return findings;
}
