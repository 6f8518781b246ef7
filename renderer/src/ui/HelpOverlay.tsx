import { useTranslation } from 'react-i18next';
import { formatChord, SHORTCUTS, type ShortcutScope } from '../lib/shortcuts.js';
import { IS_MAC } from '../lib/platform.js';
import { Dialog } from './Dialog.js';

/** Every shortcut, from the same table the key handler uses (lib/shortcuts.ts). */
export function HelpOverlay({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Dialog title={t('help.title')} onClose={onClose} testId="help-overlay" size="large">
      <p className="muted small">{t('help.intro')}</p>
      <div className="help-columns">
        {[['article'], ['library', 'global']].map((column) => (
          <div key={column.join()} className="help-column">
            {(column as ShortcutScope[]).map((scope) => (
              <section key={scope} className="help-section">
                <h3 className="dialog-subtitle">{t(`help.scope.${scope}`)}</h3>
                <dl className="shortcut-list">
                  {SHORTCUTS.filter((s) => s.scope === scope).map((s) => (
                    <div key={s.id} className="shortcut-row" data-testid={`shortcut-${s.id}`}>
                      <dt>
                        {s.chords.map((c, i) => (
                          <kbd key={i}>{formatChord(c, IS_MAC)}</kbd>
                        ))}
                      </dt>
                      <dd>{t(`help.shortcut.${s.id}`)}</dd>
                    </div>
                  ))}
                  {scope === 'library' && (
                    <>
                      <div className="shortcut-row">
                        <dt>
                          <kbd>↑</kbd>
                          <kbd>↓</kbd>
                        </dt>
                        <dd>{t('help.library.move')}</dd>
                      </div>
                      <div className="shortcut-row">
                        <dt>
                          <kbd>{IS_MAC ? '↩' : 'Enter'}</kbd>
                        </dt>
                        <dd>{t('help.library.open')}</dd>
                      </div>
                    </>
                  )}
                </dl>
              </section>
            ))}
          </div>
        ))}
      </div>
    </Dialog>
  );
}
