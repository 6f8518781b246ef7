import fs from 'node:fs';
import path from 'node:path';
import type { OpenDialogOptions, SaveDialogOptions } from 'electron';
import type { MenuCommand } from './bridge.js';
import type { LibrarySession } from './library-session.js';
import type { FileMenuActions, MenuLanguage } from './menu.js';
import type { RecentLibraries } from './recent.js';

/*
 * What the File menu's items do, with Electron's dialogs and window passed in (main.ts hands over
 * dialog.showOpenDialog and friends), so every path through them is tested without Electron.
 * Import and Export happen in the window: main only asks (a MenuCommand); the window runs the
 * import as a job with progress, or opens its export dialog. Opening a library happens here.
 */

export interface FileMenuDependencies {
  lang: MenuLanguage;
  session: LibrarySession;
  recent: RecentLibraries;
  showOpenDialog: (options: OpenDialogOptions) => Promise<{ canceled: boolean; filePaths: string[] }>;
  showSaveDialog: (options: SaveDialogOptions) => Promise<{ canceled: boolean; filePath?: string | undefined }>;
  /** A blocking error box (dialog.showErrorBox). */
  showError: (title: string, content: string) => void;
  /** Sends a command to the window; false when there is no window to take it. */
  sendMenuCommand: (command: MenuCommand) => boolean;
  /** Builds the application menu again (the Recent list changed). */
  refreshMenu: () => void;
}

/** The same actions, each settling once its dialogs and work are done (it never rejects). */
export type FileMenuHandlers = { [K in keyof FileMenuActions]: (...args: Parameters<FileMenuActions[K]>) => Promise<void> };

export const LIBRARY_EXTENSION = 'db';

interface DialogLabels {
  importFiles: string;
  importFolder: string;
  importButton: string;
  pages: string;
  openLibrary: string;
  openButton: string;
  newLibrary: string;
  createButton: string;
  newLibraryName: string;
  libraries: string;
  allFiles: string;
  errorTitle: string;
  cannotOpen: (file: string, message: string, current: string) => string;
  alreadyExists: (file: string) => string;
  gone: (file: string) => string;
  failed: (message: string) => string;
}

const DIALOG_LABELS: Record<MenuLanguage, DialogLabels> = {
  'zh-CN': {
    importFiles: '导入版面',
    importFolder: '导入文件夹',
    importButton: '导入',
    pages: '版面文本（.txt、.md）',
    openLibrary: '打开稿库',
    openButton: '打开',
    newLibrary: '新建稿库',
    createButton: '新建',
    newLibraryName: '新稿库.db',
    libraries: '清稿稿库（.db）',
    allFiles: '所有文件',
    errorTitle: '清稿 Qinggao',
    cannotOpen: (file, message, current) => `无法打开稿库：\n${file}\n\n${message}\n\n仍在使用原来的稿库：\n${current}`,
    alreadyExists: (file) => `该位置已有文件：\n${file}\n\n新建稿库不会覆盖已有文件。要打开它，请用“打开稿库…”。`,
    gone: (file) => `这个稿库文件已不存在：\n${file}\n\n已从“最近打开”中移除。`,
    failed: (message) => `操作失败：\n${message}`,
  },
  en: {
    importFiles: 'Import pages',
    importFolder: 'Import a folder',
    importButton: 'Import',
    pages: 'Page text (.txt, .md)',
    openLibrary: 'Open a library',
    openButton: 'Open',
    newLibrary: 'New library',
    createButton: 'Create',
    newLibraryName: 'New library.db',
    libraries: 'Qinggao library (.db)',
    allFiles: 'All files',
    errorTitle: 'Qinggao',
    cannotOpen: (file, message, current) => `Cannot open the library:\n${file}\n\n${message}\n\nThe library open before stays open:\n${current}`,
    alreadyExists: (file) => `A file already exists there:\n${file}\n\nA new library never replaces a file. To open it, use Open Library….`,
    gone: (file) => `This library file no longer exists:\n${file}\n\nIt was removed from Open Recent.`,
    failed: (message) => `That did not work:\n${message}`,
  },
};

