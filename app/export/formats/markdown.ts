import type { EditionContent, ExportArticle, ExportParagraph } from '../assemble.js';

/*
 * Markdown that pandoc's Markdown and CommonMark both read back as exactly the text: every ASCII
 * character that could start markup is backslash-escaped (valid for any ASCII punctuation in both),
 * including those pandoc's smart typography would turn into curly quotes, dashes or an ellipsis.
 * A left single quote ‘ is written as an entity: pandoc's smart typography takes one after
 * punctuation or at a line's start (，‘神经末梢’) for an apostrophe and prints ’; an entity is
 * always the character itself, in both readers.
 * Headings carry no attributes (CommonMark would print them); the contents link to an HTML anchor
 * on its own line before each heading, which both read as raw HTML and plain text leaves out.
 */

/** Punctuation escaped wherever it stands. */
const ALWAYS = new Set(['\\', '`', '*', '_', '[', ']', '<', '>', '#', '|', '~', '^', '$', '@', '"', "'", '&']);
/** A list marker at the start of a line: 1. 1) a. A) iv. (the . or ) is escaped). */
const LIST_MARKER = /^(\d{1,9}|[a-zA-Z]|[ivxlcdmIVXLCDM]+)([.)])/;

export function escapeMarkdown(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const prev = text[i - 1];
    const next = text[i + 1];
    const escape =
      ALWAYS.has(ch) ||
      // -- and --- (dashes), a list or rule at the start; ... (ellipsis).
      (ch === '-' && (i === 0 || prev === '-' || next === '-')) ||
      (ch === '.' && (prev === '.' || next === '.')) ||
      // + list item, : definition, (1) list item, = nothing: only at the start of the line.
      (i === 0 && (ch === '+' || ch === ':' || ch === '(' || ch === '%'));
    out += ch === '\u2018' ? '&#x2018;' : escape ? `\\${ch}` : ch;
  }
  const marker = LIST_MARKER.exec(out);
  if (marker) out = `${marker[1]}\\${marker[2]}${out.slice(marker[0].length)}`;
  return out;
}

function paragraph(p: ExportParagraph): string {
  const text = escapeMarkdown(p.text);
  return p.kind === 'subhead' ? `### ${text}` : text;
}

function articleBlocks(article: ExportArticle, withAnchor: boolean): string[] {
  return [
    ...(withAnchor ? [`<a id="${article.anchor}"></a>`] : []),
    `## ${escapeMarkdown(article.heading)}`,
    ...article.paragraphs.map(paragraph),
  ];
}

export function renderArticleMarkdown(_content: EditionContent, article: ExportArticle): string {
  return `${articleBlocks(article, false).join('\n\n')}\n`;
}

export function renderMarkdown(content: EditionContent): string {
  const front = [
    `# ${escapeMarkdown(content.edition.title)}`,
    escapeMarkdown(content.edition.date),
    `## ${escapeMarkdown(content.labels.contents)}`,
    ...content.articles.map((a) => `[${escapeMarkdown(a.heading)}](#${a.anchor})`),
  ];
  return `${[front.join('\n\n'), ...content.articles.map((a) => articleBlocks(a, true).join('\n\n'))].join('\n\n\n')}\n`;
}
