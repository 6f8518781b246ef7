import type { Command } from '../command.js';
import { EXIT_OK, parseId, printJson } from '../context.js';

export const showCommand: Command = {
  name: 'show',
  usage: 'qinggao show ARTICLE_ID',
  summary: 'Show an article: its headline, reporters and blocks with their classes',
  run(ctx, args) {
    const article = ctx.call('getArticle', { id: parseId(args[0], 'ARTICLE_ID') });
    if (ctx.json) {
      printJson(ctx, article);
      return EXIT_OK;
    }
    ctx.io.out(`Article ${article.id} · ${article.sourceName} · ${article.section ?? 'no section'} · ${article.status}`);
    ctx.io.out(`Headline: ${article.headline ?? '—'}`);
    if (article.subheads.length) ctx.io.out(`Subheads: ${article.subheads.join(' / ')}`);
    ctx.io.out(`Reporters: ${article.reporters.join('、') || '—'}`);
    for (const b of article.blocks) ctx.io.out(`  #${b.id} [${b.cls}] ${b.text}`);
    return EXIT_OK;
  },
};
