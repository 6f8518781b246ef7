import type { Command, OptionValues } from '../command.js';
import { EXIT_OK, UsageError, parseId, printJson } from '../context.js';
import { parseKinds } from './check.js';

function filterFrom(options: OptionValues) {
  const minConfidence = options['min-confidence'];
  let min: number | undefined;
  if (typeof minConfidence === 'string') {
    min = Number(minConfidence);
    if (!(min >= 0 && min <= 1)) throw new UsageError(`--min-confidence must be between 0 and 1, not "${minConfidence}"`);
  }
  return {
    articleId: typeof options['article'] === 'string' ? parseId(options['article'], '--article') : undefined,
    sourceId: typeof options['page'] === 'string' ? parseId(options['page'], '--page') : undefined,
    kinds: parseKinds(options['kind']),
    minConfidence: min,
  };
}

const FILTER_OPTIONS = {
  article: { type: 'string' },
  page: { type: 'string' },
  kind: { type: 'string' },
  'min-confidence': { type: 'string' },
} as const;

export const findingsCommand: Command = {
  name: 'findings',
  usage: 'qinggao findings [--article ID] [--page SOURCE_ID] [--kind K[,K]] [--min-confidence C] [--counts]',
  summary: "List the library's open findings in reading order (or, with --counts, count them by kind and page)",
  options: { ...FILTER_OPTIONS, counts: { type: 'boolean' } },
  run(ctx, _args, options) {
    if (options['counts'] === true) {
      const counts = ctx.call('countFindings', {});
      if (ctx.json) printJson(ctx, counts);
      else {
        ctx.io.out(`${counts.total} open findings`);
        for (const [kind, n] of Object.entries(counts.byKind)) ctx.io.out(`  ${kind.padEnd(22)} ${n}`);
        for (const p of counts.byPage) ctx.io.out(`  page ${p.sourceId} ${p.name}: ${p.total}`);
      }
      return EXIT_OK;
    }
    const findings = ctx.call('listFindings', filterFrom(options));
    if (ctx.json) {
      printJson(ctx, findings);
      return EXIT_OK;
    }
    for (const f of findings) {
      const fix = f.fixes[0]?.label.zh ?? '（仅提示）';
      ctx.io.out(`#${f.id}  article ${f.articleId}  ${f.kind}  ${f.confidence.toFixed(2)}  “${f.flagged.replace(/\n/g, '⏎').slice(0, 30)}”  ${f.message.zh}  → ${fix}`);
    }
    ctx.io.out(`${findings.length} open findings.`);
    return EXIT_OK;
  },
};

export const acceptCommand: Command = {
  name: 'accept',
  usage: 'qinggao accept (--all | --kind K[,K]) [--article ID] [--page SOURCE_ID] [--min-confidence C] [--dry-run]',
  summary: 'Accept the suggested fixes of the selected open findings as one undoable revision',
  options: { ...FILTER_OPTIONS, all: { type: 'boolean' }, 'dry-run': { type: 'boolean' } },
  run(ctx, _args, options) {
    if (options['all'] !== true && typeof options['kind'] !== 'string') throw new UsageError('accept needs --all or --kind K');
    const filter = filterFrom(options);
    const preview = ctx.call('previewAccept', filter);
    if (!ctx.json || options['dry-run'] === true) {
      const line = `${preview.findings} changes in ${preview.articles} articles`;
      if (ctx.json) printJson(ctx, preview);
      else ctx.io.out(options['dry-run'] === true ? `Would accept ${line}.` : `Accepting ${line}…`);
    }
    if (options['dry-run'] === true) return EXIT_OK;
    const result = ctx.call('acceptFindings', filter);
    if (ctx.json) printJson(ctx, result);
    else {
      const skipped = result.skipped ? `; ${result.skipped} skipped (they clash with another fix or their text changed)` : '';
      ctx.io.out(`Accepted ${result.accepted} findings as revision ${result.revision.id}${skipped}. Undo with: qinggao undo ${result.revision.articles[0]}`);
    }
    return EXIT_OK;
  },
};

export const rejectCommand: Command = {
  name: 'reject',
  usage: 'qinggao reject FINDING_ID',
  summary: 'Reject a finding (it stays rejected when the article is analysed again; undoable)',
  run(ctx, args) {
    const revision = ctx.call('rejectFinding', { id: parseId(args[0], 'FINDING_ID') });
    if (ctx.json) printJson(ctx, revision);
    else ctx.io.out(`${revision.summary} (revision ${revision.id})`);
    return EXIT_OK;
  },
};
