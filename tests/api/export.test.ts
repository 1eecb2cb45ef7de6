// Export through the dispatcher against a real demo workspace: files parsed back with csv-parse
// and ical.js, left-out reasons, statuses, batches, idempotency, changed-since, overwrite rules.
import { parse } from 'csv-parse/sync';
import ICAL from 'ical.js';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiResult, ExportBatchSummary, ExportChange, ExportPreview, ExportResult } from '../../src/shared/api/contract';
import type { Channel, Post } from '../../src/shared/domain/schemas';
import { createExportService } from '../../src/main/services/export';
import { tempDir } from '../e2e/serve';
import { dbFingerprint, tempWorkspace } from '../support/workspace';
import { approveThroughReview, seedStatus } from '../support/review';

const ok = <T>(result: ApiResult<unknown>): T => {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`);
  return result.value as T;
};

const ws = tempWorkspace({ demo: true });
const out = tempDir('storybank-export-');
afterAll(() => {
  ws.cleanup();
  fs.rmSync(out, { recursive: true, force: true });
});

const workspaceDir = path.dirname(ws.dbPath);
const PHOTO = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4, 5]);
const BASE_URL = 'https://cdn.riverside.example/social';
// June 2030, America/New_York (EDT = UTC-4): far from the demo's own posts, always in the future.
const RANGE = { from: '2030-06-01', to: '2030-06-30' };
const TRICKY = 'Maria, our "Oak Street" teller, ran 26.2 miles 🏃‍♀️\nCongrats, Maria!';
const LINK = { url: 'https://riverside.example/tips?ref=feed', utm: { source: 'facebook', medium: 'social', campaign: 'june', term: '', content: '' } };
const TRACKED = 'https://riverside.example/tips?ref=feed&utm_source=facebook&utm_medium=social&utm_campaign=june';

const ch: Record<'fb' | 'ig' | 'li' | 'x', Channel> = {} as never;
const posts: Record<string, Post> = {};
const byTitle = (title: string) => posts[title].id;

async function create(title: string, { status = 'approved', ...input }: Record<string, unknown>): Promise<Post> {
  const created = ok<Post>(await ws.dispatch('posts.create', { title, ...input }));
  const post = status === 'draft' ? created : seedStatus(ws, created, status as Post['status']);
  posts[title] = post;
  return post;
}

beforeAll(async () => {
  const channels = ok<Channel[]>(await ws.dispatch('channels.list', {}));
  const find = (network: string) => channels.find((c) => c.network === network)!;
  Object.assign(ch, { fb: find('facebook'), ig: find('instagram'), li: find('linkedin'), x: find('x') });
  fs.mkdirSync(path.join(workspaceDir, 'media'), { recursive: true });
  fs.writeFileSync(path.join(workspaceDir, 'media', 'team photo.png'), PHOTO);

  const categories = ok<Array<{ id: string; name: string }>>(await ws.dispatch('categories.list', {}));
  await create('Marathon', {
    baseText: TRICKY,
    categoryId: categories.find((c) => c.name === 'Employee highlights')!.id,
    channelIds: [ch.fb.id, ch.li.id],
    scheduledAt: '2030-06-10T13:30:00.000Z',
    images: [{ src: 'media/team photo.png', alt: 'Maria at the finish line' }],
    link: LINK,
  });
  await create('Too long for X', { baseText: 'Long story. '.repeat(40), channelIds: [ch.x.id], scheduledAt: '2030-06-11T14:00:00.000Z' });
  await create('Still a draft', { baseText: 'Draft text', channelIds: [ch.fb.id], scheduledAt: '2030-06-12T14:00:00.000Z', status: 'draft' });
  await create('Instagram without its photo', {
    baseText: 'Our new branch',
    channelIds: [ch.ig.id],
    scheduledAt: '2030-06-13T16:00:00.000Z',
    images: [{ src: 'media/not-there.jpg', alt: 'Branch' }],
  });
  await create('Remote image', {
    baseText: 'Budget tip: 50/30/20',
    channelIds: [ch.fb.id],
    scheduledAt: '2030-06-14T13:00:00.000Z',
    images: [{ src: 'https://images.example.com/tip.png', alt: 'Tip card' }],
  });
  const compliance = await create('Rate claim', { baseText: 'Best rates in town!', channelIds: [ch.fb.id], scheduledAt: '2030-06-15T13:00:00.000Z' });
  const dst = await create('Impossible time', { baseText: 'Spring forward', channelIds: [ch.li.id], scheduledAt: '2030-06-16T13:00:00.000Z' });
  await create('Last evening of June', { baseText: 'See you in July', channelIds: [ch.fb.id], scheduledAt: '2030-07-01T03:30:00.000Z' });
  await create('First of July', { baseText: 'Hello July', channelIds: [ch.fb.id], scheduledAt: '2030-07-01T04:00:00.000Z' });
  // Findings from checks that run elsewhere (compliance review, wall-time checks) arrive as stored issues.
  ws.services.repos.posts.save({
    ...compliance,
    issues: [{ channelId: null, severity: 'error', code: 'compliance_superlative', message: '"Best rates" needs a substantiated claim' }],
  });
  ws.services.repos.posts.save({
    ...dst,
    issues: [{ channelId: null, severity: 'error', code: 'dst_gap', message: '02:30 does not exist on this day' }],
  });
  for (const title of Object.keys(posts)) posts[title] = ws.services.posts.get(posts[title].id);
});

const readCsv = (file: string) => parse(fs.readFileSync(file), { bom: true, columns: true }) as Record<string, string>[];
const status = (title: string) => ws.services.posts.get(byTitle(title)).status;
const reasonsOf = (result: ExportPreview, title: string) =>
  result.leftOut.filter((l) => l.postId === byTitle(title)).map((l) => l.rule);
const fileFor = (result: ExportPreview, channel: Channel) => result.files.find((f) => f.channelId === channel.id)!;
const snapshot = (dir: string): Record<string, string> =>
  Object.fromEntries(
    (fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[])
      .filter((f) => fs.statSync(path.join(dir, f)).isFile())
      .sort()
      .map((f) => [f, fs.readFileSync(path.join(dir, f)).toString('base64')]),
  );

describe('export.preview', () => {
  it('lists what would go out and what is left out, and writes nothing', async () => {
    const before = dbFingerprint(ws.db);
    const dir = path.join(out, 'preview-only');
    const preview = ok<ExportPreview>(await ws.dispatch('export.preview', { format: 'buffer', ...RANGE, mediaBaseUrl: BASE_URL, outputDir: dir }));
    expect(fs.existsSync(dir)).toBe(false);
    expect(dbFingerprint(ws.db)).toBe(before);
    expect(preview.outputDir).toBe(dir);
    expect(preview.timezone).toBe('America/New_York');
    const fb = fileFor(preview, ch.fb);
    expect(fb.columns).toEqual(['Text', 'Image URL', 'Tags', 'Posting Time']);
    expect(fb.sample.map((row) => row[3])).toEqual(['2030-06-10 09:30', '2030-06-14 09:00', '2030-06-30 23:30']);
    expect(reasonsOf(preview, 'Still a draft')).toEqual(['status.draft']);
    expect(reasonsOf(preview, 'First of July')).toEqual([]); // outside the range, not "left out"
  });
});

describe('export.run to Buffer with a media base URL', () => {
  const dir = path.join(out, 'buffer');
  let result: ExportResult;
  let files: Record<string, string>;

  beforeAll(async () => {
    result = ok<ExportResult>(await ws.dispatch('export.run', { format: 'buffer', ...RANGE, mediaBaseUrl: BASE_URL, outputDir: dir }));
    files = snapshot(dir);
  });

  it('writes one Buffer file per channel that parses back to the ready posts', () => {
    const fbRows = readCsv(fileFor(result, ch.fb).path);
    expect(fbRows).toEqual([
      { Text: `${TRICKY}\n\n${TRACKED}`, 'Image URL': `${BASE_URL}/media/team%20photo.png`, Tags: 'Employee highlights', 'Posting Time': '2030-06-10 09:30' },
      { Text: 'Budget tip: 50/30/20', 'Image URL': 'https://images.example.com/tip.png', Tags: '', 'Posting Time': '2030-06-14 09:00' },
      // 2030-07-01T03:30Z is still June 30 in New York: --to is an inclusive local date
      { Text: 'See you in July', 'Image URL': '', Tags: '', 'Posting Time': '2030-06-30 23:30' },
    ]);
    const liRows = readCsv(fileFor(result, ch.li).path);
    expect(liRows.map((r) => [r.Text, r['Posting Time']])).toEqual([[`${TRICKY}\n\n${TRACKED}`, '2030-06-10 09:30']]);
    expect(result.files.map((f) => f.channelId).sort()).toEqual([ch.fb.id, ch.li.id].sort());
    expect(result.exported).toEqual({ posts: 3, items: 4 });
    // Buffer: UTF-8 without BOM, exact header
    expect(fs.readFileSync(fileFor(result, ch.fb).path).subarray(0, 4).toString('utf8')).toBe('Text');
  });

  it('copies the referenced media into <output>/media/ and reports the missing file', () => {
    expect(fs.readFileSync(path.join(dir, 'media', 'team photo.png'))).toEqual(PHOTO);
    expect(result.media.copy).toEqual(['media/team photo.png']);
    expect(result.media.missing.map((m) => m.src)).toEqual(['media/not-there.jpg']);
  });

  it('leaves out, with the reason, what breaks a rule or is not approved', () => {
    expect(reasonsOf(result, 'Too long for X')).toEqual(['network_rule.too_long']);
    expect(reasonsOf(result, 'Still a draft')).toEqual(['status.draft']);
    expect(reasonsOf(result, 'Instagram without its photo')).toEqual(['media.missing_file']);
    expect(reasonsOf(result, 'Rate claim')).toEqual(['blocking_finding.compliance_superlative']);
    expect(reasonsOf(result, 'Impossible time')).toEqual(['blocking_finding.dst_gap']);
    const tooLong = result.leftOut.find((l) => l.postId === byTitle('Too long for X'))!;
    expect(tooLong).toMatchObject({ channelId: ch.x.id, channelName: ch.x.name, postTitle: 'Too long for X', scheduledAt: '2030-06-11T14:00:00.000Z' });
    expect(tooLong.reason).toMatch(/over the limit/);
  });

  it('moves exported posts to exported and leaves the others alone', () => {
    expect(['Marathon', 'Remote image', 'Last evening of June'].map(status)).toEqual(['exported', 'exported', 'exported']);
    expect(['Too long for X', 'Still a draft', 'Rate claim', 'First of July'].map(status)).toEqual(['approved', 'draft', 'approved', 'approved']);
    expect(result.statusChanged).toBe(3);
    expect(result.recorded).toBe(true);
  });

  it('records the batch with its files and one hashed item per post and channel', async () => {
    const batches = ok<ExportBatchSummary[]>(await ws.dispatch('export.batches', {}));
    expect(batches).toHaveLength(1);
    expect(batches[0]).toMatchObject({ id: result.batchId, format: 'buffer', items: 4, posts: 3 });
    expect(batches[0].files.map((f) => f.path).sort()).toEqual(result.files.map((f) => f.path).sort());
    const hashes = ws.services.repos.exports.items(result.batchId);
    expect(hashes.every((h) => /^[0-9a-f]{64}$/.test(h.contentHash))).toBe(true);
    // the same post has different hashes on channels with different texts only
    const marathon = hashes.filter((h) => h.postId === byTitle('Marathon'));
    expect(marathon).toHaveLength(2);
    expect(marathon[0].contentHash).toBe(marathon[1].contentHash);
  });

  it('exporting again is idempotent: same files, same batch, no database change', async () => {
    const before = dbFingerprint(ws.db);
    const again = ok<ExportResult>(await ws.dispatch('export.run', { format: 'buffer', ...RANGE, mediaBaseUrl: BASE_URL, outputDir: dir }));
    expect(again.recorded).toBe(false);
    expect(again.batchId).toBe(result.batchId);
    expect(again.statusChanged).toBe(0);
    expect(again.sameAsBatchId).toBe(result.batchId);
    expect(snapshot(dir)).toEqual(files);
    expect(dbFingerprint(ws.db)).toBe(before);
  });

  it('lists posts edited after their export, and refuses to overwrite the old files without confirmation', async () => {
    expect(ok<ExportChange[]>(await ws.dispatch('export.changed', {}))).toEqual([]);
    ok(await ws.dispatch('posts.update', { id: byTitle('Remote image'), revision: ws.services.posts.get(byTitle('Remote image')).revision, confirmHandedOver: true, baseText: 'Budget tip: try 50/30/20 this month' }));
    ok(await ws.dispatch('posts.update', { id: byTitle('Marathon'), revision: ws.services.posts.get(byTitle('Marathon')).revision, confirmHandedOver: true, channelTexts: { [ch.li.id]: 'Congratulations to Maria on her first marathon.' } }));
    // a title and a note are not part of what goes out
    ok(await ws.dispatch('posts.update', { id: byTitle('Last evening of June'), revision: ws.services.posts.get(byTitle('Last evening of June')).revision, title: 'Last evening of June (renamed)', notes: 'internal' }));
    const changes = ok<ExportChange[]>(await ws.dispatch('export.changed', {}));
    expect(changes.map((c) => [c.title, c.channelName, c.change]).sort()).toEqual(
      [
        ['Marathon', ch.li.name, 'edited'],
        ['Remote image', ch.fb.name, 'edited'],
      ].sort(),
    );
    expect(changes.every((c) => c.batchId === result.batchId && c.format === 'buffer')).toBe(true);
    // each change says what changed: here the text
    expect(changes.map((c) => [c.title, c.parts])).toEqual(expect.arrayContaining([['Marathon', ['text']], ['Remote image', ['text']]]));

    const before = dbFingerprint(ws.db);
    const refused = await ws.dispatch('export.run', { format: 'buffer', ...RANGE, mediaBaseUrl: BASE_URL, outputDir: dir });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } });
    if (!refused.ok) expect(refused.error.message).toMatch(/already exist/);
    expect(snapshot(dir)).toEqual(files);
    expect(dbFingerprint(ws.db)).toBe(before);

    const preview = ok<ExportPreview>(await ws.dispatch('export.preview', { format: 'buffer', ...RANGE, mediaBaseUrl: BASE_URL, outputDir: dir }));
    expect(preview.conflicts.sort()).toEqual([fileFor(preview, ch.fb).path, fileFor(preview, ch.li).path].sort());
    expect(fileFor(preview, ch.fb).conflict).toBe(true);

    const forced = ok<ExportResult>(await ws.dispatch('export.run', { format: 'buffer', ...RANGE, mediaBaseUrl: BASE_URL, outputDir: dir, overwrite: true }));
    expect(forced.recorded).toBe(true);
    expect(forced.batchId).not.toBe(result.batchId);
    expect(readCsv(fileFor(forced, ch.li).path)[0].Text).toBe(`Congratulations to Maria on her first marathon.\n\n${TRACKED}`);
    expect(ok<ExportChange[]>(await ws.dispatch('export.changed', {}))).toEqual([]);
    expect(ok<ExportBatchSummary[]>(await ws.dispatch('export.batches', {})).map((b) => b.id)).toEqual([forced.batchId, result.batchId]);
    // no temp files are left behind
    expect(Object.keys(snapshot(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('says which part of an exported post changed, and the time that went out', async () => {
    const dir = path.join(out, 'parts');
    ok<ExportResult>(await ws.dispatch('export.run', { format: 'buffer', ...RANGE, mediaBaseUrl: BASE_URL, outputDir: dir, overwrite: true }));
    const marathon = ws.services.posts.get(byTitle('Marathon'));
    const movedTo = new Date(new Date(marathon.scheduledAt!).getTime() + 3_600_000).toISOString();
    ok(await ws.dispatch('posts.update', { id: marathon.id, revision: marathon.revision, confirmHandedOver: true, scheduledAt: movedTo, images: marathon.images.map((i) => ({ ...i, alt: `${i.alt} (new words)` })) }));
    const changes = ok<ExportChange[]>(await ws.dispatch('export.changed', {})).filter((c) => c.title === 'Marathon');
    expect(changes.length).toBeGreaterThan(0);
    for (const change of changes) {
      expect(change.parts).toEqual(['time', 'images']);
      expect(change.exportedTime).toBe(marathon.scheduledAt);
    }
    // put it back for the tests that follow (they share the workspace)
    const moved = ws.services.posts.get(marathon.id);
    ok(await ws.dispatch('posts.update', { id: marathon.id, revision: moved.revision, confirmHandedOver: true, scheduledAt: marathon.scheduledAt, images: marathon.images }));
    expect(ok<ExportChange[]>(await ws.dispatch('export.changed', {})).filter((c) => c.title === 'Marathon')).toEqual([]);
  });
});

describe('other formats and options', () => {
  it('without a media base URL, local images are left out with a warning (and Instagram, which needs one, is left out)', async () => {
    const dir = path.join(out, 'no-media');
    const result = ok<ExportResult>(await ws.dispatch('export.run', { format: 'buffer', ...RANGE, outputDir: dir }));
    const fbRows = readCsv(fileFor(result, ch.fb).path);
    const marathon = fbRows.find((r) => r.Text.startsWith('Maria'))!;
    expect(marathon['Image URL']).toBe('');
    expect(result.warnings.filter((w) => w.postId === byTitle('Marathon')).map((w) => w.rule)).toEqual(['media.no_base_url', 'media.no_base_url']);
    expect(reasonsOf(result, 'Instagram without its photo')).toEqual(['media.no_public_url']);
    expect(fs.existsSync(path.join(dir, 'media'))).toBe(false);
  });

  it('generic CSV (with BOM) and iCalendar read back to the same posts and times', async () => {
    const dir = path.join(out, 'calendar');
    const csv = ok<ExportResult>(await ws.dispatch('export.run', { format: 'csv', ...RANGE, mediaBaseUrl: BASE_URL, outputDir: dir }));
    const raw = fs.readFileSync(csv.files[0].path);
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = readCsv(csv.files[0].path);
    const pairs = rows.map((r) => `${r.title}|${r.channel_name}|${r.scheduled_at_utc}`).sort();
    expect(pairs).toEqual(
      [
        `Marathon|${ch.fb.name}|2030-06-10T13:30:00.000Z`,
        `Marathon|${ch.li.name}|2030-06-10T13:30:00.000Z`,
        `Remote image|${ch.fb.name}|2030-06-14T13:00:00.000Z`,
        `Last evening of June (renamed)|${ch.fb.name}|2030-07-01T03:30:00.000Z`,
        // the CSV is no scheduler: the missing photo is a warning there, not a reason to leave the post out
        `Instagram without its photo|${ch.ig.name}|2030-06-13T16:00:00.000Z`,
      ].sort(),
    );
    const stored = ws.services.repos.exports.items(csv.batchId);
    for (const row of rows) {
      expect(stored.find((s) => s.postId === row.post_id && s.channelId === row.channel_id)?.contentHash).toBe(row.content_hash);
    }
    expect(rows.every((r) => r.status === 'exported')).toBe(true);
    expect(status('Instagram without its photo')).toBe('exported');

    const ics = ok<ExportResult>(await ws.dispatch('export.run', { format: 'ics', ...RANGE, outputDir: dir }));
    const calendar = new ICAL.Component(ICAL.parse(fs.readFileSync(ics.files[0].path, 'utf8')));
    ICAL.TimezoneService.reset();
    for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
    const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events.map((e) => `${e.uid}|${e.startDate.toJSDate().toISOString()}`).sort()).toEqual(
      rows.map((r) => `${r.post_id}-${r.channel_id}@storybank|${r.scheduled_at_utc}`).sort(),
    );
    expect(events.find((e) => e.uid.startsWith(byTitle('Marathon')))!.description).toBe(TRICKY);
    // DTSTAMP and SEQUENCE come from the export time: a repeat of the same content keeps the first one's
    // (an hour later by the service's clock, so the time stamps would differ if they were taken anew)
    const icsBytes = fs.readFileSync(ics.files[0].path);
    const later = new Date(Date.now() + 3_600_000).toISOString();
    const { repos, workspace, posts: postService } = ws.services;
    const repeat = createExportService(repos, workspace, postService, ws.services.access, { now: () => later }).run({ format: 'ics', ...RANGE, outputDir: dir });
    expect(repeat.recorded).toBe(false);
    expect(fs.readFileSync(ics.files[0].path).equals(icsBytes)).toBe(true);
  });

  it('Hootsuite honours the date order; JSON keeps every field', async () => {
    const dir = path.join(out, 'more');
    const hoot = ok<ExportResult>(await ws.dispatch('export.run', { format: 'hootsuite', ...RANGE, dateOrder: 'dmy', outputDir: dir, channelIds: [ch.fb.id] }));
    expect(hoot.files).toHaveLength(1);
    const records = parse(fs.readFileSync(hoot.files[0].path)) as string[][];
    expect(records.map((r) => r[0])).toEqual(['10/06/2030 09:30', '14/06/2030 09:00', '30/06/2030 23:30']);
    expect(records[0][2]).toBe(TRACKED);

    const json = ok<ExportResult>(await ws.dispatch('export.run', { format: 'json', ...RANGE, outputDir: dir, channelIds: [ch.li.id] }));
    const document = JSON.parse(fs.readFileSync(json.files[0].path, 'utf8'));
    expect(document.items.map((i: { title: string; channelId: string; link: string }) => [i.title, i.channelId, i.link])).toEqual([['Marathon', ch.li.id, TRACKED]]);
  });

  it('a failed write changes neither the database nor the folder', async () => {
    const blocker = path.join(out, 'a-file-not-a-folder');
    fs.writeFileSync(blocker, 'x');
    const before = dbFingerprint(ws.db);
    const result = await ws.dispatch('export.run', { format: 'csv', ...RANGE, outputDir: path.join(blocker, 'sub') });
    expect(result).toMatchObject({ ok: false, error: { code: 'validation', issues: [{ path: 'outputDir' }] } });
    expect(dbFingerprint(ws.db)).toBe(before);
    expect(fs.readFileSync(blocker, 'utf8')).toBe('x');
  });

  it('refuses relative folders, ranges that end before they start and unknown channels', async () => {
    const cases = [
      [{ outputDir: 'exports' }, 'outputDir'],
      [{ from: '2030-06-30', to: '2030-06-01' }, 'to'],
      [{ channelIds: ['00000000-0000-4000-8000-000000000000'] }, 'channelIds[0]'],
    ] as const;
    for (const [patch, field] of cases) {
      const result = await ws.dispatch('export.preview', { format: 'csv', ...RANGE, outputDir: out, ...patch });
      expect(result).toMatchObject({ ok: false, error: { code: 'validation', issues: [{ path: field }] } });
    }
    expect(ws.services.exports.resolveOutputDir('~/Storybank exports')).toBe(path.join(os.homedir(), 'Storybank exports'));
    const preview = ok<ExportPreview>(await ws.dispatch('export.preview', { format: 'csv', ...RANGE }));
    expect(preview.outputDir).toBe(path.join(os.homedir(), 'Storybank exports'));
  });

  it('approving demo posts makes exactly them exportable', async () => {
    // next month of the demo: drafts and reviews, some approved
    const demoPosts = ws.services.posts.list({}).filter((p) => p.scheduledAt && p.scheduledAt < '2030-01-01T00:00:00.000Z' && p.scheduledAt > new Date(Date.now() + 86_400_000).toISOString());
    const drafts = demoPosts.filter((p) => p.status === 'draft' && !p.issues.some((i) => i.severity === 'error')).slice(0, 3);
    expect(drafts.length).toBeGreaterThan(0);
    for (const post of drafts) approveThroughReview(ws, post, 'Morgan Lee');
    const zone = 'America/New_York';
    const dates = demoPosts.map((p) => new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(new Date(p.scheduledAt!))).sort();
    const scope = { format: 'json', from: dates[0], to: dates[dates.length - 1], outputDir: path.join(out, 'demo') } as const;
    const result = ok<ExportResult>(await ws.dispatch('export.run', scope));
    const document = JSON.parse(fs.readFileSync(result.files[0].path, 'utf8'));
    const exportedIds = new Set<string>(document.items.map((i: { postId: string }) => i.postId));
    for (const post of drafts) expect(exportedIds.has(post.id)).toBe(true);
    const stillDraft = demoPosts.filter((p) => p.status === 'draft' && !drafts.includes(p));
    for (const post of stillDraft) {
      expect(exportedIds.has(post.id)).toBe(false);
      expect(result.leftOut.find((l) => l.postId === post.id)?.rule).toBe('status.draft');
    }
    for (const post of drafts) expect(status2(post.id)).toBe('exported');
  });
});

const status2 = (id: string) => ws.services.posts.get(id).status;
