import 'i18next';
import type { zhCN } from './zh-CN.js';

// Typed keys: t('…') with a key zh-CN.ts lacks is a type error.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof zhCN };
    returnNull: false;
  }
}
