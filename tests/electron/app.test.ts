// Drives the whole shell (app.ts) against the fake Electron with a stubbed workspace module.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { join } from 'node:path';
import { app, BrowserWindow, contextBridge, dialog, ipcMain, Menu, protocol, resetFakeElectron, session } from '../fakes/electron';
import { OPERATION_NAMES, ipcChannel } from '../../src/shared/api/contract';

const workspaceStub = vi.hoisted(() => ({
  exists: false,
  opened: [] as { dbPath: string; demo?: boolean }[],
  closed: 0,
  dispatched: [] as { name: string; input: unknown }[],
  backupsStarted: 0,
  backupsStopped: 0,
}));

vi.mock('../../src/main/workspace', () => ({
  defaultDatabasePath: (userDataDir: string) => `${userDataDir}/storybank.sqlite`,
  workspaceExists: () => workspaceStub.exists,
  machineProfileMemory: () => null,
  machineCredentialStore: (cipher: unknown) => ({ cipher }),
  openWorkspace: (opts: { dbPath: string; demo?: boolean }) => {
    workspaceStub.opened.push(opts);
    return {
      db: {},
      // a solo workspace: no team sync to start
      services: { team: { config: () => null } },
      isNew: !workspaceStub.exists,
      close: () => {
        workspaceStub.closed += 1;
      },
      startAutoBackups: () => {
        workspaceStub.backupsStarted += 1;
        return () => void (workspaceStub.backupsStopped += 1);
      },
      dispatch: async (name: string, input: unknown) => {
        workspaceStub.dispatched.push({ name, input });
        return { ok: true, value: name };
      },
    };
  },
}));

const lockStub = vi.hoisted(() => ({ heldBy: null as number | null, acquired: [] as string[], released: 0 }));
vi.mock('../../src/main/workspace-lock', () => ({
  acquireWorkspaceLock: (dbPath: string) => {
    if (lockStub.heldBy !== null) return { heldBy: lockStub.heldBy };
    lockStub.acquired.push(dbPath);
    return { release: () => void (lockStub.released += 1) };
  },
}));

const { runStorybankApp, shellPaths } = await import('../../src/main/electron/app');

const MAIN_DIR = '/opt/Storybank/resources/app.asar/out/main';
const paths = shellPaths(MAIN_DIR);

async function start(argv: string[] = ['/opt/Storybank/storybank']): Promise<void> {
  const running = runStorybankApp({ argv, mainDir: MAIN_DIR });
  app.markReady();
  await running;
}

