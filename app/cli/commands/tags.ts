import type { Command } from '../command.js';
import { EXIT_OK, printJson } from '../context.js';

export const tagsCommand: Command = {
  name: 'tags',
  usage: 'qinggao tags',
  summary: 'List the tag vocabularies as trees, with how many articles carry each tag',
  run(ctx) {
    const tags = ctx.call('listTags', {});
    if (ctx.json) {
      printJson(ctx, tags);
      return EXIT_OK;
    }
    if (tags.length === 0) ctx.io.out('No tags yet. Tag an article with: qinggao tag ARTICLE_ID Place/营口');
    for (const t of tags) {
      const counts = [`${t.articles} article${t.articles === 1 ? '' : 's'}`];
      if (t.spans) counts.push(`${t.spans} span${t.spans === 1 ? '' : 's'}`);
      if (t.subtreeArticles !== t.articles) counts.push(`${t.subtreeArticles} with the tags below`);
      const rules = t.keywords.length ? `  rules: ${t.keywords.join('、')}` : '';
      ctx.io.out(`${'  '.repeat(t.depth)}${t.name}  #${t.id}  ${counts.join(', ')}${rules}`);
    }
    return EXIT_OK;
  },
};
