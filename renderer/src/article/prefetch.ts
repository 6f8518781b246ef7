import type { ApiClient } from '../../../app/api/contract.js';
import type { Finding } from '../../../app/findings/library/findings-store.js';
import type { ArticleDetail } from '../../../app/store/articles.js';

/*
 * Opening an article starts loading it on mouse-down in the library, a click's worth of time
 * before the click opens it. A prefetched answer is used once, and only within a moment.
 */

interface Pending {
  at: number;
  article: Promise<ArticleDetail>;
  findings: Promise<Finding[]>;
}

const FRESH_MS = 2000;
const pending = new Map<number, Pending>();

function load(api: ApiClient, id: number): Pending {
  const entry = { at: Date.now(), article: api.getArticle({ id }), findings: api.listFindings({ articleId: id }) };
  // Nobody may ever ask for it: keep an unused failure from being reported as unhandled.
  entry.article.catch(() => undefined);
  entry.findings.catch(() => undefined);
  return entry;
}

export function prefetchArticle(api: ApiClient, id: number): void {
  const entry = pending.get(id);
  if (entry && Date.now() - entry.at < FRESH_MS) return;
  pending.set(id, load(api, id));
}

/** The article and its open findings: the prefetched ones if fresh, else loaded now. */
export function takeArticle(api: ApiClient, id: number): Pending {
  const entry = pending.get(id);
  pending.delete(id);
  return entry && Date.now() - entry.at < FRESH_MS ? entry : load(api, id);
}

/** Forgets prefetched answers (after anything changed the library). */
export function forgetPrefetched(): void {
  pending.clear();
}
