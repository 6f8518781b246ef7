import { toSimplified } from '../lexicon/dictionary.js';
import type { DocBlock } from '../model.js';
import { hanPairs } from '../../han-pairs.js';

/**
 * What a block is about, as the page sees it: the pairs of Han characters it shares with an
 * article, weighted by how rare each pair is on the page. Names of places, units and projects
 * ("林场", "冷链", "公交") recur within their article and seldom elsewhere, so a block cut off from
 * its article still shares them with it, while the everyday pairs every article has weigh little.
 */
export interface TopicModel {
  /**
   * How much block `block` shares with the other blocks of `article`: the summed rarity of the
   * pairs they have in common, over the rarity of all the block's pairs (0 to 1).
   */
  affinity(block: number, article: number): number;
}

function pairsOf(text: string): Set<string> {
  return hanPairs(toSimplified(text));
}

export function topicModel(doc: readonly DocBlock[]): TopicModel {
  const pairs = doc.map((b) => pairsOf(b.text));
  const df = new Map<string, number>();
  for (const set of pairs) for (const p of set) df.set(p, (df.get(p) ?? 0) + 1);
  const rarity = (p: string) => Math.log((doc.length + 1) / (df.get(p) ?? 1));
  /** For each article, how many of its blocks hold each pair. */
  const held = new Map<number, Map<string, number>>();
  doc.forEach((b, i) => {
    const counts = held.get(b.article) ?? new Map<string, number>();
    for (const p of pairs[i]!) counts.set(p, (counts.get(p) ?? 0) + 1);
    held.set(b.article, counts);
  });
  const affinity = (block: number, article: number): number => {
    const own = pairs[block]!;
    const counts = held.get(article);
    if (!counts || own.size === 0) return 0;
    const self = doc[block]!.article === article ? 1 : 0;
    let shared = 0;
    let total = 0;
    for (const p of own) {
      const w = rarity(p);
      total += w;
      if ((counts.get(p) ?? 0) > self) shared += w;
    }
    return total === 0 ? 0 : shared / total;
  };
  // The detectors ask for the same block and article again and again, once per cut.
  const known = new Map<string, number>();
  return {
    affinity(block, article) {
      const key = `${block}:${article}`;
      let value = known.get(key);
      if (value === undefined) known.set(key, (value = affinity(block, article)));
      return value;
    },
  };
}
