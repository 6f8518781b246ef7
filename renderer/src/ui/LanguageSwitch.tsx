import { useTranslation } from 'react-i18next';
import { LANGUAGES, useLanguage } from '../i18n/index.js';

/** The UI language, switchable from the top bar (and the settings). */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const [language, setLanguage] = useLanguage();
  return (
    <div className="language-switch" role="group" aria-label={t('lang.label')} data-testid="language-switch">
      {LANGUAGES.map((id) => (
        <button
          key={id}
          type="button"
          lang={id}
          aria-pressed={language === id}
          onClick={() => setLanguage(id)}
          data-testid={`language-${id}`}
        >
          {t(`lang.${id}`)}
        </button>
      ))}
    </div>
  );
}
