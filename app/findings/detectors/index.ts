import type { DefectKind, TextDetector } from '../types.js';
import { detectCharError } from './char-error.js';
import { detectDupAdjacent } from './dup-adjacent.js';
import { detectHalfwidthPunct } from './halfwidth-punct.js';
import { detectLatinLeak } from './latin-leak.js';
import { detectMixedScript } from './mixed-script.js';
import { detectStraySpace } from './stray-space.js';

/**
 * The detectors that look inside one block's text, by the kind they find. Structural kinds
 * (broken, interleaved, misordered paragraphs, spliced duplicates) live in ../structure/.
 */
export const TEXT_DETECTORS: Partial<Record<DefectKind, TextDetector>> = {
  halfwidth_punct: detectHalfwidthPunct,
  stray_space: detectStraySpace,
  latin_leak: detectLatinLeak,
  mixed_script: detectMixedScript,
  dup_adjacent: detectDupAdjacent,
  char_error: detectCharError,
};
