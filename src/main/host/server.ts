// The browser host: the same contract handlers over HTTP on 127.0.0.1, for a browser instead of
// Electron (how the UI is tested here, and how a user without Electron can still use the app).
import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
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
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
};

const sameSecret = (given: string, expected: string): boolean => {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

export function startHost(options: HostOptions): Promise<RunningHost> {
  const token = options.token ?? randomBytes(24).toString('hex');
  const rendererDir = path.resolve(options.rendererDir);
  let allowedHosts: Set<string> = new Set();

  const send = (res: http.ServerResponse, status: number, body: string | Buffer, type: string): void => {
    res.writeHead(status, {
      'Content-Type': type,
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-store',
    });
    res.end(body);
  };
  const sendJson = (res: http.ServerResponse, status: number, value: unknown): void =>
    send(res, status, JSON.stringify(value), CONTENT_TYPES['.json']);
  const refuse = (res: http.ServerResponse, status: number, code: string, message: string): void =>
    sendJson(res, status, { ok: false, error: { code, message, issues: [] } });

  const handleApi = (req: http.IncomingMessage, res: http.ServerResponse, operation: string): void => {
    if (req.method !== 'POST') return refuse(res, 405, 'forbidden', 'API calls must be POST');
    const auth = req.headers.authorization ?? '';
    if (!auth.startsWith('Bearer ') || !sameSecret(auth.slice(7), token)) {
      return refuse(res, 401, 'forbidden', 'Missing or wrong access token: open the URL printed by `storybank serve`.');
    }
    const chunks: Buffer[] = [];
    let size = 0;
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

  const serveStatic = (res: http.ServerResponse, urlPath: string): void => {
    const relative = decodeURIComponent(urlPath === '/' ? '/index.html' : urlPath);
    const file = path.resolve(rendererDir, `.${relative}`);
    if (!file.startsWith(rendererDir + path.sep)) return send(res, 403, 'Forbidden', 'text/plain');
    fs.readFile(file, (error, body) => {
      if (error) return send(res, 404, 'Not found', 'text/plain');
      send(res, 200, body, CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream');
    });
  };

  const server = http.createServer((req, res) => {
    // DNS-rebinding guard: only our own loopback host names are answered.
    if (!allowedHosts.has(req.headers.host ?? '')) return send(res, 421, 'Misdirected request', 'text/plain');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname.startsWith('/api/')) return handleApi(req, res, url.pathname.slice('/api/'.length));
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed', 'text/plain');
    serveStatic(res, url.pathname);
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
