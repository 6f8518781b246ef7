import { z } from 'zod';
import { convertScript } from '../findings/script/index.js';

/*
 * An edition's options: what the exported text looks like. They are stored with the edition (as
 * JSON) so exporting it again gives the same files; `qinggao export --script` overrides the script
 * for one export only.
 */

/** 'as-is' keeps each article's script; the others go through OpenCC (tw/hk/twp: regional traditional). */
export const SCRIPT_CHOICES = ['as-is', 'simplified', 'traditional', 'tw', 'hk', 'twp'] as const;
export type ScriptChoice = (typeof SCRIPT_CHOICES)[number];

/** Which comments become notes after the paragraph they are on: none, the open ones, or all. */
export const NOTE_CHOICES = ['none', 'open', 'all'] as const;
export type NoteChoice = (typeof NOTE_CHOICES)[number];

export const editionOptionsSchema = z.object({
  script: z.enum(SCRIPT_CHOICES),
  /** ASCII , : ; ( ) ! ? used as Chinese punctuation → full-width, as the halfwidth_punct detector judges. */
  normalizePunctuation: z.boolean(),
  captions: z.boolean(),
  credits: z.boolean(),
  notes: z.enum(NOTE_CHOICES),
  approvedOnly: z.boolean(),
});
export type EditionOptions = z.infer<typeof editionOptionsSchema>;

/** A change to some options; the others keep their value. */
export const editionOptionsPatchSchema = editionOptionsSchema.partial();
export type EditionOptionsPatch = z.infer<typeof editionOptionsPatchSchema>;

/** The text as the editors left it: nothing converted, nothing left out but what is not article text. */
export const DEFAULT_EDITION_OPTIONS: EditionOptions = {
  script: 'as-is',
  normalizePunctuation: false,
  captions: true,
  credits: true,
  notes: 'none',
  approvedOnly: false,
};

/**
 * Options as stored. Keys an older Qinggao did not know take their default, and a value no longer
 * valid falls back to its default, so a saved edition always exports.
 */
export function parseStoredOptions(json: string): EditionOptions {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    raw = {};
  }
  const out: Record<string, unknown> = { ...DEFAULT_EDITION_OPTIONS };
  if (raw && typeof raw === 'object') {
    for (const [key, schema] of Object.entries(editionOptionsSchema.shape)) {
      const value = (raw as Record<string, unknown>)[key];
      if (schema.safeParse(value).success) out[key] = value;
    }
  }
  return out as EditionOptions;
}

/** Stored with a fixed key order, so the same options are the same bytes. */
export function serializeOptions(options: EditionOptions): string {
  const ordered = Object.fromEntries(Object.keys(editionOptionsSchema.shape).map((k) => [k, options[k as keyof EditionOptions]]));
  return JSON.stringify(ordered);
}

/** The BCP 47 language tag of text in a script (EPUB dc:language, HTML lang, DOCX language). */
export function languageTag(script: ScriptChoice): string {
  switch (script) {
    case 'as-is':
      return 'zh';
    case 'simplified':
      return 'zh-Hans';
    case 'traditional':
      return 'zh-Hant';
    case 'tw':
    case 'twp':
      return 'zh-Hant-TW';
    case 'hk':
      return 'zh-Hant-HK';
  }
}

/** Text in the chosen script (OpenCC, phrase-aware); 'as-is' returns it unchanged. */
export function toScript(text: string, script: ScriptChoice): string {
  return script === 'as-is' ? text : convertScript(text, script);
}
