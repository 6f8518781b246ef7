import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { MenuItemConstructorOptions, Session, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate, pickMenuLanguage, type FileMenuActions } from '../../main/menu.js';
import { CONTENT_SECURITY_POLICY, hardenSession, hardenWebContents, isRendererUrl } from '../../main/security.js';

const indexHtml = fs.readFileSync(fileURLToPath(new URL('../../renderer/index.html', import.meta.url)), 'utf8');

describe('Content-Security-Policy', () => {
  it('is the same in renderer/index.html as in the header main sets', () => {
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(indexHtml);
    expect(meta?.[1]).toBe(CONTENT_SECURITY_POLICY);
  });

  it("allows the app's own files only: no unsafe-*, no remote hosts", () => {
    const directives = new Map(CONTENT_SECURITY_POLICY.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name!, values];
    }));
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-|\*|https?:|data:|blob:/);
  });

  it('leaves no inline script in renderer/index.html', () => {
    const scripts = [...indexHtml.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/\bsrc=/);
      expect(body!.trim()).toBe('');
    }
  });
});

describe('isRendererUrl', () => {
  const renderer = 'file:///opt/Qinggao/resources/app.asar/dist/renderer/index.html';
  it('accepts the renderer page, with or without a hash or query', () => {
    expect(isRendererUrl(renderer, renderer)).toBe(true);
    expect(isRendererUrl(`${renderer}#/article/3`, renderer)).toBe(true);
    expect(isRendererUrl(`${renderer}?x=1`, renderer)).toBe(true);
  });
  it('refuses other files, other schemes and garbage', () => {
    expect(isRendererUrl('file:///tmp/evil.html', renderer)).toBe(false);
    expect(isRendererUrl('https://opt/Qinggao/resources/app.asar/dist/renderer/index.html', renderer)).toBe(false);
    expect(isRendererUrl('about:blank', renderer)).toBe(false);
    expect(isRendererUrl('not a url', renderer)).toBe(false);
  });
  it('compares Windows paths without regard to case', () => {
    const win = 'file:///C:/Program%20Files/Qinggao/resources/app.asar/dist/renderer/index.html';
    expect(isRendererUrl(win.replace('C:/Program%20Files', 'c:/program%20files'), win, 'win32')).toBe(true);
    expect(isRendererUrl(win.replace('C:/Program%20Files', 'c:/program%20files'), win, 'linux')).toBe(false);
  });
});

describe('hardenWebContents', () => {
  it('prevents navigation, redirects and webviews, and denies new windows', () => {
    const handlers = new Map<string, (event: { preventDefault: () => void }) => void>();
    let openHandler: ((details: unknown) => unknown) | undefined;
    const contents = {
      on: (name: string, handler: (event: { preventDefault: () => void }) => void) => handlers.set(name, handler),
      setWindowOpenHandler: (handler: (details: unknown) => unknown) => (openHandler = handler),
    };
    hardenWebContents(contents as unknown as WebContents);
    for (const name of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const preventDefault = vi.fn();
      handlers.get(name)!({ preventDefault });
      expect(preventDefault, name).toHaveBeenCalledOnce();
    }
    expect(openHandler!({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
  });
});

describe('hardenSession', () => {
  it('adds the CSP header, cancels remote requests and denies every permission', () => {
    let beforeRequest: { filter: { urls: string[] }; listener: (d: unknown, cb: (r: unknown) => void) => void } | undefined;
    let headersReceived: ((d: { responseHeaders?: Record<string, string[]> }, cb: (r: unknown) => void) => void) | undefined;
    let permissionRequest: ((wc: unknown, permission: string, cb: (granted: boolean) => void) => void) | undefined;
    let permissionCheck: (() => boolean) | undefined;
    const session = {
      webRequest: {
        onBeforeRequest: (filter: { urls: string[] }, listener: (d: unknown, cb: (r: unknown) => void) => void) =>
          (beforeRequest = { filter, listener }),
        onHeadersReceived: (listener: typeof headersReceived) => (headersReceived = listener),
      },
      setPermissionRequestHandler: (handler: typeof permissionRequest) => (permissionRequest = handler),
      setPermissionCheckHandler: (handler: typeof permissionCheck) => (permissionCheck = handler),
    };
    hardenSession(session as unknown as Session);

    expect(beforeRequest!.filter.urls).toEqual(expect.arrayContaining(['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*']));
    const cancel = vi.fn();
    beforeRequest!.listener({ url: 'https://example.com/' }, cancel);
    expect(cancel).toHaveBeenCalledWith({ cancel: true });

    const respond = vi.fn();
    headersReceived!({ responseHeaders: { 'Content-Type': ['text/html'] } }, respond);
    expect(respond).toHaveBeenCalledWith({
      responseHeaders: { 'Content-Type': ['text/html'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });

    const grant = vi.fn();
    permissionRequest!({}, 'media', grant);
    expect(grant).toHaveBeenCalledWith(false);
    expect(permissionCheck!()).toBe(false);
  });
});

describe('application menu', () => {
  const noActions: FileMenuActions = {
    importFiles: () => {},
    importFolder: () => {},
    exportEdition: () => {},
    openLibrary: () => {},
    newLibrary: () => {},
    openRecent: () => {},
    clearRecent: () => {},
  };
  const build = (lang: 'zh-CN' | 'en', platform: NodeJS.Platform) => buildMenuTemplate({ lang, platform, actions: noActions, recent: [] });
  const labels = (items: MenuItemConstructorOptions[]) => items.map((item) => item.label);
  const roles = (items: MenuItemConstructorOptions[]): string[] =>
    items.flatMap((item) => [
      ...(item.role ? [item.role] : []),
      ...(Array.isArray(item.submenu) ? roles(item.submenu) : []),
    ]);

  it('is in Chinese unless English is asked for', () => {
    expect(pickMenuLanguage(undefined)).toBe('zh-CN');
    expect(pickMenuLanguage('fr')).toBe('zh-CN');
    expect(pickMenuLanguage('en')).toBe('en');
    expect(pickMenuLanguage('en-GB')).toBe('en');
    expect(labels(build('zh-CN', 'linux'))).toEqual(['文件', '编辑', '视图', '帮助']);
    expect(labels(build('en', 'linux'))).toEqual(['File', 'Edit', 'View', 'Help']);
  });

  it('offers quit, the standard edit roles, reload, devtools and about', () => {
    expect(roles(build('zh-CN', 'linux'))).toEqual(
      expect.arrayContaining(['quit', 'undo', 'redo', 'cut', 'copy', 'paste', 'selectAll', 'reload', 'toggleDevTools', 'about']),
    );
  });

  it('puts the application menu first on macOS', () => {
    expect(build('zh-CN', 'darwin')[0]).toEqual({ role: 'appMenu' });
  });
});
