import type { MenuItemConstructorOptions } from 'electron';

/*
 * The application menu as plain data, so it is built and tested without Electron. Labels are zh-CN
 * unless QINGGAO_LANG=en asks for English. Standard roles do the editing work; the File menu's own
 * items call the actions it is given (main/file-menu.ts makes them, with Electron's dialogs).
 */

export type MenuLanguage = 'zh-CN' | 'en';

interface MenuLabels {
  file: string;
  importFiles: string;
  importFolder: string;
  export: string;
  openLibrary: string;
  newLibrary: string;
  recent: string;
  noRecent: string;
  clearRecent: string;
  quit: string;
  edit: string;
  undo: string;
  redo: string;
  cut: string;
  copy: string;
  paste: string;
  selectAll: string;
  view: string;
  reload: string;
  toggleDevTools: string;
  help: string;
  about: string;
}

const MENU_LABELS: Record<MenuLanguage, MenuLabels> = {
  'zh-CN': {
    file: '文件',
    importFiles: '导入…',
    importFolder: '导入文件夹…',
    export: '导出…',
    openLibrary: '打开稿库…',
    newLibrary: '新建稿库…',
    recent: '最近打开',
    noRecent: '（无）',
    clearRecent: '清除最近记录',
    quit: '退出',
    edit: '编辑',
    undo: '撤销',
    redo: '重做',
    cut: '剪切',
    copy: '复制',
    paste: '粘贴',
    selectAll: '全选',
    view: '视图',
    reload: '重新加载',
    toggleDevTools: '开发者工具',
    help: '帮助',
    about: '关于清稿',
  },
  en: {
    file: 'File',
    importFiles: 'Import…',
    importFolder: 'Import Folder…',
    export: 'Export…',
    openLibrary: 'Open Library…',
    newLibrary: 'New Library…',
    recent: 'Open Recent',
    noRecent: '(none)',
    clearRecent: 'Clear Recent',
    quit: 'Quit',
    edit: 'Edit',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select All',
    view: 'View',
    reload: 'Reload',
    toggleDevTools: 'Developer Tools',
    help: 'Help',
    about: 'About Qinggao',
  },
};

/** Keyboard shortcuts of the File menu (Electron accelerators). */
export const FILE_MENU_ACCELERATORS = {
  importFiles: 'CmdOrCtrl+O',
  importFolder: 'CmdOrCtrl+Shift+O',
  export: 'CmdOrCtrl+E',
} as const;

/** What the File menu's own items do (main/file-menu.ts). */
export interface FileMenuActions {
  importFiles(): void | Promise<void>;
  importFolder(): void | Promise<void>;
  exportEdition(): void | Promise<void>;
  openLibrary(): void | Promise<void>;
  newLibrary(): void | Promise<void>;
  openRecent(file: string): void | Promise<void>;
  clearRecent(): void | Promise<void>;
}

export interface MenuOptions {
  lang: MenuLanguage;
  platform?: NodeJS.Platform;
  actions: FileMenuActions;
  /** The recently opened libraries, most recent first (main/recent.ts). */
  recent: readonly string[];
}

export function pickMenuLanguage(requested: string | undefined): MenuLanguage {
  return requested?.toLowerCase().startsWith('en') ? 'en' : 'zh-CN';
}

/** A path as a menu label: on Windows and Linux "&" marks a mnemonic, so a literal one is doubled. */
export function menuLabelForPath(file: string, platform: NodeJS.Platform): string {
  return platform === 'darwin' ? file : file.replaceAll('&', '&&');
}

function fileMenu(l: MenuLabels, platform: NodeJS.Platform, actions: FileMenuActions, recent: readonly string[]): MenuItemConstructorOptions[] {
  const recentItems: MenuItemConstructorOptions[] =
    recent.length === 0
      ? [{ id: 'recent-none', label: l.noRecent, enabled: false }]
      : recent.map((file, i) => ({ id: `recent-${i}`, label: menuLabelForPath(file, platform), click: () => void actions.openRecent(file) }));
  return [
    { id: 'import-files', label: l.importFiles, accelerator: FILE_MENU_ACCELERATORS.importFiles, click: () => void actions.importFiles() },
    { id: 'import-folder', label: l.importFolder, accelerator: FILE_MENU_ACCELERATORS.importFolder, click: () => void actions.importFolder() },
    { id: 'export', label: l.export, accelerator: FILE_MENU_ACCELERATORS.export, click: () => void actions.exportEdition() },
    { type: 'separator' },
    { id: 'open-library', label: l.openLibrary, click: () => void actions.openLibrary() },
    { id: 'new-library', label: l.newLibrary, click: () => void actions.newLibrary() },
    {
      id: 'recent',
      label: l.recent,
      submenu: [
        ...recentItems,
        { type: 'separator' },
        { id: 'clear-recent', label: l.clearRecent, enabled: recent.length > 0, click: () => void actions.clearRecent() },
      ],
    },
    { type: 'separator' },
    { role: 'quit', label: l.quit },
  ];
}

export function buildMenuTemplate({ lang, platform = process.platform, actions, recent }: MenuOptions): MenuItemConstructorOptions[] {
  const l = MENU_LABELS[lang];
  const template: MenuItemConstructorOptions[] = [
    { label: l.file, submenu: fileMenu(l, platform, actions, recent) },
    {
      label: l.edit,
      submenu: [
        { role: 'undo', label: l.undo },
        { role: 'redo', label: l.redo },
        { type: 'separator' },
        { role: 'cut', label: l.cut },
        { role: 'copy', label: l.copy },
        { role: 'paste', label: l.paste },
        { role: 'selectAll', label: l.selectAll },
      ],
    },
    {
      label: l.view,
      submenu: [
        { role: 'reload', label: l.reload },
        { role: 'toggleDevTools', label: l.toggleDevTools },
      ],
    },
    { role: 'help', label: l.help, submenu: [{ role: 'about', label: l.about }] },
  ];
  // macOS expects the application's own menu first (it holds About, Hide and Quit there).
  if (platform === 'darwin') template.unshift({ role: 'appMenu' });
  return template;
}
