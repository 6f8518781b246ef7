/**
 * Segmentation agreement with the hand-labelled fixtures in test/fixtures/segment, per page and
 * in total (real sample pages and pages written for the fixtures counted apart). It reports and
 * exits 0; the floors live in app/segment/fixtures.test.ts. `--verbose` lists disagreements.
 */
import { segmentPage } from '../app/segment/index.js';
import { addScores, emptyScore, scorePage, type Score } from '../app/segment/agreement.js';
import { loadFixtures } from '../test/fixtures/segment/load.js';

const verbose = process.argv.includes('--verbose') || process.argv.includes('-v');

function ratio(right: number, total: number): string {
  const pct = total === 0 ? '—' : `${((100 * right) / total).toFixed(1)}%`;
  return `${right}/${total} (${pct})`;
}

function line(label: string, s: Score): string {
  return [
    label.padEnd(28),
    `articles ${ratio(s.articlesFound, s.articles)}`.padEnd(26),
    `blocks ${ratio(s.blocksRight, s.blocks)}`.padEnd(26),
    `reporters ${ratio(s.reportersAgree, s.articles)}`.padEnd(28),
    `sections ${ratio(s.sectionsAgree, s.articles)}`,
  ].join(' ');
}

let samples = emptyScore();
let own = emptyScore();
for (const { name, fixture, text, sample } of loadFixtures()) {
  const score = scorePage(fixture, segmentPage(text));
  console.log(line(name, score));
  if (verbose) for (const miss of score.misses) console.log(`    ${miss}`);
  if (sample) samples = addScores(samples, score);
  else own = addScores(own, score);
}
console.log('');
console.log(line('TOTAL samples (seeds/)', samples));
console.log(line('TOTAL own pages', own));
console.log(line('TOTAL all', addScores(samples, own)));
