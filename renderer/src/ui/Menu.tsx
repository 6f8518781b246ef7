import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';

/*
 * A small menu (role="menu") at a point on screen: the editor's context menu and the import
 * button's options. Arrow keys move, Enter chooses, Escape or a click elsewhere closes.
 */

export interface MenuItem {
  id: string;
  label: ReactNode;
  onSelect?: () => void;
  disabled?: boolean;
  /** A checked mark (the current block class, say). */
  checked?: boolean;
  /** A nested list shown inline under a heading. */
  heading?: boolean;
  testId?: string;
  hint?: string;
}

export interface MenuProps {
  x: number;
  y: number;
  items: MenuItem[];
  onClose: () => void;
  label: string;
  testId?: string;
}

export function Menu({ x, y, items, onClose, label, testId }: MenuProps) {
  const ref = useRef<HTMLDivElement>(null);
  const [position, setPosition] = useState({ left: x, top: y });

  useLayoutEffect(() => {
    const menu = ref.current;
    if (!menu) return;
    const { width, height } = menu.getBoundingClientRect();
    setPosition({
      left: Math.max(4, Math.min(x, window.innerWidth - width - 4)),
      top: Math.max(4, Math.min(y, window.innerHeight - height - 4)),
    });
    menu.querySelector<HTMLElement>('[role="menuitem"]:not([aria-disabled="true"]), [role="menuitemradio"]:not([aria-disabled="true"])')?.focus();
  }, [x, y]);

  useEffect(() => {
    const close = (event: Event) => {
      if (ref.current && event.target instanceof Node && ref.current.contains(event.target)) return;
      onClose();
    };
    window.addEventListener('mousedown', close, true);
    window.addEventListener('blur', onClose);
    window.addEventListener('resize', onClose);
    return () => {
      window.removeEventListener('mousedown', close, true);
      window.removeEventListener('blur', onClose);
      window.removeEventListener('resize', onClose);
    };
  }, [onClose]);

  const focusable = () =>
    [...(ref.current?.querySelectorAll<HTMLElement>('[role^="menuitem"]') ?? [])].filter(
      (el) => el.getAttribute('aria-disabled') !== 'true',
    );

  return (
    <div
      ref={ref}
      className="menu"
      role="menu"
      aria-label={label}
      data-testid={testId}
      style={{ left: position.left, top: position.top }}
      onKeyDown={(event) => {
        const list = focusable();
        const at = list.indexOf(document.activeElement as HTMLElement);
        if (event.key === 'Escape') {
          event.preventDefault();
          event.stopPropagation();
          onClose();
        } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
          event.preventDefault();
          const step = event.key === 'ArrowDown' ? 1 : -1;
          list[(at + step + list.length) % list.length]?.focus();
        } else if (event.key === 'Tab') {
          event.preventDefault();
          onClose();
        }
      }}
    >
      {items.map((item) =>
        item.heading ? (
          <div key={item.id} className="menu-heading" role="presentation">
            {item.label}
          </div>
        ) : (
          <button
            key={item.id}
            type="button"
            role={item.checked === undefined ? 'menuitem' : 'menuitemradio'}
            aria-checked={item.checked}
            aria-disabled={item.disabled || undefined}
            className="menu-item"
            data-testid={item.testId}
            tabIndex={-1}
            onClick={() => {
              if (item.disabled) return;
              onClose();
              item.onSelect?.();
            }}
          >
            <span className="menu-check" aria-hidden="true">
              {item.checked ? '✓' : ''}
            </span>
            <span className="menu-label">{item.label}</span>
            {item.hint && <kbd className="menu-hint">{item.hint}</kbd>}
          </button>
        ),
      )}
    </div>
  );
}
