import os from 'node:os';
import { performance } from 'node:perf_hooks';

/**
 * Times work and reports the process's peak resident memory (the OS's maxRSS), which is why each
 * bench section runs in a process of its own. CPU seconds (every thread of the process, the
 * garbage collector's included) sit beside wall seconds: on a loaded machine they vary less.
 */
export async function measurePeak<T>(work: () => T | Promise<T>): Promise<{ seconds: number; cpuSeconds: number; peakRssMiB: number; result: T }> {
  globalThis.gc?.();
  const start = performance.now();
  const cpu = process.cpuUsage();
  const result = await work();
  const used = process.cpuUsage(cpu);
  const seconds = (performance.now() - start) / 1000;
  return { seconds, cpuSeconds: (used.user + used.system) / 1e6, peakRssMiB: (process.resourceUsage().maxRSS * 1024) / 1024 / 1024, result };
}

/** The JavaScript heap and the memory outside it (typed arrays), after a full collection, in MiB. */
export function liveMiB(): number {
  globalThis.gc?.();
  const { heapUsed, external } = process.memoryUsage();
  return (heapUsed + external) / 1024 / 1024;
}

/** The machine's one-minute load average, to say how busy it was when a figure was taken. */
export function loadAverage(): string {
  return os.loadavg()[0]!.toFixed(2);
}

export function formatRow(name: string, figures: Record<string, string>): string {
  return `${name.padEnd(34)} ${Object.entries(figures).map(([k, v]) => `${k}=${v}`).join('  ')}`;
}

/** The figures of a row formatRow wrote (two spaces apart; a figure's name may hold one). */
export function parseRow(row: string): Record<string, string> {
  return Object.fromEntries(row.split(/\s{2,}/).filter((part) => part.includes('=')).map((part) => {
    const at = part.indexOf('=');
    return [part.slice(0, at).trim(), part.slice(at + 1).trim()];
  }));
}
