import { notifications } from '@mantine/notifications';
import { ApiFailure } from '../api/client';

/** A write refused because the record changed elsewhere since it was read; `error.current` is the other version. */
export const isConflict = (error: unknown): error is ApiFailure =>
  error instanceof ApiFailure && error.error.code === 'conflict' && error.error.current !== undefined;

/** Shows any failure as a readable notification (the field paths of a validation error included). */
export function showError(error: unknown, title = 'Something went wrong'): void {
  const message =
    error instanceof ApiFailure
      ? error.error.issues.length > 1
        ? error.error.issues.map((i) => `${i.path}: ${i.message}`).join('\n')
        : error.message
      : error instanceof Error
        ? error.message
        : String(error);
  notifications.show({ color: 'red', title, message, autoClose: 8000 });
}

/**
 * A validation failure as messages per field (by the first part of each issue's path, e.g.
 * `link.url` -> `link`), so a form shows each next to its field; other failures give none.
 */
export function fieldErrorsOf(error: unknown, fields: readonly string[]): Record<string, string> {
  if (!(error instanceof ApiFailure) || error.error.code !== 'validation') return {};
  const found: Record<string, string> = {};
  for (const issue of error.error.issues) {
    const field = issue.path.split(/[.[]/)[0] ?? '';
    if (fields.includes(field) && !found[field]) found[field] = issue.message;
  }
  return found;
}
