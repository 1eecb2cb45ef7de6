import { runCli } from '../support/cli';
// `storybank export` through the built bin (run `npx electron-vite build` first): files read back
// with csv-parse, left-out posts printed, --force, --json, --dry-run, idempotent re-runs.
import Database from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, tempDir } from '../e2e/serve';
import { dbFingerprint, tempWorkspace } from '../support/workspace';
import { seedStatus } from '../support/review';
import type { Post } from '../../src/shared/domain/schemas';

const run = runCli;
const fingerprint = (dbPath: string): string => {
  const db = new Database(dbPath, { readonly: true });
  try {
    return dbFingerprint(db);
  } finally {
    db.close();
  }
};

const dir = tempDir('storybank-cli-export-');
let db = '';
let workspaceDir = '';
const channels = { fb: '', ig: '' };
// A Los Angeles bank (PDT = UTC-7 in July 2031); dates are local, --to included.
const POSTS = [
  { title: 'Teller Ana volunteers', text: 'Ana, from "Pine St", packed 300 lunches 🥪', at: '2031-07-07T16:00:00.000Z', on: ['fb', 'ig'], status: 'approved', image: 'media/ana.jpg' },
  { title: 'Rate table draft', text: 'New CD rates', at: '2031-07-08T16:00:00.000Z', on: ['fb'], status: 'in_review' },
  { title: 'Late on the 31st', text: 'Good night, July', at: '2031-08-01T06:30:00.000Z', on: ['fb'], status: 'approved' },
  { title: 'August already', text: 'Hello August', at: '2031-08-01T07:00:00.000Z', on: ['fb'], status: 'approved' },
] as const;
const PHOTO = Buffer.from('not really a jpeg, but bytes to copy');

beforeAll(() => {
  const ws = tempWorkspace({ demo: true });
  db = ws.dbPath;
  workspaceDir = path.dirname(db);
  const { services } = ws;
  services.workspace.update({ timezone: 'America/Los_Angeles' });
  const list = services.channels.list();
  channels.fb = list.find((c) => c.network === 'facebook')!.id;
  channels.ig = list.find((c) => c.network === 'instagram')!.id;
  for (const p of POSTS) {
    const created = services.posts.create({
      title: p.title,
      baseText: p.text,
      scheduledAt: p.at,
      channelIds: p.on.map((k) => channels[k]),
      images: 'image' in p ? [{ src: p.image, alt: 'Ana with lunch bags' }] : [],
    });
    seedStatus(ws, created, p.status as Post['status']);
  }
  fs.mkdirSync(path.join(workspaceDir, 'media'), { recursive: true });
  fs.writeFileSync(path.join(workspaceDir, 'media', 'ana.jpg'), PHOTO);
  ws.close();
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(workspaceDir, { recursive: true, force: true });
});

const RANGE = ['--from', '2031-07-01', '--to', '2031-07-31'];
const readCsv = (file: string) => parse(fs.readFileSync(file), { bom: true, columns: true }) as Record<string, string>[];

