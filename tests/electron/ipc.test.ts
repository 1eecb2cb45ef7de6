import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { ipcMain, resetFakeElectron, type FakeFrame } from '../fakes/electron';
import { OPERATION_NAMES, ipcChannel, type ApiResult } from '../../src/shared/api/contract';
import { createRendererSenderCheck, registerIpcHandlers, type Dispatch } from '../../src/main/electron/ipc';

const RENDERER_URL = 'storybank://app/index.html';
const frame = (url: string, parent: FakeFrame | null = null): FakeFrame => ({ url, parent });
const asEvent = (senderFrame: FakeFrame | null) => ({ senderFrame }) as unknown as IpcMainInvokeEvent;

describe('createRendererSenderCheck', () => {
  const isTrusted = createRendererSenderCheck();

  it('trusts the app page, also with a hash route or query', () => {
    expect(isTrusted(asEvent(frame(RENDERER_URL)))).toBe(true);
    expect(isTrusted(asEvent(frame(`${RENDERER_URL}#/calendar/2026-05`)))).toBe(true);
    expect(isTrusted(asEvent(frame(`${RENDERER_URL}?demo=1`)))).toBe(true);
  });

  it.each([
    ['a web page', 'https://evil.example/out/renderer/index.html'],
    ['a local file', 'file:///opt/Storybank/resources/app.asar/out/renderer/index.html'],
    ['a sibling page of the app', 'storybank://app/other.html'],
    ['a path-prefix look-alike', 'storybank://app/index.html.evil.html'],
    ['another host on the app scheme', 'storybank://attacker/index.html'],
    ['a data URL', 'data:text/html,hi'],
    ['about:blank', 'about:blank'],
    ['garbage', 'not a url'],
  ])('rejects %s', (_label, url) => {
    expect(isTrusted(asEvent(frame(url)))).toBe(false);
  });

  it('rejects subframes even on the app URL, and destroyed frames', () => {
    expect(isTrusted(asEvent(frame(RENDERER_URL, frame(RENDERER_URL))))).toBe(false);
    expect(isTrusted(asEvent(null))).toBe(false);
  });
});

describe('registerIpcHandlers', () => {
  const trusted = frame(RENDERER_URL);
  let dispatch: ReturnType<typeof vi.fn<Dispatch>>;

  beforeEach(() => {
    resetFakeElectron();
    dispatch = vi.fn<Dispatch>(async (name, input) => ({ ok: true, value: { name, input } }));
    registerIpcHandlers(ipcMain as unknown as IpcMain, dispatch, createRendererSenderCheck());
  });

  it('registers exactly one channel per contract operation', () => {
    expect([...ipcMain.handlers.keys()].sort()).toEqual(OPERATION_NAMES.map(ipcChannel).sort());
    expect(ipcMain.handlers.size).toBe(OPERATION_NAMES.length);
  });

  it('routes each channel to dispatch with its own operation name and the input', async () => {
    for (const name of OPERATION_NAMES) {
      const result = await ipcMain.invokeFrom(trusted, ipcChannel(name), { probe: name });
      expect(result).toEqual({ ok: true, value: { name, input: { probe: name } } });
    }
    expect(dispatch).toHaveBeenCalledTimes(OPERATION_NAMES.length);
  });

  it('answers an untrusted sender with forbidden and never calls dispatch', async () => {
    const result = (await ipcMain.invokeFrom(frame('https://evil.example/'), ipcChannel('posts.delete'), { id: 'p1' })) as ApiResult<unknown>;
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('forbidden');
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('passes typed dispatch errors through unchanged', async () => {
    const notFound: ApiResult<unknown> = { ok: false, error: { code: 'not_found', message: 'No such post', issues: [] } };
    dispatch.mockResolvedValueOnce(notFound);
    await expect(ipcMain.invokeFrom(trusted, ipcChannel('posts.get'), { id: 'x' })).resolves.toEqual(notFound);
  });

  it('turns a thrown error into a typed internal error without a stack or the raw message', async () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    dispatch.mockRejectedValueOnce(new Error('SQLITE_CORRUPT: database disk image is malformed at /home/ana/secret.sqlite'));
    const result = (await ipcMain.invokeFrom(trusted, ipcChannel('posts.list'), {})) as ApiResult<unknown>;
    consoleError.mockRestore();
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('internal');
    expect(result.error.issues).toEqual([]);
    const serialized = JSON.stringify(result);
    expect(serialized).not.toMatch(/SQLITE|secret|\bat \w|\.ts:\d+/);
  });

  it('can be removed again', () => {
    ipcMain.handlers.clear();
    const unregister = registerIpcHandlers(ipcMain as unknown as IpcMain, dispatch, () => true);
    unregister();
    expect(ipcMain.handlers.size).toBe(0);
  });
});
