import type { Command } from '../command.js';
import { EXIT_OK, EXIT_REJECTED, UsageError, printJson } from '../context.js';

export const importCommand: Command = {
  name: 'import',
  usage: 'qinggao import PATH... [--allow-replacement]',
  summary: 'Import .txt/.md pages (files or folders, recursively) and split them into articles',
  options: { 'allow-replacement': { type: 'boolean' } },
  run(ctx, args, options) {
    if (args.length === 0) throw new UsageError('import needs at least one file or folder');
    const report = ctx.call('importPaths', { paths: args, allowReplacement: options['allow-replacement'] === true });
    if (ctx.json) {
      printJson(ctx, report);
    } else {
      const total = report.outcomes.length;
      report.outcomes.forEach((o, i) => {
        const n = `[${i + 1}/${total}]`;
        if (o.status === 'imported') {
          const replaced = o.replacements > 0 ? `, ${o.replacements} undecodable characters kept as �` : '';
          ctx.io.out(`${n} imported ${o.file} (${o.encoding}, ${o.articles} articles${replaced})`);
        } else if (o.status === 'duplicate') {
          ctx.io.out(`${n} unchanged ${o.file}: identical bytes already imported as source ${o.sourceId} (${o.existingName})`);
        } else {
          ctx.io.err(`error: ${o.file}: ${o.reason}`);
        }
      });
      ctx.io.out(`${report.imported} imported, ${report.duplicates} already in the library, ${report.rejected} rejected.`);
    }
    return report.rejected > 0 ? EXIT_REJECTED : EXIT_OK;
  },
};
