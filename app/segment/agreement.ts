/**
 * Agreement between segmentPage and a hand-labelled fixture. Shared by the eval script and the
 * fixture test so both measure the same thing.
 */
import type { SegmentedPage } from './types.js';
import { isBlockClass } from './types.js';
import { summarizeArticle } from './summary.js';

export interface FixtureBlock {
  cls: string;
  /** A prefix of the block's text; blocks are listed in page order. */
  text: string;
}

export interface FixtureArticle {
  section: string | null;
  headline: string | null;
  reporters: string[];
  blocks: FixtureBlock[];
}

export interface Fixture {
  /** Page text path, relative to the repository root. */
  page: string;
  articles: FixtureArticle[];
}

export interface Score {
  blocksRight: number;
  blocks: number;
  articlesFound: number;
  articles: number;
  reportersAgree: number;
  sectionsAgree: number;
  /** Human-readable disagreements, for the eval's verbose mode. */
  misses: string[];
}

export function emptyScore(): Score {
  return { blocksRight: 0, blocks: 0, articlesFound: 0, articles: 0, reportersAgree: 0, sectionsAgree: 0, misses: [] };
}

export function addScores(a: Score, b: Score): Score {
  return {
    blocksRight: a.blocksRight + b.blocksRight,
    blocks: a.blocks + b.blocks,
    articlesFound: a.articlesFound + b.articlesFound,
    articles: a.articles + b.articles,
    reportersAgree: a.reportersAgree + b.reportersAgree,
    sectionsAgree: a.sectionsAgree + b.sectionsAgree,
    misses: [...a.misses, ...b.misses],
  };
}

/** Fixture blocks are matched to predicted blocks by position; a text mismatch is a fixture error. */
export function scorePage(fixture: Fixture, page: SegmentedPage): Score {
  const expected = fixture.articles.flatMap((a, article) => a.blocks.map((b) => ({ ...b, article })));
  if (expected.length !== page.blocks.length) {
    throw new Error(`${fixture.page}: fixture lists ${expected.length} blocks, page has ${page.blocks.length}`);
  }
  const score = emptyScore();
  expected.forEach((b, i) => {
    const got = page.blocks[i]!;
    if (!got.text.startsWith(b.text)) {
      throw new Error(`${fixture.page}: block ${i} is "${got.text.slice(0, 20)}", fixture says "${b.text}"`);
    }
    if (!isBlockClass(b.cls)) throw new Error(`${fixture.page}: unknown class ${b.cls}`);
    score.blocks++;
    if (got.cls === b.cls) score.blocksRight++;
    else score.misses.push(`block ${i} ${b.cls} → ${got.cls}: ${got.text.slice(0, 24)}`);
  });

  const predictedOf = new Map<number, number>();
  page.articles.forEach((a, k) => a.blocks.forEach((i) => predictedOf.set(i, k)));
  let offset = 0;
  for (const article of fixture.articles) {
    const indices = article.blocks.map((_, k) => offset + k);
    offset += indices.length;
    score.articles++;
    // The predicted article sharing most blocks stands for this one when comparing metadata.
    const votes = new Map<number, number>();
    for (const i of indices) {
      const k = predictedOf.get(i);
      if (k !== undefined) votes.set(k, (votes.get(k) ?? 0) + 1);
    }
    const best = [...votes.entries()].sort((x, y) => y[1] - x[1])[0]?.[0];
    const label = article.headline ?? article.blocks[0]?.text ?? '';
    if (best === undefined) {
      score.misses.push(`article "${label}" not found`);
      continue;
    }
    const predicted = page.articles[best]!;
    const same = predicted.blocks.length === indices.length && indices.every((i) => predictedOf.get(i) === best);
    if (same) score.articlesFound++;
    else {
      const got = `${predicted.blocks[0]}–${predicted.blocks.at(-1)}`;
      score.misses.push(`article "${label}": expected blocks ${indices[0]}–${indices.at(-1)}, got ${got}`);
    }

    const summary = summarizeArticle(predicted.blocks.map((i) => page.blocks[i]!));
    if (sameSet(summary.reporters, article.reporters)) score.reportersAgree++;
    else {
      const names = (list: string[]) => `[${list.join(', ')}]`;
      score.misses.push(`article "${label}": reporters ${names(article.reporters)} → ${names(summary.reporters)}`);
    }
    if (predicted.section === article.section) score.sectionsAgree++;
    else score.misses.push(`article "${label}": section ${article.section} → ${predicted.section}`);
  }
  return score;
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const x = new Set(a);
  const y = new Set(b);
  return x.size === y.size && [...x].every((v) => y.has(v));
}
