import type { JobMethod, JobStatus } from '../api/contract.js';

/** What a job's worker is started with (workerData). */
export interface WorkerInput {
  /** The library file; the worker opens its own connection to it. */
  file: string;
  nativeBinding?: string;
  method: JobMethod;
  input: unknown;
  /** One Int32: 0 while the job may go on, 1 once it is asked to stop. Shared, so a busy worker sees it. */
  cancel: SharedArrayBuffer;
}

/** What a job's worker tells the thread that started it. */
export type WorkerMessage =
  | { kind: 'progress'; done: number; total: number; detail: string }
  | { kind: 'done'; result: NonNullable<JobStatus['result']> }
  | { kind: 'cancelled-before-start' }
  | { kind: 'failed'; error: NonNullable<JobStatus['error']> };
