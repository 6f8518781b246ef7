#!/usr/bin/env node
// The CLI is compiled from app/cli by `npm install` (the prepare script runs the build).
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const entry = fileURLToPath(new URL('../dist/app/cli/main.js', import.meta.url));
if (!existsSync(entry)) {
  console.error('qinggao: the CLI is not built yet; run `npm run build:node` in the Qinggao folder.');
  process.exit(2);
}
const { main } = await import(pathToFileURL(entry).href);
process.exitCode = await main(process.argv.slice(2));
