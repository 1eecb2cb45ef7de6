// Sandboxed preload (bundled into one CJS file): exposes exactly the contract's operations as
// `window.storybank`, one function per operation. No generic send(channel), no ipcRenderer,
// and no Electron event objects ever reach the page.
import { contextBridge, ipcRenderer } from 'electron';
import { OPERATION_NAMES, ipcChannel, type ApiResult, type OperationName, type StorybankApi } from '../../shared/api/contract';

function callOperation(name: OperationName) {
  const channel = ipcChannel(name);
  return async (input: unknown): Promise<ApiResult<unknown>> => {
    try {
      return (await ipcRenderer.invoke(channel, input)) as ApiResult<unknown>;
    } catch {
      // invoke rejects when main has no handler or the input cannot be cloned.
      return { ok: false, error: { code: 'internal', message: 'The Storybank backend did not answer.', issues: [] } };
    }
  };
}

export function buildStorybankApi(): StorybankApi {
  const api: Record<string, (input: unknown) => Promise<ApiResult<unknown>>> = {};
  for (const name of OPERATION_NAMES) api[name] = callOperation(name);
  return Object.freeze(api) as unknown as StorybankApi;
}

contextBridge.exposeInMainWorld('storybank', buildStorybankApi());
