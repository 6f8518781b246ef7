import { z } from 'zod';
import type { Library } from '../library.js';
import { LibraryError } from '../store/errors.js';
import { listSources } from '../store/sources.js';
import { getArticle, listArticles } from '../store/articles.js';
import { importPaths } from '../import/importer.js';
import {
  editBlockText, mergeArticles, moveBlock, reclassifyBlock, setArticleStatus, splitArticle,
} from '../edit/operations.js';
import { redoArticle, undoArticle } from '../revisions/undo.js';
import { listRevisions } from '../revisions/log.js';
import { restoreRevision } from '../revisions/restore.js';
import { countFindings, countFindingsByArticle, listFindings } from '../findings/library/findings-store.js';
import { acceptFinding, acceptFindings, previewAccept, rejectFinding } from '../findings/library/review.js';
import { API, type ApiMethod, type ApiParsedInput, type ApiProgress, type ApiResult, isApiMethod } from './contract.js';
import { analyzeLibrary } from '../jobs/analyze-library.js';
import { importUploads } from '../jobs/uploads.js';
import { jobRunnerFor, type JobRunner } from '../jobs/runner.js';
// Tags, campaigns, comments and full-text search:
import { searchArticles } from '../search/search.js';
import { deleteSavedSearch, listSavedSearches, saveSearch } from '../search/saved.js';
import { createTag, listTags, setTagKeywords } from '../tags/vocabulary.js';
import { mergeTags, renameTag } from '../tags/rename-merge.js';
import { bulkTag, listArticleTags, previewBulkTag, tagArticle, untagArticle } from '../tags/assign.js';
import { findSpanOccurrences, listSpanTags, tagSpan, tagSpanOccurrences, untagSpan } from '../tags/spans.js';
import { dismissSuggestion, suggestTags } from '../tags/suggest/suggest.js';
import { addGazetteerEntry, listGazetteer } from '../tags/suggest/gazetteer.js';
import { createCampaign, getCampaign, listCampaigns, nextInCampaign } from '../tags/campaigns.js';
import {
  addComment, getComment, listComments, reopenComment, replyToComment, resolveComment,
} from '../annotations/comments.js';
// Editions and export:
import { getEdition, listEditions, removeFromEdition, updateEdition } from '../export/edition-store.js';
import { addSelectionToEdition, createEditionFrom } from '../export/selection.js';
import { exportEdition } from '../export/export.js';

export interface HandlerContext {
  library: Library;
  onProgress?: (progress: ApiProgress) => void;
  /** Asked by long methods at their safe points (between files, batches); true stops them there. */
  shouldStop?: () => boolean;
  /** Runs startJob's jobs; by default the library's own runner (app/jobs/runner.ts). */
  jobs?: JobRunner;
}

export type ApiHandlers = {
  [M in ApiMethod]: (input: ApiParsedInput<M>, ctx: HandlerContext) => ApiResult<M>;
};

