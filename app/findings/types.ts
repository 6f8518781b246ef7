import type { BlockClass } from '../segment/types.js';

/** The defect kinds. These names are the contract: JSON output, UI label keys, evaluation. */
export const DEFECT_KINDS = [
  'dup_fragment',
  'dup_adjacent',
  'broken_paragraph',
  'interleaved_caption',
  'misordered_paragraph',
  'mixed_script',
  'halfwidth_punct',
  'stray_space',
  'latin_leak',
  'char_error',
] as const;

export type DefectKind = (typeof DEFECT_KINDS)[number];

export interface Bilingual {
  zh: string;
  en: string;
}

/** The script a page, article or run of text is written in. */
export type ScriptVerdict = 'simplified' | 'traditional' | 'mixed' | 'unknown';

/**
 * What a text-level detector finds inside one block's text. Offsets are UTF-16 offsets into that
 * text; text.slice(start, end) is the flagged text.
 */
export interface TextFinding {
  kind: DefectKind;
  start: number;
  end: number;
  message: Bilingual;
  /** 0..1: how sure the detector is that this is a defect. */
  confidence: number;
  /**
   * Replacement texts for [start, end), best first; the first is the suggested fix. Several when
   * the editor must choose (one-to-many script conversions, ranked character candidates). Empty
   * when the detector can only flag.
   */
  replacements: string[];
}

/** What a text-level detector may know about the text beyond the block itself. */
export interface TextContext {
  cls: BlockClass;
  /** The dominant script of the article (or page) the block belongs to. */
  script: ScriptVerdict;
}

export type TextDetector = (text: string, context: TextContext) => TextFinding[];

/** One finding as `qinggao check --json` prints it. */
export interface CheckFinding {
  /** The path as given on the command line. */
  file: string;
  type: DefectKind;
  /** UTF-16 offsets into the file's text as decoded (before any normalisation). */
  start: number;
  end: number;
  message: string;
  confidence: number;
  /** The suggested replacement for text.slice(start, end), or null when the detector only flags. */
  fix: string | null;
}

/** A page handed to the stateless checker: its name and decoded text. */
export interface PageText {
  file: string;
  text: string;
}
