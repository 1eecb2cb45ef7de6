// One fixture database per released schema version (tests/fixtures/schema/vN.sqlite, written by
// scripts/make-schema-fixtures.ts when that version shipped): each migrates to the latest version
// with every record intact.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION, STORYBANK_APPLICATION_ID, schemaVersion } from '../../src/main/db/connection';
import { MIGRATIONS } from '../../src/main/db/migrations';
import { openWorkspace } from '../../src/main/workspace';
import { tempDir } from '../e2e/serve';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'schema');
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe('schema fixtures', () => {
  it('an idea a version before 7 called rejected is declined after the migration', () => {
    const file = path.join(tempDir(), 'v6.sqlite');
    fs.copyFileSync(path.join(FIXTURES, 'v6.sqlite'), file);
    const raw = new Database(file);
    raw.prepare("UPDATE ideas SET status = 'rejected'").run();
    raw.close();
    const ws = openWorkspace({ dbPath: file });
    try {
      expect(ws.services.ideas.list().map((i) => i.status)).toEqual(['declined']);
    } finally {
      ws.close();
    }
  });

  it('a workspace from before team sync (v7) stays solo: its edits queue nothing', () => {
    const file = path.join(tempDir(), 'v7.sqlite');
    fs.copyFileSync(path.join(FIXTURES, 'v7.sqlite'), file);
    const ws = openWorkspace({ dbPath: file });
    try {
      const [post] = ws.services.posts.list({});
      ws.services.session.select(ws.services.people.list().find((p) => p.roles.includes('planner'))!.id, false);
      ws.services.posts.update({ id: post.id, revision: post.revision, notes: 'edited after the upgrade' });
      expect(ws.services.team.status()).toEqual({ mode: 'solo' });
      expect(ws.db.prepare('SELECT count(*) AS n FROM team_outbox').get()).toEqual({ n: 0 });
    } finally {
      ws.close();
    }
  });

  it('a team workspace (v8) keeps its server, what it sent, and what waits to go out', () => {
    const file = path.join(tempDir(), 'v8.sqlite');
    fs.copyFileSync(path.join(FIXTURES, 'v8.sqlite'), file);
    const ws = openWorkspace({ dbPath: file });
    try {
      expect(ws.services.team.status()).toMatchObject({ mode: 'team', server: 'http://127.0.0.1:5984', database: 'fixture-savings-bank', user: 'pat', pending: 1 });
      const waiting = ws.db.prepare('SELECT doc_id AS docId FROM team_outbox').all();
      expect(waiting).toEqual([{ docId: 'post:66666666-6666-4666-8666-666666666666' }]);
      expect(ws.db.prepare('SELECT rev FROM team_docs').all()).toEqual([{ rev: '1-0123456789abcdef0123456789abcdef' }]);
      // capture is on: the next edit queues its record too
      const marathon = ws.services.posts.list({}).find((p) => p.title === 'Maria runs a marathon')!;
      ws.db.prepare("UPDATE posts SET notes = 'x' WHERE id = ?").run(marathon.id);
      expect(ws.services.team.status()).toMatchObject({ pending: 2 });
    } finally {
      ws.close();
    }
  });

  it('export items from before v9 report an edit without its parts; v9 items name the parts that changed', () => {
    const file = path.join(tempDir(), 'v9.sqlite');
    fs.copyFileSync(path.join(FIXTURES, 'v9.sqlite'), file);
    const ws = openWorkspace({ dbPath: file });
    try {
      const changes = ws.services.exports.changed();
      const byChannel = new Map(changes.map((c) => [c.channelName, c]));
      const facebook = changes.find((c) => c.channelId === '11111111-1111-4111-8111-111111111111')!;
      const linkedin = changes.find((c) => c.channelId === '22222222-2222-4222-8222-222222222222')!;
      expect(byChannel.size).toBe(2);
      expect(facebook).toMatchObject({ change: 'edited' });
      expect(facebook.parts).toBeUndefined();
      // the fixture's hashes are not the post's: every hashed part reads as changed; the time is the post's own
      expect(linkedin).toMatchObject({ change: 'edited', parts: ['text', 'time', 'images', 'link'], exportedTime: '2026-05-02T15:00:00.000Z' });
    } finally {
      ws.close();
    }
  });

  it('there is a fixture for every schema version', () => {
    expect(fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.sqlite')).sort()).toEqual(MIGRATIONS.map((m) => `v${m.version}.sqlite`).sort());
  });

  it.each(MIGRATIONS.map((m) => m.version))('v%i migrates to the latest version with its data intact', (version) => {
    const dir = tempDir();
    dirs.push(dir);
    const file = path.join(dir, 'workspace.sqlite');
    fs.copyFileSync(path.join(FIXTURES, `v${version}.sqlite`), file);
    const raw = new Database(file, { readonly: true });
    expect(schemaVersion(raw)).toBe(version);
    raw.close();

    const ws = openWorkspace({ dbPath: file });
    try {
      const s = ws.services;
      expect(schemaVersion(ws.db)).toBe(LATEST_SCHEMA_VERSION);
      expect(ws.db.pragma('application_id', { simple: true })).toBe(STORYBANK_APPLICATION_ID);
      expect(ws.db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(ws.db.pragma('foreign_key_check')).toEqual([]);
      expect(s.workspace.get()).toMatchObject({ name: 'Fixture Savings Bank', timezone: 'America/Chicago' });

      const channels = s.channels.list();
      expect(channels.map((c) => [c.name, c.network, c.timezone, c.slots])).toEqual([
        ['Fixture on Facebook', 'facebook', null, [{ weekday: 2, time: '09:30' }]],
        ['Fixture on LinkedIn', 'linkedin', 'America/New_York', []],
      ]);
      expect(s.categories.list().map((c) => [c.name, c.targetShare, c.maxPerWeek])).toEqual([
        ['Employee highlights', 0.6, null],
        ['Financial tips', 0.4, 2],
      ]);
      const posts = s.posts.list({});
      expect(posts.map((p) => [p.title, p.status, p.scheduledAt])).toEqual([
        ['Maria runs a marathon', 'approved', '2026-06-02T14:30:00.000Z'],
        ['Tip: the 50/30/20 budget', 'draft', null],
      ]);
      const marathon = posts[0];
      expect(marathon.channelIds).toEqual([channels[0].id, channels[1].id]);
      expect(marathon.channelTexts).toEqual({ [channels[1].id]: 'Maria ran her first marathon.' });
      expect(marathon.images).toEqual([{ src: 'media/team.jpg', alt: 'Our team' }]);
      // every row starts at revision 1 once revisions exist
      expect([...posts, ...channels, ...s.categories.list(), ...s.ideas.list()].every((r) => r.revision === 1)).toBe(true);
      expect(s.ideas.list().map((i) => [i.title, i.branch, i.status, i.latest])).toEqual([['Branch garden', 'Elm Street', 'accepted', '2026-09-30']]);
      // story intake came with version 7: older ideas get empty submitter details, no photos, no link
      const [idea] = s.ideas.list();
      expect([idea.submitterEmail, idea.featured, idea.photos.map((p) => p.originalName), idea.source, marathon.ideaId]).toEqual(
        version >= 7 ? ['sam@fixture.example', [{ name: 'Elm Street team', consentStated: true }], ['garden.jpg'], 'storyidea', idea.id] : ['', [], [], 'manual', null],
      );

      if (version >= 2) {
        expect(s.calendar.listBlackouts().map((b) => [b.startDate, b.endDate, b.reason])).toEqual([['2026-07-03', '2026-07-05', 'Quiet period']]);
        expect(posts[1].seriesId).not.toBeNull();
      }
      expect(marathon.channelOffsets).toEqual(version >= 5 ? { [channels[1].id]: 90 } : {});
      if (version >= 3) {
        const batches = s.repos.exports.history();
        expect(batches.map((b) => [b.format, b.items.length])).toEqual([['json', version >= 9 ? 2 : 1]]);
      }
      // people came with version 6; an older workspace gets one owner with every role
      expect(s.people.list().map((p) => [p.name, p.roles])).toEqual(
        version >= 6 ? [['Fixture approver', ['approver']], ['Fixture owner', ['admin', 'planner']]] : [['Workspace owner', ['planner', 'approver', 'contributor', 'admin']]],
      );
      if (version >= 6) s.session.actAs(s.session.resolve('Fixture owner').id);
      expect(s.audit.verify()).toMatchObject({ ok: true, entries: version >= 6 ? 2 : 1 });
      // the migrated workspace takes writes, and the trail goes on from where it was
      const edited = s.posts.update({ id: marathon.id, revision: marathon.revision, notes: 'after migration' });
      expect(edited.revision).toBe(marathon.revision + 1);
      // from version 7 the marathon post was made from the idea, which follows it to scheduled
      expect(s.audit.verify()).toMatchObject({ ok: true, entries: (version >= 6 ? 3 : 2) + (version >= 7 ? 1 : 0) });
      if (version >= 7) expect(s.ideas.list()[0].status).toBe('scheduled');
    } finally {
      ws.close();
    }
  });
});
