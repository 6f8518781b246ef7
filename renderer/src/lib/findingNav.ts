/*
 * Next / previous finding: from the one under review when there is one, otherwise from the caret.
 * Both directions wrap around the article's end.
 */

export interface FindingPlace {
  id: number;
  /** Index of the finding's first block in the article. */
  blockIndex: number;
  start: number;
}

export interface CaretPlace {
  blockIndex: number;
  offset: number;
}

function compare(a: { blockIndex: number; start: number }, b: { blockIndex: number; start: number }): number {
  return a.blockIndex - b.blockIndex || a.start - b.start;
}

/** Findings in reading order (block, then offset, then id). */
export function inReadingOrder<T extends FindingPlace>(findings: readonly T[]): T[] {
  return [...findings].sort((a, b) => compare(a, b) || a.id - b.id);
}

export function stepFinding(
  ordered: readonly FindingPlace[],
  activeId: number | null,
  caret: CaretPlace | null,
  direction: 1 | -1,
): number | null {
  if (ordered.length === 0) return null;
  const active = activeId === null ? -1 : ordered.findIndex((f) => f.id === activeId);
  if (active >= 0) return ordered[(active + direction + ordered.length) % ordered.length]!.id;
  if (!caret) return (direction === 1 ? ordered[0] : ordered.at(-1))!.id;
  const here = { blockIndex: caret.blockIndex, start: caret.offset };
  if (direction === 1) return (ordered.find((f) => compare(f, here) >= 0) ?? ordered[0])!.id;
  for (let i = ordered.length - 1; i >= 0; i--) if (compare(ordered[i]!, here) < 0) return ordered[i]!.id;
  return ordered.at(-1)!.id;
}
