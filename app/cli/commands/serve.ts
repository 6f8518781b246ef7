import type { Command } from '../command.js';
import { EXIT_OK, EXIT_REJECTED, UsageError } from '../context.js';
import { startServer, type QinggaoServer } from '../../server/server.js';

function parsePort(value: unknown): number {
  if (value === undefined) return 0;
  const port = Number(value);
  if (typeof value !== 'string' || !/^\d+$/.test(value) || port > 65_535) {
    throw new UsageError(`--port must be a whole number from 0 to 65535, not "${String(value)}"`);
  }
  return port;
}

/** Resolves with the first of the signals that ends a foreground server. */
function nextStopSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM'];
    const stop = (signal: NodeJS.Signals) => {
      for (const s of signals) process.off(s, stop);
      resolve(signal);
    };
    for (const s of signals) process.on(s, stop);
  });
}

export const serveCommand: Command = {
  name: 'serve',
  usage: 'qinggao serve [--port N]',
  summary: 'Serve the editor and the API on 127.0.0.1 for a browser (the printed address carries the access token)',
  options: { port: { type: 'string' } },
  async run(ctx, args, options) {
    if (args.length > 0) throw new UsageError(`serve takes no arguments, not "${args[0]}"`);
    const port = parsePort(options['port']);
    const library = ctx.library();
    let server: QinggaoServer;
    try {
      server = await startServer({
        library,
        port,
        onInternalError: (method, error) => ctx.io.err(`qinggao serve: ${method} failed: ${(error as Error).stack ?? String(error)}`),
      });
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      ctx.io.err(`qinggao: cannot listen on 127.0.0.1:${port} (${code === 'EADDRINUSE' ? 'the port is in use' : (err as Error).message}).`);
      return EXIT_REJECTED;
    }
    const stopped = nextStopSignal();
    // The first line of stdout is the address, and nothing else: scripts and tests read it.
    ctx.io.out(ctx.json ? JSON.stringify({ url: server.url, port: server.port, library: library.file }) : server.url);
    ctx.io.err(`Serving ${library.file} on ${server.origin} — open the address above (it carries the access token). Ctrl+C stops.`);
    const signal = await stopped;
    ctx.io.err(`Stopping (${signal})…`);
    await server.close();
    return EXIT_OK;
  },
};
