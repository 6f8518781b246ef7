import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Finding } from '../../../app/findings/library/findings-store.js';
import type { DefectKind } from '../../../app/findings/types.js';
import { DEFECT_KIND_NAMES } from '../lib/kinds.js';
import { initialRect, observeRectLazily, scrollLazily } from '../lib/virtual.js';

/*
 * The findings side panel: the article's open findings in reading order, filterable by kind, each
 * with its fixes and an ignore button. It re-renders only when the findings, the active one or the
 * filter change (never per keystroke), and it is virtualised: a long article may have a thousand.
 */

export type MessageLanguage = 'zh' | 'en';

/** Every item has the same height (long messages are clamped): no measuring, no layout thrash. */
const FINDING_HEIGHT = 128;

interface FindingsPanelProps {
  findings: readonly Finding[];
  /** Block index (1-based in the UI) of each block id, for "block 12". */
  blockNumber: ReadonlyMap<number, number>;
  activeId: number | null;
  kindFilter: DefectKind | null;
  onKindFilter: (kind: DefectKind | null) => void;
  loading: boolean;
  busy: boolean;
  language: MessageLanguage;
  onSelect: (id: number) => void;
  onAccept: (id: number, fix: number) => void;
  onReject: (id: number) => void;
  onAcceptAll: (kind: DefectKind) => void;
}

/** The items' words, looked up once per language (t() is slow enough to show in a long list). */
interface ItemLabels {
  kind: (kind: DefectKind) => string;
  position: (block: number) => string;
  confidence: (value: number) => string;
  noFix: string;
  accept: string;
  reject: string;
}

function useItemLabels(): ItemLabels {
  const { t } = useTranslation();
  return useMemo(() => {
    const kinds = new Map<DefectKind, string>();
    const positions = new Map<number, string>();
    const confidences = new Map<number, string>();
    const cached = <K,>(cache: Map<K, string>, key: K, make: () => string) => {
      let label = cache.get(key);
      if (label === undefined) cache.set(key, (label = make()));
      return label;
    };
    return {
      kind: (kind) => cached(kinds, kind, () => t(`kind.${kind}`)),
      position: (block) => cached(positions, block, () => t('findings.position', { block })),
      confidence: (value) => cached(confidences, value, () => t('findings.confidence', { value })),
      noFix: t('findings.noFix'),
      accept: t('findings.accept'),
      reject: t('findings.reject'),
    };
  }, [t]);
}

interface ItemProps {
  finding: Finding;
  block: number | undefined;
  active: boolean;
  busy: boolean;
  language: MessageLanguage;
  labels: ItemLabels;
  onSelect: (id: number) => void;
  onAccept: (id: number, fix: number) => void;
  onReject: (id: number) => void;
}

function fixLabel(text: string): string {
  return text.length > 24 ? `${text.slice(0, 24)}…` : text;
}

const FindingItem = memo(function FindingItem({ finding, block, active, busy, language, labels, onSelect, onAccept, onReject }: ItemProps) {
  const confidence = Math.round(finding.confidence * 100);
  return (
    <div
      className={active ? `finding-item kind-border-${finding.kind} active` : `finding-item kind-border-${finding.kind}`}
      data-testid={`finding-${finding.id}`}
      data-kind={finding.kind}
      aria-current={active || undefined}
      onClick={(event) => {
        if ((event.target as HTMLElement).closest('button')) return;
        onSelect(finding.id);
      }}
    >
      <div className="finding-head">
        <span className={`kind-chip kind-${finding.kind}`}>{labels.kind(finding.kind)}</span>
        {block !== undefined && <span className="finding-where">{labels.position(block)}</span>}
        <span className="finding-confidence" title={labels.confidence(confidence)}>
          {confidence}%
        </span>
      </div>
      <button type="button" className="finding-flagged" onClick={() => onSelect(finding.id)} data-testid={`finding-select-${finding.id}`}>
        {finding.flagged.trim() === '' ? '¶' : finding.flagged}
      </button>
      <p className="finding-message">{finding.message[language]}</p>
      <div className="finding-actions">
        {finding.fixes.length === 0 ? (
          <span className="muted small">{labels.noFix}</span>
        ) : (
          finding.fixes.map((fix, i) => (
            <button
              key={i}
              type="button"
              className={i === 0 ? 'button button-small button-primary' : 'button button-small'}
              disabled={busy}
              onClick={() => onAccept(finding.id, i)}
              data-testid={i === 0 ? `finding-accept-${finding.id}` : `finding-accept-${finding.id}-${i}`}
              title={fix.label[language]}
            >
              {i === 0 ? labels.accept : fixLabel(fix.label[language])}
            </button>
          ))
        )}
        <button
          type="button"
          className="button button-small button-quiet"
          disabled={busy}
          onClick={() => onReject(finding.id)}
          data-testid={`finding-reject-${finding.id}`}
        >
          {labels.reject}
        </button>
        {finding.fixes[0] && <span className="finding-fix-preview muted small">{fixLabel(finding.fixes[0].label[language])}</span>}
      </div>
    </div>
  );
});

