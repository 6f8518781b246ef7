/*
 * Files chosen or dropped in the browser are sent to the server as base64 in batches, so a folder
 * of thousands of pages is neither one giant request nor thousands of tiny ones.
 */

export interface SizedFile {
  name: string;
  size: number;
}

/** The page files the importer reads; other files in a dropped folder are left out. */
export function isPageFile(name: string): boolean {
  return /\.(txt|md)$/i.test(name);
}

/** Splits files into batches of at most `maxBytes` (a larger file goes alone) and `maxFiles`. */
export function planBatches<F extends SizedFile>(files: readonly F[], maxBytes = 16 * 1024 * 1024, maxFiles = 200): F[][] {
  const batches: F[][] = [];
  let current: F[] = [];
  let bytes = 0;
  for (const file of files) {
    if (current.length > 0 && (bytes + file.size > maxBytes || current.length >= maxFiles)) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(file);
    bytes += file.size;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/** Base64 of bytes, in chunks (String.fromCharCode on a whole large file overflows the stack). */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  }
  return btoa(binary);
}
