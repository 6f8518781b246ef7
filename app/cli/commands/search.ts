import type { Command, OptionValues } from '../command.js';
import { EXIT_OK, UsageError, parseId, printJson } from '../context.js';
import { ARTICLE_STATUSES, type ArticleStatus } from '../../store/articles.js';
import { parseKinds } from './check.js';

function list(value: unknown): string[] {
  const values = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return values.flatMap((v) => String(v).split(',')).map((v) => v.trim()).filter(Boolean);
}

function statusesFrom(value: unknown): ArticleStatus[] | undefined {
  const statuses = list(value);
  const unknown = statuses.filter((s) => !(ARTICLE_STATUSES as readonly string[]).includes(s));
  if (unknown.length) throw new UsageError(`unknown status ${unknown.join(', ')} (statuses: ${ARTICLE_STATUSES.join(', ')})`);
  return statuses.length ? (statuses as ArticleStatus[]) : undefined;
}

function filtersFrom(options: OptionValues) {
  const str = (key: string) => (typeof options[key] === 'string' ? (options[key] as string) : undefined);
  const tags = list(options['tag']);
  const excludeTags = list(options['not-tag']);
  return {
    tags: tags.length ? tags : undefined,
    excludeTags: excludeTags.length ? excludeTags : undefined,
    campaign: str('campaign') === undefined ? undefined : parseId(str('campaign'), '--campaign'),
    statuses: statusesFrom(options['status']),
    section: str('section'),
    reporter: str('reporter'),
    sourceId: str('page') === undefined ? undefined : parseId(str('page'), '--page'),
    findingKinds: parseKinds(str('finding')),
  };
}

function count(value: unknown, what: string, fallback: number): number {
  if (typeof value !== 'string') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`${what} must be a whole number, not "${value}"`);
  return n;
}

export const searchCommand: Command = {
  name: 'search',
  usage: 'qinggao search [QUERY...] [--tag T]... [--status S] [--section S] [--reporter R] [--page ID] [--finding K]',
  summary:
    'Search the articles\' current text, ranked (simplified finds traditional and back); ' +
    'also --not-tag T, --campaign ID, --limit N, --offset N',
  options: {
    tag: { type: 'string', multiple: true },
    'not-tag': { type: 'string', multiple: true },
    campaign: { type: 'string' },
    status: { type: 'string' },
    section: { type: 'string' },
    reporter: { type: 'string' },
    page: { type: 'string' },
    finding: { type: 'string' },
    limit: { type: 'string' },
    offset: { type: 'string' },
  },
  run(ctx, args, options) {
    const query = args.join(' ');
    const filters = filtersFrom(options);
    const filtered = Object.values(filters).some((v) => v !== undefined);
    if (!query.trim() && !filtered) throw new UsageError('search needs a QUERY or a filter');
    const result = ctx.call('search', {
      query,
      filters,
      limit: count(options['limit'], '--limit', 20),
      offset: count(options['offset'], '--offset', 0),
    });
    if (ctx.json) {
      printJson(ctx, result);
      return EXIT_OK;
    }
    const how = result.ranking === 'page_order'
      ? 'in page order'
      : result.ranking === 'bm25' ? 'by relevance' : `the newest ${result.rankedWithin} by relevance`;
    ctx.io.out(`${result.total} article${result.total === 1 ? '' : 's'}${query.trim() ? ` match “${query.trim()}”` : ''} (${how})`);
    for (const hit of result.hits) {
      const a = hit.article;
      const score = hit.score === null ? '' : `  score ${hit.score.toFixed(2)}`;
      ctx.io.out(`  ${a.id}  ${a.headline ?? '(no headline)'}  [${a.sourceName}${a.section ? ` · ${a.section}` : ''} · ${a.status}]${score}${hit.matches ? `  ${hit.matches}×` : ''}`);
      for (const s of hit.snippets) {
        let line = '';
        let at = s.start;
        for (const m of s.marks) {
          line += `${s.text.slice(at - s.start, m.start - s.start)}【${s.text.slice(m.start - s.start, m.end - s.start)}】`;
          at = m.end;
        }
        line += s.text.slice(at - s.start);
        ctx.io.out(`      ${s.clippedStart ? '…' : ''}${line.replace(/\n/g, '⏎')}${s.clippedEnd ? '…' : ''}`);
      }
    }
    return EXIT_OK;
  },
};
