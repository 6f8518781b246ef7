import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { checkTexts } from '../../app/findings/check.js';
import { CorpusIndex } from '../../app/findings/corpus/index.js';
import { pageDocument } from '../../app/findings/page.js';
import { MIN_FRAGMENT } from '../../app/findings/structure/dup-fragment.js';
import { seedsDir } from '../../app/paths.js';
import { sampleParagraphs, seededRandom, syntheticPageTexts } from './synthetic.js';
import { formatRow, measurePeak } from './measure.js';

/** Detection on one real page, every detector, after the dictionaries are loaded. */
export async function benchFindingsOnePage(): Promise<string> {
  const file = fs.readdirSync(seedsDir()).sort().at(-1)!;
  const page = { file, text: fs.readFileSync(path.join(seedsDir(), file), 'utf8') };
  checkTexts([page]);
  const runs = 10;
  const start = performance.now();
  for (let i = 0; i < runs; i++) checkTexts([page]);
  const seconds = (performance.now() - start) / 1000 / runs;
  return formatRow('detect: one page', {
    'chars/s': Math.round(page.text.length / seconds).toString(),
    'ms/page': (seconds * 1000).toFixed(1),
    chars: String(page.text.length),
  });
}

/** Every detector over a synthetic corpus, the pages forming one corpus for duplicates. */
export async function benchFindingsCorpus(pages: number): Promise<string> {
  const texts = syntheticPageTexts(pages, sampleParagraphs(seedsDir()));
  const chars = texts.reduce((n, t) => n + t.length, 0);
  checkTexts([{ file: 'warm', text: texts[0]! }]);
  const { seconds, peakRssMiB, result } = await measurePeak(() => checkTexts(texts.map((text, i) => ({ file: `p${i}`, text }))));
  return formatRow(`detect: ${pages}-page corpus`, {
    'chars/s': Math.round(chars / seconds).toString(),
    seconds: seconds.toFixed(1),
    findings: String(result.length),
    'peak RSS MiB': peakRssMiB.toFixed(0),
  });
}

/**
 * Reshuffled sample paragraphs repeat verbatim thousands of times, which the index rightly treats
 * as boilerplate. For the duplicate search, every seventh character is replaced at random so runs
 * are rare again, and each page gets one splice of 15–30 characters from an earlier page.
 */
function pagesWithSplices(pages: number): string[] {
  const random = seededRandom(7);
  const han = (): string => String.fromCharCode(0x4e00 + Math.floor(random() * 0x5000));
  const texts = syntheticPageTexts(pages, sampleParagraphs(seedsDir())).map((t) =>
    [...t].map((ch, i) => (i % 7 === 3 && /\p{Script=Han}/u.test(ch) ? han() : ch)).join(''));
  return texts.map((text, p) => {
    if (p === 0) return text;
    const source = texts[Math.floor(random() * p)]!;
    const length = 15 + Math.floor(random() * 16);
    const from = Math.floor(random() * (source.length - length));
    const at = text.indexOf('\n\n', Math.floor(random() * text.length / 2)) + 2;
    return text.slice(0, at) + source.slice(from, from + length) + text.slice(at);
  });
}

/**
 * The corpus-level duplicate search alone: winnowing index build, then every block's shared runs.
 * Near-linear growth from 1k to 10k pages is the point (never all pairs).
 */
export async function benchDuplicateIndex(pages: number): Promise<string> {
  const texts = pagesWithSplices(pages);
  const blocks = texts.flatMap((text, p) =>
    pageDocument(text).blocks.map((b, i) => ({ key: `${p}:${i}`, order: p * 1e6 + i, page: String(p), text: b.text, cls: b.cls })));
  const index = new CorpusIndex();
  const built = await measurePeak(() => blocks.forEach((b) => index.add(b)));
  const queried = await measurePeak(() => blocks.reduce((n, b) => n + index.sharedRuns(b.key, MIN_FRAGMENT).length, 0));
  return formatRow(`dup_fragment index: ${pages} pages`, {
    blocks: String(blocks.length),
    'build s': built.seconds.toFixed(2),
    'query s': queried.seconds.toFixed(2),
    'µs/block': ((built.seconds + queried.seconds) / blocks.length * 1e6).toFixed(0),
    'shared runs': String(queried.result),
    'peak RSS MiB': queried.peakRssMiB.toFixed(0),
  });
}
