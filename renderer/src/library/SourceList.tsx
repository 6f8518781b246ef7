import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { SourceSummary } from '../../../app/store/sources.js';
import { initialRect, observeRectLazily, scrollLazily } from '../lib/virtual.js';

/* The pages (sources) of the library, virtualised like the table: a library may have thousands. */

const ITEM_HEIGHT = 44;

interface SourceListProps {
  sources: readonly SourceSummary[] | null;
  selectedId: number | null;
  onSelect: (id: number | null) => void;
  totalArticles: number;
}

const SourceItem = memo(function SourceItem({
  source,
  selected,
  top,
  onSelect,
}: {
  source: SourceSummary;
  selected: boolean;
  top: number;
  onSelect: (id: number) => void;
}) {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className={selected ? 'source-item selected' : 'source-item'}
      aria-pressed={selected}
      style={{ transform: `translateY(${top}px)` }}
      onClick={() => onSelect(source.id)}
      data-testid={`source-${source.id}`}
      title={source.path}
    >
      <span className="source-name mono">{source.name}</span>
      <span className="source-meta">
        {t('library.articlesOnPage', { count: source.articles })} · {source.encoding}
      </span>
    </button>
  );
});

export function SourceList({ sources, selectedId, onSelect, totalArticles }: SourceListProps) {
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const list = sources ?? [];
  const virtualizer = useVirtualizer({
    count: list.length,
    getScrollElement: () => scrollRef.current,
    observeElementRect: observeRectLazily,
    scrollToFn: scrollLazily,
    initialRect: initialRect(),
    estimateSize: () => ITEM_HEIGHT,
    overscan: 8,
    getItemKey: (index) => list[index]!.id,
  });
  return (
    <nav className="source-list" aria-label={t('library.pages')}>
      <h2 className="panel-title">{t('library.pages')}</h2>
      <button
        type="button"
        className={selectedId === null ? 'source-item source-all selected' : 'source-item source-all'}
        aria-pressed={selectedId === null}
        onClick={() => onSelect(null)}
        data-testid="source-all"
      >
        <span className="source-name">{t('library.allPages')}</span>
        <span className="source-meta">{t('library.articlesOnPage', { count: totalArticles })}</span>
      </button>
      <div ref={scrollRef} className="source-scroll">
        {sources === null ? (
          <p className="muted pad">{t('common.loading')}</p>
        ) : list.length === 0 ? (
          <p className="muted pad">{t('library.pagesEmpty')}</p>
        ) : (
          <div className="source-body" style={{ height: virtualizer.getTotalSize() }}>
            {virtualizer.getVirtualItems().map((item) => (
              <SourceItem
                key={item.key}
                source={list[item.index]!}
                selected={list[item.index]!.id === selectedId}
                top={item.start}
                onSelect={onSelect}
              />
            ))}
          </div>
        )}
      </div>
    </nav>
  );
}
