import OpenCC, { type ConverterFunction, type Trie } from 'opencc-js';
import { scriptTables } from './tables.js';

/*
 * Script conversion through OpenCC's tables (opencc-js), phrase-aware as OpenCC is: the longest
 * dictionary phrase at each position wins, so 头发 becomes 頭髮 while 发展 becomes 發展.
 */

/** Where a conversion can go: simplified (mainland), OpenCC-standard traditional, or a regional traditional. */
export type ScriptTarget = 'simplified' | 'traditional' | 'tw' | 'hk' | 'twp';

/** The regional forms traditional text may follow: OpenCC's standard, Taiwan's, Hong Kong's. */
export type TraditionalLocale = 't' | 'tw' | 'hk';

const converters = new Map<ScriptTarget, ConverterFunction>();

function converter(target: ScriptTarget): ConverterFunction {
  let c = converters.get(target);
  if (c) return c;
  const L = OpenCC.Locale;
  switch (target) {
    case 'simplified':
      // Any traditional (Hong Kong, Taiwan or OpenCC-standard forms) → mainland simplified. The
      // variant tables first bring regional forms (綫, 裡, 衞 …) to the OpenCC standard.
      c = OpenCC.ConverterFactory(L.from['hk']!, L.from['tw']!, L.to['cn']!);
      break;
    case 'traditional':
      c = OpenCC.Converter({ from: 'cn', to: 't' });
      break;
    default:
      c = OpenCC.Converter({ from: 'cn', to: target });
  }
  converters.set(target, c);
  return c;
}

/**
 * Converts text to a script. 'traditional' is OpenCC's standard traditional (the form its tables
 * speak: 裏, 着, 爲 …); 'tw', 'hk' and 'twp' are the regional forms (twp also swaps Taiwan's
 * vocabulary: 自行车 → 腳踏車). 'simplified' accepts any traditional input.
 */
export function convertScript(text: string, target: ScriptTarget): string {
  return converter(target)(text);
}

/** Simplified (or mixed) → OpenCC-standard traditional. */
export function toTraditional(text: string): string {
  return convertScript(text, 'traditional');
}

/** Traditional (any regional forms) or mixed → mainland simplified. */
export function toSimplified(text: string): string {
  return convertScript(text, 'simplified');
}

/** Candidates a phrase count must reach to be offered: rare readings are noise. */
function frequentKeys(counts: ReadonlyMap<string, number> | undefined): string[] {
  if (!counts) return [];
  let total = 0;
  for (const n of counts.values()) total += n;
  const floor = Math.max(3, total * 0.01);
  return [...counts].filter(([, n]) => n >= floor).sort((a, b) => b[1] - a[1]).map(([k]) => k);
}

function pushUnique(list: string[], value: string | undefined): void {
  if (value !== undefined && !list.includes(value)) list.push(value);
}

/**
 * Every traditional form a (simplified) character can stand for, most usual first: 后 → 後, 后;
 * 发 → 發, 髮; 干 → 幹, 乾, 干; 里 → 裏, 裡, 里; 面 → 面, 麪, 麵. Regional variants follow the
 * OpenCC-standard form they vary. A character with a single form gives just that form.
 */
export function traditionalAlternatives(char: string): string[] {
  const T = scriptTables();
  const base: string[] = [];
  pushUnique(base, T.st.get(char));
  for (const k of frequentKeys(T.stPhraseTargets.get(char))) pushUnique(base, k);
  if (base.length === 0) base.push(char);
  const out: string[] = [];
  for (const b of base) {
    pushUnique(out, b);
    pushUnique(out, T.twVariants.get(b));
    pushUnique(out, T.hkVariants.get(b));
  }
  return out;
}

/**
 * Share of OpenCC's phrases in which a simplified character keeps its form in traditional script:
 * 0 for 发 (always 發 or 髮), about 0.16 for 干 (干戈 beside 幹部, 乾淨), 0.6 for 里 (鄰里).
 */
export function keepsFormShare(char: string): number {
  const counts = scriptTables().stPhraseTargets.get(char);
  if (!counts) return 0;
  let total = 0;
  for (const n of counts.values()) total += n;
  return total === 0 ? 0 : (counts.get(char) ?? 0) / total;
}

/** Brings a Taiwan or Hong Kong form to the OpenCC-standard one (裡 → 裏, 綫 → 線). */
export function standardTraditionalChar(char: string): string {
  const T = scriptTables();
  const hk = T.hkVariantsRev.get(char) ?? char;
  return T.twVariantsRev.get(hk) ?? hk;
}

/**
 * Every simplified form a (traditional) character can stand for, most usual first: 乾 → 干, 乾;
 * 藉 → 借, 藉. A character with a single form gives just that form.
 */
export function simplifiedAlternatives(char: string): string[] {
  const T = scriptTables();
  const out: string[] = [];
  // A Taiwan or Hong Kong form may also be an OpenCC-standard character of its own (著 is
  // Taiwan's 着 and the standard 著): look at both readings.
  const readings = [...new Set([char, standardTraditionalChar(char)])];
  for (const c of readings) pushUnique(out, T.ts.get(c));
  for (const c of readings) for (const k of frequentKeys(T.tsPhraseSources.get(c))) pushUnique(out, k);
  if (T.simplifiedValid.has(char)) pushUnique(out, char);
  return out;
}

/** A character's conversion inside a text: its output, and whether a dictionary phrase decided it. */
export interface ConvertedChar {
  /** UTF-16 offset and length of the source character. */
  start: number;
  end: number;
  source: string;
  output: string;
  /** True when a phrase of two or more characters covered this character. */
  byPhrase: boolean;
  /** UTF-16 span of the dictionary entry that converted it (its own span when none did). */
  matchStart: number;
  matchEnd: number;
}

