import type { EditionContent } from '../assemble.js';

/*
 * The corrections report: one row per change from the OCR text to the edition, for audit, in
 * edition order (article by article; within one, the editors' revisions oldest first, then what
 * the export did). RFC 4180: comma-separated, CRLF, fields quoted when they hold a comma, quote or
 * line break. A byte-order mark first, so spreadsheet programs read the UTF-8 as UTF-8.
 */

const COLUMNS = [
  'article_number', 'article_id', 'heading', 'block_id', 'source', 'field', 'offset', 'before', 'after',
  'revision_id', 'revision_kind', 'author', 'changed_at', 'finding_id', 'finding_kind', 'finding_flagged',
] as const;

function field(value: string | number | null): string {
  const text = value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function renderCsv(content: EditionContent): string {
  const rows: (string | number | null)[][] = [[...COLUMNS]];
  for (const a of content.articles) {
    for (const c of a.changes ?? []) {
      rows.push([
        a.number, a.id, a.heading, c.blockId, c.source, c.field, c.offset, c.before, c.after,
        c.revision?.id ?? null, c.revision?.kind ?? null, c.revision?.author ?? null, c.revision?.createdAt ?? null,
        c.finding?.id ?? null, c.finding?.kind ?? null, c.finding?.flagged ?? null,
      ]);
    }
  }
  return `\uFEFF${rows.map((r) => r.map(field).join(',')).join('\r\n')}\r\n`;
}
