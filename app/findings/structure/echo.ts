import type { DocBlock } from '../model.js';
import { toSimplified } from '../lexicon/dictionary.js';

/**
 * How many characters a phrase read across a cut must take from each side before its recurrence
 * elsewhere on the page counts: one character of each side recurs by chance all the time.
 */
const SIDE = 2;
const HAN_RUN = /^\p{Script=Han}+$/u;

/** Every run of 2 × SIDE Han characters on the page, with the blocks that hold it; the blocks' texts folded to simplified. */
export interface PhraseIndex {
  holders: ReadonlyMap<string, readonly number[]>;
  folded: readonly string[];
}

export function pagePhrases(doc: readonly DocBlock[]): PhraseIndex {
  const holders = new Map<string, number[]>();
  const folded = doc.map((block) => toSimplified(block.text));
  folded.forEach((text, b) => {
    for (let k = 0; k + 2 * SIDE <= text.length; k++) {
      const gram = text.slice(k, k + 2 * SIDE);
      if (!HAN_RUN.test(gram)) continue;
      const held = holders.get(gram);
      if (!held) holders.set(gram, [b]);
      else if (held.at(-1) !== b) held.push(b);
    }
  });
  return { holders, folded };
}

/**
 * The phrase read across the junction of block `cut` and block `next` that the page holds
 * somewhere else ("…见到推车" + "进楼的…" where another paragraph speaks of 推车进楼, or a brief
 * cut after 城际 whose headline reads 城际铁路开工): the writer's own wording met again across the
 * cut, which two unrelated blocks side by side seldom make. Null when there is none.
 */
export function echoAcross(doc: readonly DocBlock[], index: PhraseIndex, cut: number, next: number): string | null {
  const left = index.folded[cut]!.trimEnd();
  const right = index.folded[next]!.trimStart();
  const gram = left.slice(-SIDE) + right.slice(0, SIDE);
  if (gram.length !== 2 * SIDE || !HAN_RUN.test(gram)) return null;
  const elsewhere = (index.holders.get(gram) ?? []).filter((b) => b !== cut && b !== next);
  if (elsewhere.length === 0) return null;
  // Report as much of the phrase as the page repeats, for the editor to see.
  const texts = elsewhere.map((b) => index.folded[b]!);
  let from = left.length - SIDE;
  let to = SIDE;
  const phrase = () => left.slice(from) + right.slice(0, to);
  while (from > 0 && HAN_RUN.test(left[from - 1]!) && texts.some((t) => t.includes(left[from - 1] + phrase()))) from--;
  while (to < right.length && HAN_RUN.test(right[to]!) && texts.some((t) => t.includes(phrase() + right[to]))) to++;
  return doc[cut]!.text.trimEnd().slice(from) + doc[next]!.text.trimStart().slice(0, to);
}
