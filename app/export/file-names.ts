/*
 * File names made from editors' text (an edition's name, an article's headline): safe on Linux,
 * macOS and Windows, and unable to climb out of the folder they are written to.
 */

/** Path separators, the characters Windows refuses, and control characters. */
const RESERVED = /[/\\:*?"<>|\u0000-\u001F\u007F-\u009F]/gu;
/** Invisible characters, including bidirectional controls that can disguise an extension. */
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/gu;
/** Names Windows keeps for devices, with any extension. */
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/iu;
/** Room for a name: most file systems allow 255 bytes, and a prefix and an extension are added. */
const MAX_BYTES = 150;

function truncateBytes(text: string, maxBytes: number): string {
  let out = '';
  let bytes = 0;
  for (const ch of text) {
    const size = Buffer.byteLength(ch, 'utf8');
    if (bytes + size > maxBytes) break;
    out += ch;
    bytes += size;
  }
  return out;
}

/** A file name (without extension) for `text`; `fallback` when nothing usable is left. */
export function sanitizeFileName(text: string, fallback: string): string {
  let name = text.normalize('NFC').replace(INVISIBLE, '').replace(RESERVED, '_').replace(/\s+/gu, ' ');
  name = truncateBytes(name, MAX_BYTES);
  // Leading dots hide a file (and . and .. are not names); trailing dots and spaces Windows drops.
  name = name.replace(/^[\s.]+|[\s.]+$/gu, '');
  if (!name) return fallback;
  return WINDOWS_DEVICE.test(name) ? `_${name}` : name;
}
