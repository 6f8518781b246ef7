export {
  convertScript,
  toTraditional,
  toSimplified,
  traditionalAlternatives,
  simplifiedAlternatives,
  traditionalLocaleOf,
  type ScriptTarget,
  type TraditionalLocale,
} from './convert.js';
export {
  scriptVerdict,
  dominantScript,
  countScript,
  isDistinctlySimplified,
  isDistinctlyTraditional,
  MIN_DISTINCTIVE,
  DOMINANCE,
  type ScriptCount,
} from './script.js';
