import type { Command, OptionValues } from '../command.js';
import { type CliContext, EXIT_OK, UsageError, parseId, printJson } from '../context.js';
import type { ApiInput } from '../../api/contract.js';
import type { Edition, EditionChange } from '../../export/edition-store.js';
import { NOTE_CHOICES, SCRIPT_CHOICES, type EditionOptionsPatch, type NoteChoice, type ScriptChoice } from '../../export/options.js';

/*
 * `qinggao edition SUBCOMMAND`: editions are named, ordered selections of articles to export
 * (qinggao export). One command with subcommands, as they share the edition options.
 */

type Selection = ApiInput<'createEdition'>['articles'];

const SUBCOMMANDS = ['create', 'add', 'remove', 'list', 'show', 'set'] as const;

function str(options: OptionValues, key: string): string | undefined {
  return typeof options[key] === 'string' ? (options[key] as string) : undefined;
}

/** An edition named on the command line: by name, or by id when no edition has that name. */
function editionRef(ctx: CliContext, text: string | undefined): number | string {
  if (text === undefined || !text.trim()) throw new UsageError('missing edition NAME');
  const editions = ctx.call('listEditions', {});
  if (editions.some((e) => e.name === text.normalize('NFC').trim())) return text;
  const byId = /^\d+$/.test(text) ? editions.find((e) => e.id === Number(text)) : undefined;
  return byId ? byId.id : text;
}

/** --all, --search QUERY, --campaign NAME|ID or article ids: at most one kind. */
function selectionFrom(options: OptionValues, ids: readonly string[]): Selection {
  const choices: Selection[] = [];
  if (options['all'] === true) choices.push({ all: true });
  const search = str(options, 'search');
  if (search !== undefined) choices.push({ search: { query: search } });
  const campaign = str(options, 'campaign');
  if (campaign !== undefined) choices.push({ campaign: /^\d+$/.test(campaign) ? Number(campaign) : campaign });
  if (ids.length) choices.push({ articleIds: ids.map((id) => parseId(id, 'ARTICLE_ID')) });
  if (choices.length > 1) throw new UsageError('choose articles one way: ids, --all, --search or --campaign');
  return choices[0];
}

/** A --flag / --no-flag pair: true, false, or undefined when neither is given. */
function toggle(options: OptionValues, name: string): boolean | undefined {
  if (options[name] === true && options[`no-${name}`] === true) throw new UsageError(`--${name} and --no-${name} contradict each other`);
  if (options[name] === true) return true;
  if (options[`no-${name}`] === true) return false;
  return undefined;
}

export function parseScript(value: string | undefined): ScriptChoice | undefined {
  if (value === undefined) return undefined;
  if (!(SCRIPT_CHOICES as readonly string[]).includes(value)) {
    throw new UsageError(`unknown script "${value}" (one of ${SCRIPT_CHOICES.join(', ')})`);
  }
  return value as ScriptChoice;
}

function optionsFrom(options: OptionValues): EditionOptionsPatch | undefined {
  const notes = str(options, 'notes');
  if (notes !== undefined && !(NOTE_CHOICES as readonly string[]).includes(notes)) {
    throw new UsageError(`--notes is one of ${NOTE_CHOICES.join(', ')}, not "${notes}"`);
  }
  if (options['approved-only'] === true && options['any-status'] === true) throw new UsageError('--approved-only and --any-status contradict each other');
  const patch: EditionOptionsPatch = {
    script: parseScript(str(options, 'script')),
    normalizePunctuation: toggle(options, 'punctuation'),
    captions: toggle(options, 'captions'),
    credits: toggle(options, 'credits'),
    notes: notes as NoteChoice | undefined,
    approvedOnly: options['approved-only'] === true ? true : options['any-status'] === true ? false : undefined,
  };
  for (const key of Object.keys(patch) as (keyof EditionOptionsPatch)[]) if (patch[key] === undefined) delete patch[key];
  return Object.keys(patch).length ? patch : undefined;
}

function describeOptions(e: Edition): string {
  const o = e.options;
  const parts = [
    `script ${o.script}`,
    o.normalizePunctuation ? 'full-width punctuation' : 'punctuation as is',
    `captions ${o.captions ? 'in' : 'out'}`,
    `credits ${o.credits ? 'in' : 'out'}`,
    `notes ${o.notes}`,
  ];
  if (o.approvedOnly) parts.push('approved articles only');
  return parts.join(', ');
}

function printEdition(ctx: CliContext, e: Edition, withArticles: boolean): void {
  ctx.io.out(`Edition "${e.name}" (#${e.id}): ${e.title} · ${e.date} · ${e.articles.length} article${e.articles.length === 1 ? '' : 's'}`);
  ctx.io.out(`  ${describeOptions(e)}`);
  if (!withArticles) return;
  for (const a of e.articles) {
    const where = a.live ? `[${a.sourceName} · ${a.status}]` : '(no longer in the library)';
    ctx.io.out(`  ${String(a.position + 1).padStart(4)}  ${a.id}  ${a.headline ?? '(no headline)'}  ${where}`);
  }
}

