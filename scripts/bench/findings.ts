import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { checkTexts } from '../../app/findings/check.js';
import { CorpusIndex } from '../../app/findings/corpus/index.js';
import { pageDocument } from '../../app/findings/page.js';
import { MIN_FRAGMENT } from '../../app/findings/structure/dup-fragment.js';
import { seedsDir } from '../../app/paths.js';
import { distinctPageTexts, sampleParagraphs, syntheticPageTexts } from './synthetic.js';
import { formatRow, liveMiB, loadAverage, measurePeak } from './measure.js';

/** Detection on one real page, every detector, after the dictionaries are loaded. */
export async function benchFindingsOnePage(): Promise<string> {
  const file = fs.readdirSync(seedsDir()).sort().at(-1)!;
  const page = { file, text: fs.readFileSync(path.join(seedsDir(), file), 'utf8') };
  checkTexts([page]);
  const runs = 10;
  const start = performance.now();
  for (let i = 0; i < runs; i++) checkTexts([page]);
  const seconds = (performance.now() - start) / 1000 / runs;
  return formatRow('detect: one real page', {
    'chars/s': Math.round(page.text.length / seconds).toString(),
    'ms/page': (seconds * 1000).toFixed(1),
    chars: String(page.text.length),
    load: loadAverage(),
  });
}

/**
 * Every detector over a synthetic corpus (reshuffled sample paragraphs), the pages forming one
 * corpus for duplicates, as `qinggao check` would run over them.
 */
export async function benchFindingsCorpus(pages: number): Promise<string> {
  const texts = syntheticPageTexts(pages, sampleParagraphs(seedsDir()));
  const chars = texts.reduce((n, t) => n + t.length, 0);
  checkTexts([{ file: 'warm', text: texts[0]! }]);
  const load = loadAverage();
  const { seconds, cpuSeconds, peakRssMiB, result } = await measurePeak(() => checkTexts(texts.map((text, i) => ({ file: `p${i}`, text }))));
  return formatRow(`detect: ${pages}-page corpus`, {
    'chars/s': Math.round(chars / seconds).toString(),
    'cpu chars/s': Math.round(chars / cpuSeconds).toString(),
    seconds: seconds.toFixed(1),
    chars: String(chars),
    findings: String(result.length),
    'peak RSS MiB': peakRssMiB.toFixed(0),
    load: `${load}–${loadAverage()}`,
  });
}

/**
 * The corpus-level duplicate search alone: adding every block and indexing them, then every
 * block's shared runs. The pages share text in the same measure at any size (distinctPageTexts),
 * so the cost per block at 1,000 and 10,000 pages can be compared: near-constant is the point.
 * `index MiB` is what the index holds once built (heap and typed arrays); peak RSS includes the
 * pages themselves.
 */
export async function benchDuplicateIndex(pages: number): Promise<string> {
  const texts = distinctPageTexts(pages, sampleParagraphs(seedsDir()));
  const blocks = texts.flatMap((text, p) =>
    pageDocument(text).blocks.map((b, i) => ({ key: `${p}:${i}`, order: p * 1e6 + i, page: String(p), text: b.text, cls: b.cls })));
  const before = liveMiB();
  const load = loadAverage();
  const index = new CorpusIndex();
  const built = await measurePeak(() => {
    blocks.forEach((b) => index.add(b));
    index.indexPending();
  });
  const indexMiB = liveMiB() - before;
  const queried = await measurePeak(() => blocks.reduce((n, b) => n + index.sharedRuns(b.key, MIN_FRAGMENT).length, 0));
  const perBlock = (s: number) => (s / blocks.length * 1e6).toFixed(1);
  return formatRow(`dup_fragment index: ${pages} pages`, {
    blocks: String(blocks.length),
    'build s': built.seconds.toFixed(2),
    'query s': queried.seconds.toFixed(2),
    'µs/block': perBlock(built.seconds + queried.seconds),
    'cpu µs/block': perBlock(built.cpuSeconds + queried.cpuSeconds),
    'cpu build µs/block': perBlock(built.cpuSeconds),
    'cpu query µs/block': perBlock(queried.cpuSeconds),
    'shared runs': String(queried.result),
    'index MiB': indexMiB.toFixed(0),
    'peak RSS MiB': queried.peakRssMiB.toFixed(0),
    load: `${load}–${loadAverage()}`,
  });
}
