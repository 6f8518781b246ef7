import type { EditionContent, ExportArticle } from '../assemble.js';
import type { Change } from '../provenance.js';

/*
 * The edition as data: every article with its blocks (OCR, current and edition text, classes),
 * tags, span tags, comments and provenance (each change from the OCR text, with the revision that
 * made it, its author, and the finding it came from). Published as docs/schema/edition.schema.json;
 * a change to this shape is a change to the schema and to FORMAT_VERSION.
 *
 * Offsets (anchors of tags and comments, provenance of revisions) are UTF-16 offsets into the text
 * the change or anchor speaks of: anchors into currentText, provenance into the text as that step
 * found it.
 */

export const FORMAT_VERSION = 1;

function provenance(c: Change) {
  return {
    blockId: c.blockId,
    source: c.source,
    field: c.field,
    offset: c.offset,
    before: c.before,
    after: c.after,
    revision: c.revision,
    finding: c.finding,
  };
}

function article(a: ExportArticle) {
  return {
    id: a.id,
    number: a.number,
    source: { id: a.sourceId, name: a.sourceName },
    section: a.section,
    status: a.status,
    reporters: a.reporters,
    heading: a.heading,
    headingBlockId: a.headingBlockId,
    paragraphs: a.paragraphs.map((p) => ({ kind: p.kind, text: p.text, blockId: p.blockId })),
    blocks: a.blocks.map((b) => ({
      id: b.id,
      class: b.cls,
      originalClass: b.originalClass,
      text: b.text,
      omittedBecause: b.omittedBecause,
      currentText: b.currentText,
      ocrText: b.ocrText,
    })),
    tags: a.annotations?.tags ?? [],
    spanTags: a.annotations?.spanTags ?? [],
    comments: a.annotations?.comments ?? [],
    provenance: (a.changes ?? []).map(provenance),
  };
}

export function renderJson(content: EditionContent): string {
  const { edition } = content;
  const doc = {
    format: 'qinggao-edition',
    formatVersion: FORMAT_VERSION,
    edition: {
      id: edition.id,
      uid: edition.uid,
      name: edition.name,
      title: edition.title,
      date: edition.date,
      language: content.lang,
      options: edition.options,
    },
    articles: content.articles.map(article),
    skipped: content.skipped,
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
