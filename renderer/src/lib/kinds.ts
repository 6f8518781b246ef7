import type { DefectKind } from '../../../app/findings/types.js';
import type { BlockClass } from '../../../app/segment/types.js';
import type { ArticleStatus } from '../../../app/store/articles.js';

/*
 * The renderer may import only types from app/, so the lists it iterates over are repeated here.
 * Each is checked against app/'s type both ways: a name added there and missing here (or the
 * reverse) is a type error.
 */

type Exactly<List extends readonly string[], Union extends string> = [Exclude<Union, List[number]>] extends [never]
  ? [Exclude<List[number], Union>] extends [never]
    ? List
    : never
  : never;

function exactly<Union extends string>() {
  return <const List extends readonly Union[]>(list: Exactly<List, Union>) => list;
}

export const DEFECT_KIND_NAMES = exactly<DefectKind>()([
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
]);

export const BLOCK_CLASS_NAMES = exactly<BlockClass>()([
  'headline',
  'subhead',
  'byline',
  'lead',
  'brief_opener',
  'body',
  'caption',
  'credit',
  'section',
  'other',
]);

/** The status workflow, in order. */
export const ARTICLE_STATUS_NAMES = exactly<ArticleStatus>()(['raw', 'in_review', 'clean', 'approved']);
