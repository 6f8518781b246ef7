import i18next from 'i18next';
import { createElement, type ReactNode } from 'react';
import { I18nextProvider, initReactI18next, useTranslation } from 'react-i18next';
import { en } from './en.js';
import { zhCN } from './zh-CN.js';

/*
 * The UI's strings, through i18next + react-i18next: zh-CN by default, English switchable in the
 * settings (and the top bar). Adding a string: add its key to zh-CN.ts; en.ts then fails to
 * typecheck until it has it too, and test/renderer/i18n.test.ts checks the two have the same keys.
 */

export type Language = 'zh-CN' | 'en';
export const LANGUAGES: readonly Language[] = ['zh-CN', 'en'];
export const DEFAULT_LANGUAGE: Language = 'zh-CN';

const STORAGE_KEY = 'qinggao.language';

function savedLanguage(): Language {
  try {
    const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
    return saved === 'en' || saved === 'zh-CN' ? saved : DEFAULT_LANGUAGE;
  } catch {
    return DEFAULT_LANGUAGE;
  }
}

export function isLanguage(value: string): value is Language {
  return (LANGUAGES as readonly string[]).includes(value);
}

/** Starts i18next synchronously (the resources are bundled), so the first render is translated. */
export function initI18n(language: Language = savedLanguage()) {
  if (!i18next.isInitialized) {
    void i18next.use(initReactI18next).init({
      resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
      lng: language,
      fallbackLng: DEFAULT_LANGUAGE,
      supportedLngs: [...LANGUAGES],
      interpolation: { escapeValue: false }, // React escapes
      initAsync: false,
      returnNull: false,
    });
    const apply = (lng: string) => {
      if (typeof document === 'undefined') return;
      document.documentElement.lang = lng;
      document.title = i18next.t('app.title');
    };
    apply(i18next.language);
    i18next.on('languageChanged', apply);
  }
  return i18next;
}

/** The current UI language and a setter that remembers the choice. */
export function useLanguage(): [Language, (language: Language) => void] {
  const { i18n } = useTranslation();
  const language = isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE;
  const setLanguage = (next: Language) => {
    void i18n.changeLanguage(next);
    try {
      globalThis.localStorage?.setItem(STORAGE_KEY, next);
    } catch {
      // Storage can be unavailable; the choice then lasts until the window closes.
    }
  };
  return [language, setLanguage];
}

/** Starts i18next and provides it to the tree (what main.tsx wraps the app in). */
export function I18nProvider({ children }: { children: ReactNode }) {
  return createElement(I18nextProvider, { i18n: initI18n() }, children);
}
