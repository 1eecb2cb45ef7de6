import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type RunningHost } from '../../src/main/host/server';
import { CONTENT_SECURITY_POLICY } from '../../src/main/csp';
import { dbFingerprint, tempWorkspace } from '../support/workspace';
import path from 'node:path';
import fs from 'node:fs';
import { tempDir } from '../e2e/serve';

const ws = tempWorkspace({ demo: true });
const rendererDir = tempDir();
fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>x</title>');
fs.writeFileSync(path.join(path.dirname(rendererDir), 'secret.txt'), 'secret');
let host: RunningHost;

beforeAll(async () => {
  host = await startHost({ dispatch: ws.dispatch, rendererDir });
});
afterAll(async () => {
  await host.close();
  ws.cleanup();
});

/** Raw request so the Host header and path are exactly what we send. */
function request(opts: { path: string; method?: string; headers?: Record<string, string>; body?: string }) {
  return new Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }>((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: host.port, path: opts.path, method: opts.method ?? 'GET', headers: opts.headers },
      (res) => {
        let body = '';
        res.on('data', (d) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
      },
    );
    req.on('error', reject);
    if (opts.body) req.write(opts.body);
    req.end();
  });
}

const api = (op: string, body: unknown, token = host.token) =>
  request({ path: `/api/${op}`, method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

describe('browser host', () => {
  it('listens on 127.0.0.1 and prints a URL with the token', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]{48}$/);
  });

  it('answers API calls with the token', async () => {
    const res = await api('workspace.get', {});
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ ok: true, value: { name: 'Riverside Community Bank' } });
  });

  it('refuses API calls without or with a wrong token, changing nothing', async () => {
    const before = dbFingerprint(ws.db);
    const none = await request({ path: '/api/posts.create', method: 'POST', body: JSON.stringify({ title: 'x' }) });
    expect(none.status).toBe(401);
    const wrong = await api('posts.create', { title: 'x' }, 'f'.repeat(48));
    expect(wrong.status).toBe(401);
    expect(JSON.parse(wrong.body).error.code).toBe('forbidden');
    expect(dbFingerprint(ws.db)).toBe(before);
  });

  it('returns typed validation errors for bad input and for malformed JSON', async () => {
    const bad = JSON.parse((await api('posts.create', { title: '' })).body);
    expect(bad).toMatchObject({ ok: false, error: { code: 'validation', issues: [{ path: 'title' }] } });
    const malformed = await request({ path: '/api/posts.create', method: 'POST', headers: { Authorization: `Bearer ${host.token}` }, body: '{"title":' });
    expect(malformed.status).toBe(400);
    expect(JSON.parse(malformed.body).error.message).toBe('Request body is not valid JSON');
  });

  it('refuses other Host headers (DNS rebinding)', async () => {
    const res = await request({ path: '/', headers: { Host: 'evil.example:80' } });
    expect(res.status).toBe(421);
  });

  it('serves the renderer with the CSP header and never a file outside it', async () => {
    const page = await request({ path: '/' });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    const escape = await request({ path: '/..%2fsecret.txt' });
    expect(escape.status).toBe(403);
    expect(escape.body).not.toContain('secret');
    expect((await request({ path: '/nope.js' })).status).toBe(404);
  });
});