export const handlers: ApiHandlers = {
  listSources: (_input, { library }) => listSources(library.db),
  listArticles: (input, { library }) => listArticles(library.db, input),
  getArticle: ({ id }, { library }) => {
    const article = getArticle(library.db, id);
    if (!article) throw new LibraryError(`No article ${id} in this library.`);
    return article;
  },
  importPaths: ({ paths, allowReplacement }, { library, onProgress, shouldStop }) =>
    importPaths(library.db, paths, {
      allowReplacement,
      shouldStop,
      onProgress: (p) => onProgress?.({ method: 'importPaths', done: p.done, total: p.total, detail: p.file }),
    }),
  splitArticle: ({ articleId, blockId }, { library }) => splitArticle(library.db, articleId, blockId),
  mergeArticles: ({ firstId, secondId }, { library }) => mergeArticles(library.db, firstId, secondId),
  moveBlock: ({ blockId, targetArticleId, index }, { library }) => moveBlock(library.db, blockId, targetArticleId, index),
  reclassifyBlock: ({ blockId, cls }, { library }) => reclassifyBlock(library.db, blockId, cls),
  editBlockText: ({ blockId, text }, { library }) => editBlockText(library.db, blockId, text),
  setArticleStatus: ({ articleId, status }, { library }) => setArticleStatus(library.db, articleId, status),
  undo: ({ articleId }, { library }) => undoArticle(library.db, articleId),
  redo: ({ articleId }, { library }) => redoArticle(library.db, articleId),
  listRevisions: ({ articleId }, { library }) => listRevisions(library.db, articleId),
  listFindings: (filter, { library }) => listFindings(library.db, filter),
  countFindings: (_input, { library }) => countFindings(library.db),
  listArticleFindingCounts: (_input, { library }) => countFindingsByArticle(library.db),
  previewAccept: (filter, { library }) => previewAccept(library.db, filter),
  acceptFindings: (filter, { library }) => acceptFindings(library.db, filter),
  acceptFinding: ({ id, fix }, { library }) => acceptFinding(library.db, id, fix),
  rejectFinding: ({ id }, { library }) => rejectFinding(library.db, id),
  restoreRevision: ({ articleId, revisionId }, { library }) => restoreRevision(library.db, articleId, revisionId),
  importUploads: ({ files, allowReplacement }, { library, onProgress, shouldStop }) =>
    importUploads(library.db, files, {
      allowReplacement,
      shouldStop,
      onProgress: (p) => onProgress?.({ method: 'importUploads', done: p.done, total: p.total, detail: p.file }),
    }),
  analyzeLibrary: (_input, { library, onProgress, shouldStop }) =>
    analyzeLibrary(library.db, { shouldStop, onProgress: (p) => onProgress?.({ method: 'analyzeLibrary', ...p }) }),
  startJob: ({ method, input }, { library, jobs, onProgress }) => {
    // Checked now, so a bad input is refused to the caller instead of failing in the job.
    const parsed = API[method].input.safeParse(input ?? {});
    if (!parsed.success) throw new ApiError('invalid_input', `Invalid input for ${method}: ${z.prettifyError(parsed.error)}`);
    return (jobs ?? jobRunnerFor(library)).start(method, parsed.data, onProgress);
  },
  jobStatus: ({ jobId }, { library, jobs }) => (jobs ?? jobRunnerFor(library)).status(jobId),
  cancelJob: ({ jobId }, { library, jobs }) => (jobs ?? jobRunnerFor(library)).cancel(jobId),
  // ── Tags, campaigns, comments and full-text search (app/tags, app/annotations, app/search) ──
  search: ({ limit, offset, ...spec }, { library }) => searchArticles(library.db, spec, { limit, offset }),
  listSavedSearches: (_input, { library }) => listSavedSearches(library.db),
  saveSearch: (input, { library }) => saveSearch(library.db, input),
  deleteSavedSearch: ({ id }, { library }) => {
    deleteSavedSearch(library.db, id);
    return { deleted: id };
  },
  listTags: (_input, { library }) => listTags(library.db),
  createTag: ({ path }, { library }) => createTag(library.db, path),
  renameTag: ({ id, name, parent }, { library }) => renameTag(library.db, id, { name, parent }),
  mergeTags: ({ sourceId, targetId }, { library }) => mergeTags(library.db, sourceId, targetId),
  setTagKeywords: ({ id, keywords }, { library }) => setTagKeywords(library.db, id, keywords),
  getArticleTags: ({ articleId }, { library }) => {
    if (!getArticle(library.db, articleId)) throw new LibraryError(`No article ${articleId} in this library.`);
    return { tags: listArticleTags(library.db, articleId), spans: listSpanTags(library.db, articleId) };
  },
  tagArticle: ({ articleId, tag }, { library }) => tagArticle(library.db, articleId, tag),
  untagArticle: ({ articleId, tag }, { library }) => untagArticle(library.db, articleId, tag),
  previewBulkTag: ({ search, tag, untag }, { library }) => previewBulkTag(library.db, search, tag, untag),
  bulkTag: ({ search, tag, untag }, { library }) => bulkTag(library.db, search, tag, untag),
  tagSpan: ({ tag, ...place }, { library }) => tagSpan(library.db, place, tag),
  untagSpan: ({ id }, { library }) => untagSpan(library.db, id),
  previewSpanOccurrences: ({ text, tag, articleId }, { library }) => findSpanOccurrences(library.db, text, tag, articleId),
  tagSpanOccurrences: ({ text, tag, articleId, only }, { library }) =>
    tagSpanOccurrences(library.db, text, tag, { articleId, only }),
  suggestTags: ({ articleId }, { library }) => suggestTags(library.db, articleId),
  dismissSuggestion: ({ articleId, tagPath }, { library }) => dismissSuggestion(library.db, articleId, tagPath),
  listGazetteer: (_input, { library }) => listGazetteer(library.db),
  addGazetteerEntry: (input, { library }) => addGazetteerEntry(library.db, input),
  listCampaigns: (_input, { library }) => listCampaigns(library.db),
  getCampaign: ({ id }, { library }) => getCampaign(library.db, id),
  createCampaign: (input, { library }) => createCampaign(library.db, input),
  nextInCampaign: ({ id, after }, { library }) => nextInCampaign(library.db, id, after),
  listComments: (filter, { library }) => listComments(library.db, filter),
  getComment: ({ id }, { library }) => getComment(library.db, id),
  addComment: ({ body, blockId, start, endBlockId, end }, { library }) =>
    addComment(library.db, { blockId, start, endBlockId: endBlockId ?? blockId, end }, body),
  replyToComment: ({ id, body }, { library }) => replyToComment(library.db, id, body),
  resolveComment: ({ id, note }, { library }) => resolveComment(library.db, id, note),
  reopenComment: ({ id, note }, { library }) => reopenComment(library.db, id, note),
  // ── Editions and export (app/export) ──
  listEditions: (_input, { library }) => listEditions(library.db),
  getEdition: ({ edition }, { library }) => getEdition(library.db, edition),
  createEdition: (input, { library }) => createEditionFrom(library.db, input),
  updateEdition: ({ edition, ...update }, { library }) => updateEdition(library.db, edition, update),
  addToEdition: ({ edition, articles, at }, { library }) => addSelectionToEdition(library.db, edition, articles, at),
  removeFromEdition: ({ edition, articleIds }, { library }) => removeFromEdition(library.db, edition, articleIds),
  exportEdition: (input, { library, onProgress, shouldStop }) =>
    exportEdition(library.db, input, { shouldStop, onProgress: (p) => onProgress?.({ method: 'exportEdition', ...p }) }),
};

/** An error a transport reports to its caller as is: bad method, bad input, or a refused action. */
export class ApiError extends Error {
  constructor(readonly code: 'unknown_method' | 'invalid_input' | 'refused', message: string) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Validates a call from any transport and runs its handler. */
export function dispatch(method: string, rawInput: unknown, ctx: HandlerContext): unknown {
  if (!isApiMethod(method)) throw new ApiError('unknown_method', `Unknown API method "${method}".`);
  const parsed = API[method].input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    throw new ApiError('invalid_input', `Invalid input for ${method}: ${z.prettifyError(parsed.error)}`);
  }
  const handler = handlers[method] as (input: unknown, ctx: HandlerContext) => unknown;
  try {
    return handler(parsed.data, ctx);
  } catch (err) {
    if (err instanceof LibraryError) throw new ApiError('refused', err.message);
    throw err;
  }
}
