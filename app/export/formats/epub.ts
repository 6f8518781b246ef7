import type { EditionContent, ExportArticle } from '../assemble.js';
import { articleHtml } from './html.js';
import { escapeXml } from './markup.js';
import { zipEntries, type ZipEntry } from './zip.js';

/*
 * EPUB 3: a title page, the navigation document (the table of contents) and one XHTML page per
 * article, zipped with `mimetype` first and stored, as the container format requires. The package
 * is named by the edition's uid (stable for the edition's life) and dated with the edition's date,
 * so a second export is byte-identical.
 */

const STYLE = `
body { font-family: serif; line-height: 1.8; }
.date { color: #666; }
.byline, .credit { color: #555; }
.lead, .brief_opener { font-weight: bold; }
.caption { color: #444; font-size: 0.92em; }
.note { color: #7a4b00; font-size: 0.9em; border-left: 3px solid #e0c080; padding-left: 0.6em; }
nav ol { list-style: none; padding-left: 0; }
`.trimStart();

function page(lang: string, title: string, body: string, css: string): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!DOCTYPE html>',
    `<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" xml:lang="${lang}" lang="${lang}">`,
    '<head>',
    '<meta charset="UTF-8"/>',
    `<title>${escapeXml(title)}</title>`,
    `<link rel="stylesheet" type="text/css" href="${css}"/>`,
    '</head>',
    '<body>',
    body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function articlePath(article: ExportArticle): string {
  return `articles/${article.anchor}.xhtml`;
}

const CONTAINER = [
  '<?xml version="1.0" encoding="UTF-8"?>',
  '<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">',
  '<rootfiles><rootfile full-path="EPUB/package.opf" media-type="application/oebps-package+xml"/></rootfiles>',
  '</container>',
  '',
].join('\n');

function packageDocument(content: EditionContent): string {
  const { uid, title, date } = content.edition;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="uid" xml:lang="${content.lang}">`,
    '<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">',
    `<dc:identifier id="uid">urn:uuid:${escapeXml(uid)}</dc:identifier>`,
    `<dc:title>${escapeXml(title)}</dc:title>`,
    `<dc:language>${content.lang}</dc:language>`,
    `<dc:date>${date}</dc:date>`,
    '<dc:creator>Qinggao</dc:creator>',
    `<meta property="dcterms:modified">${date}T00:00:00Z</meta>`,
    '</metadata>',
    '<manifest>',
    '<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>',
    '<item id="style" href="style.css" media-type="text/css"/>',
    '<item id="title-page" href="title.xhtml" media-type="application/xhtml+xml"/>',
    ...content.articles.map((a) => `<item id="${a.anchor}" href="${articlePath(a)}" media-type="application/xhtml+xml"/>`),
    '</manifest>',
    '<spine>',
    '<itemref idref="title-page"/>',
    '<itemref idref="nav"/>',
    ...content.articles.map((a) => `<itemref idref="${a.anchor}"/>`),
    '</spine>',
    '</package>',
    '',
  ].join('\n');
}

function navDocument(content: EditionContent): string {
  const body = [
    '<nav epub:type="toc" id="toc">',
    `<h1>${escapeXml(content.labels.contents)}</h1>`,
    '<ol>',
    ...content.articles.map((a) => `<li><a href="${articlePath(a)}">${escapeXml(a.heading)}</a></li>`),
    '</ol>',
    '</nav>',
  ].join('\n');
  return page(content.lang, content.labels.contents, body, 'style.css');
}

function titlePage(content: EditionContent): string {
  const { title, date } = content.edition;
  const body = `<section epub:type="titlepage">\n<h1>${escapeXml(title)}</h1>\n<p class="date">${escapeXml(date)}</p>\n</section>`;
  return page(content.lang, title, body, 'style.css');
}

export function renderEpub(content: EditionContent): Uint8Array {
  const entries: ZipEntry[] = [
    { path: 'mimetype', data: 'application/epub+zip', store: true },
    { path: 'META-INF/container.xml', data: CONTAINER },
    { path: 'EPUB/package.opf', data: packageDocument(content) },
    { path: 'EPUB/nav.xhtml', data: navDocument(content) },
    { path: 'EPUB/style.css', data: STYLE },
    { path: 'EPUB/title.xhtml', data: titlePage(content) },
    ...content.articles.map((a) => ({ path: `EPUB/${articlePath(a)}`, data: page(content.lang, a.heading, articleHtml(a), '../style.css') })),
  ];
  return zipEntries(entries, content.edition.date);
}
