import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { IpcMain } from 'electron';
import { contextBridge, ipcMain, ipcRenderer, resetFakeElectron } from '../fakes/electron';
import { OPERATION_NAMES, ipcChannel, type ApiResult } from '../../src/shared/api/contract';
import { createRendererSenderCheck, registerIpcHandlers, type Dispatch } from '../../src/main/electron/ipc';

type ExposedApi = Record<string, (input: unknown) => Promise<ApiResult<unknown>>>;

describe('preload', () => {
  let api: ExposedApi;

  beforeAll(async () => {
    resetFakeElectron();
    await import('../../src/main/electron/preload');
    api = contextBridge.exposed.get('storybank') as ExposedApi;
  });

  it('exposes exactly one object, window.storybank', () => {
    expect([...contextBridge.exposed.keys()]).toEqual(['storybank']);
  });

  it('exposes exactly the contract operations as functions, nothing generic', () => {
    expect(Object.keys(api).sort()).toEqual([...OPERATION_NAMES].sort());
    for (const name of OPERATION_NAMES) expect(typeof api[name]).toBe('function');
    for (const generic of ['send', 'invoke', 'on', 'ipcRenderer', 'sendSync', 'postMessage']) {
      expect(api).not.toHaveProperty(generic);
    }
  });

  it('calls the matching channel and returns the main process result', async () => {
    const dispatch = vi.fn<Dispatch>(async (name, input) => ({ ok: true, value: { name, input } }));
    const unregister = registerIpcHandlers(
      ipcMain as unknown as IpcMain,
      dispatch,
      createRendererSenderCheck(),
    );
    ipcRenderer.frameUrl = 'storybank://app/index.html';
    await expect(api['posts.move']({ id: 'p1', scheduledAt: null })).resolves.toEqual({
      ok: true,
      value: { name: 'posts.move', input: { id: 'p1', scheduledAt: null } },
    });
    expect(dispatch).toHaveBeenCalledWith('posts.move', { id: 'p1', scheduledAt: null });
    expect(ipcRenderer.sendCalls).toEqual([]);
    unregister();
  });

  it('returns a typed error instead of throwing when main does not answer', async () => {
    ipcMain.handlers.clear();
    const result = await api['channels.list']({});
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('internal');
  });

  it('uses one channel per operation (no shared generic channel)', () => {
    const channels = new Set(OPERATION_NAMES.map(ipcChannel));
    expect(channels.size).toBe(OPERATION_NAMES.length);
  });
});
