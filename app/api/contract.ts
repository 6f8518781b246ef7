import { z } from 'zod';
import type { SourceSummary } from '../store/sources.js';
import type { ArticleDetail, ArticleListItem } from '../store/articles.js';
import type { Revision } from '../revisions/log.js';
import type { ImportReport } from '../import/importer.js';
import type { ArticleFindingCounts, Finding, FindingCounts } from '../findings/library/findings-store.js';
import type { AcceptPreview, AcceptResult } from '../findings/library/review.js';
import { DEFECT_KINDS } from '../findings/types.js';
import type { AnalyzeReport } from '../jobs/analyze-library.js';
// Tags, campaigns, comments and full-text search:
import { ARTICLE_STATUSES } from '../store/articles.js';
import type { SearchResult } from '../search/search.js';
import type { SavedSearch } from '../search/saved.js';
import type { Tag, TagInfo } from '../tags/vocabulary.js';
import type { ArticleTag, BulkTagPreview, BulkTagResult } from '../tags/assign.js';
import type { SpanOccurrencesPreview, SpanTag, SpanTagAllResult } from '../tags/spans.js';
import type { Campaign, CampaignQueueItem } from '../tags/campaigns.js';
import type { TagSuggestion } from '../tags/suggest/suggest.js';
import type { GazetteerEntry } from '../tags/suggest/gazetteer.js';
import type { Comment } from '../annotations/comments.js';
// Editions and export:
import type { Edition, EditionChange, EditionSummary } from '../export/edition-store.js';
import type { ExportReport } from '../export/export.js';
import { EXPORT_FORMATS } from '../export/formats/format-names.js';
import { SCRIPT_CHOICES, editionOptionsPatchSchema } from '../export/options.js';

/*
 * The one contract every transport serves: Electron IPC, HTTP (`qinggao serve`) and the CLI.
 * Adding a method: declare it here (result type and input schema), then add its handler in
 * handlers.ts; a transport that misses it fails to typecheck.
 */

const returns = <R>() => <I extends z.ZodType>(input: I) => ({ input, result: undefined as unknown as R });

const id = z.number().int().positive();

const findingFilter = z.object({
  articleId: id.optional(),
  sourceId: id.optional(),
  kinds: z.array(z.enum(DEFECT_KINDS)).optional(),
  minConfidence: z.number().min(0).max(1).optional(),
  ids: z.array(id).optional(),
});

/*
 * Long work runs as a job, off the serving thread (app/jobs): startJob answers at once with an id,
 * jobStatus reports progress and the outcome (poll it, ~200 ms, on any transport), cancelJob asks
 * the job to stop at its next safe point (between files, between batches of articles).
 */
export const JOB_METHODS = ['importPaths', 'importUploads', 'acceptFindings', 'analyzeLibrary', 'exportEdition'] as const;
export type JobMethod = (typeof JOB_METHODS)[number];
export type JobState = 'running' | 'done' | 'failed' | 'cancelled';

export interface JobStatus {
  jobId: string;
  method: JobMethod;
  state: JobState;
  done: number;
  total: number;
  detail: string;
  /** When done, or cancelled part-way (what finished before the stop, e.g. the files imported). */
  result?: ImportReport | AcceptResult | AnalyzeReport | ExportReport;
  /** When failed. */
  error?: { code: 'invalid_input' | 'refused' | 'internal'; message: string };
}

const jobId = z.string().min(1).max(100);

/** A file a browser gives (file input, drag and drop): its name, with folders if dropped in one, and its bytes. */
const uploadedFile = z.object({
  name: z.string().min(1).max(4096),
  base64: z.string().refine((s) => s.length % 4 === 0 && !/[^A-Za-z0-9+/=]/.test(s), 'must be base64'),
});

/* ── Tags, campaigns, comments and full-text search: inputs (app/tags, app/annotations, app/search) ── */

/** A tag: its id, or its path ("Place/营口/鲅鱼圈区"); tagging with a path that does not exist creates it. */
const tagRef = z.union([id, z.string().trim().min(1).max(500)]);

