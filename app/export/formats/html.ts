import type { EditionContent, ExportArticle, ExportParagraph } from '../assemble.js';
import { escapeXml } from './markup.js';

/*
 * One self-contained HTML file: its style inline, a table of contents linking to each article,
 * every text escaped. The contents are paragraphs of links rather than a list, so the page read
 * as plain text gives the same lines as the TXT export (a list would add its numbers or bullets).
 */

const STYLE = `
body { font-family: "Noto Serif CJK SC", "Source Han Serif", "Songti SC", SimSun, serif; line-height: 1.8; max-width: 42em; margin: 2em auto; padding: 0 1em; color: #222; }
header h1 { margin-bottom: 0.2em; }
.date { color: #666; margin-top: 0; }
nav p { margin: 0.2em 0; }
article { margin-top: 3em; }
.byline, .credit { color: #555; }
.lead, .brief_opener { font-weight: bold; }
.caption { color: #444; font-size: 0.92em; }
.note { color: #7a4b00; font-size: 0.9em; border-left: 3px solid #e0c080; padding-left: 0.6em; }
`.trim();

function paragraph(p: ExportParagraph): string {
  if (p.kind === 'subhead') return `<h3>${escapeXml(p.text)}</h3>`;
  return p.kind === 'body' ? `<p>${escapeXml(p.text)}</p>` : `<p class="${p.kind}">${escapeXml(p.text)}</p>`;
}

/** An article as an <article> element (also the body of its EPUB page). */
export function articleHtml(article: ExportArticle): string {
  return [
    `<article id="${article.anchor}">`,
    `<h2>${escapeXml(article.heading)}</h2>`,
    ...article.paragraphs.map(paragraph),
    '</article>',
  ].join('\n');
}

export function renderHtml(content: EditionContent): string {
  const { title, date } = content.edition;
  return [
    '<!DOCTYPE html>',
    `<html lang="${content.lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="Qinggao">',
    `<title>${escapeXml(title)}</title>`,
    `<style>\n${STYLE}\n</style>`,
    '</head>',
    '<body>',
    '<header>',
    `<h1>${escapeXml(title)}</h1>`,
    `<p class="date"><time datetime="${escapeXml(date)}">${escapeXml(date)}</time></p>`,
    '</header>',
    '<nav aria-labelledby="contents">',
    `<h2 id="contents">${escapeXml(content.labels.contents)}</h2>`,
    ...content.articles.map((a) => `<p><a href="#${a.anchor}">${escapeXml(a.heading)}</a></p>`),
    '</nav>',
    '<main>',
    ...content.articles.map(articleHtml),
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
