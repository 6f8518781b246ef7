import type { ScriptVerdict } from '../types.js';
import { standardTraditionalChar } from './convert.js';
import { scriptTables } from './tables.js';

/*
 * Which script a text is written in, from the characters that tell: a character counts as
 * distinctly simplified when OpenCC converts it to traditional and no traditional standard
 * (OpenCC's, Taiwan's, Hong Kong's) uses it — 发, 营, 这 — and as distinctly traditional when
 * OpenCC converts it to simplified and simplified text never uses it — 發, 營, 這, 裡. Characters
 * shared by both scripts (口, 市, 的) and one-to-many ones that are also valid in the other script
 * (后, 干, 里, 面 / 乾, 著) do not count.
 */

/** Fewer distinctive characters than this: the script is unknown. */
export const MIN_DISTINCTIVE = 3;
/** Share of the distinctive characters one script needs to be the verdict (otherwise 'mixed'). */
export const DOMINANCE = 0.9;

export function isDistinctlySimplified(char: string): boolean {
  const T = scriptTables();
  const t = T.st.get(char);
  return t !== undefined && t !== char && !T.traditionalValid.has(char);
}

export function isDistinctlyTraditional(char: string): boolean {
  const T = scriptTables();
  if (T.simplifiedValid.has(char)) return false;
  const std = standardTraditionalChar(char);
  if (std !== char) return true; // a regional traditional form (裡, 綫 …)
  const s = T.ts.get(std);
  return s !== undefined && s !== std;
}

export interface ScriptCount {
  verdict: ScriptVerdict;
  /** How many distinctly simplified / traditional characters the text has. */
  simplified: number;
  traditional: number;
}

export function countScript(text: string): { simplified: number; traditional: number } {
  let simplified = 0;
  let traditional = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x3400) continue; // below CJK: nothing distinctive
    if (isDistinctlySimplified(ch)) simplified++;
    else if (isDistinctlyTraditional(ch)) traditional++;
  }
  return { simplified, traditional };
}

/**
 * The script verdict of a text (a page, an article, a block): 'unknown' when fewer than
 * MIN_DISTINCTIVE characters tell, 'simplified' / 'traditional' when one side has at least
 * DOMINANCE of them, 'mixed' otherwise.
 */
export function scriptVerdict(text: string): ScriptCount {
  const { simplified, traditional } = countScript(text);
  const total = simplified + traditional;
  let verdict: ScriptVerdict;
  if (total < MIN_DISTINCTIVE) verdict = 'unknown';
  else if (simplified >= total * DOMINANCE) verdict = 'simplified';
  else if (traditional >= total * DOMINANCE) verdict = 'traditional';
  else verdict = 'mixed';
  return { verdict, simplified, traditional };
}

/** The majority script of a text's distinctive characters; 'unknown' when none tell or they tie. */
export function dominantScript(text: string): 'simplified' | 'traditional' | 'unknown' {
  const { simplified, traditional } = countScript(text);
  if (simplified > traditional) return 'simplified';
  if (traditional > simplified) return 'traditional';
  return 'unknown';
}
