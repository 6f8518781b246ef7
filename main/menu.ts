import type { MenuItemConstructorOptions } from 'electron';

/*
 * The application menu as plain data, so it is built and tested without Electron.
 * Labels are zh-CN unless QINGGAO_LANG=en asks for English. Standard roles do the work.
 */

export type MenuLanguage = 'zh-CN' | 'en';

interface MenuLabels {
  file: string;
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

export function pickMenuLanguage(requested: string | undefined): MenuLanguage {
  return requested?.toLowerCase().startsWith('en') ? 'en' : 'zh-CN';
}

export function buildMenuTemplate(lang: MenuLanguage, platform: NodeJS.Platform = process.platform): MenuItemConstructorOptions[] {
  const l = MENU_LABELS[lang];
  const template: MenuItemConstructorOptions[] = [
    { label: l.file, submenu: [{ role: 'quit', label: l.quit }] },
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
