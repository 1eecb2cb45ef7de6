// A read-only workspace and a full disk get messages that say so, and change nothing.
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../src/main/api/dispatch';
import { createHandlers } from '../../src/main/api/handlers';
import { createServices } from '../../src/main/services';
import { dbFingerprint, tempWorkspace } from '../support/workspace';
import { machineProfileMemory } from '../../src/main/workspace';

const ws = tempWorkspace({ demo: true });
afterAll(() => ws.cleanup());

describe('storage failures', () => {
  it('a read-only workspace file: the write is refused as read-only, not "failed unexpectedly"', async () => {
    const readonly = new Database(ws.dbPath, { readonly: true });
    try {
      const dispatch = createDispatcher(createHandlers(createServices(readonly, ws.dbPath, { profileMemory: machineProfileMemory() })), () => {});
      const before = dbFingerprint(ws.db);
      const result = await dispatch('posts.create', { title: 'Cannot land' });
      expect(result).toMatchObject({ ok: false, error: { code: 'storage' } });
      if (!result.ok) expect(result.error.message).toMatch(/read-only/);
      expect(dbFingerprint(ws.db)).toBe(before);
    } finally {
      readonly.close();
    }
  });

  it('a full disk: the write is refused as disk full and nothing is half-written', async () => {
    // SQLite reports SQLITE_FULL when the file may grow no more: the same path as a full disk
    const pages = ws.db.pragma('page_count', { simple: true }) as number;
    ws.db.pragma(`max_page_count = ${pages}`);
    try {
      const long = 'A long post. '.repeat(4000);
      let result;
      for (let i = 0; i < 50; i++) {
        result = await ws.dispatch('posts.create', { title: `Filler ${i}`, baseText: long });
        if (!result.ok) break;
      }
      expect(result).toMatchObject({ ok: false, error: { code: 'storage' } });
      if (result && !result.ok) expect(result.error.message).toMatch(/disk is full/);
      expect(ws.db.pragma('integrity_check', { simple: true })).toBe('ok');
      // every post is whole: the failed one is not there at all
      expect(ws.services.posts.list({ text: 'Filler' }).every((p) => p.baseText === long)).toBe(true);
    } finally {
      ws.db.pragma('max_page_count = 4294967294');
    }
  });
});
