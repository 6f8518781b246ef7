import { useDeferredValue, useEffect, useMemo, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArticleListItem, ArticleStatus } from '../../../app/store/articles.js';
import {
  DEFAULT_FILTER,
  filterArticles,
  searchText,
  sortArticles,
  type FindingCountsByArticle,
  type FindingsFilter,
  type LibraryFilter,
  type LibrarySort,
  type SortKey,
} from '../lib/library.js';
import { ARTICLE_STATUS_NAMES, DEFECT_KIND_NAMES } from '../lib/kinds.js';
import { ImportMenu, type ImportActions } from '../importing/ImportMenu.js';
import { ArticleTable, ROW_HEIGHT } from './ArticleTable.js';
import { SourceList } from './SourceList.js';
import type { LibraryData } from './useLibraryData.js';

/** The library's visible articles: filtered and sorted, recomputed only when one of those changes. */
export function useVisibleArticles(
  articles: readonly ArticleListItem[] | null,
  counts: FindingCountsByArticle,
  filter: LibraryFilter,
  sort: LibrarySort,
): ArticleListItem[] {
  // Typing in the search box stays responsive: the filter catches up in the background.
  const deferredFilter = useDeferredValue(filter);
  const haystacks = useMemo(() => new Map(articles?.map((a) => [a.id, searchText(a)]) ?? []), [articles]);
  // Sorted once per sort (and list), then filtered: filtering keeps the order.
  const sorted = useMemo(() => (articles ? sortArticles(articles, counts, sort) : []), [articles, counts, sort]);
  return useMemo(
    () => filterArticles(sorted, counts, deferredFilter, (a) => haystacks.get(a.id) ?? searchText(a)),
    [sorted, counts, deferredFilter, haystacks],
  );
}

interface LibraryViewProps {
  data: LibraryData;
  visible: readonly ArticleListItem[];
  filter: LibraryFilter;
  onFilter: (filter: LibraryFilter) => void;
  sort: LibrarySort;
  onSort: (sort: LibrarySort) => void;
  selectedId: number | null;
  onSelect: (id: number) => void;
  onOpen: (id: number) => void;
  onPress: (id: number) => void;
  importActions: ImportActions;
  searchRef: RefObject<HTMLInputElement | null>;
  hidden: boolean;
}

function SkeletonRows() {
  return (
    <div className="table-skeleton" aria-hidden="true">
      {Array.from({ length: 12 }, (_, i) => (
        <div key={i} className="skeleton-row" style={{ height: ROW_HEIGHT }}>
          <span className="skeleton-bar" />
        </div>
      ))}
    </div>
  );
}

export function LibraryView(props: LibraryViewProps) {
  const { data, visible, filter, onFilter, sort, onSort, selectedId, onSelect, onOpen, onPress, importActions, searchRef, hidden } = props;
  const { t } = useTranslation();
  const [query, setQuery] = useState(filter.query);
  useEffect(() => setQuery(filter.query), [filter.query]);

  const total = data.articles?.length ?? 0;
  const filtered = filter.query !== DEFAULT_FILTER.query || filter.status !== 'any' || filter.findings !== 'any' || filter.sourceId !== null;

  const changeSort = (key: SortKey) =>
    onSort(sort.key === key ? { key, direction: sort.direction === 'asc' ? 'desc' : 'asc' } : { key, direction: key === 'findings' ? 'desc' : 'asc' });

  const empty = data.articles !== null && total === 0;

  return (
    <div className="library-view" hidden={hidden} data-testid="library-view">
      <SourceList
        sources={data.sources}
        selectedId={filter.sourceId}
        onSelect={(sourceId) => onFilter({ ...filter, sourceId })}
        totalArticles={total}
      />
      <section className="library-main" aria-label={t('nav.library')}>
        <div className="library-toolbar">
          <input
            ref={searchRef}
            type="search"
            className="search-input"
            value={query}
            placeholder={t('library.searchPlaceholder')}
            aria-label={t('library.search')}
            data-testid="library-search"
            onChange={(event) => {
              setQuery(event.target.value);
              onFilter({ ...filter, query: event.target.value });
            }}
          />
          <select
            className="select"
            value={filter.status}
            aria-label={t('library.statusFilter')}
            data-testid="library-status-filter"
            onChange={(event) => onFilter({ ...filter, status: event.target.value as ArticleStatus | 'any' })}
          >
            <option value="any">{t('filter.anyStatus')}</option>
            {ARTICLE_STATUS_NAMES.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
          <select
            className="select"
            value={filter.findings}
            aria-label={t('library.findingsFilter')}
            data-testid="library-findings-filter"
            onChange={(event) => onFilter({ ...filter, findings: event.target.value as FindingsFilter })}
          >
            <option value="any">{t('filter.anyFindings')}</option>
            <option value="some">{t('filter.someFindings')}</option>
            <option value="none">{t('filter.noFindings')}</option>
            {DEFECT_KIND_NAMES.map((k) => (
              <option key={k} value={k}>
                {t(`kind.${k}`)}
              </option>
            ))}
          </select>
          <span className="library-count muted" data-testid="library-count" aria-live="polite">
            {data.articles ? t('library.shown', { shown: visible.length, total }) : ''}
          </span>
          <span className="toolbar-spacer" />
          <ImportMenu actions={importActions} />
        </div>

        {data.error !== null && data.articles === null ? (
          <div className="empty-state" role="alert">
            <p className="empty-title">{t('error.loadLibrary')}</p>
            <button type="button" className="button" onClick={() => void data.reload()}>
              {t('common.retry')}
            </button>
          </div>
        ) : data.articles === null && !data.loading ? (
          <div className="empty-state">
            <p className="empty-title">{t('error.loadLibrary')}</p>
            <p className="muted empty-body">{t('error.noBridge')}</p>
          </div>
        ) : data.articles === null ? (
          <SkeletonRows />
        ) : empty ? (
          <div className="empty-state" data-testid="library-empty">
            <div className="empty-mark" aria-hidden="true">
              清
            </div>
            <p className="empty-title">{t('library.emptyTitle')}</p>
            <p className="empty-body muted">{t('library.emptyBody')}</p>
            <div className="empty-actions">
              <button type="button" className="button button-primary" onClick={importActions.chooseFiles}>
                {t('import.files')}
              </button>
              <button type="button" className="button" onClick={importActions.chooseFolder}>
                {t('import.folder')}
              </button>
            </div>
            <p className="muted small">{t('import.dropHint')}</p>
          </div>
        ) : visible.length === 0 && filtered ? (
          <div className="empty-state" data-testid="library-no-match">
            <p className="empty-title">{t('library.emptyFiltered')}</p>
            <button type="button" className="button" onClick={() => onFilter(DEFAULT_FILTER)}>
              {t('library.clearFilters')}
            </button>
          </div>
        ) : (
          <ArticleTable
            articles={visible}
            counts={data.counts}
            sort={sort}
            onSort={changeSort}
            selectedId={selectedId}
            onSelect={onSelect}
            onOpen={onOpen}
            onPress={onPress}
          />
        )}
      </section>
    </div>
  );
}
