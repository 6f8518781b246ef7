import { LANGUAGES, useI18n } from '../i18n/index.js';

export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <div className="language-switch" role="group" aria-label={t('lang.label')}>
      {LANGUAGES.map(({ id, label }) => (
        <button key={id} type="button" lang={id} aria-pressed={lang === id} onClick={() => setLang(id)}>
          {label}
        </button>
      ))}
    </div>
  );
}
