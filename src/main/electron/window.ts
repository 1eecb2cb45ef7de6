// The one application window. webPreferences are written out literally inside `new BrowserWindow`
// so that Electronegativity (which reads the object literal) can verify them.
import { BrowserWindow } from 'electron';
import { RENDERER_URL } from './protocol';

export type MainWindowOptions = {
  /** Absolute path of the bundled preload (out/preload/index.js). */
  preloadPath: string;
  /** Absolute path of the renderer page (out/renderer/index.html), served as storybank://app/index.html. */
  rendererIndexFile: string;
  /** Window/taskbar icon (ignored on macOS, where the bundle icon is used). */
  iconPath?: string;
};

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Storybank',
    icon: options.iconPath,
    backgroundColor: '#ffffff',
    webPreferences: {
      // Electronegativity asks for a manual review of any preload. Reviewed: preload.ts exposes
      // only the contract's operations via contextBridge, no ipcRenderer or Node API.
      preload: options.preloadPath, // eng-disable PRELOAD_JS_CHECK
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      // Middle-click would otherwise try to open links in a new window.
      disableBlinkFeatures: 'Auxclick',
      safeDialogs: true,
      spellcheck: true,
    },
  });
  // Show once painted, so the user never sees a blank white frame.
  window.once('ready-to-show', () => window.show());
  // The app's own scheme (see protocol.ts), never file:// and never a network URL.
  void window.loadURL(RENDERER_URL);
  return window;
}
