// The workspace media folder: images are copied in under their SHA-256 (never modified), their
// type sniffed from the bytes (not the extension), size and pixel size recorded.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { imageSize } from 'image-size';
import type { Repositories } from '../db/repositories';
import type { MediaItem } from '../../shared/api/media';
import type { MediaRecord } from '../db/repositories/media';
import { nowIso } from '../db/repositories/rows';
import { MB } from '../files/input-file';
import { writeFileAtomically } from '../files/output-file';
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

/** Thumbnails are made once per image and kept beside the media (never replacing the original). */
export const THUMB_FOLDER = '.thumbs';
export const THUMB_SIDE = 320;

/** Where each image is used, and the alt text written for it last (offered again when it is reused). */
function usage(repos: Repositories): Map<string, { usedBy: MediaItem['usedBy']; alt: string }> {
  const bySrc = new Map<string, { usedBy: MediaItem['usedBy']; alt: string }>();
  const entry = (src: string) => bySrc.get(src) ?? (bySrc.set(src, { usedBy: [], alt: '' }), bySrc.get(src)!);
  for (const idea of repos.ideas.list()) for (const photo of idea.photos) {
    const e = entry(photo.src);
    e.usedBy.push({ kind: 'idea', id: idea.id, title: idea.title });
    if (photo.alt) e.alt = photo.alt;
  }
  for (const post of repos.posts.list({})) for (const image of post.images) {
    const e = entry(image.src);
    if (!e.usedBy.some((u) => u.id === post.id)) e.usedBy.push({ kind: 'post', id: post.id, title: post.title });
    if (image.alt) e.alt = image.alt;
  }
  return bySrc;
}

export function createMediaService(repos: Repositories, dbPath: string) {
  const workspaceDir = path.dirname(path.resolve(dbPath));
  const fileOf = (relative: string) => path.join(workspaceDir, ...relative.split('/'));

  /** A small copy of a media image (made with sharp, cached), or null when it cannot be made. */
  const thumbnail = async (clean: string): Promise<string | null> => {
    const sha = mediaSha256(clean);
    if (!sha) return null;
    const thumb = path.join(workspaceDir, MEDIA_FOLDER, THUMB_FOLDER, `${sha}-${THUMB_SIDE}.webp`);
    try {
      if (!fs.existsSync(thumb)) {
        const { default: sharp } = await import('sharp');
        const bytes = await sharp(fileOf(clean), { limitInputPixels: 100_000_000 }).rotate().resize(THUMB_SIDE, THUMB_SIDE, { fit: 'inside', withoutEnlargement: true }).webp({ quality: 80 }).toBuffer();
        writeFileAtomically(thumb, bytes);
      }
      return `data:image/webp;base64,${fs.readFileSync(thumb).toString('base64')}`;
    } catch {
      return null;
    }
  };

  return {
    folder: () => path.join(workspaceDir, MEDIA_FOLDER),
    /** The library: every image, newest first, with where it is used. */
    list(): MediaItem[] {
      const used = usage(repos);
      return repos.media
        .list()
        .map((record) => ({ ...record, usedBy: used.get(record.path)?.usedBy ?? [], alt: used.get(record.path)?.alt ?? '' }))
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || a.path.localeCompare(b.path));
    },
    thumbnail: (src: string): Promise<string | null> => {
      const clean = mediaPath(src);
      return clean ? thumbnail(clean) : Promise.resolve(null);
    },
    /** A media-folder file's bytes, or null when it is missing (team sync sends photos with them). */
    bytesOf(src: string): Buffer | null {
      const clean = mediaPath(src);
      try {
        return clean ? fs.readFileSync(fileOf(clean)) : null;
      } catch {
        return null;
      }
    },
    /** A media-folder image as a data: URL, or null when it is missing, too big or not an image. */
    preview(src: string): string | null {
      const clean = mediaPath(src);
      if (!clean) return null;
      const file = fileOf(clean);
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
        writeFileAtomically(target, bytes);
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
