import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiResult } from '../../src/shared/api/contract';
import { dbFingerprint, tempWorkspace } from '../support/workspace';

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));
const demo = () => {
  const ws = tempWorkspace({ demo: true });
  cleanups.push(ws.cleanup);
  return ws;
};
const value = (result: ApiResult<unknown>) => {
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value as { dataUrl: string | null };
};

describe('media.preview', () => {
  it('gives a demo image back as a data: URL of its own bytes', async () => {
    const ws = demo();
    const image = ws.services.media.list()[0];
    const { dataUrl } = value(await ws.dispatch('media.preview', { path: image.path }));
    expect(dataUrl).toMatch(/^data:image\/png;base64,/);
    const bytes = Buffer.from(dataUrl!.slice(dataUrl!.indexOf(',') + 1), 'base64');
    expect(bytes.equals(fs.readFileSync(path.join(path.dirname(ws.dbPath), image.path)))).toBe(true);
  });

  it('gives nothing for a missing file, a file that is no image, or a path out of the media folder, and changes nothing', async () => {
    const ws = demo();
    const mediaDir = ws.services.media.folder();
    fs.writeFileSync(path.join(mediaDir, 'notes.png'), 'not an image at all');
    const before = dbFingerprint(ws.db);
    for (const src of ['media/missing.png', 'media/notes.png', 'media/../workspace.sqlite', 'media/../../etc/passwd']) {
      expect(value(await ws.dispatch('media.preview', { path: src })), src).toEqual({ dataUrl: null });
    }
    expect(dbFingerprint(ws.db)).toBe(before);
  });

  it('refuses what is not a media path with a validation error naming the field', async () => {
    const ws = demo();
    const result = await ws.dispatch('media.preview', { path: '/etc/passwd' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('validation');
      expect(result.error.message).toContain('path');
    }
  });
});

describe('mediaSha256', () => {
  it('reads the content hash from a workspace media name, and nothing from any other src', async () => {
    const { mediaSha256 } = await import('../../src/main/services/media');
    const hash = 'a'.repeat(64);
    expect(mediaSha256(`media/${hash}.jpg`)).toBe(hash);
    expect(mediaSha256(`media/${hash}.jpg/../x`)).toBeNull();
    expect(mediaSha256('media/photo.jpg')).toBeNull();
    expect(mediaSha256(`https://cdn.example/${hash}.jpg`)).toBeNull();
  });
});
