import type { Db } from '../store/database.js';
import { getArticle, type ArticleDetail, type ArticleStatus, type Block } from '../store/articles.js';
import type { BlockClass } from '../segment/types.js';
import { listFindings } from '../findings/library/findings-store.js';
import type { Edition } from './edition-store.js';
import { cleanApparatus, cleanParagraph } from './text-pipeline.js';
import { languageTag, type EditionOptions } from './options.js';
import { readArticleAnnotations, type ArticleAnnotations, type ExportComment } from './peers.js';
import { revisionChangesByArticle, type Change } from './provenance.js';

/*
 * An edition gathered for export: every article's paragraphs as the edition prints them (after the
 * text pipeline), in order, with what the richer formats need besides (blocks, tags, comments,
 * provenance). The format renderers (formats/) only read this; they never touch the library.
 */

/** How a paragraph is printed: the block classes an edition keeps, and notes made from comments. */
export type ParagraphKind = 'subhead' | 'byline' | 'lead' | 'brief_opener' | 'body' | 'caption' | 'credit' | 'note';

export interface ExportParagraph {
  kind: ParagraphKind;
  text: string;
  /** The block it prints (for a note: the comment's block); null for a detached comment's note. */
  blockId: number | null;
}

/** Why a block is not in the edition's text. */
export type OmittedBecause = 'section' | 'other' | 'caption' | 'credit' | 'empty';

export interface ExportBlock {
  id: number;
  cls: BlockClass;
  originalClass: BlockClass;
  /** The edition's text, or null when the block is left out. */
  text: string | null;
  omittedBecause: OmittedBecause | null;
  /** The text in the library now. */
  currentText: string;
  /** The block as OCR gave it. */
  ocrText: string;
}

export interface ExportArticle {
  id: number;
  /** 1-based place in this export. */
  number: number;
  /** The id its heading carries in HTML, EPUB and DOCX (for the table of contents). */
  anchor: string;
  sourceId: number;
  sourceName: string;
  section: string | null;
  status: ArticleStatus;
  reporters: string[];
  /** The heading as printed: the headline, or (none) the start of the first paragraph. */
  heading: string;
  /** The block the heading prints, null when it was made from the first paragraph. */
  headingBlockId: number | null;
  paragraphs: ExportParagraph[];
  blocks: ExportBlock[];
  /** Read when a format needs them (JSON, or notes from comments). */
  annotations: ArticleAnnotations | null;
  /** Read when a format needs them (JSON, the corrections report). */
  changes: Change[] | null;
}

export type SkipReason = 'not_in_library' | 'not_approved' | 'empty';

export interface SkippedArticle {
  articleId: number;
  reason: SkipReason;
}

export interface EditionContent {
  edition: Pick<Edition, 'id' | 'uid' | 'name' | 'date'> & { title: string; options: EditionOptions };
  /** BCP 47 tag of the text's language and script. */
  lang: string;
  labels: { contents: string };
  articles: ExportArticle[];
  skipped: SkippedArticle[];
}

export interface AssembleNeeds {
  annotations: boolean;
  provenance: boolean;
}

export interface AssembleHooks {
  onArticle?: (done: number, total: number, detail: string) => void;
  /** Asked between articles; true stops gathering (the export is then cancelled). */
  shouldStop?: () => boolean;
}

/** Blocks that are never edition text: column banners (the article's section says it) and adverts. */
const NEVER_PRINTED: Partial<Record<BlockClass, OmittedBecause>> = { section: 'section', other: 'other' };

/** A heading for an article without a headline: the start of its first paragraph. */
const MADE_HEADING_LENGTH = 16;

function omission(cls: BlockClass, options: EditionOptions): OmittedBecause | null {
  const never = NEVER_PRINTED[cls];
  if (never) return never;
  if (cls === 'caption' && !options.captions) return 'caption';
  if (cls === 'credit' && !options.credits) return 'credit';
  return null;
}

function paragraphKind(cls: BlockClass): ParagraphKind {
  // A second headline block (a kicker or a two-deck headline) prints as a subheading.
  if (cls === 'headline') return 'subhead';
  return cls as ParagraphKind;
}

/** Offsets of ASCII marks an editor kept by rejecting their halfwidth_punct finding, by block. */
function keptMarks(db: Db, articleId: number): Map<number, Set<number>> {
  const kept = new Map<number, Set<number>>();
  for (const f of listFindings(db, { articleId, states: ['rejected'], kinds: ['halfwidth_punct'] })) {
    if (f.blockId !== f.endBlockId) continue;
    const set = kept.get(f.blockId) ?? new Set<number>();
    set.add(f.start);
    kept.set(f.blockId, set);
  }
  return kept;
}

const QUOTE_LENGTH = 24;

function shorten(text: string, length: number): string {
  const chars = Array.from(text);
  return chars.length > length ? `${chars.slice(0, length).join('')}…` : text;
}

/** A comment as one paragraph: 〔注〕“quoted text” author：comment；author：reply… */
function noteText(comment: ExportComment, options: EditionOptions): string {
  const voices = [`${comment.author}：${comment.body}`];
  for (const e of comment.entries) if (e.body.trim()) voices.push(`${e.author}：${e.body}`);
  return cleanApparatus(`〔注〕“${shorten(comment.anchor.quote, QUOTE_LENGTH)}” ${voices.join('；')}`, options);
}

function wantsNote(comment: ExportComment, options: EditionOptions): boolean {
  return options.notes === 'all' || (options.notes === 'open' && comment.state === 'open');
}

