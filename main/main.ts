import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, session, shell } from 'electron';
import { openLibrary } from '../app/library.js';
import { JobRunner } from '../app/jobs/runner.js';
import { MENU_CHANNEL, type MenuCommand } from './bridge.js';
import { createFileMenuActions } from './file-menu.js';
import { registerApiIpc, type IpcInvokeEvent } from './ipc.js';
import { openChosenLibrary } from './library-file.js';
import { LibrarySession } from './library-session.js';
import { registerReveal } from './reveal.js';
import { buildMenuTemplate, pickMenuLanguage } from './menu.js';
import { RECENT_LIBRARIES_FILE_NAME, RecentLibraries } from './recent.js';
import { hardenSession, hardenWebContents, isRendererUrl } from './security.js';

/*
 * The Electron main process, kept thin: it opens the library, serves the API over IPC and shows
 * one sandboxed window. Everything with logic lives in app/ or in main/'s injected modules.
 */

const mainDir = path.dirname(fileURLToPath(import.meta.url));
const preloadPath = path.join(mainDir, 'preload.cjs');
const rendererUrl = pathToFileURL(path.join(mainDir, '..', 'renderer', 'index.html')).href;

let librarySession: LibrarySession | null = null;
let mainWindow: BrowserWindow | null = null;

function liveWindow(): BrowserWindow | null {
  return mainWindow && !mainWindow.isDestroyed() ? mainWindow : null;
}

/** Lets the page go before the library changes under it: its last saves reach the old library. */
async function unloadWindow(): Promise<void> {
  await liveWindow()?.webContents.loadURL('about:blank').catch(() => undefined);
}

function loadWindow(): void {
  const win = liveWindow();
  if (!win) {
    mainWindow = createWindow();
    return;
  }
  win.loadURL(rendererUrl).catch((err: unknown) => console.error(`[qinggao] cannot load ${rendererUrl}:`, err));
}

function sendMenuCommand(command: MenuCommand): boolean {
  const win = liveWindow();
  if (!win) {
    mainWindow = createWindow(); // macOS keeps running without windows; the editor asks again once it is up
    return false;
  }
  win.webContents.send(MENU_CHANNEL, command);
  return true;
}

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

  // Started from a checkout, the launcher builds better-sqlite3 for Electron and names it here;
  // a packaged app has it rebuilt in place by electron-builder.
  const nativeBinding = process.env['QINGGAO_SQLITE_BINDING'] || undefined;
  const lang = pickMenuLanguage(process.env['QINGGAO_LANG']);
  const isTrustedSender = (event: IpcInvokeEvent) => event.senderFrame !== null && isRendererUrl(event.senderFrame.url, rendererUrl);

  try {
    librarySession = new LibrarySession(openLibrary({ dataDir: app.getPath('userData'), nativeBinding }), {
      open: (file) => openChosenLibrary(file, { nativeBinding }),
      createJobs: (library) => new JobRunner({ file: library.file, nativeBinding }),
      beforeSwitch: unloadWindow,
      afterSwitch: loadWindow,
    });
  } catch (err) {
    dialog.showErrorBox('清稿 Qinggao', `无法打开稿库 / Cannot open the library:\n${(err as Error).message}`);
    app.quit();
    return;
  }
  const current = librarySession;

  registerApiIpc({
    handle: (channel, listener) => ipcMain.handle(channel, listener),
    // Read on every call: File → Open library… switches the library under the handlers.
    library: () => current.library,
    jobs: () => current.jobs,
    isTrustedSender,
    onInternalError: (method, error) => console.error(`[qinggao] ${method} failed:`, error),
  });
  registerReveal({
    handle: (channel, listener) => ipcMain.handle(channel, listener),
    isTrustedSender,
    reveal: (target) => shell.showItemInFolder(target),
  });

  const recent = new RecentLibraries({
    file: path.join(app.getPath('userData'), RECENT_LIBRARIES_FILE_NAME),
    onError: (error) => console.error('[qinggao] cannot save the recent libraries:', error),
  });
  recent.add(current.library.file);
  const actions = createFileMenuActions({
    lang,
    session: current,
    recent,
    showOpenDialog: (options) => {
      const win = liveWindow();
      return win ? dialog.showOpenDialog(win, options) : dialog.showOpenDialog(options);
    },
    showSaveDialog: (options) => {
      const win = liveWindow();
      return win ? dialog.showSaveDialog(win, options) : dialog.showSaveDialog(options);
    },
    showError: (title, content) => dialog.showErrorBox(title, content),
    sendMenuCommand,
    refreshMenu: () => setMenu(),
  });
  const setMenu = () =>
    Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate({ lang, actions, recent: recent.list() })));

  app.setAboutPanelOptions({ applicationName: lang === 'en' ? 'Qinggao' : '清稿 Qinggao', applicationVersion: app.getVersion() });
  setMenu();

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
    if (!librarySession) return;
    // Let running jobs stop at a safe point before the library closes under them.
    event.preventDefault();
    const closing = librarySession;
    librarySession = null;
    void closing.close().finally(() => app.quit());
  });
  start().catch((err: unknown) => {
    console.error('[qinggao] startup failed:', err);
    app.exit(1);
  });
}
