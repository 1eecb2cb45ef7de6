import type { z } from 'zod';
import { contract, type ApiError, type ApiResult, type OperationName } from '../../shared/api/contract';
import { formatIssuePath } from '../../shared/issue-path';
import { ServiceError, storageFailure } from '../services/errors';
import type { Handlers } from './handlers';

export type Dispatch = (name: string, input: unknown) => Promise<ApiResult<unknown>>;


export function validationError(error: z.ZodError, what = 'input'): ApiError {
  const issues = error.issues.map((issue) => ({ path: formatIssuePath(issue.path), message: issue.message }));
  const first = issues[0];
  return {
    code: 'validation',
    message: first ? `Invalid ${what}: ${first.path}: ${first.message}` : `Invalid ${what}`,
    issues,
  };
}

const isOperation = (name: string): name is OperationName => Object.prototype.hasOwnProperty.call(contract, name);

/**
 * Every API door (IPC and the browser host) goes through here: the input is parsed with the
 * operation's zod schema, errors come back typed, and no stack trace ever leaves the process.
 */
export function createDispatcher(handlers: Handlers, log: (message: string) => void = console.error): Dispatch {
  return async (name, rawInput) => {
    if (!isOperation(name)) {
      return { ok: false, error: { code: 'unknown_operation', message: `Unknown operation: ${name}`, issues: [] } };
    }
    const parsed = contract[name].input.safeParse(rawInput ?? {});
    if (!parsed.success) return { ok: false, error: validationError(parsed.error) };
    try {
      const handler = handlers[name] as (input: unknown) => unknown;
      const value = await handler(parsed.data);
      return { ok: true, value };
    } catch (caught) {
      const error = storageFailure(caught) ?? caught;
      if (error instanceof ServiceError) {
        const current = error.current === undefined ? {} : { current: error.current };
        return { ok: false, error: { code: error.code, message: error.message, issues: error.issues, ...current } };
      }
      if (error && typeof error === 'object' && 'issues' in error && error instanceof Error && error.name === 'ZodError') {
        return { ok: false, error: validationError(error as unknown as z.ZodError) };
      }
      log(`storybank: ${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return {
        ok: false,
        error: { code: 'internal', message: `${name} failed unexpectedly; nothing was changed.`, issues: [] },
      };
    }
  };
}
