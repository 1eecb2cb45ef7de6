// The renderer comes from storybank://app/: only the renderer folder's own files, with the CSP.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { net, protocol, resetFakeElectron } from '../fakes/electron';
import { APP_SCHEME, registerAppScheme, rendererFileFor, serveRenderer } from '../../src/main/electron/protocol';
import { CONTENT_SECURITY_POLICY } from '../../src/main/csp';
import { tempDir } from '../e2e/serve';

const root = tempDir();
const rendererDir = path.join(root, 'renderer');
fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Storybank</title>');
fs.writeFileSync(path.join(rendererDir, 'assets', 'app-1234abcd.js'), 'console.log(1)');
fs.writeFileSync(path.join(root, 'secret.txt'), 'secret');
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('the storybank:// scheme', () => {
  beforeEach(() => resetFakeElectron());

  it('is registered as standard and secure before the app is ready', () => {
    registerAppScheme(protocol as never);
    expect(protocol.privileged).toEqual([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
  });

  it.each([
    ['storybank://app/', 'index.html'],
    ['storybank://app/index.html', 'index.html'],
    ['storybank://app/assets/app-1234abcd.js', 'assets/app-1234abcd.js'],
  ])('serves %s', (url, file) => {
    expect(rendererFileFor(url, rendererDir)).toBe(path.join(rendererDir, file));
  });

  it.each(['storybank://app/..%2fsecret.txt', 'storybank://app/%2e%2e%2fsecret.txt', 'storybank://other/index.html', 'file:///etc/passwd', 'storybank://app/%zz', 'storybank://app/index.html%00.js', 'nonsense'])(
    'refuses %s',
    (url) => {
      expect(rendererFileFor(url, rendererDir)).toBeNull();
    },
  );

  it.each(['storybank://app/../secret.txt', 'storybank://app/%2e%2e/secret.txt', 'storybank://app/a/../../secret.txt'])('keeps %s inside the renderer folder (URL dot segments)', (url) => {
    const file = rendererFileFor(url, rendererDir);
    expect(file === null || file.startsWith(rendererDir + path.sep)).toBe(true);
  });

  it('answers with the file and the Content-Security-Policy, 404 for anything else', async () => {
    serveRenderer(protocol as never, net as never, rendererDir);
    const handler = protocol.handlers.get(APP_SCHEME)!;
    const page = await handler(new Request('storybank://app/index.html'));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Storybank</title>');
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    const escape = await handler(new Request('storybank://app/..%2fsecret.txt'));
    expect(escape.status).toBe(404);
    expect(await escape.text()).not.toContain('secret');
  });
});
