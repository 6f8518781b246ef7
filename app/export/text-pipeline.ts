import type { BlockClass } from '../segment/types.js';
import { diffHunks } from './text-diff.js';
import { normalizePunctuation } from './punctuation.js';
import { toScript, type EditionOptions } from './options.js';

/*
 * From a block's current text to the edition's paragraph, in three steps, each recorded so the
 * corrections report can show what the export itself changed:
 *
 *   punctuation  the halfwidth_punct judgement (when the edition asks for it); first, because
 *                rejected findings name offsets of the current text;
 *   whitespace   a paragraph is one line: line breaks inside it are joined (nothing between two
 *                Chinese characters, a space elsewhere), the ends trimmed, and characters no XML
 *                document may hold (control characters, lone surrogates) dropped, since DOCX and
 *                EPUB are XML;
 *   script       OpenCC conversion to the edition's script.
 */

export type TextStepKind = 'punctuation' | 'whitespace' | 'script';

export interface TextStep {
  step: TextStepKind;
  /** UTF-16 offset into the text as the step found it. */
  offset: number;
  before: string;
  after: string;
}

export interface CleanedText {
  text: string;
  steps: TextStep[];
}

/**
 * Characters XML 1.0 forbids, plus C1 controls and the byte-order mark (invisible noise in OCR
 * text). With the u flag a surrogate range matches only a lone surrogate, never half of a pair.
 */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFEFF\uFFFE\uFFFF\uD800-\uDFFF]/gu;
const LINE_BREAK = /[ \t\u3000]*(?:\r\n|[\n\r\u0085\u2028\u2029])[ \t\u3000]*/gu;
const LATIN_EDGE = /[\p{Script=Latin}\p{Nd}]/u;

/** One line of text: no line breaks, no characters XML refuses, no space at either end. */
export function normalizeWhitespace(text: string): string {
  const clean = text.replace(NOT_XML, '').replace(/\t/g, ' ');
  const joined = clean.replace(LINE_BREAK, (match: string, at: number, whole: string) => {
    const before = whole[at - 1];
    const after = whole[at + match.length];
    // Latin words on either side of the break need a space between them; Chinese needs none.
    return before !== undefined && after !== undefined && LATIN_EDGE.test(before) && LATIN_EDGE.test(after) ? ' ' : '';
  });
  return joined.trim();
}

export interface CleanOptions {
  cls: BlockClass;
  options: Pick<EditionOptions, 'script' | 'normalizePunctuation'>;
  /** Offsets (in the current text) of ASCII marks the editor kept by rejecting their finding. */
  keepAscii?: ReadonlySet<number>;
}

/** The edition's text for one block, with every change the export made to it. */
export function cleanParagraph(current: string, { cls, options, keepAscii }: CleanOptions): CleanedText {
  const steps: TextStep[] = [];
  let text = current;
  if (options.normalizePunctuation) {
    const result = normalizePunctuation(text, cls, keepAscii);
    for (const c of result.changes) steps.push({ step: 'punctuation', ...c });
    text = result.text;
  }
  const spaced = normalizeWhitespace(text);
  for (const h of diffHunks(text, spaced)) steps.push({ step: 'whitespace', ...h });
  text = spaced;
  const converted = toScript(text, options.script);
  // A conversion changes characters all through a paragraph: one step for the paragraph, not one
  // row per character, keeps the report readable.
  if (converted !== text) steps.push({ step: 'script', offset: 0, before: text, after: converted });
  return { text: converted, steps };
}

/**
 * Text that is not a block (an edition's title, a note made from a comment, a label) put in the
 * edition's form: the same punctuation, one line, the same script; no steps recorded, as it has
 * no OCR text to differ from.
 */
export function cleanApparatus(text: string, options: Pick<EditionOptions, 'script' | 'normalizePunctuation'>): string {
  return cleanParagraph(text, { cls: 'body', options }).text;
}
