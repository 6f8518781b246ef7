import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, session, shell } from 'electron';
import { openLibrary, type Library } from '../app/library.js';
import { JobRunner } from '../app/jobs/runner.js';
import { registerApiIpc } from './ipc.js';
import { registerReveal } from './reveal.js';
import { buildMenuTemplate, pickMenuLanguage } from './menu.js';
import { hardenSession, hardenWebContents, isRendererUrl } from './security.js';

/*
 * The Electron main process, kept thin: it opens the library, serves the API over IPC and shows
 * one sandboxed window. Everything with logic lives in app/ or in main/'s injected modules.
 */

const mainDir = path.dirname(fileURLToPath(import.meta.url));
const preloadPath = path.join(mainDir, 'preload.cjs');
const rendererUrl = pathToFileURL(path.join(mainDir, '..', 'renderer', 'index.html')).href;

let library: Library | null = null;
let jobs: JobRunner | null = null;
let mainWindow: BrowserWindow | null = null;

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 800,
    minHeight: 500,
    title: '清稿 Qinggao',
    show: false,
    backgroundColor: '#f6f4ef',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    },
  });
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  win.loadURL(rendererUrl).catch((err: unknown) => console.error(`[qinggao] cannot load ${rendererUrl}:`, err));
  return win;
}

function focusMainWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

async function start(): Promise<void> {
  await app.whenReady();
  hardenSession(session.defaultSession);

  try {
    // Started from a checkout, the launcher builds better-sqlite3 for Electron and names it here;
    // a packaged app has it rebuilt in place by electron-builder.
    const nativeBinding = process.env['QINGGAO_SQLITE_BINDING'] || undefined;
    library = openLibrary({ dataDir: app.getPath('userData'), nativeBinding });
    jobs = new JobRunner({ file: library.file, nativeBinding });
  } catch (err) {
    dialog.showErrorBox('清稿 Qinggao', `无法打开稿库 / Cannot open the library:\n${(err as Error).message}`);
    app.quit();
    return;
  }

  registerApiIpc({
    handle: (channel, listener) => ipcMain.handle(channel, listener),
    library,
    jobs,
    isTrustedSender: (event) => event.senderFrame !== null && isRendererUrl(event.senderFrame.url, rendererUrl),
    onInternalError: (method, error) => console.error(`[qinggao] ${method} failed:`, error),
  });
  registerReveal({
    handle: (channel, listener) => ipcMain.handle(channel, listener),
    isTrustedSender: (event) => event.senderFrame !== null && isRendererUrl(event.senderFrame.url, rendererUrl),
    reveal: (target) => shell.showItemInFolder(target),
  });

  const lang = pickMenuLanguage(process.env['QINGGAO_LANG']);
  app.setAboutPanelOptions({ applicationName: lang === 'en' ? 'Qinggao' : '清稿 Qinggao', applicationVersion: app.getVersion() });
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(lang)));

  mainWindow = createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow();
  });
}

if (!app.requestSingleInstanceLock()) {
  // Another Qinggao already has this library open; it is told to come forward instead.
  app.quit();
} else {
  app.enableSandbox(); // every renderer, not only the windows created here
  app.on('second-instance', focusMainWindow);
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', (event) => {
    if (jobs) {
      // Let running jobs stop at a safe point before the library closes under them.
      event.preventDefault();
      const closing = jobs;
      jobs = null;
      void closing.close().finally(() => app.quit());
      return;
    }
    library?.close();
    library = null;
  });
  start().catch((err: unknown) => {
    console.error('[qinggao] startup failed:', err);
    app.exit(1);
  });
}