describe('runStorybankApp', () => {
  beforeEach(() => {
    resetFakeElectron();
    workspaceStub.exists = false;
    workspaceStub.opened.length = 0;
    workspaceStub.closed = 0;
    workspaceStub.dispatched.length = 0;
    workspaceStub.backupsStarted = 0;
    workspaceStub.backupsStopped = 0;
    lockStub.heldBy = null;
    lockStub.acquired.length = 0;
    lockStub.released = 0;
  });

  it('resolves the built files next to out/main', () => {
    expect(paths.preloadPath).toBe(join(MAIN_DIR, '..', 'preload', 'index.js'));
    expect(paths.rendererIndexFile).toBe(join(MAIN_DIR, '..', 'renderer', 'index.html'));
  });

  it('on first start asks about the demo, opens the default workspace, wires IPC and shows the window', async () => {
    dialog.nextResponse = 0;
    await start();
    expect(dialog.messageBoxes).toHaveLength(1);
    expect(workspaceStub.opened).toEqual([expect.objectContaining({ dbPath: '/fake/user-data/storybank.sqlite', demo: true })]);
    // team passwords go through the OS keychain (safeStorage), never in plain text
    const { cipher } = (workspaceStub.opened[0] as unknown as { credentials: { cipher: { encrypt(t: string): Buffer; decrypt(b: Buffer): string } } }).credentials;
    expect(cipher.encrypt('secret').toString()).not.toContain('secret');
    expect(cipher.decrypt(cipher.encrypt('secret'))).toBe('secret');
    expect([...ipcMain.handlers.keys()].sort()).toEqual(OPERATION_NAMES.map(ipcChannel).sort());
    expect(BrowserWindow.instances).toHaveLength(1);
    const window = BrowserWindow.instances[0];
    expect(window.options.webPreferences.preload).toBe(paths.preloadPath);
    expect(window.loadedUrl).toBe('storybank://app/index.html');
    // the scheme was registered before ready and serves the renderer folder
    expect(protocol.privileged.map((p) => p.scheme)).toEqual(['storybank']);
    expect(protocol.handlers.has('storybank')).toBe(true);
    // Security baseline was in place before the window existed.
    expect(window.webContents.windowOpenHandler).not.toBeNull();
    expect(session.defaultSession.permissionRequestHandler).not.toBeNull();
    expect(Menu.applicationMenu).not.toBeNull();
    expect(contextBridge.exposed.size).toBe(0); // the preload runs in the renderer, not here
  });

  it('creates an empty workspace when the user declines the demo', async () => {
    dialog.nextResponse = 1;
    await start();
    expect(workspaceStub.opened).toEqual([expect.objectContaining({ dbPath: '/fake/user-data/storybank.sqlite', demo: false })]);
  });

  it('opens an existing workspace without asking, and honours --db', async () => {
    workspaceStub.exists = true;
    await start(['/usr/bin/electron', '.', '--db', '/data/team.sqlite']);
    expect(dialog.messageBoxes).toHaveLength(0);
    expect(workspaceStub.opened).toEqual([expect.objectContaining({ dbPath: '/data/team.sqlite', demo: false })]);
  });

  it('serves the trusted renderer through dispatch and refuses other senders', async () => {
    workspaceStub.exists = true;
    await start();
    const appFrame = { url: 'storybank://app/index.html', parent: null };
    await expect(ipcMain.invokeFrom(appFrame, ipcChannel('channels.list'), {})).resolves.toEqual({ ok: true, value: 'channels.list' });
    const evil = await ipcMain.invokeFrom({ url: 'https://evil.example/', parent: null }, ipcChannel('channels.list'), {});
    expect(evil).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(workspaceStub.dispatched).toEqual([{ name: 'channels.list', input: {} }]);
  });

  it('quits a second instance without touching the workspace', async () => {
    app.hasSingleInstanceLock = false;
    await runStorybankApp({ argv: [], mainDir: MAIN_DIR });
    expect(app.quitCalls).toBe(1);
    expect(workspaceStub.opened).toEqual([]);
    expect(BrowserWindow.instances).toHaveLength(0);
  });

  it('focuses the existing window when a second instance starts', async () => {
    workspaceStub.exists = true;
    await start();
    const window = BrowserWindow.instances[0];
    window.minimized = true;
    app.emit('second-instance');
    expect(window.minimized).toBe(false);
    expect(window.focused).toBe(true);
    expect(BrowserWindow.instances).toHaveLength(1);
  });

  it('starts automatic backups with the workspace; on quit stops them, closes the workspace and removes the handlers', async () => {
    workspaceStub.exists = true;
    await start();
    expect(workspaceStub.backupsStarted).toBe(1);
    app.emit('will-quit');
    expect(workspaceStub.backupsStopped).toBe(1);
    expect(workspaceStub.closed).toBe(1);
    expect(lockStub.released).toBe(1);
    expect(ipcMain.handlers.size).toBe(0);
  });

  it('holds the workspace lock, runs long work in the worker, and refuses a workspace another window holds', async () => {
    workspaceStub.exists = true;
    await start(['/usr/bin/electron', '.', '--db', '/data/team.sqlite']);
    expect(lockStub.acquired).toEqual(['/data/team.sqlite']);
    expect(workspaceStub.opened[0]).toMatchObject({ workerFile: join(MAIN_DIR, 'heavy-worker.js') });

    resetFakeElectron();
    workspaceStub.opened.length = 0;
    lockStub.heldBy = 4242;
    await start(['/usr/bin/electron', '.', '--db', '/data/team.sqlite']);
    expect(workspaceStub.opened).toEqual([]);
    expect(dialog.errorBoxes[0].content).toMatch(/already open in another Storybank window \(process 4242\)/);
    expect(app.quitCalls).toBe(1);
  });

  it('reports a bad --db argument in an error box and quits', async () => {
    await start(['storybank', '--db']);
    expect(dialog.errorBoxes).toHaveLength(1);
    expect(dialog.errorBoxes[0].content).toMatch(/--db needs a file/);
    expect(app.quitCalls).toBe(1);
    expect(BrowserWindow.instances).toHaveLength(0);
  });
});
