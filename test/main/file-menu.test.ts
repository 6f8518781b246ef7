import fs from 'node:fs';
import path from 'node:path';
import type { MenuItemConstructorOptions, OpenDialogOptions, SaveDialogOptions } from 'electron';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { importPaths } from '../../app/import/importer.js';
import { openLibrary } from '../../app/library.js';
import type { MenuCommand } from '../../main/bridge.js';
import { createFileMenuActions, newLibraryPath, type FileMenuDependencies } from '../../main/file-menu.js';
import { openChosenLibrary } from '../../main/library-file.js';
import { LibrarySession } from '../../main/library-session.js';
import { buildMenuTemplate, FILE_MENU_ACCELERATORS, type FileMenuActions, type MenuLanguage } from '../../main/menu.js';
import { RECENT_LIBRARIES_FILE_NAME, RecentLibraries } from '../../main/recent.js';
import { makeTempDir, SEED_FILES } from '../helpers.js';

/* ── The File menu as data ── */

function recordingActions() {
  const calls: string[] = [];
  const actions: FileMenuActions = {
    importFiles: () => void calls.push('importFiles'),
    importFolder: () => void calls.push('importFolder'),
    exportEdition: () => void calls.push('exportEdition'),
    openLibrary: () => void calls.push('openLibrary'),
    newLibrary: () => void calls.push('newLibrary'),
    openRecent: (file) => void calls.push(`openRecent ${file}`),
    clearRecent: () => void calls.push('clearRecent'),
  };
  return { calls, actions };
}

function fileMenuOf(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  const file = template.find((item) => item.role !== 'appMenu');
  return file!.submenu as MenuItemConstructorOptions[];
}

/** What an editor sees: label and shortcut, or a separator. */
const shown = (items: MenuItemConstructorOptions[]) =>
  items.map((item) => (item.type === 'separator' ? '---' : [item.label, item.accelerator ?? null, item.role ?? null]));

const click = (item: MenuItemConstructorOptions | undefined) => (item!.click as () => void)();

describe('the File menu', () => {
  it('has Import…, Import Folder…, Export…, Open Library…, New Library…, Recent and Quit, in Chinese', () => {
    const { actions } = recordingActions();
    expect(shown(fileMenuOf(buildMenuTemplate({ lang: 'zh-CN', platform: 'linux', actions, recent: [] })))).toEqual([
      ['导入…', 'CmdOrCtrl+O', null],
      ['导入文件夹…', 'CmdOrCtrl+Shift+O', null],
      ['导出…', 'CmdOrCtrl+E', null],
      '---',
      ['打开稿库…', null, null],
      ['新建稿库…', null, null],
      ['最近打开', null, null],
      '---',
      ['退出', null, 'quit'],
    ]);
  });

  it('has the same items and shortcuts in English', () => {
    const { actions } = recordingActions();
    expect(shown(fileMenuOf(buildMenuTemplate({ lang: 'en', platform: 'darwin', actions, recent: [] })))).toEqual([
      ['Import…', FILE_MENU_ACCELERATORS.importFiles, null],
      ['Import Folder…', FILE_MENU_ACCELERATORS.importFolder, null],
      ['Export…', FILE_MENU_ACCELERATORS.export, null],
      '---',
      ['Open Library…', null, null],
      ['New Library…', null, null],
      ['Open Recent', null, null],
      '---',
      ['Quit', null, 'quit'],
    ]);
  });

  it('calls its actions when the items are chosen', () => {
    const { calls, actions } = recordingActions();
    const items = fileMenuOf(buildMenuTemplate({ lang: 'en', platform: 'linux', actions, recent: [] }));
    for (const id of ['import-files', 'import-folder', 'export', 'open-library', 'new-library']) click(items.find((item) => item.id === id));
    expect(calls).toEqual(['importFiles', 'importFolder', 'exportEdition', 'openLibrary', 'newLibrary']);
  });

  it('lists the recent libraries, most recent first, with Clear Recent', () => {
    const { calls, actions } = recordingActions();
    const recent = ['/home/editor/报纸/1950.db', '/home/editor/R&D.db'];
    const submenu = (lang: MenuLanguage, platform: NodeJS.Platform) =>
      fileMenuOf(buildMenuTemplate({ lang, platform, actions, recent })).find((item) => item.id === 'recent')!.submenu as MenuItemConstructorOptions[];

    const linux = submenu('zh-CN', 'linux');
    // "&" marks a mnemonic on Linux and Windows, so a literal one is doubled; macOS shows it as is.
    expect(shown(linux)).toEqual([['/home/editor/报纸/1950.db', null, null], ['/home/editor/R&&D.db', null, null], '---', ['清除最近记录', null, null]]);
    expect(shown(submenu('en', 'darwin'))[1]).toEqual(['/home/editor/R&D.db', null, null]);
    click(linux[1]);
    click(linux.find((item) => item.id === 'clear-recent'));
    expect(calls).toEqual(['openRecent /home/editor/R&D.db', 'clearRecent']);
  });

  it('says when there is nothing recent', () => {
    const { actions } = recordingActions();
    const items = fileMenuOf(buildMenuTemplate({ lang: 'en', platform: 'linux', actions, recent: [] }));
    const submenu = items.find((item) => item.id === 'recent')!.submenu as MenuItemConstructorOptions[];
    expect(submenu.map((item) => [item.label, item.enabled])).toEqual([['(none)', false], [undefined, undefined], ['Clear Recent', false]]);
  });
});

