import { parseArgs } from 'node:util';
import { openLibrary, type Library } from '../library.js';
import { ApiError, dispatch } from '../api/handlers.js';
import { LibraryError } from '../store/errors.js';
import type { Command, OptionSpecs, OptionValues } from './command.js';
import { type CliContext, EXIT_OK, EXIT_REJECTED, EXIT_USAGE, type Output, UsageError } from './context.js';
import { importCommand } from './commands/import.js';
import { listCommand } from './commands/list.js';
import { showCommand } from './commands/show.js';
import { redoCommand, undoCommand } from './commands/undo.js';
import { mergeCommand, moveCommand, reclassifyCommand, splitCommand } from './commands/edit.js';
import { checkCommand } from './commands/check.js';
import { cleanCommand } from './commands/clean.js';
import { acceptCommand, findingsCommand, rejectCommand } from './commands/findings.js';
import { serveCommand } from './commands/serve.js';
import { searchCommand } from './commands/search.js';
import { tagCommand } from './commands/tag.js';
import { tagsCommand } from './commands/tags.js';
import { editionCommand } from './commands/edition.js';
import { exportCommand } from './commands/export.js';

const COMMANDS: readonly Command[] = [
  importCommand, listCommand, showCommand, undoCommand, redoCommand,
  splitCommand, mergeCommand, moveCommand, reclassifyCommand, checkCommand, cleanCommand,
  findingsCommand, acceptCommand, rejectCommand, serveCommand,
  searchCommand, tagCommand, tagsCommand,
  editionCommand, exportCommand,
];

const GLOBAL_OPTIONS: OptionSpecs = {
  library: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
};

function helpText(): string {
  const width = Math.max(...COMMANDS.map((c) => c.usage.length));
  return [
    'qinggao — the Qinggao (清稿) editorial desk for OCR\'d newspaper pages',
    '',
    'Usage: qinggao COMMAND [ARGS] [--library PATH] [--json]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.usage.padEnd(width)}  ${c.summary}`),
    '',
    'Options (before or after the command\'s arguments):',
    '  --library PATH  the library file (default: the per-user library, created with the sample pages)',
    '  --json          print machine-readable JSON',
    '  -h, --help      show this help',
    '',
    'Exit codes: 0 all went well, 1 some input was rejected or an action refused, 2 usage error.',
  ].join('\n');
}

/** The command word: the first argument that is neither an option nor an option's value. */
function findCommand(argv: readonly string[]): { name: string | undefined; rest: string[] } {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--library') {
      i++;
      continue;
    }
    if (arg.startsWith('-')) continue;
    return { name: arg, rest: [...argv.slice(0, i), ...argv.slice(i + 1)] };
  }
  return { name: undefined, rest: [...argv] };
}

const consoleOutput: Output = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  progress: (line) => {
    if (process.stderr.isTTY) process.stderr.write(`\r\u001b[2K${line}`);
  },
};

export async function main(argv: readonly string[], io: Output = consoleOutput): Promise<number> {
  const { name, rest } = findCommand(argv);
  const command = COMMANDS.find((c) => c.name === name);
  let library: Library | undefined;
  try {
    if (name !== undefined && !command) throw new UsageError(`unknown command "${name}"`);
    const { values, positionals } = parseArgs({
      args: rest,
      options: { ...GLOBAL_OPTIONS, ...command?.options },
      allowPositionals: true,
      strict: true,
    });
    if (!command || values.help) {
      (command ? io.out : io.err)(command ? `Usage: ${command.usage}\n${command.summary}` : helpText());
      if (!command && values.help) return EXIT_OK;
      return command ? EXIT_OK : EXIT_USAGE;
    }
    const libraryPath = typeof values.library === 'string' ? values.library : undefined;
    const ctx: CliContext = {
      json: values.json === true,
      io,
      library() {
        if (!library) {
          library = openLibrary({ file: libraryPath });
          if (library.seeded) {
            io.err(`Created the library ${library.file} with ${library.seeded.imported} sample pages.`);
          }
        }
        return library;
      },
      call(method, input) {
        return dispatch(method, input, {
          library: ctx.library(),
          onProgress: (p) => io.progress(`[${p.done}/${p.total}] ${p.detail}`),
        }) as never;
      },
    };
    const code = await command.run(ctx, positionals, values as OptionValues);
    io.progress('');
    return code;
  } catch (err) {
    if (err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`qinggao: ${(err as Error).message}`);
      io.err(command ? `Usage: ${command.usage}` : 'Run `qinggao --help` for the commands.');
      return EXIT_USAGE;
    }
    if (err instanceof ApiError && err.code === 'invalid_input') {
      io.err(`qinggao: ${err.message}`);
      return EXIT_USAGE;
    }
    if (err instanceof ApiError || err instanceof LibraryError) {
      io.err(`qinggao: ${err.message}`);
      return EXIT_REJECTED;
    }
    throw err;
  } finally {
    library?.close();
  }
}
