import { z } from 'zod';
import type { SourceSummary } from '../store/sources.js';
import type { ArticleDetail, ArticleListItem } from '../store/articles.js';
import type { Revision } from '../revisions/log.js';
import type { ImportReport } from '../import/importer.js';
import type { Finding, FindingCounts } from '../findings/library/findings-store.js';
import type { AcceptPreview, AcceptResult } from '../findings/library/review.js';
import { DEFECT_KINDS } from '../findings/types.js';

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
  previewAccept: returns<AcceptPreview>()(findingFilter),
  acceptFindings: returns<AcceptResult>()(findingFilter),
  acceptFinding: returns<AcceptResult>()(z.object({ id, fix: z.number().int().min(0).optional() })),
  rejectFinding: returns<Revision>()(z.object({ id })),
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
