import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { SpanTag } from '../../../app/tags/spans.js';
import { groupByAttachment, shortQuote } from '../lib/annotations.js';

/*
 * The article's span tags beside the editor, in reading order: click one to select its text,
 * remove one (an undoable revision). Detached ones (their text deleted) are listed apart.
 */

interface SpanTagsPanelProps {
  spans: readonly SpanTag[];
  blockOrder: ReadonlyMap<number, number>;
  activeId: number | null;
  busy: boolean;
  onSelect: (span: SpanTag) => void;
  onRemove: (span: SpanTag) => void;
}

export function SpanTagsPanel({ spans, blockOrder, activeId, busy, onSelect, onRemove }: SpanTagsPanelProps) {
  const { t } = useTranslation();
  const { attached, detached } = useMemo(() => groupByAttachment(spans, blockOrder), [spans, blockOrder]);
  const row = (s: SpanTag) => (
    <li key={s.id} className={s.id === activeId ? 'span-tag-item active' : 'span-tag-item'} data-testid={`span-tag-${s.id}`} data-detached={s.anchor.detached || undefined}>
      <button type="button" className="comment-quote" onClick={() => onSelect(s)} disabled={s.anchor.detached} title={s.anchor.quote}>
        {shortQuote(s.anchor.quote, 40)}
      </button>
      <span className="tag-chip">{s.pathText}</span>
      <button
        type="button"
        className="icon-button"
        disabled={busy}
        onClick={() => onRemove(s)}
        aria-label={t('spans.remove', { path: s.pathText })}
        data-testid={`span-tag-remove-${s.id}`}
      >
        ×
      </button>
    </li>
  );
  return (
    <aside className="side-panel span-tags-panel" data-testid="span-tags-panel" aria-label={t('spans.panelTitle')}>
      <div className="side-panel-header">
        <span className="panel-title">{t('spans.count', { count: spans.length })}</span>
      </div>
      <div className="side-panel-scroll">
        {spans.length === 0 && <p className="empty-inline muted">{t('spans.none')}</p>}
        <ol className="comment-list">{attached.map(row)}</ol>
        {detached.length > 0 && (
          <section data-testid="span-tags-detached">
            <h3 className="panel-title">{t('spans.detached', { count: detached.length })}</h3>
            <ol className="comment-list">{detached.map(row)}</ol>
          </section>
        )}
      </div>
    </aside>
  );
}
