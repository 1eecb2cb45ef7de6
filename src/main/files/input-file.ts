// Every file Storybank reads from a user (workspace files, plan requests, later imports) comes
// through here: a regular file, within a stated size cap checked before reading, UTF-8 with or
// without a byte-order mark. Each failure names the file and says what to do.
import fs from 'node:fs';
import { ServiceError } from '../services/errors';

export const MB = 1024 * 1024;
/** Size caps, stated in the README. */
export const INPUT_FILE_LIMITS = { workspace: 200 * MB, planRequest: 50 * MB, storyIdea: 40 * MB, formExport: 50 * MB } as const;

const errno = (error: unknown): string => (error as NodeJS.ErrnoException)?.code ?? (error instanceof Error ? error.message : String(error));

/** Refuses `size` bytes over `maxBytes`, naming the file and both sizes. */
export function checkSize(file: string, size: number, maxBytes: number): void {
  if (size > maxBytes) throw new ServiceError('validation', `${file}: ${(size / MB).toFixed(1)} MB is over the ${(maxBytes / MB).toFixed(0)} MB limit for this kind of file`);
}

/** Reads a file the user named, refusing devices, folders and anything over `maxBytes` before reading it. */
export function readBytesInput(file: string, maxBytes: number): Buffer {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (error) {
    throw new ServiceError('validation', `${file}: cannot read it (${errno(error)})`);
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) throw new ServiceError('validation', `${file}: not a regular file (a folder, device or pipe cannot be read)`);
    checkSize(file, stat.size, maxBytes);
    // Read at most the cap even if the file grows meanwhile.
    const buffer = Buffer.alloc(Math.min(stat.size, maxBytes));
    const read = fs.readSync(fd, buffer, 0, buffer.length, 0);
    return buffer.subarray(0, read);
  } catch (error) {
    if (error instanceof ServiceError) throw error;
    throw new ServiceError('validation', `${file}: cannot read it (${errno(error)})`);
  } finally {
    fs.closeSync(fd);
  }
}

/** Reads a UTF-8 text file the user named (with or without a byte-order mark), within `maxBytes`. */
export function readTextInput(file: string, maxBytes: number): string {
  const text = readBytesInput(file, maxBytes).toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** A JSON file the user named, parsed; the error names the file. */
export function readJsonInput(file: string, maxBytes: number): unknown {
  const text = readTextInput(file, maxBytes);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ServiceError('validation', `${file}: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
}

/**
 * A file name as another machine had it (a photo in a .storyidea, a scanned release), reduced to a
 * plain name: no folders, no `..`, no control characters. Only ever shown, never used as a path.
 */
export function plainFileName(name: string, fallback = 'photo'): string {
  const base = name.replace(/\\/g, '/').split('/').filter((part) => part !== '' && part !== '.' && part !== '..').pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').slice(0, 120);
  return clean || fallback;
}
