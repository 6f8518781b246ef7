import type { HTMLAttributes, KeyboardEvent } from 'react';

/** Props that make a table row selectable by click, Enter or Space. */
export function selectableRow(selected: boolean, onSelect: () => void): HTMLAttributes<HTMLTableRowElement> {
  return {
    className: selected ? 'selected' : undefined,
    'aria-selected': selected,
    tabIndex: 0,
    onClick: onSelect,
    onKeyDown: (event: KeyboardEvent<HTMLTableRowElement>) => {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        onSelect();
      }
    },
  };
}
