import { beforeEach, describe, expect, it } from 'vitest';
import type { App, Session } from 'electron';
import { app, BrowserWindow, FakeSession, FakeWebContents, resetFakeElectron, session, shell } from '../fakes/electron';
import { CONTENT_SECURITY_POLICY } from '../../src/main/csp';
import { installSecurityBaseline, isSafeExternalUrl, openExternalSafely } from '../../src/main/electron/security';

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('isSafeExternalUrl', () => {
  it.each([
    'https://www.riversidecommunitybank.example/stories',
    'https://example.com',
    'HTTPS://EXAMPLE.COM/path?q=1#x',
  ])('allows %s', (url) => {
    expect(isSafeExternalUrl(url)).toBe(true);
  });

  it.each([
    'http://example.com',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'smb://attacker/share',
    'ms-msdt:/id PCWDiagnostic',
    'vbscript:msgbox',
    'mailto:someone@example.com',
    'https://user:secret@example.com/',
    'https:',
    '/relative/path',
    'example.com',
    '',
    'not a url',
  ])('refuses %s', (url) => {
    expect(isSafeExternalUrl(url)).toBe(false);
  });
});

describe('openExternalSafely', () => {
  beforeEach(() => resetFakeElectron());

  it('hands https links to the OS browser', async () => {
    await expect(openExternalSafely('https://example.com/a b')).resolves.toBe(true);
    expect(shell.openedExternally).toEqual(['https://example.com/a%20b']);
  });

  it('never hands anything else to the OS', async () => {
    await expect(openExternalSafely('file:///C:/Windows/System32/calc.exe')).resolves.toBe(false);
    await expect(openExternalSafely('javascript:alert(1)')).resolves.toBe(false);
    expect(shell.openedExternally).toEqual([]);
  });
});

describe('installSecurityBaseline', () => {
  let defaultSession: FakeSession;
  beforeEach(() => {
    resetFakeElectron();
    defaultSession = session.defaultSession;
    installSecurityBaseline(app as unknown as App, defaultSession as unknown as Session);
  });

  const newContents = (): FakeWebContents => new BrowserWindow({}).webContents;

  it('hardens every WebContents created after installation', () => {
    const first = newContents();
    const second = newContents();
    expect(first.windowOpenHandler).not.toBeNull();
    expect(second.windowOpenHandler).not.toBeNull();
    expect(second.listenerCount('will-navigate')).toBe(1);
  });

  it('denies window.open and opens https targets in the browser instead', async () => {
    const contents = newContents();
    const open = (url: string) => contents.windowOpenHandler!({ url, frameName: '', disposition: 'new-window' });
    expect(open('https://example.com/post')).toEqual({ action: 'deny' });
    expect(open('http://example.com/insecure')).toEqual({ action: 'deny' });
    expect(open('file:///etc/passwd')).toEqual({ action: 'deny' });
    await flush();
    expect(shell.openedExternally).toEqual(['https://example.com/post']);
  });

  it('cancels every navigation, including to the app page itself, and redirects', async () => {
    const contents = newContents();
    expect(contents.emitPreventable('will-navigate', 'https://evil.example/phish').defaultPrevented).toBe(true);
    expect(contents.emitPreventable('will-navigate', 'file:///app/out/renderer/index.html').defaultPrevented).toBe(true);
    expect(contents.emitPreventable('will-navigate', 'javascript:alert(1)').defaultPrevented).toBe(true);
    expect(contents.emitPreventable('will-redirect', 'https://evil.example/').defaultPrevented).toBe(true);
    await flush();
    // A clicked https link still reaches the user's browser; nothing else does.
    expect(shell.openedExternally).toEqual(['https://evil.example/phish']);
  });

  it('blocks <webview> attachment', () => {
    const contents = newContents();
    const event = contents.emitPreventable('will-attach-webview', { preload: '/tmp/x.js' }, { src: 'https://example.com' });
    expect(event.defaultPrevented).toBe(true);
  });

  it('denies every permission request and check', () => {
    const answers: boolean[] = [];
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen']) {
      defaultSession.permissionRequestHandler!(null, permission, (granted) => answers.push(granted), {});
      expect(defaultSession.permissionCheckHandler!(null, permission, 'file://', {})).toBe(false);
    }
    expect(answers).toEqual([false, false, false, false, false, false]);
  });

  it('adds the Content-Security-Policy header and keeps the other headers', () => {
    const listener = defaultSession.webRequest.headersReceivedListener!;
    let response: { responseHeaders?: Record<string, string[]> } | undefined;
    listener(
      { url: 'file:///app/out/renderer/index.html', responseHeaders: { 'Content-Type': ['text/html'] } },
      (r) => (response = r),
    );
    expect(response?.responseHeaders).toEqual({
      'Content-Type': ['text/html'],
      'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
    });
  });
});