/* ── What the items do, with dialogs stood in for and real libraries ── */

const sessions: LibrarySession[] = [];
afterEach(async () => {
  for (const session of sessions.splice(0)) await session.close();
});

function makeLibraryFile(dir: string, name: string, pages: string[]): string {
  const file = path.join(dir, name);
  const library = openLibrary({ file });
  if (pages.length > 0) importPaths(library.db, pages);
  library.close();
  return file;
}

function setUp(lang: MenuLanguage = 'zh-CN') {
  const dir = makeTempDir();
  const first = makeLibraryFile(dir, 'first.db', [SEED_FILES[0]!]);
  const steps: string[] = [];
  const session = new LibrarySession(openChosenLibrary(first), {
    open: (file) => openChosenLibrary(file),
    beforeSwitch: () => void steps.push('unload window'),
    afterSwitch: (library) => void steps.push(`load window on ${path.basename(library.file)}`),
  });
  sessions.push(session);
  const recent = new RecentLibraries({ file: path.join(dir, RECENT_LIBRARIES_FILE_NAME) });
  recent.add(first);

  const openAnswers: { canceled: boolean; filePaths: string[] }[] = [];
  const saveAnswers: { canceled: boolean; filePath: string }[] = [];
  const openOptions: OpenDialogOptions[] = [];
  const saveOptions: SaveDialogOptions[] = [];
  const errors: { title: string; content: string }[] = [];
  const sent: MenuCommand[] = [];
  const refreshMenu = vi.fn();
  const deps: FileMenuDependencies = {
    lang,
    session,
    recent,
    showOpenDialog: async (options) => {
      openOptions.push(options);
      return openAnswers.shift() ?? { canceled: true, filePaths: [] };
    },
    showSaveDialog: async (options) => {
      saveOptions.push(options);
      return saveAnswers.shift() ?? { canceled: true, filePath: '' };
    },
    showError: (title, content) => void errors.push({ title, content }),
    sendMenuCommand: (command) => {
      sent.push(command);
      return true;
    },
    refreshMenu,
  };
  const actions = createFileMenuActions(deps);
  const countSources = () => (session.library.db.prepare('SELECT COUNT(*) AS n FROM sources').get() as { n: number }).n;
  return { dir, first, session, recent, actions, deps, openAnswers, saveAnswers, openOptions, saveOptions, errors, sent, refreshMenu, steps, countSources };
}

describe('File → Import… and Export…', () => {
  it('asks for .txt/.md pages (several at once) and hands their paths to the window', async () => {
    const t = setUp();
    t.openAnswers.push({ canceled: false, filePaths: [SEED_FILES[1]!, SEED_FILES[2]!] });
    await t.actions.importFiles();
    expect(t.openOptions[0]).toMatchObject({ title: '导入版面', properties: ['openFile', 'multiSelections'] });
    expect(t.openOptions[0]!.filters![0]).toEqual({ name: '版面文本（.txt、.md）', extensions: ['txt', 'md'] });
    expect(t.sent).toEqual([{ command: 'import', paths: [SEED_FILES[1], SEED_FILES[2]] }]);
    // Nothing is imported by main: the window runs the import as a job, with progress.
    expect(t.countSources()).toBe(1);
  });

  it('asks for folders, and sends nothing when the dialog is cancelled', async () => {
    const t = setUp('en');
    await t.actions.importFolder();
    expect(t.openOptions[0]).toMatchObject({ title: 'Import a folder', properties: ['openDirectory', 'multiSelections'] });
    expect(t.sent).toEqual([]);
    t.openAnswers.push({ canceled: false, filePaths: [path.dirname(SEED_FILES[0]!)] });
    await t.actions.importFolder();
    expect(t.sent).toEqual([{ command: 'import', paths: [path.dirname(SEED_FILES[0]!)] }]);
  });

  it('asks the window to open its export dialog', async () => {
    const t = setUp();
    await t.actions.exportEdition();
    expect(t.sent).toEqual([{ command: 'export' }]);
  });

  it('shows an error box instead of failing when a dialog cannot be shown', async () => {
    const t = setUp('en');
    const actions = createFileMenuActions({ ...t.deps, showOpenDialog: () => Promise.reject(new Error('no display')) });
    await expect(actions.importFiles()).resolves.toBeUndefined();
    await expect(actions.openLibrary()).resolves.toBeUndefined();
    expect(t.errors.map((e) => e.content)).toEqual([expect.stringContaining('no display'), expect.stringContaining('no display')]);
    expect(t.session.library.file).toBe(t.first);
  });
});

