/*
 * Pairs of adjacent Han characters: what the page-level topic measures (findings) and the
 * caption-to-article choice (segmentation) compare texts by. Names of places, units and things
 * (林场, 冷链, 银河) show up as pairs a text shares with the article it belongs to. Callers fold the
 * script first where traditional and simplified text must meet.
 */

const HAN_PAIR = /^\p{Script=Han}{2}$/u;

/** The distinct pairs of adjacent Han characters in a text. */
export function hanPairs(text: string): Set<string> {
  const pairs = new Set<string>();
  for (let k = 0; k + 1 < text.length; k++) {
    const pair = text.slice(k, k + 2);
    if (HAN_PAIR.test(pair)) pairs.add(pair);
  }
  return pairs;
}

/** For each pair, how many of the texts hold it. */
export function pairHolders(texts: Iterable<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const text of texts) for (const pair of hanPairs(text)) counts.set(pair, (counts.get(pair) ?? 0) + 1);
  return counts;
}
