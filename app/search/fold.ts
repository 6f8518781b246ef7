import { simplifyChars } from '../findings/script/convert.js';

/*
 * Search compares folded text: NFKC (full-width forms, circled digits), lower case, and every
 * traditional character brought to its simplified form, one character at a time. Folding a
 * character never looks at its neighbours, so a query folds exactly as the same characters in an
 * article do (phrase-aware conversion could fold 乾 differently in a query and in a page).
 *
 * The folded text is cut into tokens: each CJK character is a token of its own, a run of other
 * letters and digits is one token, anything else separates. Each token keeps the span of the
 * original text it came from, so matches are marked in the real text, not in the folded copy.
 *
 * Changing anything here changes what the index holds: bump SEARCH_INDEX_FORMAT (indexer.ts).
 */

export interface Token {
  text: string;
  /** A single CJK character (as opposed to a run of letters and digits). */
  cjk: boolean;
  /** UTF-16 span of the original text the token folds from. */
  start: number;
  end: number;
}

const foldedChars = new Map<string, string>();

/** A character as search sees it (possibly several characters, as NFKC may give: ㈱ → (株)). */
export function foldChar(ch: string): string {
  let folded = foldedChars.get(ch);
  if (folded === undefined) {
    folded = simplifyChars(ch.normalize('NFKC').toLowerCase());
    foldedChars.set(ch, folded);
  }
  return folded;
}

/** Characters searched one by one: Han, kana, hangul and their marks, as a reader of CJK text sees words. */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3005\u3007]/u;
const WORD = /[\p{L}\p{N}]/u;

type CharClass = 0 | 1 | 2; // 0 separator, 1 CJK, 2 word character
const classes = new Map<string, CharClass>();

function classOf(c: string): CharClass {
  let k = classes.get(c);
  if (k === undefined) {
    k = CJK.test(c) ? 1 : WORD.test(c) ? 2 : 0;
    classes.set(c, k);
  }
  return k;
}

/** The tokens of a text, each with the span of original text it stands for. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let run = '';
  let runStart = 0;
  let runEnd = 0;
  const endRun = () => {
    if (run) tokens.push({ text: run, cjk: false, start: runStart, end: runEnd });
    run = '';
  };
  let offset = 0;
  for (const ch of text) {
    const start = offset;
    offset += ch.length;
    for (const c of foldChar(ch)) {
      const k = classOf(c);
      if (k === 1) {
        endRun();
        tokens.push({ text: c, cjk: true, start, end: offset });
      } else if (k === 2) {
        if (!run) runStart = start;
        run += c;
        runEnd = offset;
      } else {
        endRun();
      }
    }
  }
  endRun();
  return tokens;
}

/**
 * Two neighbouring tokens as one bigram token. Two CJK characters join as they are; a pair with a
 * word token joins with a private-use character (a token character to FTS5, never in folded
 * text), so "ab"+"c" and "a"+"bc" stay different tokens.
 */
export function bigram(a: Pick<Token, 'text' | 'cjk'>, b: Pick<Token, 'text' | 'cjk'>): string {
  return a.cjk && b.cjk ? a.text + b.text : `${a.text}\uE000${b.text}`;
}

export function bigramsOf(tokens: readonly Pick<Token, 'text' | 'cjk'>[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < tokens.length; i++) out.push(bigram(tokens[i]!, tokens[i + 1]!));
  return out;
}
