import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Menu } from '../ui/Menu.js';

export interface ImportActions {
  chooseFiles: () => void;
  chooseFolder: () => void;
  busy: boolean;
}

/** The import button: files by default, a folder from its menu. */
export function ImportMenu({ actions }: { actions: ImportActions }) {
  const { t } = useTranslation();
  const [menu, setMenu] = useState<{ x: number; y: number } | null>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);
  return (
    <div className="split-button">
      <button type="button" className="button button-primary" onClick={actions.chooseFiles} disabled={actions.busy} data-testid="import-button">
        {t('import.button')}
      </button>
      <button
        ref={toggleRef}
        type="button"
        className="button button-primary split-toggle"
        aria-haspopup="menu"
        aria-expanded={menu !== null}
        aria-label={t('import.menu')}
        disabled={actions.busy}
        data-testid="import-menu"
        onClick={() => {
          const box = toggleRef.current!.getBoundingClientRect();
          setMenu(menu ? null : { x: box.right - 180, y: box.bottom + 4 });
        }}
      >
        ▾
      </button>
      {menu && (
        <Menu
          x={menu.x}
          y={menu.y}
          label={t('import.menu')}
          onClose={() => setMenu(null)}
          items={[
            { id: 'files', label: t('import.files'), onSelect: actions.chooseFiles, testId: 'import-files' },
            { id: 'folder', label: t('import.folder'), onSelect: actions.chooseFolder, testId: 'import-folder' },
          ]}
        />
      )}
    </div>
  );
}
