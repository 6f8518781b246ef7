import { memo, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArticleDetail, Block } from '../../../app/store/articles.js';
import { diffText, type DiffPart } from '../lib/diff.js';

/*
 * The original OCR text beside the current text, block by block, with the differences marked:
 * deleted characters struck through on the left, inserted ones on the right. Unchanged blocks are
 * folded away unless asked for. The current text is the editor's, saved or not.
 */

interface ComparePanelProps {
  article: ArticleDetail;
  currentTexts: () => Map<number, string>;
}

function Side({ parts, side }: { parts: readonly DiffPart[]; side: 'before' | 'after' }) {
  return (
    <>
      {parts.map((part, i) => {
        if (part.op === 'equal') return <span key={i}>{part.text}</span>;
        if (side === 'before' && part.op === 'delete') return <del key={i}>{part.text}</del>;
        if (side === 'after' && part.op === 'insert') return <ins key={i}>{part.text}</ins>;
        return null;
      })}
    </>
  );
}

const CompareRow = memo(function CompareRow({ block, number, current }: { block: Block; number: number; current: string }) {
  const { t } = useTranslation();
  const parts = useMemo(() => diffText(block.originalText, current, { mergeShortEqual: 1 }), [block.originalText, current]);
  const classChanged = block.cls !== block.originalClass;
  return (
    <div className="compare-row" data-testid={`compare-block-${block.id}`}>
      <div className="compare-label">
        {t('compare.block', { n: number })} · {t(`blockClass.${block.cls}`)}
        {classChanged && (
          <span className="compare-class-change">
            {t('compare.classChange', { from: t(`blockClass.${block.originalClass}`), to: t(`blockClass.${block.cls}`) })}
          </span>
        )}
      </div>
      <p className="compare-text compare-before">
        <Side parts={parts} side="before" />
      </p>
      <p className="compare-text compare-after">
        <Side parts={parts} side="after" />
      </p>
    </div>
  );
});

export function ComparePanel({ article, currentTexts }: ComparePanelProps) {
  const { t } = useTranslation();
  const [texts, setTexts] = useState(currentTexts);
  const [showUnchanged, setShowUnchanged] = useState(false);

  const rows = useMemo(
    () =>
      article.blocks.map((block, i) => {
        const current = texts.get(block.id) ?? block.text;
        return { block, number: i + 1, current, changed: current !== block.originalText || block.cls !== block.originalClass };
      }),
    [article.blocks, texts],
  );
  const changed = rows.filter((r) => r.changed).length;
  const shown = showUnchanged ? rows : rows.filter((r) => r.changed);

  return (
    <section className="compare-panel" data-testid="compare-panel" aria-label={t('article.tabs.compare')}>
      <div className="panel-toolbar">
        <label className="checkbox">
          <input type="checkbox" checked={showUnchanged} onChange={(e) => setShowUnchanged(e.target.checked)} data-testid="compare-show-unchanged" />
          {t('compare.showUnchanged')}
        </label>
        <span className="legend">
          <del>{t('compare.legendDeleted')}</del>
          <ins>{t('compare.legendInserted')}</ins>
        </span>
        <span className="toolbar-spacer" />
        <button type="button" className="button button-small" onClick={() => setTexts(currentTexts())} data-testid="compare-refresh">
          {t('compare.refresh')}
        </button>
      </div>
      <div className="compare-columns compare-head" aria-hidden="true">
        <span />
        <span>{t('compare.original')}</span>
        <span>{t('compare.current')}</span>
      </div>
      <div className="compare-scroll">
        {changed === 0 && !showUnchanged ? (
          <p className="empty-inline muted" data-testid="compare-no-changes">
            {t('compare.noChanges')}
          </p>
        ) : (
          shown.map((r) => <CompareRow key={r.block.id} block={r.block} number={r.number} current={r.current} />)
        )}
        {!showUnchanged && changed > 0 && rows.length > changed && (
          <p className="empty-inline muted">{t('compare.unchanged', { count: rows.length - changed })}</p>
        )}
      </div>
    </section>
  );
}
