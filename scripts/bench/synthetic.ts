import fs from 'node:fs';
import path from 'node:path';
import { seededRandom } from '../random.js';

export function sampleParagraphs(seedsDir: string): string[] {
  return fs
    .readdirSync(seedsDir)
    .filter((f) => /\.(txt|md)$/i.test(f))
    .flatMap((f) => fs.readFileSync(path.join(seedsDir, f), 'utf8').split(/\r?\n/))
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

/** `count` synthetic pages built by reshuffling the sample paragraphs, in memory. */
export function syntheticPageTexts(count: number, paragraphs: readonly string[], seed = 42): string[] {
  const random = seededRandom(seed);
  const pages: string[] = [];
  for (let i = 0; i < count; i++) {
    const lines = [`第${i + 1}版`];
    const n = 80 + Math.floor(random() * 80);
    for (let j = 0; j < n; j++) lines.push(paragraphs[Math.floor(random() * paragraphs.length)]!);
    pages.push(`${lines.join('\n\n')}\n`);
  }
  return pages;
}

/**
 * Writes `count` synthetic pages built by reshuffling the sample paragraphs; each page gets a
 * distinct first line so no two pages share bytes. Returns the total bytes written.
 */
export function writeSyntheticPages(dir: string, count: number, paragraphs: readonly string[], seed = 42): number {
  fs.mkdirSync(dir, { recursive: true });
  let bytes = 0;
  syntheticPageTexts(count, paragraphs, seed).forEach((text, i) => {
    fs.writeFileSync(path.join(dir, `page-${String(i).padStart(5, '0')}.txt`), text);
    bytes += Buffer.byteLength(text);
  });
  return bytes;
}

/**
 * `count` pages of text that, unlike reshuffled paragraphs, share what a run of a newspaper
 * shares, in the same measure at 1,000 pages as at 10,000, so the duplicate index's cost per
 * block can be compared across sizes. Each paragraph is stitched from fragments of 1–3
 * characters of the sample paragraphs: characters, punctuation and paragraph lengths stay
 * newspaper-like, but a run of 8 shared by chance is vanishingly rare at either size (longer
 * fragments repeat by chance in proportion to the corpus). Each page carries one of a few
 * standing paragraphs (boilerplate held by an eighth of the pages: stop-fingerprints at either
 * size), one page in five reprints a paragraph of an earlier page, and every page but the first
 * has a splice of 15–30 characters from an earlier page.
 */
export function distinctPageTexts(count: number, paragraphs: readonly string[], seed = 7): string[] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const sample = paragraphs.join('');
  const stitched = (length: number): string => {
    const parts: string[] = [];
    for (let size = 0; size < length;) {
      const part = Math.min(1 + Math.floor(random() * 3), length - size);
      const from = Math.floor(random() * (sample.length - part));
      parts.push(sample.slice(from, from + part));
      size += part;
    }
    return parts.join('');
  };
  const standing = paragraphs.filter((p) => p.length >= 20).slice(0, 8);
  const pages: string[][] = [];
  for (let i = 0; i < count; i++) {
    const lines = [`第${i + 1}版`, pick(standing)];
    const n = 80 + Math.floor(random() * 80);
    for (let j = 0; j < n; j++) lines.push(stitched(pick(paragraphs).length));
    if (i > 0 && random() < 0.2) {
      const earlier = pages[Math.floor(random() * i)]!;
      lines.splice(2 + Math.floor(random() * n), 0, earlier[2 + Math.floor(random() * (earlier.length - 2))]!);
    }
    const sources = i > 0 ? pages[Math.floor(random() * i)]!.slice(2).filter((l) => l.length >= 30) : [];
    if (sources.length > 0) {
      const source = pick(sources);
      const length = 15 + Math.floor(random() * 16);
      const from = Math.floor(random() * (source.length - length));
      const at = 2 + Math.floor(random() * n);
      lines[at] = lines[at]!.slice(0, 10) + source.slice(from, from + length) + lines[at]!.slice(10);
    }
    pages.push(lines);
  }
  return pages.map((lines) => `${lines.join('\n\n')}\n`);
}
