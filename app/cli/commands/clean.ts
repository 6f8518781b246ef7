import fs from 'node:fs';
import path from 'node:path';
import type { Command } from '../command.js';
import { EXIT_OK, EXIT_REJECTED, UsageError, printJson } from '../context.js';
import { cleanTexts } from '../../findings/check.js';
import { loadPages } from '../pages.js';

/** Writes through a temporary file and a rename, so a reader never sees half a page. */
function writeAtomically(file: string, text: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, text, 'utf8');
  fs.renameSync(temp, file);
}

export const cleanCommand: Command = {
  name: 'clean',
  usage: 'qinggao clean FILE... --out DIR [--force]',
  summary: 'Write each page with every suggested fix applied (UTF-8, same file names) into DIR',
  options: { out: { type: 'string' }, force: { type: 'boolean' } },
  run(ctx, args, options) {
    const out = options['out'];
    if (args.length === 0) throw new UsageError('clean needs at least one file or folder');
    if (typeof out !== 'string') throw new UsageError('clean needs --out DIR');
    const { pages, rejected } = loadPages(args);
    for (const r of rejected) ctx.io.err(`error: ${r.file}: ${r.reason}`);
    const targets = pages.map((p) => path.join(out, p.relative));
    const existing = targets.filter((t) => fs.existsSync(t));
    if (existing.length > 0 && options['force'] !== true) {
      ctx.io.err(`qinggao: ${existing.length} files already exist in ${out} (e.g. ${existing[0]}); use --force to overwrite.`);
      return EXIT_REJECTED;
    }
    const cleaned = cleanTexts(pages);
    cleaned.forEach((text, i) => writeAtomically(targets[i]!, text));
    if (ctx.json) printJson(ctx, { written: targets, rejected });
    else ctx.io.out(`${targets.length} pages cleaned into ${out}.`);
    return rejected.length > 0 ? EXIT_REJECTED : EXIT_OK;
  },
};
