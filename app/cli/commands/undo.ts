import type { Command } from '../command.js';
import { EXIT_OK, parseId, printJson } from '../context.js';

export const undoCommand: Command = {
  name: 'undo',
  usage: 'qinggao undo ARTICLE_ID',
  summary: "Undo the article's latest change (the undo is itself a revision)",
  run(ctx, args) {
    const revision = ctx.call('undo', { articleId: parseId(args[0], 'ARTICLE_ID') });
    if (ctx.json) printJson(ctx, revision);
    else ctx.io.out(`${revision.summary} (revision ${revision.id})`);
    return EXIT_OK;
  },
};

export const redoCommand: Command = {
  name: 'redo',
  usage: 'qinggao redo ARTICLE_ID',
  summary: "Redo the article's latest undone change",
  run(ctx, args) {
    const revision = ctx.call('redo', { articleId: parseId(args[0], 'ARTICLE_ID') });
    if (ctx.json) printJson(ctx, revision);
    else ctx.io.out(`${revision.summary} (revision ${revision.id})`);
    return EXIT_OK;
  },
};
