import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DefectKind } from '../../../app/findings/types.js';
import type { ArticleListItem, ArticleStatus } from '../../../app/store/articles.js';
import { totalFindings, type FindingCountsByArticle, type KindCounts, type LibrarySort, type SortKey } from '../lib/library.js';
import { ARTICLE_STATUS_NAMES, DEFECT_KIND_NAMES } from '../lib/kinds.js';
import { initialRect, observeRectLazily, scrollLazily } from '../lib/virtual.js';

/*
 * The library table: virtualised rows of a fixed height, so 100,000 articles scroll as smoothly as
 * 100 (only the rows on screen exist). A row does no work beyond formatting its own cells, and is
 * memoised on the article object and its counts.
 */

export const ROW_HEIGHT = 36;

const COLUMNS: SortKey[] = ['page', 'section', 'headline', 'reporters', 'status', 'findings'];

interface ArticleTableProps {
  articles: readonly ArticleListItem[];
  counts: FindingCountsByArticle;
  sort: LibrarySort;
  onSort: (key: SortKey) => void;
  selectedId: number | null;
  onSelect: (id: number) => void;
  onOpen: (id: number) => void;
  /** A row was pressed: it is about to be opened. */
  onPress: (id: number) => void;
}

/** Every string a row shows, translated once per language (a row makes no i18n calls). */
export interface RowLabels {
  none: string;
  untitled: string;
  separator: string;
  noFindings: string;
  status: Record<ArticleStatus, string>;
  kind: Record<DefectKind, string>;
  findingsTitle: (total: number, detail: string) => string;
}

function useRowLabels(): RowLabels {
  const { t, i18n } = useTranslation();
  return useMemo(
    () => ({
      none: t('common.none'),
      untitled: t('common.untitled'),
      separator: t('common.separator'),
      noFindings: t('library.noFindings'),
      status: Object.fromEntries(ARTICLE_STATUS_NAMES.map((s) => [s, t(`status.${s}`)])) as Record<ArticleStatus, string>,
      kind: Object.fromEntries(DEFECT_KIND_NAMES.map((k) => [k, t(`kind.${k}`)])) as Record<DefectKind, string>,
      findingsTitle: (total, detail) => t('library.findingsTitle', { total, detail }),
    }),
    [t, i18n.language],
  );
}

const FindingChips = memo(function FindingChips({ counts, labels }: { counts: KindCounts | undefined; labels: RowLabels }) {
  const total = totalFindings(counts);
  if (!counts || total === 0) return <span className="muted">{labels.noFindings}</span>;
  const kinds = DEFECT_KIND_NAMES.filter((k) => (counts[k] ?? 0) > 0);
  const detail = kinds.map((k) => `${labels.kind[k]} ${counts[k]}`).join(labels.separator);
  return (
    <span className="finding-chips" title={labels.findingsTitle(total, detail)}>
      <span className="finding-total">{total}</span>
      {kinds.slice(0, 3).map((k: DefectKind) => (
        <span key={k} className={`kind-chip kind-${k}`}>
          {labels.kind[k]} {counts[k]}
        </span>
      ))}
      {kinds.length > 3 && <span className="kind-chip kind-more">+{kinds.length - 3}</span>}
    </span>
  );
});

interface RowProps {
  article: ArticleListItem;
  counts: KindCounts | undefined;
  selected: boolean;
  top: number;
  index: number;
  labels: RowLabels;
  onSelect: (id: number) => void;
  onOpen: (id: number) => void;
  onPress: (id: number) => void;
}