/** Re-renders when its props change: not while the editor types, nor when tags or comments arrive. */
export const FindingsPanel = memo(function FindingsPanel(props: FindingsPanelProps) {
  const { findings, blockNumber, activeId, kindFilter, onKindFilter, loading, busy, language, onSelect, onAccept, onReject, onAcceptAll } = props;
  const { t } = useTranslation();
  const labels = useItemLabels();
  const scrollRef = useRef<HTMLDivElement>(null);

  const byKind = useMemo(() => {
    const counts = new Map<DefectKind, number>();
    for (const f of findings) counts.set(f.kind, (counts.get(f.kind) ?? 0) + 1);
    return counts;
  }, [findings]);

  const shown = useMemo(
    () => (kindFilter === null ? findings : findings.filter((f) => f.kind === kindFilter)),
    [findings, kindFilter],
  );

  const virtualizer = useVirtualizer({
    count: shown.length,
    getScrollElement: () => scrollRef.current,
    observeElementRect: observeRectLazily,
    scrollToFn: scrollLazily,
    initialRect: initialRect(),
    estimateSize: () => FINDING_HEIGHT,
    overscan: 6,
    getItemKey: (index) => shown[index]!.id,
  });

  const activeIndex = useMemo(() => (activeId === null ? -1 : shown.findIndex((f) => f.id === activeId)), [shown, activeId]);
  useEffect(() => {
    if (activeIndex >= 0) virtualizer.scrollToIndex(activeIndex, { align: 'auto' });
    // Only when the active finding changes, not when the list does.
  }, [activeId]);

  const acceptAllKind = kindFilter ?? shown.find((f) => f.id === activeId)?.kind ?? null;

  return (
    <aside className="findings-panel" aria-label={t('findings.title')} data-testid="findings-panel">
      <div className="findings-header">
        <h2 className="panel-title">
          {t('findings.title')}
          <span className="count-badge" data-testid="findings-count">
            {findings.length}
          </span>
        </h2>
        {loading && <span className="muted small refreshing">{t('findings.refreshing')}</span>}
      </div>
      {findings.length > 0 && (
        <div className="kind-filter" role="group" aria-label={t('findings.filterLabel')}>
          <button
            type="button"
            className={kindFilter === null ? 'filter-chip selected' : 'filter-chip'}
            aria-pressed={kindFilter === null}
            onClick={() => onKindFilter(null)}
            data-testid="findings-kind-all"
          >
            {t('findings.all')} {findings.length}
          </button>
          {DEFECT_KIND_NAMES.filter((k) => byKind.has(k)).map((k) => (
            <button
              key={k}
              type="button"
              className={kindFilter === k ? `filter-chip selected kind-${k}` : `filter-chip kind-${k}`}
              aria-pressed={kindFilter === k}
              onClick={() => onKindFilter(kindFilter === k ? null : k)}
              data-testid={`findings-kind-${k}`}
            >
              {t(`kind.${k}`)} {byKind.get(k)}
            </button>
          ))}
        </div>
      )}
      {acceptAllKind && (
        <button
          type="button"
          className="button button-small accept-all"
          disabled={busy}
          onClick={() => onAcceptAll(acceptAllKind)}
          data-testid="accept-all-kind"
        >
          {t('findings.acceptAllKind')} <span className="muted">({t(`kind.${acceptAllKind}`)})</span>
        </button>
      )}
      <div ref={scrollRef} className="findings-scroll" role="list" aria-label={t('findings.listLabel')}>
        {shown.length === 0 ? (
          <p className="findings-empty muted" data-testid="findings-empty">
            {loading ? t('common.loading') : kindFilter ? t('findings.emptyKind') : t('findings.empty')}
          </p>
        ) : (
          <div className="findings-body" style={{ height: virtualizer.getTotalSize() }}>
            {virtualizer.getVirtualItems().map((item) => {
              const finding = shown[item.index]!;
              return (
                <div
                  key={item.key}
                  role="listitem"
                  className="finding-row"
                  style={{ transform: `translateY(${item.start}px)`, height: FINDING_HEIGHT }}
                >
                  <FindingItem
                    finding={finding}
                    block={blockNumber.get(finding.blockId)}
                    active={finding.id === activeId}
                    busy={busy}
                    language={language}
                    labels={labels}
                    onSelect={onSelect}
                    onAccept={onAccept}
                    onReject={onReject}
                  />
                </div>
              );
            })}
          </div>
        )}
      </div>
    </aside>
  );
});
