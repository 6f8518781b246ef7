import type { ApiClient, ApiInput, JobMethod, JobStatus } from '../../../app/api/contract.js';

/*
 * Long work (imports, library-wide accepts) runs as a server job: start it, poll its status every
 * ~200 ms for the progress bar, and ask it to stop when the editor cancels. Polling works the same
 * over IPC and HTTP.
 */

export interface RunningJob {
  /** Settles with the job's final status (done, failed or cancelled). */
  finished: Promise<JobStatus>;
  cancel(): void;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function runJob<M extends JobMethod>(
  api: ApiClient,
  method: M,
  input: ApiInput<M>,
  onStatus: (status: JobStatus) => void,
  pollMs = 200,
): RunningJob {
  let jobId: string | null = null;
  let cancelRequested = false;
  const finished = (async () => {
    ({ jobId } = await api.startJob({ method, input }));
    if (cancelRequested) void api.cancelJob({ jobId }).catch(() => undefined);
    for (;;) {
      const status = await api.jobStatus({ jobId });
      onStatus(status);
      if (status.state !== 'running') return status;
      await sleep(pollMs);
    }
  })();
  return {
    finished,
    cancel() {
      cancelRequested = true;
      if (jobId !== null) void api.cancelJob({ jobId }).catch(() => undefined);
    },
  };
}
