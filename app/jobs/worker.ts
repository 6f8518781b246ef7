import { parentPort, workerData } from 'node:worker_threads';
import { ApiError, dispatch } from '../api/handlers.js';
import { openLibrary, type Library } from '../library.js';
import type { WorkerInput, WorkerMessage } from './protocol.js';

/*
 * A job's thread: opens its own connection to the library (WAL lets it write while the editor's
 * connection reads; every write is an IMMEDIATE transaction, so the two wait for each other rather
 * than fail), runs one API method through the same dispatch every transport uses, and reports.
 */

const data = workerData as WorkerInput;
const port = parentPort;
if (!port) throw new Error('app/jobs/worker.js runs only as a worker thread (see app/jobs/runner.ts).');

const post = (message: WorkerMessage): void => port.postMessage(message);
const cancel = new Int32Array(data.cancel);
const shouldStop = (): boolean => Atomics.load(cancel, 0) === 1;

let library: Library | undefined;
try {
  if (shouldStop()) {
    post({ kind: 'cancelled-before-start' });
  } else {
    library = openLibrary({ file: data.file, nativeBinding: data.nativeBinding });
    const result = dispatch(data.method, data.input, {
      library,
      shouldStop,
      onProgress: ({ done, total, detail }) => post({ kind: 'progress', done, total, detail }),
    });
    post({ kind: 'done', result: result as Extract<WorkerMessage, { kind: 'done' }>['result'] });
  }
} catch (err) {
  if (err instanceof ApiError && err.code !== 'unknown_method') {
    post({ kind: 'failed', error: { code: err.code, message: err.message } });
  } else {
    post({ kind: 'failed', error: { code: 'internal', message: `${data.method} failed: ${err instanceof Error ? err.message : String(err)}` } });
  }
} finally {
  library?.close();
}