describe('storybank export', () => {
  it('buffer: writes one file per channel into the -o folder, copies media, prints files and left-out posts', () => {
    const out = path.join(dir, 'buffer');
    const result = run('export', 'buffer', ...RANGE, '--media-base-url', 'https://media.pacific.example/july', '-o', out, '--db', db);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const files = fs.readdirSync(out).filter((f) => f.endsWith('.csv')).sort();
    expect(files).toHaveLength(2);
    for (const file of files) expect(result.stdout).toContain(file);
    const fbFile = files.find((f) => f.includes('facebook'))!;
    const fbRows = readCsv(path.join(out, fbFile));
    expect(fbRows.map((r) => [r.Text, r['Image URL'], r['Posting Time']])).toEqual([
      ['Ana, from "Pine St", packed 300 lunches 🥪', 'https://media.pacific.example/july/media/ana.jpg', '2031-07-07 09:00'],
      ['Good night, July', '', '2031-07-31 23:30'],
    ]);
    const igRows = readCsv(path.join(out, files.find((f) => f.includes('instagram'))!));
    expect(igRows.map((r) => r['Image URL'])).toEqual(['https://media.pacific.example/july/media/ana.jpg']);
    expect(fs.readFileSync(path.join(out, 'media', 'ana.jpg'))).toEqual(PHOTO);
    // left out, with the reason; August is outside the range and not mentioned
    expect(result.stdout).toMatch(/Left out \(1\):\n\s+2031-07-08 09:00\s+Rate table draft .*status In review/);
    expect(result.stdout).not.toContain('August already');
    expect(result.stdout).toMatch(/2 posts moved to Exported/);
  });

  it('running it again is idempotent; a changed post needs --force to replace the files', () => {
    const out = path.join(dir, 'buffer');
    const before = fingerprint(db);
    const again = run('export', 'buffer', ...RANGE, '--media-base-url', 'https://media.pacific.example/july', '-o', out, '--db', db, '--json');
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ recorded: false, statusChanged: 0 });
    expect(fingerprint(db)).toBe(before);

    // hootsuite of the same posts in the same folder writes other files: no conflict
    const other = run('export', 'hootsuite', ...RANGE, '--date-order', 'dmy', '-o', out, '--db', db, '--json');
    expect(other.code).toBe(0);
    const hoot = JSON.parse(other.stdout);
    const fbHoot = hoot.files.find((f: { channelId: string }) => f.channelId === channels.fb);
    expect((parse(fs.readFileSync(fbHoot.path)) as string[][]).map((r) => r[0])).toEqual(['07/07/2031 09:00', '31/07/2031 23:30']);

    const file = hoot.files[0].path as string;
    fs.writeFileSync(file, 'someone else edited this');
    const afterHoot = fingerprint(db);
    const refused = run('export', 'hootsuite', ...RANGE, '--date-order', 'dmy', '-o', out, '--db', db);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/already exists with other content.*--force/);
    expect(fs.readFileSync(file, 'utf8')).toBe('someone else edited this');
    expect(fingerprint(db)).toBe(afterHoot);

    const forced = run('export', 'hootsuite', ...RANGE, '--date-order', 'dmy', '-o', out, '--db', db, '--force');
    expect(forced.code).toBe(0);
    expect(fs.readFileSync(file, 'utf8')).not.toBe('someone else edited this');
  });

  it('--dry-run writes nothing; csv with a relative -o lands in the working folder', () => {
    const before = fingerprint(db);
    const dry = run('export', 'csv', ...RANGE, '-o', path.join(dir, 'dry'), '--db', db, '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/Would export 2 posts \(3 post-channel rows\)/);
    expect(dry.stdout).toContain('Dry run: nothing was written.');
    expect(fs.existsSync(path.join(dir, 'dry'))).toBe(false);
    expect(fingerprint(db)).toBe(before);

    const result = spawnSync(process.execPath, [BIN, 'export', 'csv', ...RANGE, '-o', 'relative-out', '--db', db, '--json'], { cwd: dir, encoding: 'utf8' });
    expect(result.status).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.outputDir).toBe(path.join(fs.realpathSync(dir), 'relative-out'));
    const rows = readCsv(json.files[0].path);
    expect(rows.map((r) => r.title).sort()).toEqual(['Late on the 31st', 'Teller Ana volunteers', 'Teller Ana volunteers']);
  });

  it('export changed lists posts edited after the export', () => {
    const ws = new Database(db);
    try {
      ws.prepare("UPDATE posts SET base_text = 'Good night, July!' WHERE title = 'Late on the 31st'").run();
    } finally {
      ws.close();
    }
    const result = run('export', 'changed', '--db', db, '--json');
    expect(result.code).toBe(0);
    const changes = JSON.parse(result.stdout) as Array<{ title: string; change: string; channelId: string }>;
    expect(changes.map((c) => [c.title, c.change, c.channelId])).toEqual([['Late on the 31st', 'edited', channels.fb]]);
    expect(run('export', 'changed', '--db', db).stdout).toMatch(/edited\s+Late on the 31st  \[[^\]]+\] \(text\)  exported /);
    const batches = JSON.parse(run('export', 'batches', '--db', db, '--json').stdout) as Array<{ format: string }>;
    // the forced hootsuite run repeated the first one (same posts and content): no second record
    expect(batches.map((b) => b.format).sort()).toEqual(['buffer', 'csv', 'hootsuite']);
  });

  it('bad arguments are errors that name the option', () => {
    const cases: Array<[string[], RegExp]> = [
      [['export', 'tiktok', ...RANGE, '-o', dir], /format: "tiktok"/],
      [['export', 'buffer', '--from', '2031-07-32', '--to', '2031-07-31', '-o', dir], /--from: "2031-07-32" is not a date/],
      [['export', 'buffer', '--from', '2031-07-10', '--to', '2031-07-01', '-o', dir], /--to: 2031-07-01 is before --from/],
      [['export', 'buffer', ...RANGE], /-o, --output: required/],
      [['export', 'buffer', ...RANGE, '-o', dir, '--date-order', 'ymd'], /--date-order/],
      [['export', 'buffer', ...RANGE, '-o', dir, '--media-base-url', 'http://insecure.example'], /--media-base-url: .* https/],
      [['export', 'buffer', ...RANGE, '-o', dir, '--channel', 'nope'], /--channel: no channel "nope"/],
    ];
    for (const [args, message] of cases) {
      const result = run(...args, '--db', db);
      expect(result.code, args.join(' ')).toBe(1);
      expect(result.stderr).toMatch(message);
    }
  });
});
