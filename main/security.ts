import type { Session, WebContents } from 'electron';

/*
 * The window's security boundary, kept in one place. The renderer is local files only: no remote
 * content, no navigation, no new windows, no permissions. renderer/index.html carries the same
 * policy in a <meta> tag (a test keeps the two identical): for file:// pages the meta tag is the
 * delivery Chromium is sure to honour, the response header covers whatever else gets loaded.
 */

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "frame-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** Remote schemes the app never loads; requests for them are cancelled. */
const REMOTE_URL_PATTERNS = ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'ftp://*/*'];

/** True when `url` is the renderer page itself (a file: URL with the same path), ignoring #hash and ?query. */
export function isRendererUrl(url: string, rendererUrl: string, platform: NodeJS.Platform = process.platform): boolean {
  let actual: URL;
  let expected: URL;
  try {
    actual = new URL(url);
    expected = new URL(rendererUrl);
  } catch {
    return false;
  }
  if (actual.protocol !== 'file:' || expected.protocol !== 'file:' || actual.host !== expected.host) return false;
  const normalise = (p: string): string => {
    const decoded = decodeURIComponent(p);
    return platform === 'win32' ? decoded.toLowerCase() : decoded;
  };
  return normalise(actual.pathname) === normalise(expected.pathname);
}

/** Session-wide rules: the CSP header, no remote requests, every permission request denied. */
export function hardenSession(session: Session): void {
  session.webRequest.onBeforeRequest({ urls: REMOTE_URL_PATTERNS }, (_details, callback) => callback({ cancel: true }));
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

/** Per-page rules, applied to every WebContents the app creates. */
export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