function assembleArticle(
  db: Db,
  article: ArticleDetail,
  number: number,
  options: EditionOptions,
  needs: AssembleNeeds,
  changes: Change[] | undefined,
): ExportArticle | null {
  const kept = options.normalizePunctuation ? keptMarks(db, article.id) : new Map<number, Set<number>>();
  const annotations = needs.annotations || options.notes !== 'none' ? readArticleAnnotations(db, article.id) : null;
  const exportChanges: Change[] = [];
  const blocks: ExportBlock[] = [];
  const paragraphs: ExportParagraph[] = [];
  let heading: string | null = null;
  let headingBlockId: number | null = null;

  const notesAfter = new Map<number, ExportComment[]>();
  const looseNotes: ExportComment[] = [];
  for (const c of annotations?.comments ?? []) {
    if (!wantsNote(c, options)) continue;
    if (c.anchor.detached) looseNotes.push(c);
    else notesAfter.set(c.anchor.endBlockId, [...(notesAfter.get(c.anchor.endBlockId) ?? []), c]);
  }

  const omit = (block: Block, because: OmittedBecause) => {
    blocks.push({ id: block.id, cls: block.cls, originalClass: block.originalClass, text: null, omittedBecause: because, currentText: block.text, ocrText: block.originalText });
    exportChanges.push({
      articleId: article.id, blockId: block.id, source: 'omitted', field: 'presence', offset: null,
      before: block.text, after: '', revision: null, finding: null,
    });
  };

  for (const block of article.blocks) {
    const because = omission(block.cls, options);
    if (because) {
      omit(block, because);
      // A comment on a block left out still reads after the text before it.
      looseNotes.push(...(notesAfter.get(block.id) ?? []));
      continue;
    }
    const cleaned = cleanParagraph(block.text, { cls: block.cls, options, keepAscii: kept.get(block.id) });
    if (!cleaned.text) {
      omit(block, 'empty');
      looseNotes.push(...(notesAfter.get(block.id) ?? []));
      continue;
    }
    for (const s of cleaned.steps) {
      exportChanges.push({
        articleId: article.id, blockId: block.id, source: s.step, field: 'text', offset: s.offset,
        before: s.before, after: s.after, revision: null, finding: null,
      });
    }
    blocks.push({ id: block.id, cls: block.cls, originalClass: block.originalClass, text: cleaned.text, omittedBecause: null, currentText: block.text, ocrText: block.originalText });
    if (block.cls === 'headline' && heading === null) {
      heading = cleaned.text;
      headingBlockId = block.id;
    } else {
      paragraphs.push({ kind: paragraphKind(block.cls), text: cleaned.text, blockId: block.id });
    }
    for (const c of notesAfter.get(block.id) ?? []) paragraphs.push({ kind: 'note', text: noteText(c, options), blockId: block.id });
  }
  for (const c of looseNotes) paragraphs.push({ kind: 'note', text: noteText(c, options), blockId: null });

  const printed = paragraphs.filter((p) => p.kind !== 'note');
  if (heading === null && printed.length === 0) return null;
  heading ??= shorten(printed[0]!.text, MADE_HEADING_LENGTH);

  return {
    id: article.id,
    number,
    anchor: `article-${article.id}`,
    sourceId: article.sourceId,
    sourceName: article.sourceName,
    section: article.section,
    status: article.status,
    reporters: article.reporters,
    heading,
    headingBlockId,
    paragraphs,
    blocks,
    annotations: needs.annotations ? annotations : null,
    changes: changes ? [...changes, ...exportChanges] : null,
  };
}

/** Gathers an edition's articles for export, in the edition's order, with the options given. */
export function assembleEdition(
  db: Db,
  edition: Omit<Edition, 'articles'>,
  articleIds: readonly number[],
  options: EditionOptions,
  needs: AssembleNeeds,
  hooks: AssembleHooks = {},
): EditionContent | null {
  const skipped: SkippedArticle[] = [];
  const details: ArticleDetail[] = [];
  for (const id of articleIds) {
    const article = getArticle(db, id);
    if (!article) skipped.push({ articleId: id, reason: 'not_in_library' });
    else if (options.approvedOnly && article.status !== 'approved') skipped.push({ articleId: id, reason: 'not_approved' });
    else details.push(article);
  }

  let revisionChanges: Map<number, Change[]> | undefined;
  if (needs.provenance) {
    const liveBlocks = new Map(details.flatMap((a) => a.blocks.map((b) => [b.id, a.id] as const)));
    revisionChanges = revisionChangesByArticle(db, details.map((a) => a.id), liveBlocks);
  }

  const articles: ExportArticle[] = [];
  for (const [i, detail] of details.entries()) {
    if (hooks.shouldStop?.()) return null;
    const assembled = assembleArticle(db, detail, articles.length + 1, options, needs, revisionChanges?.get(detail.id));
    if (assembled) articles.push(assembled);
    else skipped.push({ articleId: detail.id, reason: 'empty' });
    hooks.onArticle?.(i + 1, details.length, assembled?.heading ?? detail.headline ?? `#${detail.id}`);
  }
  const place = new Map(articleIds.map((id, i) => [id, i]));
  skipped.sort((a, b) => place.get(a.articleId)! - place.get(b.articleId)!);

  return {
    edition: {
      id: edition.id,
      uid: edition.uid,
      name: edition.name,
      date: edition.date,
      title: cleanApparatus(edition.title, options) || edition.name,
      options,
    },
    lang: languageTag(options.script),
    labels: { contents: cleanApparatus('目录', options) },
    articles,
    skipped,
  };
}
