/**
 * Shape of a line of text: length and punctuation. Chinese page typography is mostly told
 * apart by these: titles are short and unpunctuated, running text is punctuated sentences.
 */

/** Visible characters: whitespace does not count, and a supplementary Han character counts once. */
export function visibleLength(text: string): number {
  let n = 0;
  for (const ch of text) if (!/\s/.test(ch)) n++;
  return n;
}

/** Clause and sentence punctuation, full- and half-width (some OCR engines emit ASCII commas). */
const CLAUSE_PUNCT = /[。，,；;]/;
const SENTENCE_END = /[。！？!?…]$|[。！？!?][”」』"'’）)]$/;

export function endsSentence(text: string): boolean {
  return SENTENCE_END.test(text.trim());
}

export function hasClausePunct(text: string): boolean {
  return CLAUSE_PUNCT.test(text);
}

export function startsWithDash(text: string): boolean {
  return /^(?:——|—|--|－－)/.test(text);
}

const HAN = /\p{Script=Han}/u;

export function hanCount(text: string): number {
  let n = 0;
  for (const ch of text) if (HAN.test(ch)) n++;
  return n;
}

/** Longest title we expect; main headlines with a run-in subtitle reach about 40 characters. */
export const MAX_TITLE = 45;

/**
 * Could be a title line (headline, cross-head, column name): short, no clause punctuation, not
 * ending like a sentence. A question/exclamation is allowed only in very short titles
 * ("何以决胜？唯有更优！"); in longer lines it signals running text.
 */
export function looksLikeTitle(text: string): boolean {
  const t = text.trim();
  const n = visibleLength(t);
  if (n === 0 || n > MAX_TITLE) return false;
  if (hasClausePunct(t)) return false;
  if (/[：:、]$/.test(t) || /…$/.test(t)) return false;
  if (/[！？!?]/.test(t) && n > 16) return false;
  return hanCount(t) >= 2;
}

/**
 * Some headlines set their two phrases apart with a comma instead of a space ("秋收正当时，农机
 * 助力忙", "加装电梯，难在哪里？"). The shape alone is too weak (a short clause of running text
 * looks the same), so the classifier only accepts it above a byline or a brief opener.
 */
export function looksLikeCommaTitle(text: string): boolean {
  const t = text.trim();
  const n = visibleLength(t);
  // A question or exclamation may close it ("加装电梯，难在哪里？"); a full stop may not.
  if (n > 20 || /[。；;：:、…]/.test(t)) return false;
  const parts = t.replace(/[！？!?]$/, '').split(/[，,]/);
  return parts.length === 2 && parts.every((p) => hanCount(p) >= 3);
}

/**
 * OCR breaks a paragraph where a column or a photo interrupts it; the next line then opens with
 * the tail of the broken sentence: a few characters and a full stop ("措接連而至。…"). A real
 * paragraph almost never starts with a clause that short without a comma or a quote.
 */
export function continuesSentence(text: string): boolean {
  return /^[^\s“”"「」『』‘’'（(《，,、：:；;。！？!?]{1,6}。/.test(text);
}

/** A line written in Latin letters: the English title line of an advert or expo banner. */
export function isLatinLine(text: string): boolean {
  const letters = (text.match(/[A-Za-z]/g) ?? []).length;
  const visible = visibleLength(text);
  return letters >= 12 && letters / visible >= 0.6 && /[A-Za-z]\s+[A-Za-z]/.test(text);
}
