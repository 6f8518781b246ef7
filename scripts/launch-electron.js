#!/usr/bin/env node
// Starts the desktop app from this checkout; `npm start` runs it after `npm run build`.
// Electron's binary is not downloaded by `npm install` here: the first launch fetches it with
// electron's own install.js, then every launch spawns it on the project folder.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const projectDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(projectDir, 'package.json'));

function fail(lines) {
  console.error(['', ...lines.map((line) => `qinggao: ${line}`), ''].join('\n'));
  process.exit(1);
}

function electronPackageDir() {
  try {
    return path.dirname(require.resolve('electron/package.json'));
  } catch {
    return fail(['the electron package is not installed.', 'Run `npm install` in the Qinggao folder, then `npm start` again.']);
  }
}

/** The executable's path inside electron's dist/, as electron's install.js names it. */
function platformExecutable(platform) {
  switch (platform) {
    case 'darwin':
    case 'mas':
      return 'Electron.app/Contents/MacOS/Electron';
    case 'win32':
      return 'electron.exe';
    default:
      return 'electron';
  }
}

/** Where the binary is, or null when it has not been downloaded (checked without running electron's index.js, which would start a download itself). */
function findElectronBinary(electronDir) {
  const pathFile = path.join(electronDir, 'path.txt');
  const relative = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8').trim() : platformExecutable(process.platform);
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH || path.join(electronDir, 'dist');
  const binary = path.join(distDir, relative);
  return fs.existsSync(binary) ? binary : null;
}

function downloadElectron(electronDir) {
  const { version } = JSON.parse(fs.readFileSync(path.join(electronDir, 'package.json'), 'utf8'));
  console.log(`qinggao: downloading Electron ${version} on first launch (about 100 MB, once)…`);
  const result = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], { stdio: 'inherit' });
  if (result.status === 0) return;
  const [major, minor] = process.versions.node.split('.').map(Number);
  fail([
    `could not download Electron ${version}${result.error ? ` (${result.error.message})` : ''}.`,
    'Check that this machine can reach github.com (or set ELECTRON_MIRROR to a mirror you can reach,',
    'e.g. ELECTRON_MIRROR=https://npmmirror.com/mirrors/electron/), then run `npm start` again.',
    'Behind a proxy, set ELECTRON_GET_USE_PROXY=true and HTTPS_PROXY.',
    'To use an Electron you already have, set ELECTRON_OVERRIDE_DIST_PATH to the folder holding its executable.',
    ...(major < 22 || (major === 22 && minor < 12)
      ? [`Electron's installer needs Node 22.12 or newer; this is Node ${process.versions.node}.`]
      : []),
  ]);
}

const electronDir = electronPackageDir();
let binary = findElectronBinary(electronDir);
if (!binary) {
  downloadElectron(electronDir);
  binary = findElectronBinary(electronDir);
  if (!binary) fail([`Electron's installer finished, but no binary is in ${path.join(electronDir, 'dist')}.`, 'Delete node_modules/electron, run `npm install`, then `npm start` again.']);
}

if (!fs.existsSync(path.join(projectDir, 'dist', 'main', 'main.js'))) {
  fail(['the app is not built yet: run `npm run build` (or just `npm start`, which builds first).']);
}

/**
 * better-sqlite3 in node_modules is built for this Node, which the CLI and tests use; Electron's
 * Node has another ABI. Build a second copy for Electron once, outside node_modules, and tell the
 * app where it is.
 */
async function electronSqliteBinding(electronDir) {
  const { version } = JSON.parse(fs.readFileSync(path.join(electronDir, 'package.json'), 'utf8'));
  const cacheDir = path.join(projectDir, 'node_modules', '.cache', 'qinggao', `electron-${version}-${process.platform}-${process.arch}`);
  const binding = path.join(cacheDir, 'better_sqlite3.node');
  if (fs.existsSync(binding)) return binding;
  console.log(`qinggao: building better-sqlite3 for Electron ${version} (once)…`);
  const workDir = path.join(cacheDir, 'work');
  const sqliteDir = path.dirname(require.resolve('better-sqlite3/package.json'));
  const sqliteVersion = JSON.parse(fs.readFileSync(path.join(sqliteDir, 'package.json'), 'utf8')).version;
  fs.rmSync(workDir, { recursive: true, force: true });
  fs.mkdirSync(path.join(workDir, 'node_modules'), { recursive: true });
  fs.writeFileSync(path.join(workDir, 'package.json'), JSON.stringify({ name: 'qinggao-native', private: true, dependencies: { 'better-sqlite3': sqliteVersion } }));
  fs.cpSync(sqliteDir, path.join(workDir, 'node_modules', 'better-sqlite3'), { recursive: true, filter: (src) => !src.includes(`${path.sep}build${path.sep}`) });
  for (const dep of ['bindings', 'file-uri-to-path']) {
    fs.cpSync(path.dirname(require.resolve(`${dep}/package.json`)), path.join(workDir, 'node_modules', dep), { recursive: true });
  }
  try {
    const { rebuild } = require('@electron/rebuild');
    await rebuild({ buildPath: workDir, electronVersion: version, onlyModules: ['better-sqlite3'], force: true });
  } catch (err) {
    fail([`could not build better-sqlite3 for Electron ${version}: ${err.message}`, 'It needs the network once (Electron headers) and a C++ toolchain.']);
  }
  fs.copyFileSync(path.join(workDir, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'), binding);
  fs.rmSync(workDir, { recursive: true, force: true });
  return binding;
}

// ELECTRON_RUN_AS_NODE (set by some editors' terminals) would make Electron act as plain Node.
const env = { ...process.env, QINGGAO_SQLITE_BINDING: await electronSqliteBinding(electronDir) };
delete env.ELECTRON_RUN_AS_NODE;

const child = spawn(binary, [projectDir, ...process.argv.slice(2)], { stdio: 'inherit', env, windowsHide: false });
child.on('error', (err) => fail([`could not start Electron (${binary}): ${err.message}`]));
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (child.exitCode === null) child.kill(signal);
  });
}
child.on('exit', (code, signal) => {
  if (code === null) {
    console.error(`qinggao: Electron was stopped by ${signal}.`);
    process.exit(1);
  }
  process.exit(code);
});
