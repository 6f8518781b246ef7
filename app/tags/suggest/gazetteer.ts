import type { Db } from '../../store/database.js';
import { writeTransaction } from '../../store/database.js';
import { LibraryError } from '../../store/errors.js';
import { nowIso } from '../../store/clock.js';
import { formatTagPath, parseTagPath } from '../vocabulary.js';
import { PREFECTURES, PROVINCES } from './gazetteer-data.js';
import type { FoldedText } from './text.js';

/*
 * Places: the general gazetteer that ships with the code (gazetteer-data.ts) and the entries the
 * editor adds to the library (a county, a district, a village: 鲅鱼圈区 → Place/营口/鲅鱼圈区).
 * A place is found in an article where one of its names stands as a word of its own (jieba's
 * segmentation says where words begin and end), or at the start of a word it names (营口市,
 * 营口港): 三明 is not found in 三明治.
 */

export const PLACE_VOCABULARY = 'Place';

export interface GazetteerEntry {
  /** Null for an entry of the general gazetteer. */
  id: number | null;
  name: string;
  /** Other names it goes by (its full name: 营口市). */
  aliases: string[];
  /** The tag it suggests. */
  tagPath: string;
  region: string | null;
  /** The name alone is a common word: only the aliases are recognised. */
  strict: boolean;
}

let builtin: GazetteerEntry[] | null = null;

function builtinEntries(): GazetteerEntry[] {
  if (builtin) return builtin;
  const provinceNames = new Set(PROVINCES.map(([short]) => short));
  const entries: GazetteerEntry[] = PROVINCES.map(([short, full]) => ({
    id: null, name: short, aliases: [full], tagPath: formatTagPath([PLACE_VOCABULARY, short]), region: null, strict: false,
  }));
  for (const [province, list] of Object.entries(PREFECTURES)) {
    for (const item of list.split(/\s+/).filter(Boolean)) {
      const strict = item.endsWith('*');
      const [short, fullGiven] = item.replace(/\*$/, '').split(':') as [string, string | undefined];
      const full = fullGiven ?? `${short}市`;
      const aliases = [full];
      if (full.endsWith('自治州') && short !== full) aliases.push(`${short}州`);
      // 吉林市 would take the province's tag: a city sharing a province's name is tagged by its full name.
      const tagName = provinceNames.has(short) ? full : short;
      entries.push({
        id: null, name: short, aliases: aliases.filter((a) => a !== short), tagPath: formatTagPath([PLACE_VOCABULARY, tagName]),
        region: province, strict,
      });
    }
  }
  builtin = entries;
  return entries;
}

interface GazetteerRow {
  id: number;
  name: string;
  aliases: string;
  tag_path: string;
  region: string | null;
}

export function listGazetteer(db: Db): GazetteerEntry[] {
  const own = (db.prepare('SELECT * FROM gazetteer ORDER BY id').all() as GazetteerRow[]).map((r) => ({
    id: r.id, name: r.name, aliases: JSON.parse(r.aliases) as string[], tagPath: r.tag_path, region: r.region, strict: false,
  }));
  return [...builtinEntries(), ...own];
}

/** Adds a place to the library's gazetteer, e.g. 鲅鱼圈 / 鲅鱼圈区 → Place/营口/鲅鱼圈区. */
export function addGazetteerEntry(
  db: Db,
  input: { name: string; aliases?: readonly string[]; tagPath: string; region?: string | null },
): GazetteerEntry {
  const name = input.name.normalize('NFC').trim();
  if (!name) throw new LibraryError('A place needs a name.');
  const aliases = [...new Set((input.aliases ?? []).map((a) => a.normalize('NFC').trim()).filter((a) => a && a !== name))];
  const tagPath = formatTagPath(parseTagPath(input.tagPath));
  return writeTransaction(db, () => {
    if (db.prepare('SELECT 1 FROM gazetteer WHERE name = ? AND tag_path = ?').get(name, tagPath)) {
      throw new LibraryError(`The gazetteer has ${name} → ${tagPath} already.`);
    }
    const info = db
      .prepare('INSERT INTO gazetteer (name, aliases, tag_path, region, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(name, JSON.stringify(aliases), tagPath, input.region ?? null, nowIso());
    return { id: Number(info.lastInsertRowid), name, aliases, tagPath, region: input.region ?? null, strict: false };
  });
}

/**
 * What may follow a place name inside one of jieba's words and keep it a place: an administrative
 * suffix (营口市), or a feature named after it (营口港, 大连湾). 三明治 ends in neither.
 */
const PLACE_SUFFIX = /^(?:地区|自治|[市省区县州盟旗镇乡村港湾岛江河湖山路街站])/;

export interface PlaceMatch {
  entry: GazetteerEntry;
  /** The names found, as written (folded). */
  forms: string[];
  count: number;
}

/** The gazetteer's places named in a (folded, segmented) text, most often named first. */
export function findPlaces(db: Db, text: FoldedText): PlaceMatch[] {
  const out: PlaceMatch[] = [];
  for (const entry of listGazetteer(db)) {
    const forms = [...(entry.strict ? [] : [entry.name]), ...entry.aliases].map((f) => text.fold(f)).filter(Boolean);
    let count = 0;
    const found = new Set<string>();
    const claimed = new Set<number>();
    // Longer forms first, so 营口市 is counted once, not also as 营口.
    for (const form of [...new Set(forms)].sort((a, b) => b.length - a.length)) {
      for (let at = text.folded.indexOf(form); at !== -1; at = text.folded.indexOf(form, at + form.length)) {
        const end = at + form.length;
        if (claimed.has(at) || !text.boundaries.has(at)) continue;
        if (!text.boundaries.has(end) && !PLACE_SUFFIX.test(text.folded.slice(end, end + 2))) continue;
        claimed.add(at);
        found.add(form);
        count++;
      }
    }
    if (count > 0) out.push({ entry, forms: [...found], count });
  }
  return out.sort((a, b) => b.count - a.count);
}
