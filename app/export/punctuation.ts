import { detectHalfwidthPunct } from '../findings/detectors/halfwidth-punct.js';
import type { BlockClass } from '../segment/types.js';

/*
 * Punctuation normalisation for an edition: ASCII , : ; ( ) ! ? used as Chinese punctuation become
 * full-width. Which marks are Chinese punctuation is the halfwidth_punct detector's judgement
 * (neighbours, thousands separators, times, URLs, parentheses as pairs), not a blind replace, so
 * "2,000", "12:30" and URLs stay as they are. A mark an editor rejected a finding for stays too.
 */

export interface PunctuationChange {
  /** UTF-16 offset of the mark in the text given. */
  offset: number;
  before: string;
  after: string;
}

/**
 * The text with the detector's replacements applied, and each replacement. `keep` holds offsets
 * the editor decided against (rejected halfwidth_punct findings). Replacements are one character
 * for one, so offsets stay valid.
 */
export function normalizePunctuation(
  text: string,
  cls: BlockClass,
  keep: ReadonlySet<number> = new Set(),
): { text: string; changes: PunctuationChange[] } {
  // The detector's verdicts rest on the characters around each mark; the script does not matter.
  const findings = detectHalfwidthPunct(text, { cls, script: 'unknown' });
  const changes: PunctuationChange[] = [];
  let out = '';
  let at = 0;
  for (const f of findings) {
    const replacement = f.replacements[0];
    if (replacement === undefined || keep.has(f.start) || f.start < at) continue;
    out += text.slice(at, f.start) + replacement;
    changes.push({ offset: f.start, before: text.slice(f.start, f.end), after: replacement });
    at = f.end;
  }
  return { text: out + text.slice(at), changes };
}
