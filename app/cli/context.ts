import type { Library } from '../library.js';
import type { ApiMethod, ApiInput, ApiResult } from '../api/contract.js';

export const EXIT_OK = 0;
/** Some input was rejected (the rest went through), or the action was refused. */
export const EXIT_REJECTED = 1;
export const EXIT_USAGE = 2;

export interface Output {
  out(line: string): void;
  err(line: string): void;
  /** Progress that overwrites itself on a terminal; ignored when stderr is not one. */
  progress(line: string): void;
}

export interface CliContext {
  json: boolean;
  io: Output;
  library(): Library;
  call<M extends ApiMethod>(method: M, input: ApiInput<M>): ApiResult<M>;
}

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export function parseId(value: string | undefined, what: string): number {
  if (value === undefined) throw new UsageError(`missing ${what}`);
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`${what} must be a positive whole number, not "${value}"`);
  return n;
}

export function printJson(ctx: CliContext, value: unknown): void {
  ctx.io.out(JSON.stringify(value, null, 2));
}
