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
 * SQLite and file-system failures a user can act on, in words: a read-only workspace, a full disk,
 * a lock held too long. Anything else is not recognised (null) and stays an internal error.
 */
export function storageFailure(error: unknown, what = 'the workspace'): ServiceError | null {
  const code = String((error as { code?: unknown })?.code ?? '');
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS' || code === 'EACCES' || code === 'EPERM') {
    return new ServiceError('storage', `Cannot write to ${what}: the file or its folder is read-only (${code}). Nothing was changed; check the file's permissions or copy it somewhere writable.`);
  }
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') {
    return new ServiceError('storage', `Cannot write to ${what}: the disk is full (${code}). Nothing was changed; free some space and try again.`);
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new ServiceError('busy', `Another Storybank process held ${what} for more than 5 seconds. Nothing was changed; try again.`);
  }
  if (code.startsWith('SQLITE_IOERR') || code.startsWith('SQLITE_CORRUPT')) {
    return new ServiceError('storage', `Cannot read or write ${what} (${code}): the disk or the file may be damaged. Nothing was changed; run \`storybank doctor\`.`);
  }
  return null;
}

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
