import type { DocBlock, DocFinding } from '../model.js';
import { PICTURE_MATTER, RUNNING_TEXT } from './classes.js';

/**
 * Captions and credits standing between running-text paragraphs of one article. The fix moves
 * them out of the text, to the end of the article, in their order.
 */
export function detectInterleavedCaptions(doc: readonly DocBlock[]): DocFinding[] {
  const findings: DocFinding[] = [];
  for (let i = 0; i < doc.length; i++) {
    if (!PICTURE_MATTER.has(doc[i]!.cls)) continue;
    let j = i;
    while (j + 1 < doc.length && PICTURE_MATTER.has(doc[j + 1]!.cls) && doc[j + 1]!.article === doc[i]!.article) j++;
    const article = doc[i]!.article;
    const textBefore = doc.slice(0, i).some((b) => b.article === article && RUNNING_TEXT.has(b.cls));
    const textAfter = doc.slice(j + 1).some((b) => b.article === article && RUNNING_TEXT.has(b.cls));
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