/** What a search (or a bulk action, or a campaign's scope) selects; every filter must hold. */
const searchFilters = z.object({
  tags: z.array(tagRef).optional(),
  excludeTags: z.array(tagRef).optional(),
  campaign: id.optional(),
  statuses: z.array(z.enum(ARTICLE_STATUSES)).optional(),
  section: z.string().optional(),
  reporter: z.string().optional(),
  sourceId: id.optional(),
  findingKinds: z.array(z.enum(DEFECT_KINDS)).optional(),
});
const searchSpec = z.object({ query: z.string().max(1000).optional(), filters: searchFilters.optional() });
const nonNegative = z.number().int().min(0);
/** UTF-16 offsets into blocks' current text, from (blockId, start) to (endBlockId ?? blockId, end). */
const textRange = z.object({ blockId: id, start: nonNegative, endBlockId: id.optional(), end: nonNegative });
const spanPlace = z.object({ blockId: id, start: nonNegative, end: nonNegative });
const commentText = z.string().min(1).max(20_000);
const bulkTagInput = z.object({ search: searchSpec, tag: tagRef, untag: z.boolean().optional() });

/* ── Editions and export: inputs (app/export) ── */

/** An edition: its id, or its name (names are unique). */
const editionRef = z.union([id, z.string().trim().min(1).max(200)]);
const editionText = z.string().trim().min(1).max(500);
const editionDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');
/** Which articles: by id (in the order given), every article, a search's matches, or a campaign's (tagged) articles. */
const editionSelection = z.union([
  z.object({ articleIds: z.array(id).min(1) }).strict(),
  z.object({ all: z.literal(true) }).strict(),
  z.object({ search: searchSpec }).strict(),
  z.object({ campaign: z.union([id, z.string().trim().min(1).max(200)]) }).strict(),
]);

