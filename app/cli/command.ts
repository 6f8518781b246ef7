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
  /** Runs the command; its exit code, or (for a command that keeps running, like serve) a promise of it. */
  run(ctx: CliContext, args: string[], options: OptionValues): number | Promise<number>;
}
