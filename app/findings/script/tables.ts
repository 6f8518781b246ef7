import OpenCC, { type DictGroup, type DictLike } from 'opencc-js';

/*
 * Character-level views of the OpenCC tables that opencc-js ships (Locale.from / Locale.to), built
 * once, lazily. The character tables only keep the first candidate of a one-to-many conversion,
 * so the other candidates are recovered from the phrase tables: STPhrases maps simplified phrases
 * to traditional ones position by position, which tells e.g. that 发 becomes 發 in 发展 but 髮 in
 * 头发, and that 后 stays 后 in 皇后.
 */

export type CharMap = ReadonlyMap<string, string>;

export interface ScriptTables {
  /** Simplified → OpenCC-standard traditional, first candidate (STCharacters). */
  st: CharMap;
  /** OpenCC-standard traditional → simplified, first candidate (TSCharacters). */
  ts: CharMap;
  /** OpenCC standard → Taiwan / Hong Kong variant forms, and back. */
  twVariants: CharMap;
  hkVariants: CharMap;
  twVariantsRev: CharMap;
  hkVariantsRev: CharMap;
  /** Characters valid in some traditional standard (OpenCC, Taiwan, Hong Kong). */
  traditionalValid: ReadonlySet<string>;
  /** Characters valid in simplified text. */
  simplifiedValid: ReadonlySet<string>;
  /** simplified char → traditional candidates with how many phrases use each (STPhrases). */
  stPhraseTargets: ReadonlyMap<string, ReadonlyMap<string, number>>;
  /** traditional char (OpenCC standard) → simplified sources with their phrase counts. */
  tsPhraseSources: ReadonlyMap<string, ReadonlyMap<string, number>>;
  /** Phrase dictionaries, as entry lists. */
  stPhrases: readonly (readonly [string, string])[];
  tsPhrases: readonly (readonly [string, string])[];
}

/** Phrases that must keep a character with a simplified form of its own before it counts as simplified too. */
const MIN_PHRASES_KEEPING = 2;

function entries(dict: DictLike | undefined): [string, string][] {
  if (dict === undefined) return [];
  if (typeof dict !== 'string') {
    return (dict as readonly (readonly [string, string])[]).map(([a, b]): [string, string] => [a, b]);
  }
  const out: [string, string][] = [];
  for (const item of dict.split('|')) {
    const space = item.indexOf(' ');
    if (space <= 0) continue;
    out.push([item.slice(0, space), item.slice(space + 1)]);
  }
  return out;
}

/** A locale's dictionaries, split into phrase and character tables (character keys are one code point). */
function splitGroups(groups: readonly DictGroup[] | undefined): {
  phrases: [string, string][];
  chars: Map<string, string>;
} {
  const phrases: [string, string][] = [];
  const chars = new Map<string, string>();
  for (const group of groups ?? []) {
    for (const dict of group) {
      const list = entries(dict);
      const charLike = list.length > 0 && list.every(([a]) => [...a].length === 1);
      if (charLike) {
        for (const [a, b] of list) if (!chars.has(a)) chars.set(a, b);
      } else {
        phrases.push(...list);
      }
    }
  }
  return { phrases, chars };
}

function countAligned(
  phrases: readonly (readonly [string, string])[],
  keyOf: (src: string, dst: string) => [string, string],
): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  for (const [src, dst] of phrases) {
    const a = [...src];
    const b = [...dst];
    if (a.length !== b.length) continue;
    for (let i = 0; i < a.length; i++) {
      const [key, value] = keyOf(a[i]!, b[i]!);
      let m = out.get(key);
      if (!m) out.set(key, (m = new Map()));
      m.set(value, (m.get(value) ?? 0) + 1);
    }
  }
  return out;
}

let cached: ScriptTables | null = null;

export function scriptTables(): ScriptTables {
  if (cached) return cached;
  const L = OpenCC.Locale;
  const fromCn = splitGroups(L.from['cn']);
  const toCn = splitGroups(L.to['cn']);
  const toTw = splitGroups(L.to['tw']);
  const toHk = splitGroups(L.to['hk']);
  const fromTw = splitGroups(L.from['tw']);
  const fromHk = splitGroups(L.from['hk']);
  if (fromCn.chars.get('发') !== '發' || toCn.chars.get('發') !== '发') {
    throw new Error('opencc-js: unexpected dictionary layout');
  }

  const st = fromCn.chars;
  const ts = toCn.chars;
  // Phrase entries only (drop the ones whose source is one character).
  const stPhrases = fromCn.phrases.filter(([a]) => [...a].length > 1);
  const tsPhrases = toCn.phrases.filter(([a]) => [...a].length > 1);

  const stPhraseTargets = countAligned(stPhrases, (s, t) => [s, t]);
  const tsPhraseSources = countAligned(stPhrases, (s, t) => [t, s]);
  // TSPhrases adds traditional phrases whose simplified form keeps a traditional-looking char
  // (乾隆, 著作 …): count them as evidence too.
  for (const [t, s] of countAligned(tsPhrases, (a, b) => [a, b])) {
    let m = tsPhraseSources.get(t);
    if (!m) tsPhraseSources.set(t, (m = new Map()));
    for (const [k, n] of s) m.set(k, (m.get(k) ?? 0) + n);
  }

  const traditionalValid = new Set<string>();
  const simplifiedValid = new Set<string>();
  for (const [t, s] of ts) {
    traditionalValid.add(t);
    simplifiedValid.add(s);
  }
  for (const [s, t] of st) {
    simplifiedValid.add(s);
    traditionalValid.add(t);
  }
  for (const map of [toTw.chars, toHk.chars, fromTw.chars, fromHk.chars]) {
    for (const [a, b] of map) {
      traditionalValid.add(a);
      traditionalValid.add(b);
    }
  }
  // A simplified character that some phrase keeps unchanged is also a traditional character.
  for (const [s, targets] of stPhraseTargets) {
    if (targets.has(s)) traditionalValid.add(s);
  }
  // Every character of a simplified phrase is a simplified character, and so is every character
  // of a traditional phrase that TSPhrases keeps unchanged (乾隆, 於姓); but a character with a
  // simplified form of its own must turn up so in more than one phrase: 計 stays only in 不可貲計
  // and 麼 only in 幺麼小丑, and neither is a simplified character for that.
  const keptAgainstForm = new Map<string, number>();
  const keep = (c: string) => {
    const own = ts.get(c);
    if (own === undefined || own === c) simplifiedValid.add(c);
    else keptAgainstForm.set(c, (keptAgainstForm.get(c) ?? 0) + 1);
  };
  for (const [s] of stPhrases) for (const c of new Set(s)) keep(c);
  for (const [t, s] of tsPhrases) {
    const a = [...t];
    const b = [...s];
    if (a.length !== b.length) continue;
    a.forEach((c, i) => {
      if (b[i] === c) keep(c);
    });
  }
  for (const [c, n] of keptAgainstForm) if (n >= MIN_PHRASES_KEEPING) simplifiedValid.add(c);

  cached = {
    st,
    ts,
    twVariants: toTw.chars,
    hkVariants: toHk.chars,
    twVariantsRev: fromTw.chars,
    hkVariantsRev: fromHk.chars,
    traditionalValid,
    simplifiedValid,
    stPhraseTargets,
    tsPhraseSources,
    stPhrases,
    tsPhrases,
  };
  return cached;
}
