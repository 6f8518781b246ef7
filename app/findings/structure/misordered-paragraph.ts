import type { DocBlock, DocFinding } from '../model.js';
import { cutWords } from '../lexicon/segmenter.js';
import { RUNNING_TEXT } from './classes.js';
import { continuationConfidence, readingSuccessor } from './broken-paragraph.js';
import { endsSentence, junctionCohesion, startsBound, wordSpansJunction } from './junction.js';

/**
 * Log-probability gain a junction must show before a block is moved across the page: a word cut
 * in two gains about 10; chance pairs of a single character and a name or a place gain 1 to 6.
 */
const MIN_COHESION = 8;

function startsMidWord(text: string): boolean {
  return (cutWords(text.trimStart().slice(0, 6))[0] ?? '').length === 1;
}

interface Candidate {
  cut: number;
  confidence: number;
  reason: { zh: string; en: string };
}

/**
 * A block that continues a sentence cut somewhere other than just before it: another article, or
 * further away in its own. The evidence is a word read across the junction with the cut
 * ("發|展鄉村" → 發展), which the cut's own successor does not offer. A cut between two whole
 * words leaves no such trace, and is not looked for: a unigram word model cannot tell which of
 * the page's paragraph starts continues it.
 */
export function detectMisorderedParagraphs(doc: readonly DocBlock[]): DocFinding[] {
  const successor = doc.map((_, i) => readingSuccessor(doc, i));
  const predecessor = new Map<number, number>();
  successor.forEach((next, i) => {
    if (next !== null) predecessor.set(next, i);
  });
  /** Running-text blocks ending mid-sentence that their successor does not visibly continue. */
  const openCuts = doc
    .map((_, i) => i)
    .filter((i) => RUNNING_TEXT.has(doc[i]!.cls) && !endsSentence(doc[i]!.text))
    .filter((i) => successor[i] === null || continuationConfidence(doc[i]!, doc[successor[i]!]!) < 0.9);
  const articleOf = (i: number) => doc[i]!.article;

  const findings: DocFinding[] = [];
  for (let j = 0; j < doc.length; j++) {
    const block = doc[j]!;
    if (!RUNNING_TEXT.has(block.cls)) continue;
    // A block that reads on from the cut just before it is where it belongs.
    const before = predecessor.get(j);
    if (before !== undefined && continuationConfidence(doc[before]!, block) >= 0.7) continue;

    const candidates: Candidate[] = [];
    for (const i of openCuts) {
      if (i === j || successor[i] === j) continue;
      const word = wordSpansJunction(doc[i]!.text, block.text);
      if (word && startsMidWord(block.text) && junctionCohesion(doc[i]!.text, block.text) >= MIN_COHESION) {
        candidates.push({ cut: i, confidence: 0.8, reason: { zh: `“${word}”跨段`, en: `“${word}” spans the cut` } });
      }
    }
    // A block opening with a bound particle (的, 了, 、…) cannot start a sentence: it continues one
    // of the page's open cuts, the one it reads on from best first.
    if (candidates.length === 0 && startsBound(block.text)) {
      const scored = openCuts
        .filter((i) => i !== j && successor[i] !== j)
        .map((i) => ({ i, cohesion: junctionCohesion(doc[i]!.text, block.text) }))
        .sort((x, y) => y.cohesion - x.cohesion);
      for (const { i } of scored) {
        candidates.push({ cut: i, confidence: 0.7, reason: { zh: '段首不能起句', en: 'it cannot open a sentence' } });
      }
    }
    if (candidates.length === 0) continue;
    // Stable sort: within one confidence the evidence's own order (cohesion, then page order) holds.
    const ranked = [...candidates].sort((x, y) => y.confidence - x.confidence);
    const best = ranked[0]!;
    findings.push({
      kind: 'misordered_paragraph',
      start: { block: j, offset: 0 },
      end: { block: j, offset: block.text.length },
      message: {
        zh: `此段接续别处断开的句子（${best.reason.zh}）：应移到该处`,
        en: `This block continues a sentence cut elsewhere (${best.reason.en}): move it there`,
      },
      confidence: ranked.length === 1 ? best.confidence : best.confidence - 0.1,
      fixes: ranked.map(({ cut }) => ({
        label: { zh: `移到第${cut + 1}段之后`, en: `Move after block ${cut + 1}` },
        edits: [
          successor[cut] === null
            ? { op: 'move' as const, block: j, toEndOfArticle: articleOf(cut) }
            : { op: 'move' as const, block: j, before: successor[cut]! },
        ],
      })),
    });
  }
  return findings;
}
