import crypto from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/*
 * The server's security boundary, in one place. `qinggao serve` listens on 127.0.0.1 only, but any
 * web page the editor visits can still send requests there, and by DNS rebinding (a hostile name
 * that resolves to 127.0.0.1) even read the answers as if same-origin. So:
 *   - every API call must carry the per-run token (Authorization: Bearer …), which only the page
 *     opened from the printed address has;
 *   - a request whose Host (or Origin, when sent) is not this server at its own port is refused;
 *   - no CORS header is ever sent, so no other origin may read an answer;
 *   - every response carries the renderer's Content-Security-Policy and a strict set of headers.
 */

/**
 * The renderer's policy: the same as main/security.ts and renderer/index.html (a test keeps the
 * three identical). Served as a header it can also forbid framing, which a <meta> tag cannot.
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

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

export function applySecurityHeaders(res: ServerResponse): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
}

/** A fresh random token for one run of the server: 256 bits, URL-safe. */
export function createToken(): string {
  return crypto.randomBytes(32).toString('base64url');
}

/** The Host values this server answers to: loopback at its own port, nothing else. */
export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]);
}

/** Why a request must be refused for where it claims to come from (403), or null when it may go on. */
export function checkHostAndOrigin(req: IncomingMessage, hosts: ReadonlySet<string>): string | null {
  const host = req.headers.host?.toLowerCase();
  if (!host || !hosts.has(host)) {
    return `Requests must be addressed to this server at 127.0.0.1, not ${host ? `"${host}"` : 'an unnamed host'}.`;
  }
  const origin = req.headers.origin;
  if (origin !== undefined) {
    let originHost: string | null = null;
    try {
      const url = new URL(origin);
      if (url.protocol === 'http:') originHost = url.host.toLowerCase();
    } catch {
      // Not a URL (e.g. "null" from a sandboxed frame): refused below.
    }
    if (!originHost || !hosts.has(originHost)) return `Requests from ${origin} are not accepted.`;
  }
  return null;
}

/** Whether the request carries this run's token, compared in constant time. */
export function hasValidToken(req: IncomingMessage, token: string): boolean {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
  if (!match) return false;
  // Digests make the two sides the same length, so the comparison leaks neither length nor content.
  const digest = (value: string) => crypto.createHash('sha256').update(value).digest();
  return crypto.timingSafeEqual(digest(match[1]!), digest(token));
}
