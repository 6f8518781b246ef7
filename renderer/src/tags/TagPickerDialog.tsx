import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { filterTagTree } from '../lib/tagTree.js';
import { Dialog } from '../ui/Dialog.js';
import { useDesk } from './DeskContext.js';

/** Picks a tag from the vocabularies' tree (filterable); answers its path. */
export function TagPickerDialog({ title, onPick, onClose }: { title: string; onPick: (path: string) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const desk = useDesk();
  const [filter, setFilter] = useState('');
  const shown = useMemo(() => filterTagTree(desk.tags ?? [], filter), [desk.tags, filter]);
  return (
    <Dialog title={title} onClose={onClose} size="small" testId="tag-picker">
      <input
        type="search"
        className="text-input"
        value={filter}
        autoFocus
        placeholder={t('tags.filter')}
        aria-label={t('tags.filter')}
        onChange={(event) => setFilter(event.target.value)}
      />
      <ul className="pick-list tag-pick-list">
        {shown.map((tag) => (
          <li key={tag.id}>
            <button
              type="button"
              className="tag-name"
              style={{ paddingLeft: 8 + tag.depth * 16 }}
              onClick={() => onPick(tag.pathText)}
              data-testid={`tag-pick-${tag.id}`}
              title={tag.pathText}
            >
              {tag.name}
            </button>
          </li>
        ))}
      </ul>
      {shown.length === 0 && <p className="muted small">{t('tags.none')}</p>}
    </Dialog>
  );
}
