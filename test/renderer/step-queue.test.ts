import { describe, expect, it } from 'vitest';
import { StepQueue } from '../../renderer/src/lib/stepQueue.js';

/** A step the test finishes by hand: resolve(ok) ends it. */
interface Step {
  request: string;
  resolve: (ok: boolean) => void;
}

function recordingQueue() {
  const started: Step[] = [];
  const queue = new StepQueue<string>(
    (request) =>
      new Promise<boolean>((resolve) => {
        started.push({ request, resolve });
      }),
  );
  return { queue, started };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('undo and redo presses (the step queue)', () => {
  it('runs every press once, in order, each after the previous one has finished', async () => {
    const { queue, started } = recordingQueue();
    queue.push('undo');
    queue.push('undo');
    queue.push('redo');
    await settle();
    expect(started.map((s) => s.request)).toEqual(['undo']);
    expect(queue.size).toBe(3);

    started[0]!.resolve(true);
    await settle();
    expect(started.map((s) => s.request)).toEqual(['undo', 'undo']);
    started[1]!.resolve(true);
    await settle();
    started[2]!.resolve(true);
    await settle();
    expect(started.map((s) => s.request)).toEqual(['undo', 'undo', 'redo']);
    expect(queue.size).toBe(0);

    // Idle again: the next press starts at once.
    queue.push('redo');
    await settle();
    expect(started.map((s) => s.request)).toEqual(['undo', 'undo', 'redo', 'redo']);
  });

  it('drops the presses after a step that failed', async () => {
    const { queue, started } = recordingQueue();
    queue.push('undo');
    queue.push('undo');
    queue.push('undo');
    await settle();
    started[0]!.resolve(false);
    await settle();
    expect(started).toHaveLength(1);
    expect(queue.size).toBe(0);
  });

  it('takes a step that throws as failed, and goes on with later presses', async () => {
    const runs: string[] = [];
    const queue = new StepQueue<string>(async (request) => {
      runs.push(request);
      if (request === 'bad') throw new Error('boom');
      return true;
    });
    queue.push('bad');
    queue.push('dropped');
    await settle();
    queue.push('undo');
    await settle();
    expect(runs).toEqual(['bad', 'undo']);
  });

  it('forgets presses not yet started when cleared', async () => {
    const { queue, started } = recordingQueue();
    queue.push('undo');
    queue.push('undo');
    await settle();
    queue.clear();
    started[0]!.resolve(true);
    await settle();
    expect(started).toHaveLength(1);
  });
});
