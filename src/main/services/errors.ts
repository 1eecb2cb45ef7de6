import type { ApiError } from '../../shared/api/contract';

/** An expected failure a user can act on; its message is shown as is. */
export class ServiceError extends Error {
  constructor(
    readonly code: ApiError['code'],
    message: string,
    readonly issues: ApiError['issues'] = [],
    /** For a conflict: the record as it is now, so the UI can show the other version. */
    readonly current?: unknown,
  ) {
    super(message);
    this.name = 'ServiceError';
  }
}

export const notFound = (what: string, id: string): ServiceError =>
  new ServiceError('not_found', `${what} ${id} does not exist (it may have been deleted).`);

/**
 * Compare-and-set: a write names the revision it read; if the row has moved on since (another
 * window, process or person saved it), the write is refused with the current version attached.
 */
export function checkRevision<T extends { revision: number }>(current: T, expected: number, what: string): void {
  if (current.revision === expected) return;
  throw new ServiceError(
    'conflict',
    `${what} was changed elsewhere after you opened it (you edited revision ${expected}; it is now at revision ${current.revision}). ` +
      'Nothing was saved: look at the other version, then apply your change to it.',
    [{ path: 'revision', message: `stale revision ${expected}; current is ${current.revision}` }],
    current,
  );
}
