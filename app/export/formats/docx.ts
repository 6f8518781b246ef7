import {
  AlignmentType, BookmarkEnd, BookmarkStart, Document, HeadingLevel, InternalHyperlink, Packer, Paragraph, TextRun,
  type ParagraphChild,
} from 'docx';
import type { EditionContent, ExportArticle, ExportParagraph, ParagraphKind } from '../assemble.js';
import { escapeXml } from './markup.js';
import { zipEntries } from './zip.js';

/*
 * DOCX through the docx library's document model: the edition's title, date and contents (links to
 * bookmarked headings), then each article under a Heading 2. Classes are paragraph styles of our
 * own ("Qinggao …"), never direct formatting or Word's Title/Caption styles, which readers such as
 * pandoc take for metadata or figure captions: read back, every paragraph is plain text.
 *
 * Packing is done here rather than by Packer.toBuffer, for two reasons. The API is synchronous
 * (handlers run on a worker thread and answer with a value), and docx's Packer only offers
 * promises over work it does synchronously; and Packer stamps the zip entries and
 * docProps/core.xml with the time of packing, where an edition must come out the same each time.
 * So the package's parts come from docx's own compiler (Packer's, docx pinned in package.json;
 * checked below and by the DOCX tests), core.xml is replaced by one dated with the edition's date,
 * and the parts are zipped by zip.ts.
 */

interface DocxCompiler {
  compile(file: Document, prettify: undefined, overrides: readonly { path: string; data: string }[]): Map<string, string | Uint8Array>;
}

function docxCompiler(): DocxCompiler {
  const compiler = (Packer as unknown as { compiler?: Partial<DocxCompiler> }).compiler;
  if (typeof compiler?.compile !== 'function') {
    throw new Error('This version of docx has no Packer.compiler.compile; app/export/formats/docx.ts needs adjusting.');
  }
  return compiler as DocxCompiler;
}

const STYLE_OF: Partial<Record<ParagraphKind, string>> = {
  byline: 'QinggaoByline',
  lead: 'QinggaoLead',
  brief_opener: 'QinggaoLead',
  caption: 'QinggaoCaption',
  credit: 'QinggaoCredit',
  note: 'QinggaoNote',
};

const PARAGRAPH_STYLES = [
  { id: 'QinggaoDate', name: 'Qinggao Date', basedOn: 'Normal', run: { color: '666666' } },
  { id: 'QinggaoByline', name: 'Qinggao Byline', basedOn: 'Normal', run: { color: '555555' } },
  { id: 'QinggaoLead', name: 'Qinggao Lead', basedOn: 'Normal', run: { bold: true } },
  { id: 'QinggaoCaption', name: 'Qinggao Photo Caption', basedOn: 'Normal', run: { color: '444444', size: 20 } },
  { id: 'QinggaoCredit', name: 'Qinggao Photo Credit', basedOn: 'Normal', run: { color: '555555', size: 20 }, paragraph: { alignment: AlignmentType.RIGHT } },
  { id: 'QinggaoNote', name: 'Qinggao Note', basedOn: 'Normal', run: { color: '7A4B00', size: 20 }, paragraph: { indent: { left: 360 } } },
];

/** Word bookmark names: a letter first, then letters, digits and underscores, at most 40. */
function bookmarkName(article: ExportArticle): string {
  return `a${article.id}`;
}

function paragraph(p: ExportParagraph): Paragraph {
  if (p.kind === 'subhead') return new Paragraph({ heading: HeadingLevel.HEADING_3, children: [new TextRun(p.text)] });
  const style = STYLE_OF[p.kind];
  return new Paragraph({ ...(style ? { style } : {}), children: [new TextRun(p.text)] });
}

/**
 * A heading's bookmark with an id of our choosing: docx's Bookmark takes ids from a process-wide
 * counter, so a second export in the same process would number them differently. Bookmark starts
 * and ends as paragraph children are docx's own documented usage (see BookmarkStart's example);
 * its ParagraphChild type just does not list them.
 */
function bookmarkEdges(name: string, id: number): [ParagraphChild, ParagraphChild] {
  return [new BookmarkStart(name, id) as unknown as ParagraphChild, new BookmarkEnd(id) as unknown as ParagraphChild];
}

function articleParagraphs(article: ExportArticle, bookmarkId: number): Paragraph[] {
  const [start, end] = bookmarkEdges(bookmarkName(article), bookmarkId);
  return [
    new Paragraph({ heading: HeadingLevel.HEADING_2, children: [start, new TextRun(article.heading), end] }),
    ...article.paragraphs.map(paragraph),
  ];
}

function coreProperties(content: EditionContent): string {
  const stamp = `${content.edition.date}T00:00:00Z`;
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
    `<dc:title>${escapeXml(content.edition.title)}</dc:title>`,
    '<dc:creator>Qinggao</dc:creator>',
    `<dc:language>${escapeXml(content.lang)}</dc:language>`,
    `<dcterms:created xsi:type="dcterms:W3CDTF">${stamp}</dcterms:created>`,
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${stamp}</dcterms:modified>`,
    '</cp:coreProperties>',
  ].join('');
}

/** Word's East Asian language tags: zh-CN for simplified, zh-TW / zh-HK for traditional. */
function eastAsianLanguage(lang: string): string {
  if (lang === 'zh-Hant-HK') return 'zh-HK';
  if (lang.startsWith('zh-Hant')) return 'zh-TW';
  return 'zh-CN';
}

export function renderDocx(content: EditionContent): Uint8Array {
  const { title, date } = content.edition;
  const doc = new Document({
    title,
    creator: 'Qinggao',
    lastModifiedBy: 'Qinggao',
    styles: {
      default: { document: { run: { language: { eastAsia: eastAsianLanguage(content.lang) } } } },
      paragraphStyles: PARAGRAPH_STYLES,
    },
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(title)] }),
          new Paragraph({ style: 'QinggaoDate', children: [new TextRun(date)] }),
          new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(content.labels.contents)] }),
          ...content.articles.map(
            (a) => new Paragraph({ children: [new InternalHyperlink({ anchor: bookmarkName(a), children: [new TextRun(a.heading)] })] }),
          ),
          // Bookmark ids are numbered here, not by docx's process-wide counter, so they repeat.
          ...content.articles.flatMap((a, i) => articleParagraphs(a, i + 1)),
        ],
      },
    ],
  });
  const parts = docxCompiler().compile(doc, undefined, [{ path: 'docProps/core.xml', data: coreProperties(content) }]);
  // [Content_Types].xml first, as Word writes it and as some readers expect.
  const order = ['[Content_Types].xml', '_rels/.rels', ...[...parts.keys()].filter((p) => p !== '[Content_Types].xml' && p !== '_rels/.rels')];
  return zipEntries(order.filter((p) => parts.has(p)).map((path) => ({ path, data: parts.get(path)! })), date);
}
