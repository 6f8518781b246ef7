import type { ParseArgsConfig } from 'node:util';
import type { CliContext } from './context.js';

export type OptionSpecs = NonNullable<ParseArgsConfig['options']>;
export type OptionValues = Record<string, string | boolean | string[] | boolean[] | undefined>;

/** One CLI command: its declaration (name, usage, options) and its runtime, in one file. */
export interface Command {
  name: string;
  usage: string;
  summary: string;
  options?: OptionSpecs;
  /** Whether the command needs a library (every command but the stateless ones). */
  run(ctx: CliContext, args: string[], options: OptionValues): number;
}
