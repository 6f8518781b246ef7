import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiClient } from '../../../app/api/contract.js';
import type { ArticleListItem } from '../../../app/store/articles.js';
import type { SourceSummary } from '../../../app/store/sources.js';
import type { FindingCountsByArticle, KindCounts } from '../lib/library.js';

/*
 * The library as the UI holds it: sources, every live article (page order) and open findings per
 * article. Loaded in full once (100,000 articles is a few MB) and then patched: an operation in the
 * editor refreshes only the articles it touched, and new findings counts arrive from the editor.
 */

export interface LibraryData {
  sources: SourceSummary[] | null;
  articles: ArticleListItem[] | null;
  counts: FindingCountsByArticle;
  loading: boolean;
  error: unknown;
  reload: () => Promise<void>;
  /** Re-reads these articles (an operation touched them); gone ones leave the list. */
  refreshArticles: (ids: readonly number[]) => Promise<void>;
  /** The editor's latest open findings of some articles, by kind. */
  setArticleCounts: (counts: ReadonlyMap<number, KindCounts>) => void;
}

export function useLibraryData(api: ApiClient, enabled: boolean): LibraryData {
  const [sources, setSources] = useState<SourceSummary[] | null>(null);
  const [articles, setArticles] = useState<ArticleListItem[] | null>(null);
  const [counts, setCounts] = useState<FindingCountsByArticle>({});
  const [loading, setLoading] = useState(enabled);
  const [error, setError] = useState<unknown>(null);
  const generation = useRef(0);

  const reload = useCallback(async () => {
    if (!enabled) return;
    const mine = ++generation.current;
    setLoading(true);
    setError(null);
    try {
      const [s, a, c] = await Promise.all([api.listSources({}), api.listArticles({}), api.listArticleFindingCounts({})]);
      if (mine !== generation.current) return;
      setSources(s);
      setArticles(a);
      setCounts(c);
    } catch (err) {
      if (mine === generation.current) setError(err);
    } finally {
      if (mine === generation.current) setLoading(false);
    }
  }, [api, enabled]);

  useEffect(() => {
    void reload();
  }, [reload]);

  // The articles an operation touched are re-read page by page: a split's new article appears, a
  // merged-away one leaves, and no request is made for an article that no longer exists.
  const articlesRef = useRef<ArticleListItem[] | null>(null);
  articlesRef.current = articles;
  const refreshArticles = useCallback(
    async (ids: readonly number[]) => {
      const known = new Map((articlesRef.current ?? []).map((a) => [a.id, a.sourceId]));
      const sourceIds = [...new Set(ids.flatMap((id) => (known.has(id) ? [known.get(id)!] : [])))];
      if (sourceIds.length === 0) {
        if (ids.length > 0) void reload(); // articles the list does not know yet
        return;
      }
      let pages: ArticleListItem[][];
      try {
        pages = await Promise.all(sourceIds.map((sourceId) => api.listArticles({ sourceId })));
      } catch {
        return; // the next full reload catches up
      }
      const fresh = new Set(sourceIds);
      setArticles((list) => {
        if (!list) return list;
        // Page order is by source, then ordinal: the refreshed pages go where they were.
        const merged = [...list.filter((a) => !fresh.has(a.sourceId)), ...pages.flat()];
        return merged.sort((x, y) => x.sourceId - y.sourceId || x.ordinal - y.ordinal);
      });
      // Article counts per page may have changed too; sources are few.
      api.listSources({}).then(setSources, () => undefined);
    },
    [api, reload],
  );

  const setArticleCounts = useCallback((batch: ReadonlyMap<number, KindCounts>) => {
    if (batch.size === 0) return;
    setCounts((current) => {
      const changed = [...batch].filter(([id, next]) => {
        const before = current[id];
        if (before === undefined) return Object.keys(next).length > 0;
        return (
          Object.keys(before).length !== Object.keys(next).length ||
          Object.entries(next).some(([k, n]) => before[k as keyof KindCounts] !== n)
        );
      });
      if (changed.length === 0) return current;
      const updated: Record<number, KindCounts | undefined> = { ...current };
      for (const [id, next] of changed) updated[id] = next;
      return updated;
    });
  }, []);

  return { sources, articles, counts, loading, error, reload, refreshArticles, setArticleCounts };
}
