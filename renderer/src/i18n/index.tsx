import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { en } from './en.js';
import { zhCN, type MessageKey, type Messages } from './zh-CN.js';

/*
 * A tiny i18n: two dictionaries, zh-CN by default, and t(key, values) filling in `{name}`s.
 * Adding a string: add its key to zh-CN.ts, then en.ts fails to typecheck until it has it too.
 */

export type Language = 'zh-CN' | 'en';
export type { MessageKey };
export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

export const LANGUAGES: readonly { id: Language; label: string }[] = [
  { id: 'zh-CN', label: '中文' },
  { id: 'en', label: 'English' },
];

const DICTIONARIES: Record<Language, Messages> = { 'zh-CN': zhCN, en };
const STORAGE_KEY = 'qinggao.language';

export function translate(lang: Language, key: MessageKey, values?: Record<string, string | number>): string {
  const template = DICTIONARIES[lang][key];
  if (!values) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

function savedLanguage(): Language {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    return saved === 'en' || saved === 'zh-CN' ? saved : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

interface I18n {
  lang: Language;
  setLang: (lang: Language) => void;
  t: Translate;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Language>(savedLanguage);

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = translate(lang, 'app.title');
  }, [lang]);

  const setLang = useCallback((next: Language) => {
    setLangState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Storage can be unavailable; the choice then lasts until the window closes.
    }
  }, []);

  const value = useMemo<I18n>(
    () => ({ lang, setLang, t: (key, values) => translate(lang, key, values) }),
    [lang, setLang],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n must be used inside <I18nProvider>.');
  return i18n;
}
