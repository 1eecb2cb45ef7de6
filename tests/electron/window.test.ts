import { beforeEach, describe, expect, it } from 'vitest';
import { BrowserWindow, resetFakeElectron } from '../fakes/electron';
import { createMainWindow } from '../../src/main/electron/window';

describe('createMainWindow', () => {
  beforeEach(() => resetFakeElectron());

  const open = () =>
    createMainWindow({
      preloadPath: '/app/out/preload/index.js',
      rendererIndexFile: '/app/out/renderer/index.html',
    }) as unknown as BrowserWindow;

  it('creates the window with the security checklist webPreferences', () => {
    const prefs = open().options.webPreferences;
    // Checklist items 2, 3, 4, 6, 8, 9, 11 (electronjs.org/docs/latest/tutorial/security).
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.js',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
    });
    expect(prefs.disableBlinkFeatures).toContain('Auxclick');
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
  });

  it("loads the renderer from the app's own scheme, never file:// or the network", () => {
    const window = open();
    expect(window.loadedUrl).toBe('storybank://app/index.html');
    expect(window.loadedFile).toBeNull();
  });

  it('stays hidden until the first paint, then shows', () => {
    const window = open();
    expect(window.visible).toBe(false);
    window.emit('ready-to-show');
    expect(window.visible).toBe(true);
  });
});
