// Composition root of the Electron shell: lifecycle, workspace, IPC, window. No business logic:
// everything the app does goes through workspace.dispatch.
import { dirname, join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, net, protocol, safeStorage, session } from 'electron';
import { registerAppScheme, serveRenderer } from './protocol';
import { defaultDatabasePath, machineCredentialStore, machineProfileMemory, openWorkspace, workspaceExists } from '../workspace';
import { defaultWorkerFile } from '../workers/heavy-work';
import { acquireWorkspaceLock } from '../workspace-lock';
import { createRendererSenderCheck, registerIpcHandlers } from './ipc';
import { buildMenuTemplate } from './menu';
import { installSecurityBaseline } from './security';
import { askForDemoWorkspace, databasePathFromArgs } from './startup';
import { createMainWindow } from './window';

export type ShellPaths = { preloadPath: string; rendererIndexFile: string; iconPath: string };

/** Where the build puts things, relative to out/main (see electron.vite.config.ts). */
export function shellPaths(mainDir: string): ShellPaths {
  return {
    preloadPath: join(mainDir, '../preload/index.js'),
    rendererIndexFile: join(mainDir, '../renderer/index.html'),
    iconPath: join(mainDir, '../../resources/icon.png'),
  };
}

type Workspace = ReturnType<typeof openWorkspace>;

export async function runStorybankApp({ argv, mainDir }: { argv: readonly string[]; mainDir: string }): Promise<void> {
  // A second start focuses the running window instead of opening the same database twice.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  const paths = shellPaths(mainDir);
  let workspace: Workspace | null = null;
  let mainWindow: BrowserWindow | null = null;
  let unregisterIpc: () => void = () => {};

  const showMainWindow = (): void => {
    if (mainWindow && !mainWindow.isDestroyed()) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
      return;
    }
    mainWindow = createMainWindow(paths);
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
  };

  app.on('second-instance', () => {
    if (workspace) showMainWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (workspace && BrowserWindow.getAllWindows().length === 0) showMainWindow();
  });
  let stopBackups: () => void = () => {};
  let releaseLock: () => void = () => {};
  app.on('will-quit', () => {
    stopBackups();
    releaseLock();
    unregisterIpc();
    workspace?.close();
    workspace = null;
  });

  registerAppScheme(protocol);
  await app.whenReady();
  installSecurityBaseline(app, session.defaultSession);
  serveRenderer(protocol, net, dirname(paths.rendererIndexFile));
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate({ isPackaged: app.isPackaged, platform: process.platform })));

  let dbPath: string;
  try {
    dbPath = databasePathFromArgs(argv) ?? defaultDatabasePath(app.getPath('userData'));
    const lock = acquireWorkspaceLock(dbPath);
    if ('heldBy' in lock) {
      throw new Error(`${dbPath} is already open in another Storybank window (process ${lock.heldBy}). Close that one first, or open another workspace with --db.`);
    }
    releaseLock = lock.release;
    const demo = workspaceExists(dbPath) ? false : await askForDemoWorkspace(dialog);
    // team passwords are encrypted with the OS keychain; without one they are not kept at all
    const credentials = safeStorage.isEncryptionAvailable()
      ? machineCredentialStore({ encrypt: (text) => safeStorage.encryptString(text), decrypt: (bytes) => safeStorage.decryptString(bytes) })
      : null;
    workspace = openWorkspace({ dbPath, demo, workerFile: defaultWorkerFile(mainDir), profileMemory: machineProfileMemory(), credentials });
  } catch (error) {
    releaseLock();
    const reason = error instanceof Error ? error.message : String(error);
    dialog.showErrorBox('Storybank could not open its workspace', reason);
    app.quit();
    return;
  }

  const openedWorkspace = workspace;
  stopBackups = openedWorkspace.startAutoBackups((message) => console.error(message));
  if (openedWorkspace.services.team.config()) {
    openedWorkspace.services.team.startLive().catch((error: unknown) => console.error(`team sync did not start: ${error instanceof Error ? error.message : String(error)}`));
  }
  unregisterIpc = registerIpcHandlers(
    ipcMain,
    (name, input) => openedWorkspace.dispatch(name, input),
    createRendererSenderCheck(),
  );
  showMainWindow();
}
