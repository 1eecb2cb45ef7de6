// Requests an attacker's web page (or a broken client) can send: the host answers each one and
// stays up. The named cases crashed the host before it checked request targets.
import fc from 'fast-check';
import net from 'node:net';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type RunningHost } from '../../src/main/host/server';
import { tempWorkspace } from '../support/workspace';
import { tempDir } from '../e2e/serve';

const ws = tempWorkspace();
const rendererDir = tempDir();
fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>x</title>');
let host: RunningHost;

beforeAll(async () => {
  host = await startHost({ dispatch: ws.dispatch, rendererDir });
});
afterAll(async () => {
  await host.close();
  ws.cleanup();
});

/** Sends bytes as they are and returns the status line's code (0 = connection closed without one). */
function raw(bytes: string | Buffer): Promise<number> {
  return new Promise((resolve) => {
    const socket = net.connect(host.port, '127.0.0.1');
    let answer = '';
    const timer = setTimeout(() => socket.destroy(), 3000);
    socket.on('data', (d) => {
      answer += d.toString('latin1');
      if (answer.includes('\r\n')) socket.end();
    });
    socket.on('error', () => {});
    socket.on('close', () => {
      clearTimeout(timer);
      const match = /^HTTP\/1\.[01] (\d{3})/.exec(answer);
      resolve(match ? Number(match[1]) : 0);
    });
    socket.write(bytes);
  });
}
const get = (target: string, extra = ''): Promise<number> =>
  raw(`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\n${extra}Connection: close\r\n\r\n`);

async function stillAnswers(): Promise<void> {
  expect(await get('/')).toBe(200);
}

describe('the browser host survives malformed requests', () => {
  it.each(['/%zz', '/%', '/%E0%A4%A', '/index.html%00.js', 'http://[', '//evil', '/api/%zz', '/api/workspace.get%00'])(
    'answers 400 to %s and keeps running',
    async (target) => {
      expect(await get(target)).toBe(400);
      await stillAnswers();
    },
  );

  it('refuses a request with two Host headers', async () => {
    expect(await get('/', `Host: 127.0.0.1:${host.port}\r\n`)).toBe(421);
    await stillAnswers();
  });

  it('keeps answering after 300 fuzzed raw requests', async () => {
    const methods = fc.constantFrom('GET', 'POST', 'HEAD', 'PUT', 'OPTIONS', 'G\u0000T', '');
    const target = fc.oneof(
      fc.string({ maxLength: 60 }).map((s) => `/${s}`),
      fc.stringMatching(/^\/[%A-Za-z0-9./\\?#:@[\]]{0,40}$/),
      fc.constantFrom('/api/', '/api/posts.list', '/assets/../../etc/passwd', '*', 'http://127.0.0.1/', '/%c0%af'),
    );
    const headers = fc.array(fc.tuple(fc.stringMatching(/^[A-Za-z-]{0,12}$/), fc.string({ maxLength: 30 })), { maxLength: 4 });
    await fc.assert(
      fc.asyncProperty(methods, target, headers, fc.boolean(), async (method, path_, extra, withHost) => {
        const lines = [`${method} ${path_} HTTP/1.1`, ...(withHost ? [`Host: 127.0.0.1:${host.port}`] : []), ...extra.map(([k, v]) => `${k}: ${v}`)];
        const status = await raw(`${lines.join('\r\n')}\r\nConnection: close\r\n\r\n`);
        // Any answer (or a closed connection for bytes HTTP cannot parse), never a dead host.
        expect(status === 0 || (status >= 200 && status < 600)).toBe(true);
      }),
      { numRuns: 300 },
    );
    await stillAnswers();
  }, 120_000);
});