const Row = memo(function Row({ article, counts, selected, top, index, labels, onSelect, onOpen, onPress }: RowProps) {
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      className={selected ? 'table-row selected' : 'table-row'}
      data-testid={`article-row-${article.id}`}
      data-article-id={article.id}
      style={{ transform: `translateY(${top}px)` }}
      onMouseDown={(event) => {
        if (event.button !== 0) return;
        onPress(article.id);
        onSelect(article.id);
      }}
      onClick={() => onOpen(article.id)}
    >
      <span role="gridcell" className="cell cell-page mono" title={article.sourceName}>
        {article.sourceName}
        <span className="cell-ordinal">·{article.ordinal + 1}</span>
      </span>
      <span role="gridcell" className={article.section ? 'cell cell-section' : 'cell cell-section muted'}>
        {article.section ?? labels.none}
      </span>
      <span role="gridcell" className={article.headline ? 'cell cell-headline' : 'cell cell-headline muted'} title={article.headline ?? undefined}>
        {article.headline ?? labels.untitled}
      </span>
      <span role="gridcell" className={article.reporters.length > 0 ? 'cell cell-reporters' : 'cell cell-reporters muted'}>
        {article.reporters.length > 0 ? article.reporters.join(labels.separator) : labels.none}
      </span>
      <span role="gridcell" className="cell cell-status">
        <span className={`status-pill status-${article.status}`}>{labels.status[article.status]}</span>
      </span>
      <span role="gridcell" className="cell cell-findings">
        <FindingChips counts={counts} labels={labels} />
      </span>
    </div>
  );
});

export function ArticleTable({ articles, counts, sort, onSort, selectedId, onSelect, onOpen, onPress }: ArticleTableProps) {
  const { t } = useTranslation();
  const labels = useRowLabels();
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: articles.length,
    getScrollElement: () => scrollRef.current,
    observeElementRect: observeRectLazily,
    scrollToFn: scrollLazily,
    initialRect: initialRect(),
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
    getItemKey: (index) => articles[index]!.id,
  });

  // Keep the selected row in view when it changes by keyboard or when the article changes.
  const selectedIndex = useMemo(
    () => (selectedId === null ? -1 : articles.findIndex((a) => a.id === selectedId)),
    [articles, selectedId],
  );
  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
    // Only when the selection moves, not on every list change.
  }, [selectedId]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (articles.length === 0) return;
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? ROW_HEIGHT * 10) / ROW_HEIGHT) - 1);
    const at = selectedIndex;
    const go = (index: number) => {
      event.preventDefault();
      onSelect(articles[Math.max(0, Math.min(articles.length - 1, index))]!.id);
    };
    switch (event.key) {
      case 'ArrowDown':
        return go(at + 1);
      case 'ArrowUp':
        return go(at <= 0 ? 0 : at - 1);
      case 'PageDown':
        return go(at + page);
      case 'PageUp':
        return go(at - page);
      case 'Home':
        return go(0);
      case 'End':
        return go(articles.length - 1);
      case 'Enter':
        if (selectedId !== null) {
          event.preventDefault();
          onOpen(selectedId);
        }
        return undefined;
      default:
        return undefined;
    }
  };

  return (
    <div className="article-table" role="grid" aria-label={t('library.tableLabel')} aria-rowcount={articles.length + 1} data-testid="library-table">
      <div role="row" className="table-head" aria-rowindex={1}>
        {COLUMNS.map((key) => {
          const active = sort.key === key;
          return (
            <span key={key} role="columnheader" className={`cell cell-${key}`} aria-sort={active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}>
              <button type="button" className="sort-button" onClick={() => onSort(key)} data-testid={`sort-${key}`}>
                {t(`library.columns.${key}`)}
                <span className="sort-mark" aria-hidden="true">
                  {active ? (sort.direction === 'asc' ? '▲' : '▼') : ''}
                </span>
              </button>
            </span>
          );
        })}
      </div>
      <div
        ref={scrollRef}
        className="table-scroll"
        tabIndex={0}
        onKeyDown={onKeyDown}
        data-testid="library-scroll"
      >
        <div className="table-body" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const article = articles[item.index]!;
            return (
              <Row
                key={item.key}
                article={article}
                counts={counts[article.id]}
                selected={article.id === selectedId}
                top={item.start}
                index={item.index}
                labels={labels}
                onSelect={onSelect}
                onOpen={onOpen}
                onPress={onPress}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}