let stTrie: Trie | null = null;
let tsTrie: Trie | null = null;

function trieOf(kind: 'st' | 'ts'): Trie {
  if (kind === 'st' && stTrie) return stTrie;
  if (kind === 'ts' && tsTrie) return tsTrie;
  const t = new OpenCC.Trie();
  t.loadDictGroup(kind === 'st' ? OpenCC.Locale.from['cn']![0]! : OpenCC.Locale.to['cn']![0]!);
  if (kind === 'st') stTrie = t;
  else tsTrie = t;
  return t;
}

/**
 * Converts text character by character with OpenCC's phrase tables (greedy longest match, as
 * OpenCC does), keeping track of which output belongs to which source character. Direction
 * 'traditional' gives the forms of `locale`; 'simplified' first brings regional forms to OpenCC's
 * standard. A phrase whose output length differs from its source is kept whole on its first
 * character.
 */
export function convertChars(
  text: string,
  direction: 'simplified' | 'traditional',
  locale: TraditionalLocale = 't',
): ConvertedChar[] {
  const T = scriptTables();
  const chars: { start: number; end: number; source: string }[] = [];
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    const len = cp > 0xffff ? 2 : 1;
    chars.push({ start: i, end: i + len, source: text.slice(i, i + len) });
    i += len;
  }
  // For the simplified direction, regional traditional forms first become the OpenCC standard
  // (one character for one character, so positions stay aligned).
  const inputChars = chars.map((c) =>
    direction === 'simplified' && !T.simplifiedValid.has(c.source) ? standardTraditionalChar(c.source) : c.source,
  );
  const input = inputChars.join('');
  const startsAt: number[] = [];
  const indexAt = new Map<number, number>();
  {
    let off = 0;
    inputChars.forEach((c, k) => {
      startsAt.push(off);
      indexAt.set(off, k);
      off += c.length;
    });
    indexAt.set(off, inputChars.length);
  }

  const trie = trieOf(direction === 'simplified' ? 'ts' : 'st');
  const out: ConvertedChar[] = chars.map((c) => ({
    ...c,
    output: c.source,
    byPhrase: false,
    matchStart: c.start,
    matchEnd: c.end,
  }));
  let k = 0;
  while (k < chars.length) {
    const off = startsAt[k]!;
    const m = trie.matchPrefix(input, off);
    if (!m) {
      k++;
      continue;
    }
    const endIdx = indexAt.get(m.end) ?? chars.length;
    const srcCount = endIdx - k;
    const values = [...m.value];
    const byPhrase = srcCount > 1;
    const matchStart = chars[k]!.start;
    const matchEnd = chars[endIdx - 1]!.end;
    for (let j = 0; j < srcCount; j++) {
      out[k + j]!.matchStart = matchStart;
      out[k + j]!.matchEnd = matchEnd;
    }
    if (values.length === srcCount) {
      for (let j = 0; j < srcCount; j++) {
        out[k + j]!.output = values[j]!;
        out[k + j]!.byPhrase = byPhrase;
      }
    } else {
      out[k]!.output = m.value;
      out[k]!.byPhrase = byPhrase;
      for (let j = 1; j < srcCount; j++) {
        out[k + j]!.output = '';
        out[k + j]!.byPhrase = byPhrase;
      }
    }
    k = endIdx;
  }
  if (direction === 'traditional' && locale !== 't') {
    const variants = locale === 'tw' ? T.twVariants : T.hkVariants;
    for (const c of out) {
      c.output = [...c.output].map((ch) => variants.get(ch) ?? ch).join('');
    }
  }
  return out;
}

/**
 * Text with every traditional character replaced by its (first) simplified form, one character for
 * one character, so offsets stay valid: for looking words up in a simplified dictionary.
 */
export function simplifyChars(text: string): string {
  const T = scriptTables();
  let out = '';
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x3400 || T.simplifiedValid.has(ch)) {
      out += ch;
      continue;
    }
    const s = T.ts.get(standardTraditionalChar(ch)) ?? ch;
    out += s.length === ch.length ? s : ch;
  }
  return out;
}

/** Regional form of an OpenCC-standard traditional character. */
export function localeForm(char: string, locale: TraditionalLocale): string {
  if (locale === 't') return char;
  const T = scriptTables();
  return (locale === 'tw' ? T.twVariants : T.hkVariants).get(char) ?? char;
}

/**
 * Which regional forms a traditional text follows, from the characters where the standards
 * differ (爲/為, 裏/裡, 衛/衞 …); Taiwan's when the text does not tell.
 */
export function traditionalLocaleOf(text: string): TraditionalLocale {
  const T = scriptTables();
  const votes: Record<TraditionalLocale, number> = { t: 0, tw: 0, hk: 0 };
  for (const ch of text) {
    // Characters simplified text also uses (着, 户, 台 …) say nothing about the regional forms.
    if (T.simplifiedValid.has(ch)) continue;
    const std = standardTraditionalChar(ch);
    const tw = T.twVariants.get(std) ?? std;
    const hk = T.hkVariants.get(std) ?? std;
    if (tw === std && hk === std) continue;
    if (ch === std) votes.t++;
    if (ch === tw) votes.tw++;
    if (ch === hk) votes.hk++;
  }
  if (votes.t > votes.tw && votes.t > votes.hk) return 't';
  if (votes.hk > votes.tw) return 'hk';
  return 'tw';
}
