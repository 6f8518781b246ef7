import { strToU8, zipSync, type Zippable } from 'fflate';

/*
 * Zip packages (DOCX, EPUB) written the same way every time: entries in the order given, each
 * dated at noon of the edition's date instead of now, so exporting an edition twice gives the
 * same bytes. The date is built from local-time fields because zip's DOS timestamps are read back
 * as local fields: every machine then writes the same ones.
 */

export interface ZipEntry {
  path: string;
  data: string | Uint8Array;
  /** Stored uncompressed (EPUB's mimetype must be). */
  store?: boolean;
}

/** DOS timestamps cover 1980–2107; fflate refuses dates outside 1980–2099. */
function zipDate(isoDate: string): Date {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const year = Math.min(2099, Math.max(1980, y));
  return year === y ? new Date(y, m - 1, d, 12, 0, 0) : new Date(year, 0, 1, 12, 0, 0);
}

export function zipEntries(entries: readonly ZipEntry[], isoDate: string): Uint8Array {
  const mtime = zipDate(isoDate);
  const files: Zippable = {};
  for (const e of entries) {
    const bytes = typeof e.data === 'string' ? strToU8(e.data) : e.data;
    files[e.path] = [bytes, { level: e.store ? 0 : 6, mtime }];
  }
  return zipSync(files);
}
