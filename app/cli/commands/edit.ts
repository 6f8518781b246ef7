import type { Command } from '../command.js';
import type { CliContext } from '../context.js';
import { EXIT_OK, UsageError, parseId, printJson } from '../context.js';
import type { Revision } from '../../revisions/log.js';

function report(ctx: CliContext, revision: Revision): number {
  if (ctx.json) printJson(ctx, revision);
  else ctx.io.out(`${revision.summary} (revision ${revision.id}; undo with: qinggao undo ${revision.articles[0]})`);
  return EXIT_OK;
}

export const splitCommand: Command = {
  name: 'split',
  usage: 'qinggao split ARTICLE_ID BLOCK_ID',
  summary: 'Split an article before a block; that block and the rest become a new article',
  run: (ctx, args) =>
    report(ctx, ctx.call('splitArticle', { articleId: parseId(args[0], 'ARTICLE_ID'), blockId: parseId(args[1], 'BLOCK_ID') })),
};

export const mergeCommand: Command = {
  name: 'merge',
  usage: 'qinggao merge ARTICLE_ID OTHER_ARTICLE_ID',
  summary: "Append the other article's blocks to the first article",
  run: (ctx, args) =>
    report(ctx, ctx.call('mergeArticles', { firstId: parseId(args[0], 'ARTICLE_ID'), secondId: parseId(args[1], 'OTHER_ARTICLE_ID') })),
};

export const moveCommand: Command = {
  name: 'move',
  usage: 'qinggao move BLOCK_ID ARTICLE_ID [--at INDEX]',
  summary: "Move a block into another article (at the end, or at a position of that article's blocks)",
  options: { at: { type: 'string' } },
  run(ctx, args, options) {
    const at = options['at'];
    let index: number | undefined;
    if (typeof at === 'string') {
      index = Number(at);
      if (!Number.isInteger(index) || index < 0) throw new UsageError(`--at must be a whole number ≥ 0, not "${at}"`);
    }
    return report(ctx, ctx.call('moveBlock', { blockId: parseId(args[0], 'BLOCK_ID'), targetArticleId: parseId(args[1], 'ARTICLE_ID'), index }));
  },
};

export const reclassifyCommand: Command = {
  name: 'reclassify',
  usage: 'qinggao reclassify BLOCK_ID CLASS',
  summary: 'Change a block\'s class (section, headline, subhead, byline, lead, brief_opener, body, caption, credit, other)',
  run(ctx, args) {
    const cls = args[1];
    if (!cls) throw new UsageError('missing CLASS');
    return report(ctx, ctx.call('reclassifyBlock', { blockId: parseId(args[0], 'BLOCK_ID'), cls }));
  },
};
