import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArticleListItem } from '../../../app/store/articles.js';
import { Dialog } from '../ui/Dialog.js';

/*
 * Moves the block with the caret to another article: pick the article (same page first, or
 * search the library by headline or #id) and whether it goes to the start or the end.
 */

interface MoveBlockDialogProps {
  blockText: string;
  current: ArticleListItem | null;
  articles: readonly ArticleListItem[];
  onMove: (targetArticleId: number, atStart: boolean) => void;
  onClose: () => void;
}

const LIMIT = 150;

export function MoveBlockDialog({ blockText, current, articles, onMove, onClose }: MoveBlockDialogProps) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [target, setTarget] = useState<number | null>(null);
  const [atStart, setAtStart] = useState(false);

  const candidates = useMemo(() => {
    const q = query.trim().toLowerCase();
    const others = articles.filter((a) => a.id !== current?.id);
    const matching = q
      ? others.filter((a) => `#${a.id} ${a.headline ?? ''} ${a.sourceName} ${a.section ?? ''}`.toLowerCase().includes(q))
      : others;
    // Same page first, nearest first.
    const samePage = current ? matching.filter((a) => a.sourceId === current.sourceId) : [];
    const rest = current ? matching.filter((a) => a.sourceId !== current.sourceId) : matching;
    if (current) samePage.sort((a, b) => Math.abs(a.ordinal - current.ordinal) - Math.abs(b.ordinal - current.ordinal));
    return [...samePage, ...rest].slice(0, LIMIT);
  }, [articles, current, query]);

  return (
    <Dialog
      title={t('move.title')}
      onClose={onClose}
      testId="move-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button
            type="button"
            className="button button-primary"
            disabled={target === null}
            onClick={() => target !== null && onMove(target, atStart)}
            data-testid="move-confirm"
          >
            {t('move.confirm')}
          </button>
        </>
      }
    >
      <p className="dialog-label">{t('move.block')}</p>
      <blockquote className="quote">{blockText.length > 120 ? `${blockText.slice(0, 120)}…` : blockText}</blockquote>
      <label className="dialog-label" htmlFor="move-search">
        {t('move.target')}
      </label>
      <input
        id="move-search"
        type="search"
        className="search-input wide"
        placeholder={t('move.search')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        data-testid="move-search"
        autoFocus
      />
      <ul className="pick-list" role="listbox" aria-label={t('move.target')}>
        {candidates.length === 0 && <li className="muted pad">{t('move.noMatch')}</li>}
        {candidates.map((a) => (
          <li
            key={a.id}
            role="option"
            aria-selected={a.id === target}
            className={a.id === target ? 'pick-item selected' : 'pick-item'}
            onClick={() => setTarget(a.id)}
            onDoubleClick={() => onMove(a.id, atStart)}
            data-testid={`move-target-${a.id}`}
          >
            <span className="mono muted">#{a.id}</span>
            <span className="pick-headline">{a.headline ?? t('common.untitled')}</span>
            <span className="muted small">
              {a.sourceName}
              {current && a.sourceId === current.sourceId ? ` · ${t('move.samePage')}` : ''}
            </span>
          </li>
        ))}
      </ul>
      <fieldset className="radio-row">
        <legend>{t('move.position')}</legend>
        <label>
          <input type="radio" name="move-at" checked={atStart} onChange={() => setAtStart(true)} data-testid="move-at-start" /> {t('move.atStart')}
        </label>
        <label>
          <input type="radio" name="move-at" checked={!atStart} onChange={() => setAtStart(false)} data-testid="move-at-end" /> {t('move.atEnd')}
        </label>
      </fieldset>
    </Dialog>
  );
}
