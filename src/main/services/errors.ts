import type { ApiError } from '../../shared/api/contract';

/** An expected failure a user can act on; its message is shown as is. */
export class ServiceError extends Error {
  constructor(
    readonly code: ApiError['code'],
    message: string,
    readonly issues: ApiError['issues'] = [],
  ) {
    super(message);
    this.name = 'ServiceError';
  }
}

export const notFound = (what: string, id: string): ServiceError =>
  new ServiceError('not_found', `${what} ${id} does not exist (it may have been deleted).`);