describe('File → Open Library…, New Library… and Recent', () => {
  it('opens the chosen library in place of the current one, records it first in Recent and reloads the window', async () => {
    const t = setUp();
    const second = makeLibraryFile(t.dir, 'second.db', [SEED_FILES[1]!, SEED_FILES[2]!]);
    const old = t.session.library;
    t.openAnswers.push({ canceled: false, filePaths: [second] });
    await t.actions.openLibrary();

    expect(t.openOptions[0]).toMatchObject({ title: '打开稿库', defaultPath: t.dir, properties: ['openFile'] });
    expect(t.openOptions[0]!.filters![0]!.extensions).toEqual(['db']);
    expect(t.session.library.file).toBe(second);
    expect(t.countSources()).toBe(2);
    expect(old.db.open).toBe(false);
    expect(t.recent.list()).toEqual([second, t.first]);
    expect(t.refreshMenu).toHaveBeenCalledOnce();
    expect(t.steps).toEqual(['unload window', 'load window on second.db']);
    expect(t.errors).toEqual([]);
  });

  it('keeps the current library when the chosen file is not a library, and says why', async () => {
    const t = setUp();
    const bogus = path.join(t.dir, 'bogus.db');
    fs.writeFileSync(bogus, 'plain text, not SQLite');
    t.openAnswers.push({ canceled: false, filePaths: [bogus] });
    await t.actions.openLibrary();

    expect(t.errors).toHaveLength(1);
    expect(t.errors[0]!.content).toContain('无法打开稿库');
    expect(t.errors[0]!.content).toContain(bogus);
    expect(t.errors[0]!.content).toContain('not a Qinggao library');
    expect(t.errors[0]!.content).toContain(t.first); // which library stays open
    expect(t.session.library.file).toBe(t.first);
    expect(t.countSources()).toBe(1);
    expect(t.recent.list()).toEqual([t.first]);
    expect(t.steps).toEqual([]);
  });

  it('does nothing when the open dialog is cancelled', async () => {
    const t = setUp();
    await t.actions.openLibrary();
    expect(t.session.library.file).toBe(t.first);
    expect(t.steps).toEqual([]);
    expect(t.refreshMenu).not.toHaveBeenCalled();
  });

  it('creates a new, empty library where the editor says (adding .db), and opens it', async () => {
    const t = setUp('en');
    const chosen = path.join(t.dir, 'desk', '1950年');
    fs.mkdirSync(path.dirname(chosen));
    t.saveAnswers.push({ canceled: false, filePath: chosen });
    await t.actions.newLibrary();

    expect(t.saveOptions[0]).toMatchObject({ title: 'New library', defaultPath: path.join(t.dir, 'New library.db') });
    expect(t.session.library.file).toBe(`${chosen}.db`);
    expect(t.countSources()).toBe(0);
    expect(t.recent.list()[0]).toBe(`${chosen}.db`);
    expect(newLibraryPath('/a/b.qinggao')).toBe('/a/b.qinggao');
  });

  it('never makes a new library by emptying an existing file', async () => {
    const t = setUp('en');
    const existing = makeLibraryFile(t.dir, 'kept.db', [SEED_FILES[3]!]);
    const before = fs.readFileSync(existing);
    t.saveAnswers.push({ canceled: false, filePath: existing });
    await t.actions.newLibrary();
    expect(t.errors[0]!.content).toMatch(/already exists/);
    expect(t.session.library.file).toBe(t.first);
    expect(fs.readFileSync(existing)).toEqual(before);
  });

  it('opens a recent library, and drops one whose file has gone', async () => {
    const t = setUp();
    const second = makeLibraryFile(t.dir, 'second.db', []);
    const gone = makeLibraryFile(t.dir, 'gone.db', []);
    t.recent.add(second);
    t.recent.add(gone);
    fs.rmSync(gone);

    await t.actions.openRecent(gone);
    expect(t.errors[0]!.content).toContain('已不存在');
    expect(t.recent.list()).toEqual([second, t.first]);
    expect(t.session.library.file).toBe(t.first);
    expect(t.refreshMenu).toHaveBeenCalledTimes(1);

    await t.actions.openRecent(second);
    expect(t.session.library.file).toBe(second);
    expect(t.recent.list()).toEqual([second, t.first]);

    // Back to the first: it comes first again.
    await t.actions.openRecent(t.first);
    expect(t.session.library.file).toBe(t.first);
    expect(t.countSources()).toBe(1);
    expect(t.recent.list()).toEqual([t.first, second]);
  });

  it('clears the recent list', async () => {
    const t = setUp();
    await t.actions.clearRecent();
    expect(t.recent.list()).toEqual([]);
    expect(t.refreshMenu).toHaveBeenCalledOnce();
    expect(t.session.library.file).toBe(t.first); // the open library stays open
  });
});
