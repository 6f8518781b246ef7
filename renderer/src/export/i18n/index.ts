import i18next, { type i18n as I18n } from 'i18next';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { exportEn } from './en.js';
import { exportZhCN } from './zh-CN.js';

/*
 * The export dialog's strings live in their own i18next namespace, added to the app's i18next
 * instance once it is initialised (its resource store exists only from then). Keys are typed from
 * zh-CN.ts through useExportT, since the app's typed resources know only the shared namespace.
 */

export const EXPORT_NS = 'qinggaoExport';

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];
export type ExportKey = Leaves<typeof exportZhCN>;
export type ExportT = (key: ExportKey, values?: Record<string, string | number>) => string;

export function registerExportStrings(i18n: I18n = i18next): void {
  if (!i18n.isInitialized) return;
  if (!i18n.hasResourceBundle('zh-CN', EXPORT_NS)) i18n.addResourceBundle('zh-CN', EXPORT_NS, exportZhCN, true, true);
  if (!i18n.hasResourceBundle('en', EXPORT_NS)) i18n.addResourceBundle('en', EXPORT_NS, exportEn, true, true);
}

// At module load when i18next is up already, else as soon as it is.
if (i18next.isInitialized) registerExportStrings(i18next);
else i18next.on('initialized', () => registerExportStrings(i18next));

type LooseT = (key: string, options: Record<string, unknown>) => string;

/** t for the export namespace; re-renders on a change of language like useTranslation. */
export function useExportT(): ExportT {
  const { i18n } = useTranslation();
  registerExportStrings(i18n);
  const language = i18n.language;
  return useCallback<ExportT>(
    (key, values) => (i18n.t as unknown as LooseT)(key, { ...values, ns: EXPORT_NS, lng: language }),
    [i18n, language],
  );
}
