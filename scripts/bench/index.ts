import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { benchImport } from './import.js';
import { benchDuplicateIndex, benchFindingsCorpus, benchFindingsOnePage } from './findings.js';
import { benchSearch } from './search.js';
import { benchExport } from './export.js';
import { benchUiOpen, benchUiScreenshots, benchUiScroll, benchUiTyping } from './ui.js';

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

async function main(): Promise<void> {
  const only = process.argv[2];
  if (only) {
    const section = SECTIONS[only];
    if (!section) throw new Error(`unknown bench section ${only}`);
    console.log(await section());
    return;
  }
  console.log(`Qinggao benchmarks · node ${process.version} · ${new Date().toISOString()}`);
  const self = fileURLToPath(import.meta.url);
  for (const name of Object.keys(SECTIONS)) {
    const run = spawnSync(process.execPath, ['--expose-gc', '--max-old-space-size=16000', self, name], { stdio: 'inherit' });
    if (run.status !== 0) process.exitCode = 1;
  }
}

await main();
