import type { BlockClass } from '../../segment/types.js';

/** Blocks that carry an article's running text. */
export const RUNNING_TEXT: ReadonlySet<BlockClass> = new Set(['body', 'brief_opener', 'lead']);

/** Blocks that belong beside the running text, not inside it. */
export const PICTURE_MATTER: ReadonlySet<BlockClass> = new Set(['caption', 'credit']);

/** Blocks a reader skips when following a sentence from one column to the next. */
export const SKIPPABLE: ReadonlySet<BlockClass> = new Set(['caption', 'credit', 'other']);
