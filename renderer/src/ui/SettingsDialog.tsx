import { useTranslation } from 'react-i18next';
import { LANGUAGES, isLanguage, useLanguage } from '../i18n/index.js';
import { Dialog } from './Dialog.js';

export function SettingsDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const [language, setLanguage] = useLanguage();
  return (
    <Dialog
      title={t('settings.title')}
      onClose={onClose}
      testId="settings-dialog"
      size="small"
      footer={
        <button type="button" className="button button-primary" onClick={onClose}>
          {t('common.close')}
        </button>
      }
    >
      <label className="form-row">
        <span className="form-label">{t('settings.language')}</span>
        <select
          className="select"
          value={language}
          onChange={(event) => isLanguage(event.target.value) && setLanguage(event.target.value)}
          data-testid="settings-language"
        >
          {LANGUAGES.map((id) => (
            <option key={id} value={id} lang={id}>
              {t(`lang.${id}`)}
            </option>
          ))}
        </select>
        <span className="form-hint muted small">{t('settings.languageHint')}</span>
      </label>
    </Dialog>
  );
}
