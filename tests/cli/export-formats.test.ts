// The "done when": from the demo workspace, approved posts export to every format through
// the CLI, the files parse back (csv-parse, ical.js, JSON) to the same posts, and every post left
// out is listed with its reason.
import { parse } from 'csv-parse/sync';
import ICAL from 'ical.js';
import fs from 'node:fs';
import path from 'node:path';
import { addDays, format } from 'date-fns';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportResult } from '../../src/shared/api/contract';
import type { Post } from '../../src/shared/domain/schemas';
import { EXPORT_FORMATS } from '../../src/shared/export';
import { channelText } from '../../src/shared/posts';
import { tempDir } from '../e2e/serve';
import { runCli } from '../support/cli';

const dir = tempDir();
const db = path.join(dir, 'demo.sqlite');
// the demo's approved posts sit in the next two weeks
const from = format(addDays(new Date(), 1), 'yyyy-MM-dd');
const to = format(addDays(new Date(), 40), 'yyyy-MM-dd');
let posts: Post[] = [];

beforeAll(() => {
  expect(runCli('init', '--demo', '--db', db).code).toBe(0);
  posts = JSON.parse(runCli('posts', 'list', '--from', from, '--to', to, '--db', db, '--json').stdout) as Post[];
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const csvRows = (file: string, header: boolean) =>
  parse(fs.readFileSync(file), { bom: true, columns: header, relax_column_count: true }) as Array<Record<string, string> | string[]>;

/** The post text of every row of every file, read back with a real parser. */
function textsInFiles(fmt: string, files: string[]): string[] {
  return files.flatMap((file) => {
    switch (fmt) {
      case 'buffer':
        return (csvRows(file, true) as Record<string, string>[]).map((r) => r.Text);
      case 'hootsuite':
        return (csvRows(file, false) as string[][]).map((r) => r[1]);
      case 'sprout':
        return (csvRows(file, true) as Record<string, string>[]).map((r) => r.message_text);
      case 'publer':
        return (csvRows(file, true) as Record<string, string>[]).map((r) => r.Text);
      case 'csv':
        return (csvRows(file, true) as Record<string, string>[]).map((r) => r.text);
      case 'ics':
        return new ICAL.Component(ICAL.parse(fs.readFileSync(file, 'utf8')))
          .getAllSubcomponents('vevent')
          .map((event) => String(event.getFirstPropertyValue('description')));
      case 'json':
        return (JSON.parse(fs.readFileSync(file, 'utf8')) as { items: Array<{ text: string }> }).items.map((i) => i.text);
      default:
        throw new Error(`no reader for ${fmt}`);
    }
  });
}

describe('every export format from the demo workspace, through the CLI', () => {
  for (const fmt of EXPORT_FORMATS) {
    it(`${fmt}: files parse back to the same posts; the rest are listed with a reason`, () => {
      const out = path.join(dir, fmt);
      const { code, stdout, stderr } = runCli('export', fmt, '--from', from, '--to', to, '-o', out, '--db', db, '--json');
      expect(stderr).toBe('');
      expect(code).toBe(0);
      const result = JSON.parse(stdout) as ExportResult;
      const ready = posts.filter((p) => p.status === 'approved' || p.status === 'exported');
      expect(ready.length).toBeGreaterThan(3);

      // every left-out post says why
      for (const left of result.leftOut) expect(left.reason.length).toBeGreaterThan(5);
      const leftOut = new Set(result.leftOut.map((l) => `${l.postId}/${l.channelId ?? '*'}`));
      const isLeftOut = (p: Post, channelId: string) => leftOut.has(`${p.id}/${channelId}`) || leftOut.has(`${p.id}/*`);
      // not-ready posts never reach a file
      for (const p of posts.filter((p) => !ready.includes(p))) for (const c of p.channelIds) expect(isLeftOut(p, c)).toBe(true);

      const expected = ready.flatMap((p) => p.channelIds.filter((c) => !isLeftOut(p, c)).map((c) => channelText(p, c)));
      expect(expected.length).toBeGreaterThan(0);
      const files = result.written.filter((f) => !f.includes(`${path.sep}media${path.sep}`));
      expect(textsInFiles(fmt, files).sort()).toEqual(expected.sort());
      expect(result.exported.items).toBe(expected.length);
    });
  }
});
