import { notifications } from '@mantine/notifications';
import { showError } from '../../app/errors';

/** A problem with one field the user typed: the message starts with the field's label. */
export class FieldError extends Error {
  constructor(
    readonly field: string,
    readonly problem: string,
  ) {
    super(`${field}: ${problem}`);
    this.name = 'FieldError';
  }
}

export function showSaved(title: string, message?: string): void {
  notifications.show({ color: 'teal', title, message: message ?? '', autoClose: 3000 });
}

export { showError };

/** Secondary text: Mantine's "dimmed" grey is below the 4.5:1 contrast WCAG asks for on white. */
export const MUTED = 'gray.7';
