// The workspace media folder: images are copied in under their SHA-256 (never modified), their
// type sniffed from the bytes (not the extension), size and pixel size recorded.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { imageSize } from 'image-size';
import type { Repositories } from '../db/repositories';
import type { MediaRecord } from '../db/repositories/media';
import { nowIso } from '../db/repositories/rows';
import { MB } from '../files/input-file';
import { ServiceError } from './errors';

export const MEDIA_FOLDER = 'media';
export const MAX_MEDIA_BYTES = 50 * MB;
/** Thumbnails travel as data: URLs; bigger images show their name instead. */
const MAX_PREVIEW_BYTES = 5 * MB;
/** Image types a post can carry, by what image-size reports. */
const IMAGE_TYPES: Record<string, { mime: string; ext: string }> = {
  png: { mime: 'image/png', ext: 'png' },
  jpg: { mime: 'image/jpeg', ext: 'jpg' },
  gif: { mime: 'image/gif', ext: 'gif' },
  webp: { mime: 'image/webp', ext: 'webp' },
};

export const sha256Of = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/** What the bytes are, or a reason they are not an image we take. */
export function sniffImage(bytes: Buffer): { mime: string; ext: string; width: number; height: number } | { problem: string } {
  try {
    const size = imageSize(bytes);
    const known = size.type ? IMAGE_TYPES[size.type] : undefined;
    if (!known) return { problem: `a ${size.type ?? 'unknown'} file, not a PNG, JPEG, GIF or WebP image` };
    return { ...known, width: size.width, height: size.height };
  } catch {
    return { problem: 'not an image (its bytes are not PNG, JPEG, GIF or WebP)' };
  }
}

/** A local src as a clean relative path inside the media folder, or null when it points elsewhere. */
export function mediaPath(src: string): string | null {
  const clean = path.posix.normalize(src.replace(/\\/g, '/'));
  if (path.posix.isAbsolute(clean) || /^[a-z]:/i.test(clean)) return null;
  if (!clean.startsWith(`${MEDIA_FOLDER}/`) || clean.split('/').includes('..')) return null;
  return clean;
}

/** Workspace media files are named by their content (`media/<sha256>.<ext>`): the hash of a src, or null for any other src. */
export const mediaSha256 = (src: string): string | null => new RegExp(`^${MEDIA_FOLDER}/([0-9a-f]{64})\\.\\w+$`).exec(src)?.[1] ?? null;

export function createMediaService(repos: Repositories, dbPath: string) {
  const workspaceDir = path.dirname(path.resolve(dbPath));
  return {
    folder: () => path.join(workspaceDir, MEDIA_FOLDER),
    list: (): MediaRecord[] => repos.media.list(),
    /** A media-folder image as a data: URL, or null when it is missing, too big or not an image. */
    preview(src: string): string | null {
      const clean = mediaPath(src);
      if (!clean) return null;
      const file = path.join(workspaceDir, ...clean.split('/'));
      try {
        if (fs.statSync(file).size > MAX_PREVIEW_BYTES) return null;
        const bytes = fs.readFileSync(file);
        const sniffed = sniffImage(bytes);
        return 'problem' in sniffed ? null : `data:${sniffed.mime};base64,${bytes.toString('base64')}`;
      } catch {
        return null;
      }
    },
    /** Copies image bytes into the media folder (once per content) and records them. */
    addBytes(bytes: Buffer, originalName: string): MediaRecord {
      if (bytes.length === 0) throw new ServiceError('validation', `${originalName}: the file is empty`);
      if (bytes.length > MAX_MEDIA_BYTES) throw new ServiceError('validation', `${originalName}: over the ${MAX_MEDIA_BYTES / MB} MB limit for an image`);
      const sniffed = sniffImage(bytes);
      if ('problem' in sniffed) throw new ServiceError('validation', `${originalName}: ${sniffed.problem}`);
      const sha256 = sha256Of(bytes);
      const relative = `${MEDIA_FOLDER}/${sha256}.${sniffed.ext}`;
      const target = path.join(workspaceDir, ...relative.split('/'));
      if (!fs.existsSync(target) || sha256Of(fs.readFileSync(target)) !== sha256) {
        fs.mkdirSync(path.dirname(target), { recursive: true });
        const temp = `${target}.${process.pid}.partial`;
        fs.writeFileSync(temp, bytes);
        fs.renameSync(temp, target);
      }
      const record: MediaRecord = {
        sha256,
        path: relative,
        type: sniffed.mime,
        bytes: bytes.length,
        width: sniffed.width,
        height: sniffed.height,
        originalName: path.basename(originalName),
        createdAt: nowIso(),
      };
      repos.transaction(() => repos.media.save(record));
      return repos.media.get(sha256) ?? record;
    },
  };
}
export type MediaService = ReturnType<typeof createMediaService>;
