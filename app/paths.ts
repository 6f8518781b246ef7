import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const APP_DIR_NAME = 'Qinggao';
export const LIBRARY_FILE_NAME = 'library.db';

/**
 * The per-user data folder, computed the way Electron computes app.getPath('userData') for an
 * app named Qinggao, so the CLI and the desktop app open the same default library.
 */
export function userDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string {
  const home = os.homedir();
  switch (platform) {
    case 'win32':
      return path.join(env['APPDATA'] ?? path.join(home, 'AppData', 'Roaming'), APP_DIR_NAME);
    case 'darwin':
      return path.join(home, 'Library', 'Application Support', APP_DIR_NAME);
    default:
      return path.join(env['XDG_CONFIG_HOME'] || path.join(home, '.config'), APP_DIR_NAME);
  }
}

export function defaultLibraryPath(dataDir: string = userDataDir()): string {
  return path.join(dataDir, LIBRARY_FILE_NAME);
}

/** The folder holding package.json, found from this module's own location (source or dist). */
export function packageRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest) && (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name?: string }).name === 'qinggao') {
      return dir;
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('Cannot find the Qinggao package root.');
    dir = parent;
  }
}

/** The sample pages a new default library starts with. */
export function seedsDir(): string {
  return path.join(packageRoot(), 'seeds');
}
