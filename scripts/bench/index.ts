import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { benchImport } from './import.js';
import { benchDuplicateIndex, benchFindingsCorpus, benchFindingsOnePage } from './findings.js';
import { benchSearch } from './search.js';
import { benchExport } from './export.js';
import { benchUiOpen, benchUiScreenshots, benchUiScroll, benchUiTyping } from './ui.js';
import { formatRow, loadAverage, parseRow } from './measure.js';

/*
 * `npm run bench`: figures, not pass/fail. Each measurement runs in a child process of its own so
 * peak memory (the OS's maxRSS) belongs to that measurement alone.
 */
const SECTIONS: Record<string, () => Promise<string>> = {
  'import-1000': () => benchImport(1000),
  'import-10000': () => benchImport(10000),
  'import-1000-findings': () => benchImport(1000, true),
  'findings-one-page': () => benchFindingsOnePage(),
  'findings-corpus-1000': () => benchFindingsCorpus(1000),
  'findings-corpus-10000': () => benchFindingsCorpus(10000),
  'dup-index-1000': () => benchDuplicateIndex(1000),
  'dup-index-10000': () => benchDuplicateIndex(10000),
  'search-10000': () => benchSearch(10_000),
  'search-100000': () => benchSearch(100_000),
  'export-1000-txt': () => benchExport(1000, 'txt'),
  'export-1000-md': () => benchExport(1000, 'md'),
  'export-1000-html': () => benchExport(1000, 'html'),
  'export-1000-docx': () => benchExport(1000, 'docx'),
  'export-1000-epub': () => benchExport(1000, 'epub'),
  'export-1000-json': () => benchExport(1000, 'json'),
  'export-1000-csv': () => benchExport(1000, 'csv'),
  // In headless Chromium against `qinggao serve`; need the built renderer (npm run build:renderer).
  'ui-open': () => benchUiOpen(),
  'ui-typing': () => benchUiTyping(),
  'ui-scroll-100000': () => benchUiScroll(100_000),
  'ui-screenshots': () => benchUiScreenshots(),
};

/** Sections made of others, each run in a child process; not repeated in the full run. */
const COMPOSITES: Record<string, () => string[]> = {
  // `npm run bench dup-index`: both sizes and how the cost per block grows between them.
  'dup-index': () => {
    const rows = ['dup-index-1000', 'dup-index-10000'].map((name) => runInChild(name));
    return [...rows.filter((r) => r !== ''), ...duplicateIndexScaling(rows[0]!, rows[1]!)];
  },
};

const self = fileURLToPath(import.meta.url);

/** Runs a section in a child process of its own; returns what it printed (its errors pass through). */
function runInChild(name: string): string {
  const run = spawnSync(process.execPath, ['--expose-gc', '--max-old-space-size=16000', self, name], {
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) {
    process.exitCode = 1;
    console.error(`bench section ${name} failed (exit ${run.status ?? run.signal})`);
  }
  return run.stdout.trim();
}

/** The duplicate index at 10,000 pages against 1,000: per block, 1.0 is perfectly linear. */
function duplicateIndexScaling(small: string, large: string): string[] {
  const a = parseRow(small);
  const b = parseRow(large);
  const ratio = (key: string) => (a[key] && b[key] ? (Number(b[key]) / Number(a[key])).toFixed(2) : '?');
  return [formatRow('dup_fragment index: 10k/1k', {
    'µs/block ratio': ratio('µs/block'),
    'cpu µs/block ratio': ratio('cpu µs/block'),
    'cpu build ratio': ratio('cpu build µs/block'),
    'cpu query ratio': ratio('cpu query µs/block'),
    'index MiB': `${a['index MiB'] ?? '?'}→${b['index MiB'] ?? '?'}`,
    'peak RSS MiB': `${a['peak RSS MiB'] ?? '?'}→${b['peak RSS MiB'] ?? '?'}`,
  })];
}

async function main(): Promise<void> {
  const only = process.argv[2];
  if (only) {
    const composite = COMPOSITES[only];
    const section = SECTIONS[only];
    if (composite) for (const row of composite()) console.log(row);
    else if (section) console.log(await section());
    else throw new Error(`unknown bench section ${only} (known: ${[...Object.keys(SECTIONS), ...Object.keys(COMPOSITES)].join(', ')})`);
    return;
  }
  console.log(`Qinggao benchmarks · node ${process.version} · ${new Date().toISOString()} · load ${loadAverage()}`);
  const rows = new Map<string, string>();
  for (const name of Object.keys(SECTIONS)) {
    const row = runInChild(name);
    if (row !== '') console.log(row);
    rows.set(name, row);
    if (name === 'dup-index-10000') {
      for (const line of duplicateIndexScaling(rows.get('dup-index-1000') ?? '', row)) console.log(line);
    }
  }
}

await main();
