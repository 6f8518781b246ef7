import { afterEach, describe, expect, it } from 'vitest';
import type { ApiProgress, JobStatus } from '../../app/api/contract.js';
import { JobRunner } from '../../app/jobs/runner.js';
import { PROGRESS_CHANNEL, type ApiReply } from '../../main/bridge.js';
import { registerApiIpc, type IpcInvokeEvent, type IpcInvokeListener } from '../../main/ipc.js';
import { openTempLibrary, SEEDS_DIR } from '../helpers.js';
import { waitFor } from './helpers.js';

const runners: JobRunner[] = [];

afterEach(async () => {
  for (const runner of runners.splice(0)) await runner.close();
});

describe('jobs over IPC: the same contract, with progress also pushed to the window', () => {
  it('starts a job, pushes its progress on qinggao:progress, and answers jobStatus', async () => {
    const library = openTempLibrary();
    const jobs = new JobRunner({ file: library.file });
    runners.push(jobs);
    let listener: IpcInvokeListener | undefined;
    registerApiIpc({ handle: (_channel, l) => (listener = l), library, jobs });

    const pushed: ApiProgress[] = [];
    const event: IpcInvokeEvent = {
      sender: { send: (channel, progress) => channel === PROGRESS_CHANNEL && pushed.push(progress as ApiProgress), isDestroyed: () => false },
      senderFrame: { url: 'file:///renderer/index.html' },
    };
    const invoke = async <T>(method: string, input: unknown): Promise<T> => {
      const reply: ApiReply = await listener!(event, method, input);
      if (!reply.ok) throw new Error(`${reply.error.code}: ${reply.error.message}`);
      return reply.result as T;
    };

    const { jobId } = await invoke<{ jobId: string }>('startJob', { method: 'importPaths', input: { paths: [SEEDS_DIR] } });
    const end = await waitFor(async () => {
      const status = await invoke<JobStatus>('jobStatus', { jobId });
      return status.state === 'running' ? undefined : status;
    }, 60_000);
    expect(end).toMatchObject({ state: 'done', result: { imported: 5 } });
    expect(pushed.map((p) => [p.method, p.done, p.total])).toEqual([0, 1, 2, 3, 4, 5].map((n) => ['importPaths', n, 5]));
  });
});
