import fs from 'node:fs';
import path from 'node:path';

/** A small deterministic PRNG (mulberry32), so every run benchmarks the same pages. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

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