export const API = {
  listSources: returns<SourceSummary[]>()(z.object({})),
  listArticles: returns<ArticleListItem[]>()(z.object({ sourceId: id.optional() })),
  getArticle: returns<ArticleDetail>()(z.object({ id })),
  importPaths: returns<ImportReport>()(
    z.object({ paths: z.array(z.string().min(1)).min(1), allowReplacement: z.boolean().optional() }),
  ),
  splitArticle: returns<Revision>()(z.object({ articleId: id, blockId: id })),
  mergeArticles: returns<Revision>()(z.object({ firstId: id, secondId: id })),
  moveBlock: returns<Revision>()(z.object({ blockId: id, targetArticleId: id, index: z.number().int().min(0).optional() })),
  reclassifyBlock: returns<Revision>()(z.object({ blockId: id, cls: z.string() })),
  editBlockText: returns<Revision>()(z.object({ blockId: id, text: z.string() })),
  setArticleStatus: returns<Revision>()(z.object({ articleId: id, status: z.string() })),
  undo: returns<Revision>()(z.object({ articleId: id })),
  redo: returns<Revision>()(z.object({ articleId: id })),
  listRevisions: returns<Revision[]>()(z.object({ articleId: id })),
  listFindings: returns<Finding[]>()(
    findingFilter.extend({
      states: z.array(z.enum(['open', 'accepted', 'rejected', 'retired'])).optional(),
      limit: z.number().int().positive().max(10_000).optional(),
      offset: z.number().int().min(0).optional(),
    }),
  ),
  countFindings: returns<FindingCounts>()(z.object({})),
  listArticleFindingCounts: returns<ArticleFindingCounts>()(z.object({})),
  previewAccept: returns<AcceptPreview>()(findingFilter),
  acceptFindings: returns<AcceptResult>()(findingFilter),
  acceptFinding: returns<AcceptResult>()(z.object({ id, fix: z.number().int().min(0).optional() })),
  rejectFinding: returns<Revision>()(z.object({ id })),
  restoreRevision: returns<Revision>()(z.object({ articleId: id, revisionId: id })),
  importUploads: returns<ImportReport>()(
    z.object({ files: z.array(uploadedFile).min(1), allowReplacement: z.boolean().optional() }),
  ),
  analyzeLibrary: returns<AnalyzeReport>()(z.object({})),
  /** `input` is the method's own input, validated against its schema before the job starts. */
  startJob: returns<{ jobId: string }>()(z.object({ method: z.enum(JOB_METHODS), input: z.unknown() })),
  jobStatus: returns<JobStatus>()(z.object({ jobId })),
  cancelJob: returns<JobStatus>()(z.object({ jobId })),
  // ── Tags, campaigns, comments and full-text search (app/tags, app/annotations, app/search) ──
  search: returns<SearchResult>()(searchSpec.extend({ limit: z.number().int().min(0).max(500).optional(), offset: nonNegative.optional() })),
  listSavedSearches: returns<SavedSearch[]>()(z.object({})),
  /** Saves a new search, or changes the saved search `id`. */
  saveSearch: returns<SavedSearch>()(searchSpec.extend({ id: id.optional(), name: z.string().min(1).max(200) })),
  deleteSavedSearch: returns<{ deleted: number }>()(z.object({ id })),
  listTags: returns<TagInfo[]>()(z.object({})),
  createTag: returns<Tag>()(z.object({ path: z.string().min(1).max(500) })),
  /** Renames and/or moves a tag (parent null: a vocabulary of its own); a revision. */
  renameTag: returns<Revision>()(
    z.object({ id, name: z.string().min(1).max(200).optional(), parent: tagRef.nullable().optional() }),
  ),
  mergeTags: returns<Revision>()(z.object({ sourceId: id, targetId: id })),
  setTagKeywords: returns<Tag>()(z.object({ id, keywords: z.array(z.string().max(100)).max(500) })),
  getArticleTags: returns<{ tags: ArticleTag[]; spans: SpanTag[] }>()(z.object({ articleId: id })),
  tagArticle: returns<Revision>()(z.object({ articleId: id, tag: tagRef })),
  untagArticle: returns<Revision>()(z.object({ articleId: id, tag: tagRef })),
  previewBulkTag: returns<BulkTagPreview>()(bulkTagInput),
  /** Tags (untags) every article the search matches: one revision, one undo. */
  bulkTag: returns<BulkTagResult>()(bulkTagInput),
  tagSpan: returns<Revision>()(spanPlace.extend({ tag: tagRef })),
  untagSpan: returns<Revision>()(z.object({ id })),
  /** Every occurrence of exactly `text` in the article, or in the library when no article is given. */
  previewSpanOccurrences: returns<SpanOccurrencesPreview>()(
    z.object({ text: z.string().min(1).max(200), tag: tagRef.optional(), articleId: id.optional() }),
  ),
  /** Tags the occurrences the preview showed (or `only` those chosen), as one revision. */
  tagSpanOccurrences: returns<SpanTagAllResult>()(
    z.object({ text: z.string().min(1).max(200), tag: tagRef, articleId: id.optional(), only: z.array(spanPlace).optional() }),
  ),
  /** Accept a suggestion with tagArticle({ articleId, tag: suggestion.tagPath }). */
  suggestTags: returns<TagSuggestion[]>()(z.object({ articleId: id })),
  dismissSuggestion: returns<TagSuggestion[]>()(z.object({ articleId: id, tagPath: z.string().min(1).max(500) })),
  listGazetteer: returns<GazetteerEntry[]>()(z.object({})),
  addGazetteerEntry: returns<GazetteerEntry>()(
    z.object({
      name: z.string().min(1).max(100),
      aliases: z.array(z.string().max(100)).max(50).optional(),
      tagPath: z.string().min(1).max(500),
      region: z.string().max(100).nullable().optional(),
    }),
  ),
  listCampaigns: returns<Campaign[]>()(z.object({})),
  getCampaign: returns<Campaign>()(z.object({ id })),
  /** A campaign's scope: a saved search (searchId) or a query and filters saved with it (search). */
  createCampaign: returns<Campaign>()(
    z.object({ name: z.string().min(1).max(200), tag: tagRef, searchId: id.optional(), search: searchSpec.optional() }),
  ),
  /** The next untagged article in the campaign's scope (after `after`, wrapping round). */
  nextInCampaign: returns<CampaignQueueItem>()(z.object({ id, after: id.optional() })),
  listComments: returns<Comment[]>()(
    z.object({
      state: z.enum(['open', 'resolved', 'all']).optional(),
      articleId: id.optional(),
      sourceId: id.optional(),
      author: z.string().optional(),
      detached: z.boolean().optional(),
      text: z.string().max(200).optional(),
      limit: z.number().int().positive().max(10_000).optional(),
      offset: nonNegative.optional(),
    }),
  ),
  getComment: returns<Comment>()(z.object({ id })),
  addComment: returns<Comment>()(textRange.extend({ body: commentText })),
  replyToComment: returns<Comment>()(z.object({ id, body: commentText })),
  resolveComment: returns<Comment>()(z.object({ id, note: z.string().max(20_000).optional() })),
  reopenComment: returns<Comment>()(z.object({ id, note: z.string().max(20_000).optional() })),
  // ── Editions and export (app/export) ──
  listEditions: returns<EditionSummary[]>()(z.object({})),
  getEdition: returns<Edition>()(z.object({ edition: editionRef })),
  /** Title defaults to the name, date to today; options not given take their defaults. */
  createEdition: returns<Edition>()(
    z.object({
      name: editionText,
      title: editionText.optional(),
      date: editionDate.optional(),
      options: editionOptionsPatchSchema.optional(),
      articles: editionSelection.optional(),
    }),
  ),
  /** `order`: the edition's articles, every one once, in their new order. Options given are merged. */
  updateEdition: returns<Edition>()(
    z.object({
      edition: editionRef,
      name: editionText.optional(),
      title: editionText.optional(),
      date: editionDate.optional(),
      options: editionOptionsPatchSchema.optional(),
      order: z.array(id).optional(),
    }),
  ),
  /** Adds at the end (or before position `at`); articles already in the edition stay where they are. */
  addToEdition: returns<EditionChange>()(z.object({ edition: editionRef, articles: editionSelection, at: nonNegative.optional() })),
  removeFromEdition: returns<EditionChange>()(z.object({ edition: editionRef, articleIds: z.array(id).min(1) })),
  /**
   * Writes the edition (atomically; an existing file only with force). `out`: a file, or a folder
   * to write `<edition name>.<format>` into (the articles' files with perArticle: txt, md). Long
   * for a large edition: run it with startJob for progress and cancel.
   */
  exportEdition: returns<ExportReport>()(
    z.object({
      edition: editionRef,
      format: z.enum(EXPORT_FORMATS),
      out: z.string().min(1).max(4096),
      perArticle: z.boolean().optional(),
      script: z.enum(SCRIPT_CHOICES).optional(),
      force: z.boolean().optional(),
    }),
  ),
} as const;

export type ApiMethod = keyof typeof API;
export type ApiInput<M extends ApiMethod> = z.input<(typeof API)[M]['input']>;
export type ApiParsedInput<M extends ApiMethod> = z.output<(typeof API)[M]['input']>;
export type ApiResult<M extends ApiMethod> = (typeof API)[M]['result'];

/** Progress of long work, streamed to whoever called. */
export interface ApiProgress {
  method: ApiMethod;
  done: number;
  total: number;
  detail: string;
}

/** What a renderer or script holds: every method, returning a promise, transport unknown. */
export type ApiClient = { [M in ApiMethod]: (input: ApiInput<M>) => Promise<ApiResult<M>> };

export const API_METHODS = Object.keys(API) as ApiMethod[];

export function isApiMethod(name: string): name is ApiMethod {
  return Object.hasOwn(API, name);
}
