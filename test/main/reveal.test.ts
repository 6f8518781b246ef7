import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { registerReveal } from '../../main/reveal.js';
import type { IpcInvokeEvent } from '../../main/ipc.js';
import { makeTempDir } from '../helpers.js';

function setUp(trusted = true) {
  const revealed: string[] = [];
  let listener: ((event: IpcInvokeEvent, ...args: unknown[]) => Promise<boolean>) | undefined;
  registerReveal({
    handle: (channel, l) => {
      expect(channel).toBe('qinggao:reveal');
      listener = l;
    },
    isTrustedSender: () => trusted,
    reveal: (target) => revealed.push(target),
  });
  const event = {} as IpcInvokeEvent;
  return { revealed, call: (target: unknown) => listener!(event, target) };
}

describe('showing an exported folder', () => {
  it('reveals an absolute path that exists', async () => {
    const dir = makeTempDir();
    const { revealed, call } = setUp();
    expect(await call(dir)).toBe(true);
    expect(revealed).toEqual([path.normalize(dir)]);
  });

  it('refuses relative, missing and non-string paths, URLs, and untrusted senders', async () => {
    const { revealed, call } = setUp();
    for (const target of ['dist', path.join(makeTempDir(), 'nope'), 42, 'https://example.com/', 'file:///etc']) {
      expect(await call(target)).toBe(false);
    }
    expect(await setUp(false).call(makeTempDir())).toBe(false);
    expect(revealed).toEqual([]);
  });
});
