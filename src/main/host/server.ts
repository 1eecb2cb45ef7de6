// The browser host: the same contract handlers over HTTP on 127.0.0.1, for a browser instead of
// Electron (how the UI is tested here, and how a user without Electron can still use the app).
// Every request, however malformed, gets an answer and the process stays up: the request line is
// checked before anything decodes it, and static files come from sirv's fixed list of the
// renderer's files (no path is ever built from the URL).
import { randomBytes, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';
import type { Dispatch } from '../api/dispatch';
import { CONTENT_SECURITY_POLICY } from '../csp';

export interface HostOptions {
  dispatch: Dispatch;
  rendererDir: string;
  port?: number;
  token?: string;
}

export interface RunningHost {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 20 * 1024 * 1024;
const MAX_URL_LENGTH = 8 * 1024;
const JSON_TYPE = 'application/json; charset=utf-8';
const OPERATION_NAME = /^[a-z][A-Za-z]*\.[a-z][A-Za-z]*$/;
/** Vite names built assets `name-<hash>.ext`: their content never changes under that name. */
const HASHED_ASSET = /^\/assets\/.+-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/;

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
} as const;

const sameSecret = (given: string, expected: string): boolean => {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

function send(res: http.ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8'): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Cache-Control': 'no-store' });
  res.end(body);
}
const sendJson = (res: http.ServerResponse, status: number, value: unknown): void => send(res, status, JSON.stringify(value), JSON_TYPE);
const refuse = (res: http.ServerResponse, status: number, code: string, message: string): void =>
  sendJson(res, status, { ok: false, error: { code, message, issues: [] } });

/** The decoded path of an origin-form request target, or null for anything malformed. */
export function requestPath(target: string | undefined): string | null {
  if (!target || target.length > MAX_URL_LENGTH || !target.startsWith('/') || target.startsWith('//')) return null;
  const raw = target.split(/[?#]/, 1)[0];
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return null;
  }
  // NUL and other control characters never name a file or an operation.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(decoded)) return null;
  return decoded;
}

/** Exactly one Host header, and it names this host (DNS-rebinding guard). */
function hostAllowed(req: http.IncomingMessage, allowed: ReadonlySet<string>): boolean {
  const hosts = req.headersDistinct.host ?? [];
  return hosts.length === 1 && allowed.has(hosts[0]);
}

export function startHost(options: HostOptions): Promise<RunningHost> {
  const token = options.token ?? randomBytes(24).toString('hex');
  let allowedHosts: Set<string> = new Set();

  const staticFiles = sirv(path.resolve(options.rendererDir), {
    dev: false,
    etag: true,
    gzip: true,
    brotli: true,
    dotfiles: false,
    setHeaders(res, pathname) {
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
      res.setHeader('Cache-Control', HASHED_ASSET.test(pathname) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
    onNoMatch: (_req, res) => send(res, 404, 'Not found'),
  });

  const handleApi = (req: http.IncomingMessage, res: http.ServerResponse, operation: string): void => {
    if (req.method !== 'POST') return refuse(res, 405, 'forbidden', 'API calls must be POST');
    const auth = req.headers.authorization ?? '';
    if (!auth.startsWith('Bearer ') || !sameSecret(auth.slice(7), token)) {
      return refuse(res, 401, 'forbidden', 'Missing or wrong access token: open the URL printed by `storybank serve`.');
    }
    if (!OPERATION_NAME.test(operation)) return refuse(res, 404, 'unknown_operation', `Unknown operation: ${operation.slice(0, 80)}`);
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('error', () => req.destroy());
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        refuse(res, 413, 'validation', 'Request body too large');
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => {
      if (res.writableEnded) return;
      let input: unknown;
      try {
        input = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
      } catch {
        return refuse(res, 400, 'validation', 'Request body is not valid JSON');
      }
      options.dispatch(operation, input).then(
        (result) => sendJson(res, 200, result),
        () => refuse(res, 500, 'internal', `${operation} failed unexpectedly`),
      );
    });
  };

  const server = http.createServer((req, res) => {
    try {
      if (!hostAllowed(req, allowedHosts)) return send(res, 421, 'Misdirected request');
      const pathname = requestPath(req.url);
      if (pathname === null) return send(res, 400, 'Bad request');
      if (pathname.startsWith('/api/')) return handleApi(req, res, pathname.slice('/api/'.length));
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed');
      if (pathname.split('/').includes('..')) return send(res, 403, 'Forbidden');
      staticFiles(req, res);
    } catch {
      send(res, 400, 'Bad request');
    }
  });
  // Requests Node's parser cannot read at all: answer 400 and drop the connection.
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    else socket.destroy();
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
      resolve({
        url: `http://127.0.0.1:${port}/?token=${token}`,
        port,
        token,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
