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
import { countFindings, listFindings } from '../findings/library/findings-store.js';
import { acceptFinding, acceptFindings, previewAccept, rejectFinding } from '../findings/library/review.js';
import { API, type ApiMethod, type ApiParsedInput, type ApiProgress, type ApiResult, isApiMethod } from './contract.js';

export interface HandlerContext {
  library: Library;
  onProgress?: (progress: ApiProgress) => void;
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
  importPaths: ({ paths, allowReplacement }, { library, onProgress }) =>
    importPaths(library.db, paths, {
      allowReplacement,
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
  previewAccept: (filter, { library }) => previewAccept(library.db, filter),
  acceptFindings: (filter, { library }) => acceptFindings(library.db, filter),
  acceptFinding: ({ id, fix }, { library }) => acceptFinding(library.db, id, fix),
  rejectFinding: ({ id }, { library }) => rejectFinding(library.db, id),
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
