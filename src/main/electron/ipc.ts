// IPC wiring: one ipcMain.handle per contract operation, each checking who is calling
// (security checklist item 17) and returning a typed ApiResult, never a thrown error or a stack.
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { OPERATION_NAMES, ipcChannel, type ApiError, type ApiResult } from '../../shared/api/contract';
import { RENDERER_URL } from './protocol';

export type Dispatch = (name: string, input: unknown) => Promise<ApiResult<unknown>>;
export type SenderCheck = (event: IpcMainInvokeEvent) => boolean;

const failure = (code: ApiError['code'], message: string): ApiResult<never> => ({
  ok: false,
  error: { code, message, issues: [] },
});

/**
 * Trusts only the app's own renderer page, storybank://app/index.html (query and hash ignored),
 * and only when it comes from the top-level frame.
 */
export function createRendererSenderCheck(): SenderCheck {
  const expected = new URL(RENDERER_URL);
  return (event) => {
    const frame = event.senderFrame;
    if (!frame || frame.parent) return false;
    let actual: URL;
    try {
      actual = new URL(frame.url);
    } catch {
      return false;
    }
    return actual.protocol === expected.protocol && actual.host === expected.host && actual.pathname === expected.pathname;
  };
}

/** Registers one handler per contract operation. Returns a function that removes them again. */
export function registerIpcHandlers(ipcMain: IpcMain, dispatch: Dispatch, isTrustedSender: SenderCheck): () => void {
  for (const name of OPERATION_NAMES) {
    ipcMain.handle(ipcChannel(name), async (event, input: unknown): Promise<ApiResult<unknown>> => {
      if (!isTrustedSender(event)) {
        return failure('forbidden', 'This caller may not use the Storybank API.');
      }
      try {
        return await dispatch(name, input);
      } catch (error) {
        // Details stay in the main process log; the renderer gets a typed error without a stack.
        console.error(`storybank: ${name} failed`, error);
        return failure('internal', 'Something went wrong inside Storybank; please try again.');
      }
    });
  }
  return () => {
    for (const name of OPERATION_NAMES) ipcMain.removeHandler(ipcChannel(name));
  };
}