/** The path a new library is created at: the one chosen, with ".db" when it has no extension. */
export function newLibraryPath(chosen: string): string {
  return path.extname(chosen) === '' ? `${chosen}.${LIBRARY_EXTENSION}` : chosen;
}

export function createFileMenuActions(deps: FileMenuDependencies): FileMenuHandlers {
  const l = DIALOG_LABELS[deps.lang];
  const currentFolder = () => path.dirname(deps.session.library.file);

  /** Runs an action so that a failure becomes an error box, never an unhandled rejection. */
  const guarded =
    <A extends unknown[]>(action: (...args: A) => Promise<void>) =>
    async (...args: A): Promise<void> => {
      try {
        await action(...args);
      } catch (err) {
        deps.showError(l.errorTitle, l.failed(err instanceof Error ? err.message : String(err)));
      }
    };

  const importChosen = async (options: OpenDialogOptions) => {
    const { canceled, filePaths } = await deps.showOpenDialog(options);
    if (canceled || filePaths.length === 0) return;
    deps.sendMenuCommand({ command: 'import', paths: filePaths.map((p) => path.resolve(p)) });
  };

  /** Opens `file` in place of the current library; an error box (and no change) when it cannot. */
  const switchLibrary = async (file: string) => {
    const before = deps.session.library.file;
    const result = await deps.session.switchTo(file);
    if (!result.ok) {
      deps.showError(l.errorTitle, l.cannotOpen(result.file, result.message, before));
      return;
    }
    deps.recent.add(result.file);
    deps.refreshMenu();
  };

  return {
    importFiles: guarded(() =>
      importChosen({
        title: l.importFiles,
        buttonLabel: l.importButton,
        filters: [
          { name: l.pages, extensions: ['txt', 'md'] },
          { name: l.allFiles, extensions: ['*'] },
        ],
        properties: ['openFile', 'multiSelections'],
      }),
    ),
    importFolder: guarded(() =>
      importChosen({ title: l.importFolder, buttonLabel: l.importButton, properties: ['openDirectory', 'multiSelections'] }),
    ),
    exportEdition: guarded(async () => {
      deps.sendMenuCommand({ command: 'export' });
    }),
    openLibrary: guarded(async () => {
      const { canceled, filePaths } = await deps.showOpenDialog({
        title: l.openLibrary,
        buttonLabel: l.openButton,
        defaultPath: currentFolder(),
        filters: [
          { name: l.libraries, extensions: [LIBRARY_EXTENSION] },
          { name: l.allFiles, extensions: ['*'] },
        ],
        properties: ['openFile'],
      });
      const [file] = filePaths;
      if (canceled || file === undefined) return;
      await switchLibrary(file);
    }),
    newLibrary: guarded(async () => {
      const { canceled, filePath } = await deps.showSaveDialog({
        title: l.newLibrary,
        buttonLabel: l.createButton,
        defaultPath: path.join(currentFolder(), l.newLibraryName),
        filters: [{ name: l.libraries, extensions: [LIBRARY_EXTENSION] }],
        properties: ['createDirectory'],
      });
      if (canceled || !filePath) return;
      const file = newLibraryPath(path.resolve(filePath));
      // The save dialog may have asked "replace?"; a library is never made by emptying a file.
      if (fs.existsSync(file)) {
        deps.showError(l.errorTitle, l.alreadyExists(file));
        return;
      }
      await switchLibrary(file);
    }),
    openRecent: guarded(async (file: string) => {
      if (!fs.existsSync(file)) {
        deps.recent.remove(file);
        deps.refreshMenu();
        deps.showError(l.errorTitle, l.gone(file));
        return;
      }
      await switchLibrary(file);
    }),
    clearRecent: guarded(async () => {
      deps.recent.clear();
      deps.refreshMenu();
    }),
  };
}
