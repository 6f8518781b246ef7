import chardet from 'chardet';

export type EncodingName = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'big5';

export type DecodeResult =
  | { ok: true; text: string; encoding: EncodingName; replacements: number }
  | { ok: false; reason: string };

export interface DecodeOptions {
  /** Accept text that decodes with replacement characters (they are counted and reported). */
  allowReplacement?: boolean;
}

const REPLACEMENT = '\uFFFD';

/** Control characters that never appear in a text page (tab, newlines and form feed are fine). */
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000E-\u001F\u007F]/g;

/** Which chardet names we can decode, mapped to the WHATWG label TextDecoder knows. */
const CHINESE_LEGACY: Record<string, EncodingName> = { GB18030: 'gb18030', Big5: 'big5' };

function countReplacements(text: string): number {
  let n = 0;
  for (let i = text.indexOf(REPLACEMENT); i !== -1; i = text.indexOf(REPLACEMENT, i + 1)) n++;
  return n;
}

function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): DecodeResult {
  const body = bytes.subarray(2);
  if (body.length % 2 !== 0) {
    return { ok: false, reason: `truncated ${encoding.toUpperCase()} text (odd number of bytes after the byte-order mark)` };
  }
  const text = new TextDecoder(encoding, { ignoreBOM: true }).decode(body);
  return { ok: true, text, encoding, replacements: countReplacements(text) };
}

function tryUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

function decodeByDetection(bytes: Uint8Array): DecodeResult {
  if (bytes.includes(0)) return { ok: false, reason: 'binary content (NUL bytes)' };
  const utf8 = tryUtf8(bytes);
  if (utf8 !== null) return { ok: true, text: utf8, encoding: 'utf-8', replacements: 0 };

  const matches = chardet.analyse(bytes);
  // Only decode as GB18030 or Big5 when detection ranks it first: both accept almost any byte
  // pair, so decoding a Latin-1 file with them would "succeed" and store garbage.
  const topConfidence = matches[0]?.confidence ?? 0;
  const best = matches.find((m) => m.name in CHINESE_LEGACY && m.confidence >= topConfidence);
  if (!best) {
    const guess = matches[0]?.name ?? 'unknown';
    return { ok: false, reason: `not UTF-8, UTF-16, GB18030 or Big5 text (looks like ${guess})` };
  }
  const encoding = CHINESE_LEGACY[best.name]!;
  const text = new TextDecoder(encoding).decode(bytes);
  return { ok: true, text, encoding, replacements: countReplacements(text) };
}

/**
 * Decodes a page's bytes, detecting the encoding. Never guesses silently: text with bytes that do
 * not decode is refused unless the caller explicitly allows replacement characters.
 */
export function decodePage(bytes: Uint8Array, options: DecodeOptions = {}): DecodeResult {
  if (bytes.length === 0) return { ok: false, reason: 'empty file' };

  let result: DecodeResult;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = tryUtf8(bytes.subarray(3));
    result = text === null
      ? { ok: false, reason: 'undecodable bytes: invalid UTF-8 after a UTF-8 byte-order mark' }
      : { ok: true, text, encoding: 'utf-8-bom', replacements: 0 };
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    result = decodeUtf16(bytes, 'utf-16le');
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    result = decodeUtf16(bytes, 'utf-16be');
  } else {
    result = decodeByDetection(bytes);
  }
  if (!result.ok) return result;

  // A stray control character can survive OCR; many of them mean the file is not text at all.
  const controls = result.text.match(CONTROL_CHARS)?.length ?? 0;
  if (result.text.includes('\u0000') || controls > Math.max(3, result.text.length / 100)) {
    return { ok: false, reason: `binary content (${controls} control characters)` };
  }
  if (result.text.trim() === '') return { ok: false, reason: 'empty file (only white space)' };
  if (result.replacements > 0 && !options.allowReplacement) {
    return {
      ok: false,
      reason: `undecodable bytes: ${result.replacements} characters do not decode as ${result.encoding} (import with --allow-replacement to keep them as �)`,
    };
  }
  return result;
}
