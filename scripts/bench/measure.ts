import { performance } from 'node:perf_hooks';

/**
 * Times work and reports the process's peak resident memory (the OS's maxRSS), which is why each
 * bench section runs in a process of its own.
 */
export async function measurePeak<T>(work: () => T | Promise<T>): Promise<{ seconds: number; peakRssMiB: number; result: T }> {
  globalThis.gc?.();
  const start = performance.now();
  const result = await work();
  const seconds = (performance.now() - start) / 1000;
  return { seconds, peakRssMiB: (process.resourceUsage().maxRSS * 1024) / 1024 / 1024, result };
}

export function formatRow(name: string, figures: Record<string, string>): string {
  return `${name.padEnd(34)} ${Object.entries(figures).map(([k, v]) => `${k}=${v}`).join('  ')}`;
}
