import type { EditionContent, ExportArticle } from '../assemble.js';

/*
 * The primary output: the cleaned text, UTF-8, one paragraph a line, a blank line between
 * paragraphs. Headings are lines of their own. The edition opens with its title, its date and its
 * contents (one heading a line), as the HTML, Markdown and DOCX exports do, so that any of them,
 * read as plain text (pandoc -t plain), gives these same lines in this same order.
 */

function articleLines(article: ExportArticle): string[] {
  return [article.heading, ...article.paragraphs.map((p) => p.text)];
}

/** One article on its own: heading, then its paragraphs. */
export function renderArticleTxt(_content: EditionContent, article: ExportArticle): string {
  return `${articleLines(article).join('\n\n')}\n`;
}

export function renderTxt(content: EditionContent): string {
  const front = [content.edition.title, content.edition.date, content.labels.contents, ...content.articles.map((a) => a.heading)];
  const parts = [front.join('\n\n'), ...content.articles.map((a) => articleLines(a).join('\n\n'))];
  // Two blank lines before each article, one between its paragraphs.
  return `${parts.join('\n\n\n')}\n`;
}
