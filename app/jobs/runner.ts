import crypto from 'node:crypto';
import { Worker } from 'node:worker_threads';
import type { ApiProgress, JobMethod, JobStatus } from '../api/contract.js';
import type { Library } from '../library.js';
import { LibraryError } from '../store/errors.js';
import type { WorkerInput, WorkerMessage } from './protocol.js';

/*
 * Long API calls (an import, a bulk accept, a library-wide analysis) as jobs: each runs in its own
 * worker thread with its own connection to the library file, so the thread that serves the editor
 * is never blocked by one. A job reports progress (polled with status(), and pushed to the caller's
 * onProgress), and stops when asked at the next safe point its method has: between files, between
 * batches of articles. Whatever finished before that point stays done, and the result says so.
 */

export interface JobRunnerOptions {
  /** The library file the workers open. */
  file: string;
  /** See OpenOptions.nativeBinding: the desktop app started from a checkout needs Electron's build. */
  nativeBinding?: string;
  /** Jobs allowed to run at once; more are refused until one ends. */
  maxRunning?: number;
  /** Finished jobs remembered for status(); the oldest are forgotten first. */
  keepFinished?: number;
}

interface Job {
  status: JobStatus;
  cancel: Int32Array;
  worker: Worker;
  exited: Promise<void>;
  onProgress: ((progress: ApiProgress) => void) | undefined;
}

const DEFAULT_MAX_RUNNING = 4;
const DEFAULT_KEEP_FINISHED = 100;

/** The worker's entry: compiled JS beside this file, or (running from the .ts sources) worker.ts through tsx. */
function workerEntry(): { script: string | URL; eval: boolean } {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return { script: new URL('./worker.js', here), eval: false };
  // vitest and tsx run the sources; a worker does not inherit their loader, so it registers tsx's own.
  const tsx = import.meta.resolve('tsx/esm/api');
  const source = new URL('./worker.ts', here).href;
  return {
    script: `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(source)}); });`,
    eval: true,
  };
}

function isCancelledResult(result: unknown): boolean {
  return typeof result === 'object' && result !== null && 'cancelled' in result && Boolean(result.cancelled);
}

export class JobRunner {
  readonly #options: JobRunnerOptions;
  readonly #jobs = new Map<string, Job>();
  #closed = false;

  constructor(options: JobRunnerOptions) {
    this.#options = options;
  }

  /** Starts a job on input already validated against the method's schema. */
  start(method: JobMethod, input: unknown, onProgress?: (progress: ApiProgress) => void): { jobId: string } {
    if (this.#closed) throw new LibraryError('The library is closing; no new jobs start.');
    if (this.#options.file === ':memory:') throw new LibraryError('An in-memory library cannot run background jobs.');
    const running = [...this.#jobs.values()].filter((j) => j.status.state === 'running').length;
    const maxRunning = this.#options.maxRunning ?? DEFAULT_MAX_RUNNING;
    if (running >= maxRunning) {
      throw new LibraryError(`${running} jobs are already running; wait for one to finish.`);
    }

    const jobId = crypto.randomUUID();
    const cancelBuffer = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT);
    const workerData: WorkerInput = {
      file: this.#options.file,
      nativeBinding: this.#options.nativeBinding,
      method,
      input,
      cancel: cancelBuffer,
    };
    const entry = workerEntry();
    const worker = new Worker(entry.script, { eval: entry.eval, workerData });
    const status: JobStatus = { jobId, method, state: 'running', done: 0, total: 0, detail: '' };
    const job: Job = {
      status,
      cancel: new Int32Array(cancelBuffer),
      worker,
      onProgress,
      exited: new Promise((resolve) => worker.once('exit', () => resolve())),
    };
    this.#jobs.set(jobId, job);

    worker.on('message', (message: WorkerMessage) => this.#receive(job, message));
    worker.on('error', (err) => this.#finish(job, { state: 'failed', error: { code: 'internal', message: `${method} failed: ${err.message}` } }));
    worker.on('exit', (code) => {
      if (job.status.state !== 'running') return;
      if (this.#cancelRequested(job)) this.#finish(job, { state: 'cancelled' });
      else this.#finish(job, { state: 'failed', error: { code: 'internal', message: `${method} stopped unexpectedly (exit code ${code}).` } });
    });
    return { jobId };
  }

  status(jobId: string): JobStatus {
    return structuredClone(this.#get(jobId).status);
  }

  /** Asks a job to stop at its next safe point; a finished job is left as it is. */
  cancel(jobId: string): JobStatus {
    const job = this.#get(jobId);
    if (job.status.state === 'running') Atomics.store(job.cancel, 0, 1);
    return this.status(jobId);
  }

  /** Asks every running job to stop, waits for them (terminating any that outlast the grace period). */
  async close(graceMs = 10_000): Promise<void> {
    this.#closed = true;
    const running = [...this.#jobs.values()].filter((j) => j.status.state === 'running');
    for (const job of running) Atomics.store(job.cancel, 0, 1);
    await Promise.all(
      running.map(async (job) => {
        let timer: NodeJS.Timeout | undefined;
        const late = new Promise<'late'>((resolve) => {
          timer = setTimeout(() => resolve('late'), graceMs);
        });
        // Terminating drops the worker's connection; SQLite rolls back a transaction it had open.
        if ((await Promise.race([job.exited, late])) === 'late') await job.worker.terminate();
        clearTimeout(timer);
        await job.exited;
      }),
    );
  }

  #get(jobId: string): Job {
    const job = this.#jobs.get(jobId);
    if (!job) throw new LibraryError(`No job ${jobId}: it never ran here, or finished long ago.`);
    return job;
  }

  #cancelRequested(job: Job): boolean {
    return Atomics.load(job.cancel, 0) === 1;
  }

  #receive(job: Job, message: WorkerMessage): void {
    if (job.status.state !== 'running') return;
    switch (message.kind) {
      case 'progress':
        Object.assign(job.status, { done: message.done, total: message.total, detail: message.detail });
        job.onProgress?.({ method: job.status.method, done: message.done, total: message.total, detail: message.detail });
        return;
      case 'done': {
        const cancelled = this.#cancelRequested(job) && isCancelledResult(message.result);
        this.#finish(job, { state: cancelled ? 'cancelled' : 'done', result: message.result });
        return;
      }
      case 'cancelled-before-start':
        this.#finish(job, { state: 'cancelled' });
        return;
      case 'failed':
        this.#finish(job, { state: 'failed', error: message.error });
    }
  }

  #finish(job: Job, end: Pick<JobStatus, 'state' | 'result' | 'error'>): void {
    if (job.status.state !== 'running') return;
    Object.assign(job.status, end, { detail: '' });
    if (end.state === 'done') job.status.done = job.status.total;
    this.#forgetOldJobs();
  }

  #forgetOldJobs(): void {
    const keep = this.#options.keepFinished ?? DEFAULT_KEEP_FINISHED;
    const finished = [...this.#jobs.entries()].filter(([, j]) => j.status.state !== 'running');
    for (const [id] of finished.slice(0, Math.max(0, finished.length - keep))) this.#jobs.delete(id);
  }
}

const runnersByLibrary = new WeakMap<Library, JobRunner>();

/**
 * The job runner of an open library, made on first use, for a transport that brings none of its
 * own (a transport that needs options, such as Electron's nativeBinding, passes its runner in the
 * handler context instead).
 */
export function jobRunnerFor(library: Library): JobRunner {
  let runner = runnersByLibrary.get(library);
  if (!runner) {
    runner = new JobRunner({ file: library.file });
    runnersByLibrary.set(library, runner);
  }
  return runner;
}
