import type { DocBlock, DocFinding } from '../model.js';
import { PICTURE_MATTER, RUNNING_TEXT } from './classes.js';
import { BROKEN_PARAGRAPH_MIN, continuationConfidence } from './broken-paragraph.js';

/**
 * Captions and credits standing between running-text paragraphs of one article. The fix moves
 * them out of the text, to the end of the article, in their order. A group standing inside a cut
 * paragraph is moved by the join to after the joined paragraph; when that paragraph ends the
 * article, the group is where it belongs and is not flagged.
 */
export function detectInterleavedCaptions(doc: readonly DocBlock[]): DocFinding[] {
  const findings: DocFinding[] = [];
  for (let i = 0; i < doc.length; i++) {
    if (!PICTURE_MATTER.has(doc[i]!.cls)) continue;
    let j = i;
    while (j + 1 < doc.length && PICTURE_MATTER.has(doc[j + 1]!.cls) && doc[j + 1]!.article === doc[i]!.article) j++;
    const article = doc[i]!.article;
    const textBefore = doc.slice(0, i).some((b) => b.article === article && RUNNING_TEXT.has(b.cls));
    const runningAfter = doc.slice(j + 1).map((b, k) => ({ b, at: j + 1 + k })).filter(({ b }) => b.article === article && RUNNING_TEXT.has(b.cls));
    const before = doc.slice(0, i).findLastIndex((b) => b.article === article && !PICTURE_MATTER.has(b.cls));
    const joinedAcross = before >= 0 && runningAfter.length > 0 && runningAfter[0]!.at === nextNonPicture(doc, j) &&
      continuationConfidence(doc[before]!, runningAfter[0]!.b) >= BROKEN_PARAGRAPH_MIN;
    const textAfter = runningAfter.length > (joinedAcross ? 1 : 0);
    if (textBefore && textAfter) {
      const group = Array.from({ length: j - i + 1 }, (_, k) => i + k);
      findings.push({
        kind: 'interleaved_caption',
        start: { block: i, offset: 0 },
        end: { block: j, offset: doc[j]!.text.length },
        message: { zh: '图片说明夹在正文中：应移出正文', en: 'Photo caption inside the running text: move it out' },
        confidence: 0.9,
        fixes: [{
          label: { zh: '移到文末图片说明处', en: "Move to the article's captions" },
          edits: group.map((block) => ({ op: 'move' as const, block, toEndOfArticle: article })),
        }],
      });
    }
    i = j;
  }
  return findings;
}

/** The first block after j that is not a caption or credit, or -1. */
function nextNonPicture(doc: readonly DocBlock[], j: number): number {
  for (let k = j + 1; k < doc.length; k++) if (!PICTURE_MATTER.has(doc[k]!.cls)) return k;
  return -1;
}
