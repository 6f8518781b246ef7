import { segmentPage } from '../segment/index.js';
import type { AppliedBlock } from './apply.js';
import type { DocBlock, DocFinding, DocFix } from './model.js';
import type { CheckFinding } from './types.js';

/** A page as a document: its blocks, where each sits in the page text, and the text between them. */
export interface PageDocument {
  text: string;
  blocks: DocBlock[];
  spans: { start: number; end: number }[];
  /** leads[i]: the page text between block i-1 (or the page start) and block i. */
  leads: string[];
  tail: string;
}

export function pageDocument(text: string): PageDocument {
  const page = segmentPage(text);
  const articleOf = new Map<number, number>();
  page.articles.forEach((article, a) => article.blocks.forEach((b) => articleOf.set(b, a)));
  const blocks = page.blocks.map((b, i) => ({ cls: b.cls, text: b.text, article: articleOf.get(i) ?? 0 }));
  const spans = page.blocks.map((b) => ({ start: b.start, end: b.end }));
  const leads = spans.map((s, i) => text.slice(i === 0 ? 0 : spans[i - 1]!.end, s.start));
  const tail = text.slice(spans.at(-1)?.end ?? 0);
  return { text, blocks, spans, leads, tail };
}

/** Writes a fixed document back as page text, each block keeping the layout that led up to it. */
export function serializePage(page: PageDocument, blocks: readonly AppliedBlock[]): string {
  if (page.blocks.length === 0) return page.text;
  // A block keeps the layout that led up to it; the page's opening white space stays first.
  const leadOf = (origin: number) => (origin === 0 ? '\n\n' : page.leads[origin]!);
  return blocks.map((b, i) => (i === 0 ? page.leads[0]! : leadOf(b.origin)) + b.text).join('') + page.tail;
}

/** The single replacement a fix amounts to over the finding's span, when it is one. */
function replacementOver(finding: DocFinding, fix: DocFix | undefined): string | null {
  if (!fix) return null;
  const [edit, ...more] = fix.edits;
  if (!edit || more.length > 0) return null;
  if (edit.op === 'replace') {
    const sameSpan = finding.start.block === edit.block && finding.end.block === edit.block &&
      finding.start.offset === edit.start && finding.end.offset === edit.end;
    return sameSpan ? edit.text : null;
  }
  // Joining two neighbouring blocks removes exactly the gap between them.
  if (edit.op === 'join' && edit.next === edit.block + 1 &&
      finding.start.block === edit.block && finding.end.block === edit.next) return '';
  return null;
}

export function toCheckFinding(file: string, page: PageDocument, finding: DocFinding): CheckFinding {
  const at = (p: DocFinding['start']) => page.spans[p.block]!.start + p.offset;
  return {
    file,
    type: finding.kind,
    start: at(finding.start),
    end: at(finding.end),
    message: `${finding.message.zh} / ${finding.message.en}`,
    confidence: Math.round(finding.confidence * 100) / 100,
    fix: replacementOver(finding, finding.fixes[0]),
  };
}
