import type { Command } from '../command.js';
import { EXIT_OK, printJson } from '../context.js';

export const listCommand: Command = {
  name: 'list',
  usage: 'qinggao list',
  summary: 'List the sources, then the articles with section, headline, reporters and block count',
  run(ctx) {
    const sources = ctx.call('listSources', {});
    const articles = ctx.call('listArticles', {});
    if (ctx.json) {
      printJson(ctx, { sources, articles });
      return EXIT_OK;
    }
    ctx.io.out('Sources');
    for (const s of sources) {
      ctx.io.out(`  ${s.id}  ${s.name}  ${s.encoding}  ${s.byte_size} bytes  ${s.articles} articles  ${s.imported_at}`);
    }
    ctx.io.out('Articles');
    for (const a of articles) {
      const reporters = a.reporters.length ? a.reporters.join('、') : '—';
      ctx.io.out(`  ${a.id}  [${a.sourceName}]  ${a.section ?? '—'}  ${a.headline ?? '(no headline)'}  ${reporters}  ${a.blockCount} blocks`);
    }
    return EXIT_OK;
  },
};
