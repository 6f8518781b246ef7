import type { Snippet } from '../../../app/search/highlight.js';

/*
 * A search hit's snippet as pieces to draw: plain text and highlighted terms. The API gives the
 * marks as offsets into the block's text, and the snippet's own start in that text.
 */

export interface SnippetPiece {
  text: string;
  mark: boolean;
}

export function snippetPieces(snippet: Pick<Snippet, 'start' | 'text' | 'marks'>): SnippetPiece[] {
  const pieces: SnippetPiece[] = [];
  const length = snippet.text.length;
  let at = 0;
  const marks = [...snippet.marks].sort((a, b) => a.start - b.start);
  for (const mark of marks) {
    const start = Math.max(at, Math.min(length, mark.start - snippet.start));
    const end = Math.max(start, Math.min(length, mark.end - snippet.start));
    if (end === start) continue;
    if (start > at) pieces.push({ text: snippet.text.slice(at, start), mark: false });
    pieces.push({ text: snippet.text.slice(start, end), mark: true });
    at = end;
  }
  if (at < length) pieces.push({ text: snippet.text.slice(at), mark: false });
  return pieces;
}
