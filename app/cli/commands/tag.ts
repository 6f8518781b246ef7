import type { Command } from '../command.js';
import { EXIT_OK, UsageError, parseId, printJson } from '../context.js';

export const tagCommand: Command = {
  name: 'tag',
  usage: 'qinggao tag ARTICLE_ID TAG [--remove]',
  summary: 'Tag an article (TAG is a path like Place/营口/鲅鱼圈区, created on first use); --remove untags it',
  options: { remove: { type: 'boolean' } },
  run(ctx, args, options) {
    const articleId = parseId(args[0], 'ARTICLE_ID');
    const tag = args.slice(1).join(' ').trim();
    if (!tag) throw new UsageError('missing TAG');
    const revision = ctx.call(options['remove'] === true ? 'untagArticle' : 'tagArticle', { articleId, tag });
    if (ctx.json) printJson(ctx, revision);
    else ctx.io.out(`${revision.summary} (revision ${revision.id}; undo with: qinggao undo ${articleId})`);
    return EXIT_OK;
  },
};