function printChange(ctx: CliContext, change: EditionChange, verb: 'added' | 'removed'): void {
  if (ctx.json) {
    printJson(ctx, change);
    return;
  }
  const n = change.changed.length;
  const rest = change.unchanged.length
    ? ` (${change.unchanged.length} ${verb === 'added' ? 'already in it' : 'not in it'}: ${change.unchanged.join(', ')})`
    : '';
  ctx.io.out(`${n} article${n === 1 ? '' : 's'} ${verb}${rest}; "${change.edition.name}" has ${change.edition.articles.length} now.`);
}

const run: Record<(typeof SUBCOMMANDS)[number], (ctx: CliContext, args: string[], options: OptionValues) => number> = {
  create(ctx, args, options) {
    const [name, ...ids] = args;
    if (!name?.trim()) throw new UsageError('edition create needs a NAME');
    const articles = selectionFrom(options, ids);
    const edition = ctx.call('createEdition', {
      name,
      title: str(options, 'title'),
      date: str(options, 'date'),
      options: optionsFrom(options),
      articles,
    });
    if (ctx.json) printJson(ctx, edition);
    else printEdition(ctx, edition, false);
    return EXIT_OK;
  },
  add(ctx, args, options) {
    const [name, ...ids] = args;
    const edition = editionRef(ctx, name);
    const articles = selectionFrom(options, ids);
    if (!articles) throw new UsageError('edition add needs ARTICLE_IDs, --all, --search or --campaign');
    const at = str(options, 'at');
    printChange(ctx, ctx.call('addToEdition', { edition, articles, at: at === undefined ? undefined : parseId(at, '--at') - 1 }), 'added');
    return EXIT_OK;
  },
  remove(ctx, args) {
    const [name, ...ids] = args;
    const edition = editionRef(ctx, name);
    if (ids.length === 0) throw new UsageError('edition remove needs ARTICLE_IDs');
    printChange(ctx, ctx.call('removeFromEdition', { edition, articleIds: ids.map((id) => parseId(id, 'ARTICLE_ID')) }), 'removed');
    return EXIT_OK;
  },
  list(ctx) {
    const editions = ctx.call('listEditions', {});
    if (ctx.json) printJson(ctx, editions);
    else if (editions.length === 0) ctx.io.out('No editions yet. Make one with: qinggao edition create NAME --all');
    for (const e of ctx.json ? [] : editions) {
      ctx.io.out(`  #${e.id}  ${e.name}  ${e.title}  ${e.date}  ${e.articleCount} article${e.articleCount === 1 ? '' : 's'}`);
    }
    return EXIT_OK;
  },
  show(ctx, args) {
    const edition = ctx.call('getEdition', { edition: editionRef(ctx, args[0]) });
    if (ctx.json) printJson(ctx, edition);
    else printEdition(ctx, edition, true);
    return EXIT_OK;
  },
  set(ctx, args, options) {
    const edition = editionRef(ctx, args[0]);
    const order = str(options, 'order');
    const updated = ctx.call('updateEdition', {
      edition,
      name: str(options, 'rename'),
      title: str(options, 'title'),
      date: str(options, 'date'),
      options: optionsFrom(options),
      order: order === undefined ? undefined : order.split(',').map((id) => parseId(id.trim(), '--order id')),
    });
    if (ctx.json) printJson(ctx, updated);
    else printEdition(ctx, updated, false);
    return EXIT_OK;
  },
};

export const editionCommand: Command = {
  name: 'edition',
  usage: 'qinggao edition create|add|remove|list|show|set NAME [ARTICLE_ID...] [--all | --search QUERY | --campaign NAME]',
  summary:
    'Editions to export: create NAME (--title T, --date YYYY-MM-DD, --script S, --punctuation, --no-captions, ' +
    '--no-credits, --notes open|all, --approved-only), add NAME IDs [--at N], remove NAME IDs, list, show NAME, ' +
    'set NAME (the same options, --rename N, --order ID,ID…)',
  options: {
    all: { type: 'boolean' },
    search: { type: 'string' },
    campaign: { type: 'string' },
    title: { type: 'string' },
    date: { type: 'string' },
    script: { type: 'string' },
    punctuation: { type: 'boolean' },
    'no-punctuation': { type: 'boolean' },
    captions: { type: 'boolean' },
    'no-captions': { type: 'boolean' },
    credits: { type: 'boolean' },
    'no-credits': { type: 'boolean' },
    notes: { type: 'string' },
    'approved-only': { type: 'boolean' },
    'any-status': { type: 'boolean' },
    at: { type: 'string' },
    order: { type: 'string' },
    rename: { type: 'string' },
  },
  run(ctx, args, options) {
    const [sub, ...rest] = args;
    if (!sub) throw new UsageError(`edition needs a subcommand: ${SUBCOMMANDS.join(', ')}`);
    if (!(SUBCOMMANDS as readonly string[]).includes(sub)) throw new UsageError(`unknown edition subcommand "${sub}" (${SUBCOMMANDS.join(', ')})`);
    return run[sub as (typeof SUBCOMMANDS)[number]](ctx, rest, options);
  },
};
