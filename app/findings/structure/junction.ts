import { toSimplified } from '../lexicon/dictionary.js';
import { cutWords } from '../lexicon/segmenter.js';
import { segment } from '../script/lexicon.js';
import { CLASSIFIERS, NUMERALS } from '../detectors/lexicon/reduplication.js';

/** How far to each side of a junction the segmenter looks. */
const WINDOW = 6;

/** Ends a sentence: full stop, question or exclamation mark, ellipsis, then closing quotes. */
const SENTENCE_END = /(?:[。！？!?；;]|……|…|\.{3})[”’」』）)\]】》"']*\s*$/u;

export function endsSentence(text: string): boolean {
  return SENTENCE_END.test(text);
}

/** Punctuation after which a sentence plainly goes on. */
const CLAUSE_OPEN = /[，,、：:“「『（(—]\s*$/u;

export function endsMidClause(text: string): boolean {
  return CLAUSE_OPEN.test(text);
}

export function endsWithColon(text: string): boolean {
  return /[：:]\s*$/u.test(text);
}

/** A list item's number or bullet: 一、 （二） (3) 4. ① 第五， 其一， and Markdown's - or * */
const LIST_MARKER = /^(?:[-*+•■●]\s|[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[、.．](?!\d)|[①-⑳]|第[一二三四五六七八九十]{1,3}[，,、：:]|其[一二三四五][，,、：:])/u;

export function opensListItem(text: string): boolean {
  return LIST_MARKER.test(text.trimStart());
}

const CJK = /\p{Script=Han}/u;

/** The word of two or more Han characters the segmenter reads across the junction of two texts, if any. */
export function wordAcross(left: string, right: string): string | null {
  const l = left.trimEnd().slice(-WINDOW);
  const r = right.trimStart().slice(0, WINDOW);
  if (!l || !r || !CJK.test(l.at(-1)!) || !CJK.test(r[0]!)) return null;
  let pos = 0;
  for (const word of cutWords(l + r)) {
    const end = pos + word.length;
    if (pos < l.length && end > l.length && word.length >= 2) return word;
    pos = end;
  }
  return null;
}

/**
 * Whether the segmenter reads a word across the junction of two texts: "…利民舉" + "措接連…"
 * gives 舉措, a word that neither side holds whole. That is strong evidence that the second text
 * continues the first.
 */
export function wordSpansJunction(left: string, right: string): string | null {
  const l = left.trimEnd().slice(-WINDOW);
  const r = right.trimStart().slice(0, WINDOW);
  if (!l || !r) return null;
  // A character met again across the cut ("出縣|縣人民") is a doubling, not a word cut in two.
  if (l.at(-1) === r[0]) return null;
  // The word must swallow a character that stands alone on its own side ("舉" | "措接連"):
  // otherwise two whole words side by side can be misread as one across the cut.
  const leftAlone = (cutWords(l).at(-1) ?? '').length === 1;
  const rightAlone = (cutWords(r)[0] ?? '').length === 1;
  if (!leftAlone && !rightAlone) return null;
  return wordAcross(l, r);
}

/**
 * The left text ends on a number (一百多, 三十七, 2021) and the right one opens with what counts it:
 * a measure word (座，…, 册) or a larger unit (万人次). Read together they are one count.
 */
export function countsAcross(left: string, right: string): boolean {
  const last = toSimplified(left.trimEnd().slice(-2));
  const opening = toSimplified(right.trimStart().slice(0, 6));
  const first = opening[0] ?? '';
  const counted = NUMERALS.has(last.at(-1) ?? '') || (/[多余几]$/u.test(last) && NUMERALS.has(last[0] ?? ''));
  if (!counted) return false;
  if (first === '万' || first === '亿') return true;
  // A measure word stands as a word of its own (册，… 座，…), not as the start of one (招收).
  return CLASSIFIERS.has(first) && (cutWords(opening)[0] ?? '').length === 1;
}

/**
 * Whether the segmenter reads a word of two or more Han characters across `offset` in text: the
 * offset falls inside a word rather than between words.
 */
export function splitsWord(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  if (!CJK.test(text[offset - 1]!) || !CJK.test(text[offset]!)) return false;
  const from = Math.max(0, offset - WINDOW);
  const window = text.slice(from, offset + WINDOW);
  const at = offset - from;
  let pos = 0;
  for (const word of cutWords(window)) {
    const end = pos + word.length;
    if (pos < at && end > at && word.length >= 2) return true;
    pos = end;
  }
  return false;
}

/**
 * How much likelier the text reads joined across a cut than as two separate pieces, in the
 * unigram word model's log-probability: a word the cut had split in two ("舉|措") gains a lot;
 * two whole words side by side gain nothing.
 */
export function junctionCohesion(left: string, right: string): number {
  const l = toSimplified(left.trimEnd().slice(-WINDOW));
  const r = toSimplified(right.trimStart().slice(0, WINDOW));
  if (!l || !r) return 0;
  return segment(l + r).score - segment(l).score - segment(r).score;
}

/**
 * Words that cannot end a sentence: prepositions, conjunctions, the copula, structural
 * particles. A paragraph ending in one was cut.
 */
const NEEDS_COMPLEMENT = new Set([
  '的', '之', '和', '与', '及', '或', '并', '而', '是', '为', '对', '将', '把', '被', '从', '向', '在', '于', '给', '让',
  '以', '由', '经', '据', '按', '截至', '包括', '通过', '关于', '由于', '因为', '为了', '随着', '根据', '按照', '以及',
  '并且', '或者', '还是', '就是', '这是', '那是', '也是', '都是', '成为', '作为', '对于', '围绕', '针对', '来自',
]);

export function endsNeedingComplement(text: string): boolean {
  const words = cutWords(toSimplified(text.trimEnd().slice(-WINDOW)));
  return NEEDS_COMPLEMENT.has(words.at(-1) ?? '');
}

/**
 * Words a sentence never opens with: bound particles, clause punctuation, and the directional
 * complements that finish a verb (传|下来, 组织|起来), which the segmenter reads as words of their own.
 */
const BOUND_START = new Set([
  '的', '地', '得', '了', '着', '过', '之', '，', '、', '；', '：', ',', ';', ':',
  '下来', '起来', '出来', '下去', '上来',
]);

/** Punctuation right after a block's first character that leaves that character a clause of its own. */
const CLAUSE_PUNCT = /^[，、。；：！？,;:!?]/u;

/**
 * Characters that may stand alone as a sentence's first clause: answers and interjections (是，
 * 对。 嗯，), pronouns set off for weight (他，一个…), and enumeration (一、 甲、).
 */
const LONE_OPENERS = new Set([
  ...'是对好不行嗯哦噢啊唉哎喂呀嘿咦哇',
  ...'我你他她它您',
  ...'一二三四五六七八九十甲乙丙丁',
]);

/**
 * A block opening with one Han character that punctuation cuts off ("期。在…", "草、早熟禾…",
 * "座，恢復…") holds the tail of a word or a measure cut from the sentence before it.
 */
export function startsWithLoneCharacter(text: string): boolean {
  const t = toSimplified(text.trimStart().slice(0, 2));
  return t.length === 2 && CJK.test(t[0]!) && CLAUSE_PUNCT.test(t.slice(1)) && !LONE_OPENERS.has(t[0]!);
}

/** A bound particle or clause punctuation first (的, 了, 、): no sentence opens so. */
export function startsWithBoundWord(text: string): boolean {
  return BOUND_START.has(cutWords(text.trimStart().slice(0, 6))[0] ?? '');
}

/** Whether a block cannot open a sentence: a bound particle, clause punctuation or a lone character first. */
export function startsBound(text: string): boolean {
  return startsWithBoundWord(text) || startsWithLoneCharacter(text);
}

/** Words a sentence commonly opens with; a block starting with one begins a sentence of its own. */
const SENTENCE_OPENERS = new Set([
  '同时', '此外', '另外', '目前', '近日', '日前', '近年来', '今年', '去年', '如今', '眼下', '据', '据悉',
  '据了解', '截至', '随着', '为了', '为', '在', '从', '对', '自', '记者', '本报讯', '其中', '因此', '所以',
  '但', '但是', '而', '然而', '可是', '不过', '此前', '下一步', '近期', '当前', '首先', '其次', '最后',
  '一是', '二是', '三是', '总之', '总的来看', '与此同时', '通过', '按照', '围绕', '根据', '针对', '以',
]);

/** Verbs that introduce reported speech: 负责人介绍，… / 他表示：… */
const SPEECH_VERBS = '介绍|表示|说|称|指出|认为|强调|坦言|透露|提到|告诉记者|说道';
const REPORTING_VERB = new RegExp(`(?:${SPEECH_VERBS})[，,：:]`, 'u');
const SPEECH_VERB_FIRST = new RegExp(`^(?:${SPEECH_VERBS})[，,：:]`, 'u');

/**
 * Whether the block's first clause is someone's reported speech ("公园管理处负责人介绍，"). Such a
 * block most likely opens a sentence, though a cut may still fall inside its speaker's name
 * (…松源|县委负责同志表示，), so this weighs against moving a block, never against joining one.
 */
export function opensWithReport(text: string): boolean {
  const firstClause = /^[^，,：:。！？]{0,24}[，,：:]/u.exec(toSimplified(text.trimStart().slice(0, 26)))?.[0];
  return firstClause !== undefined && REPORTING_VERB.test(firstClause);
}

/** 在 with a place or time and a comma: a phrase that opens a sentence. */
const AT_PHRASE = /^在[^，,。！？；;]{0,18}(?:中|下|上|里|内|外|后|前|时|间|边|处|方面|期间|之际|当中|这里|那里|此|当天|当时|现场)[，,]/u;

/**
 * Whether the block opens with a verb of saying and its comma (介绍，… 表示：…): its speaker stood
 * before the cut, which a short line of a name can look like a cross-head (石垭乡乡长韦春林|介绍，…).
 */
export function opensWithSpeechVerb(text: string): boolean {
  return SPEECH_VERB_FIRST.test(toSimplified(text.trimStart().slice(0, 8)));
}

export function opensSentence(text: string): boolean {
  const t = text.trimStart();
  if (/^[“「『《【(（]/u.test(t) || opensListItem(t)) return true;
  if (/^\d{1,2}月\d{1,2}日/u.test(t) || /^\d{4}年/u.test(t)) return true;
  // 更可贵的是，/ 值得一提的是，/ 需要注意的是： a clause announcing what the sentence says.
  if (/^[^，,。：:；;]{1,10}的是[，,：:]/u.test(toSimplified(t.slice(0, 14)))) return true;
  // Longer openers by prefix (the segmenter may split 下一步); one-character ones only as a word,
  // or 对 would claim 对接 and 在 would claim 在建.
  const folded = toSimplified(t.slice(0, 8));
  for (const opener of SENTENCE_OPENERS) if (opener.length > 1 && folded.startsWith(opener)) return true;
  // A subject with a time of its own (聂长春今年五十二岁，… 剧团里的演员覃思雨今年…) opens a sentence.
  // (Not a comparison: 收成比去年好.)
  if (/^[^，,。：:；;！？]{1,13}[^，,。：:；;！？比较于和与同跟](?:今年|去年|如今|目前|近年来)/u.test(toSimplified(t.slice(0, 20)))) return true;
  const first = cutWords(folded)[0] ?? '';
  // 在 opens a sentence with a place or time set off by a comma (在县委的领导下，… 在这次活动中，…);
  // otherwise it goes on with a clause whose subject stood before the cut (体育老师|在一旁掐着秒表,
  // 孩子们|在人群里钻来钻去，…).
  if (first === '在') return AT_PHRASE.test(folded + toSimplified(t.slice(8, 24)));
  return SENTENCE_OPENERS.has(first);
}

const OPEN_QUOTES = new Set(['“', '「', '『']);
const CLOSE_QUOTES = new Set(['”', '」', '』']);

/** The lowest and the final nesting depth of quotation marks across the text (from 0). */
function quoteDepths(text: string): { lowest: number; final: number } {
  let depth = 0;
  let lowest = 0;
  for (const ch of text) {
    if (OPEN_QUOTES.has(ch)) depth++;
    else if (CLOSE_QUOTES.has(ch)) lowest = Math.min(lowest, --depth);
  }
  return { lowest, final: depth };
}

/**
 * Whether the text closes a quotation it never opened ("就有一个驿站。”她说。"). A quotation
 * running over several paragraphs opens again with “ at each of them, so such a block reads on
 * from somewhere a quotation was left open.
 */
export function closesUnopenedQuote(text: string): boolean {
  return quoteDepths(text).lowest < 0;
}

/** Whether the text leaves a quotation open at its end. */
export function leavesQuoteOpen(text: string): boolean {
  const { lowest, final } = quoteDepths(text);
  return final > 0 && final > lowest;
}
