import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import type { Library } from '../../app/library.js';
import { importPaths } from '../../app/import/importer.js';
import { openTempLibrary, SEED_FILES } from '../helpers.js';

/** A temp library with the sample pages imported (analysed, so it has findings). */
export function openSeededLibrary(): Library {
  const lib = openTempLibrary();
  importPaths(lib.db, SEED_FILES);
  return lib;
}

export interface Tool {
  name: string;
  command: string;
  /** Arguments that come before the tool's own (java -jar for a packaged jar). */
  prefix: string[];
}

function onPath(name: string): string | null {
  for (const dir of (process.env['PATH'] ?? '').split(path.delimiter)) {
    const file = path.join(dir, name);
    if (fs.existsSync(file)) return file;
  }
  return null;
}

/**
 * A real client the export tests run: pandoc, or epubcheck. Debian installs epubcheck as a jar
 * linked into /usr/bin (run through binfmt where that is set up), so a jar is run with java -jar.
 */
const VERSION_LINE = { pandoc: /^pandoc \d/m, epubcheck: /^EPUBCheck v\d/m };

export function findTool(name: 'pandoc' | 'epubcheck'): Tool | null {
  const file = onPath(name);
  if (!file) return null;
  // epubcheck --version exits 1 ("no file specified") after printing its version: look at the output.
  const answers = (command: string, args: string[]) => {
    const r = spawnSync(command, [...args, '--version'], { encoding: 'utf8' });
    return !r.error && VERSION_LINE[name].test(`${r.stdout}${r.stderr}`);
  };
  if (answers(file, [])) return { name, command: file, prefix: [] };
  const real = fs.realpathSync(file);
  if (real.endsWith('.jar') && onPath('java') && answers('java', ['-jar', real])) return { name, command: 'java', prefix: ['-jar', real] };
  return null;
}

export function runTool(tool: Tool, args: string[]): { status: number; stdout: string; stderr: string } {
  const r = spawnSync(tool.command, [...tool.prefix, ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/**
 * Title for a test that needs a tool: says it is skipped and why when the tool is missing.
 * Locally a missing tool skips; under CI it fails (requireTool).
 */
export function toolTitle(title: string, tool: Tool | null, name: string): string {
  return tool ? title : `${title} [SKIPPED: ${name} is not installed; apt-get install -y ${name}]`;
}

export function requireTool(tool: Tool | null, name: string): Tool {
  if (!tool) throw new Error(`${name} is missing, and under CI the export tests must run it (apt-get install -y ${name}).`);
  return tool;
}

export const skipWithoutTool = (tool: Tool | null): boolean => !tool && !process.env['CI'];

/** Lines of text with whitespace normalised: runs of spaces one space, no blank lines, ends trimmed. */
export function normalizedLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(/\s+/gu, ' ').trim())
    .filter((line) => line.length > 0);
}
