import type { Command } from '../command.js';
import { EXIT_OK, UsageError, printJson } from '../context.js';
import { EXPORT_FORMATS, type ExportFormat } from '../../export/formats/format-names.js';
import { parseScript } from './edition.js';

export const exportCommand: Command = {
  name: 'export',
  usage: `qinggao export EDITION --format ${EXPORT_FORMATS.join('|')} --out PATH [--script simplified|traditional|tw|hk|twp|as-is] [--per-article] [--force]`,
  summary:
    'Export an edition (atomically; never over an existing file without --force). PATH is a file, or a folder ' +
    'to write the edition into under its name; --per-article (txt, md) writes one file per article into folder PATH',
  options: {
    format: { type: 'string' },
    out: { type: 'string' },
    script: { type: 'string' },
    'per-article': { type: 'boolean' },
    force: { type: 'boolean' },
  },
  run(ctx, args, options) {
    const name = args.join(' ').trim();
    if (!name) throw new UsageError('export needs an EDITION (its name, or its id)');
    const format = options['format'];
    if (typeof format !== 'string') throw new UsageError(`export needs --format (${EXPORT_FORMATS.join(', ')})`);
    if (!(EXPORT_FORMATS as readonly string[]).includes(format)) {
      throw new UsageError(`unknown format "${format}" (one of ${EXPORT_FORMATS.join(', ')})`);
    }
    const out = options['out'];
    if (typeof out !== 'string' || !out) throw new UsageError('export needs --out PATH');
    const editions = ctx.call('listEditions', {});
    const byName = editions.find((e) => e.name === name.normalize('NFC'));
    const byId = /^\d+$/.test(name) ? editions.find((e) => e.id === Number(name)) : undefined;
    const report = ctx.call('exportEdition', {
      edition: byName ? byName.name : byId ? byId.id : name,
      format: format as ExportFormat,
      out,
      perArticle: options['per-article'] === true,
      script: parseScript(typeof options['script'] === 'string' ? options['script'] : undefined),
      force: options['force'] === true,
    });
    if (ctx.json) {
      printJson(ctx, report);
      return EXIT_OK;
    }
    const files = report.files.length === 1 ? report.files[0]! : `${report.files.length} files in ${report.directory}`;
    ctx.io.out(`Exported "${report.edition.name}" as ${report.format}: ${report.articles} article${report.articles === 1 ? '' : 's'} → ${files}`);
    if (report.changes !== null) ctx.io.out(`  ${report.changes} change${report.changes === 1 ? '' : 's'} from the OCR text listed.`);
    for (const s of report.skipped) ctx.io.err(`  skipped article ${s.articleId}: ${s.reason.replace(/_/g, ' ')}`);
    return EXIT_OK;
  },
};
