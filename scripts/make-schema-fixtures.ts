// Writes tests/fixtures/schema/v<N>.sqlite: a small workspace as schema version N stored it, with
// the rows that version had. Run once per released schema version (`npx tsx scripts/make-schema-fixtures.ts`);
// the files are committed and never regenerated for old versions, so migrations are tested
// against what those versions really wrote.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { MIGRATIONS } from '../src/main/db/migrations';
import { STORYBANK_APPLICATION_ID } from '../src/main/db/connection';
import { GENESIS_HASH, entryHash } from '../src/main/services/review/audit';

const OUT = path.join(__dirname, '..', 'tests', 'fixtures', 'schema');
const T = '2026-05-01T12:00:00.000Z';
const ID = {
  fb: '11111111-1111-4111-8111-111111111111',
  li: '22222222-2222-4222-8222-222222222222',
  people: '33333333-3333-4333-8333-333333333333',
  tips: '44444444-4444-4444-8444-444444444444',
  marathon: '55555555-5555-4555-8555-555555555555',
  budget: '66666666-6666-4666-8666-666666666666',
  idea: '77777777-7777-4777-8777-777777777777',
  blackout: '88888888-8888-4888-8888-888888888888',
  series: '99999999-9999-4999-8999-999999999999',
  batch: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa',
  owner: 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb',
  approver: 'cccccccc-cccc-4ccc-8ccc-cccccccccccc',
  audit1: 'dddddddd-dddd-4ddd-8ddd-dddddddddddd',
  audit2: 'eeeeeeee-eeee-4eee-8eee-eeeeeeeeeeee',
};

function write(version: number): void {
  const file = path.join(OUT, `v${version}.sqlite`);
  fs.rmSync(file, { force: true });
  const db = new Database(file);
  for (const m of MIGRATIONS.filter((m) => m.version <= version)) {
    db.exec(m.sql);
    db.pragma(`user_version = ${m.version}`);
  }
  const run = (sql: string, ...params: unknown[]) => db.prepare(sql).run(...params);
  run("INSERT INTO settings (key, value) VALUES ('workspace.name', 'Fixture Savings Bank'), ('workspace.timezone', 'America/Chicago')");
  run('INSERT INTO channels (id, network, name, handle, color, timezone, slots, max_length, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ID.fb, 'facebook', 'Fixture on Facebook', '@fixture', '#1877f2', null, JSON.stringify([{ weekday: 2, time: '09:30' }]), null, T, T);
  run('INSERT INTO channels (id, network, name, handle, color, timezone, slots, max_length, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ID.li, 'linkedin', 'Fixture on LinkedIn', '', '#0a66c2', 'America/New_York', '[]', null, T, T);
  run('INSERT INTO categories (id, name, color, description, target_share, is_promotional, sort_order, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ID.people, 'Employee highlights', '#2f9e44', 'Our people', 0.6, 0, 1, T, T);
  run('INSERT INTO categories (id, name, color, description, target_share, is_promotional, max_per_week, sort_order, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ID.tips, 'Financial tips', '#7048e8', '', 0.4, 0, 2, 2, T, T);
  const post = (id: string, title: string, text: string, category: string, at: string | null, status: string) =>
    run('INSERT INTO posts (id, title, base_text, category_id, scheduled_at, timezone, images, link, notes, status, placeholder, series_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      id, title, text, category, at, 'America/Chicago', JSON.stringify([{ src: 'media/team.jpg', alt: 'Our team' }]), null, '', status, 0, version >= 2 && id === ID.budget ? ID.series : null, T, T);
  post(ID.marathon, 'Maria runs a marathon', 'Congratulations to Maria, our teller, on her first marathon!', ID.people, '2026-06-02T14:30:00.000Z', 'approved');
  post(ID.budget, 'Tip: the 50/30/20 budget', 'Try the 50/30/20 rule this month.', ID.tips, null, 'draft');
  run('INSERT INTO post_channels (post_id, channel_id, text_override, position) VALUES (?, ?, ?, ?)', ID.marathon, ID.fb, null, 0);
  run('INSERT INTO post_channels (post_id, channel_id, text_override, position) VALUES (?, ?, ?, ?)', ID.marathon, ID.li, 'Maria ran her first marathon.', 1);
  run('INSERT INTO ideas (id, title, story, submitted_by, branch, category_id, status, earliest, latest, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ID.idea, 'Branch garden', 'The Elm Street team planted a garden.', 'Sam', 'Elm Street', ID.people, 'accepted', null, '2026-09-30', T, T);
  if (version >= 2) {
    run('INSERT INTO blackouts (id, start_date, end_date, reason, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)', ID.blackout, '2026-07-03', '2026-07-05', 'Quiet period', T, T);
    run('INSERT INTO series (id, title, rule, description, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)', ID.series, 'Tip Tuesday', JSON.stringify({ freq: 'weekly' }), 'Weekly on Tuesday', T, T);
    run("UPDATE posts SET issues = ? WHERE id = ?", JSON.stringify([{ channelId: null, severity: 'warning', code: 'closure', message: 'x' }]), ID.marathon);
  }
  if (version >= 3) {
    run('INSERT INTO export_batches (id, format, options, files, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)', ID.batch, 'json', '{}', JSON.stringify([{ name: 'posts.json', path: '/tmp/posts.json', rows: 2 }]), T, T);
    run('INSERT INTO export_items (batch_id, post_id, channel_id, content_hash) VALUES (?, ?, ?, ?)', ID.batch, ID.marathon, ID.fb, 'sha256:abc');
  }
  if (version >= 4) db.pragma(`application_id = ${STORYBANK_APPLICATION_ID}`);
  // LinkedIn publishes the marathon post 90 minutes after Facebook
  if (version >= 5) run('UPDATE post_channels SET offset_minutes = 90 WHERE post_id = ? AND channel_id = ?', ID.marathon, ID.li);
  // Two people and the first entries of the audit trail, chained as version 6 wrote them
  if (version >= 6) {
    run('INSERT INTO profiles (id, name, roles, created_at, updated_at) VALUES (?, ?, ?, ?, ?)', ID.owner, 'Fixture owner', JSON.stringify(['admin', 'planner']), T, T);
    run('INSERT INTO profiles (id, name, roles, created_at, updated_at) VALUES (?, ?, ?, ?, ?)', ID.approver, 'Fixture approver', JSON.stringify(['approver']), T, T);
    let prevHash = GENESIS_HASH;
    const entries = [
      { id: ID.audit1, kind: 'profile.create', subjectType: 'profile', subjectId: ID.approver, body: { name: 'Fixture approver', roles: ['approver'] } },
      { id: ID.audit2, kind: 'post.approve', subjectType: 'post', subjectId: ID.marathon, body: { title: 'Maria runs a marathon', from: 'in_review', to: 'approved' } },
    ];
    entries.forEach((e, i) => {
      const entry = { ...e, actorId: i === 0 ? ID.owner : ID.approver, actorName: i === 0 ? 'Fixture owner' : 'Fixture approver', at: T, beforeHash: null, afterHash: null, prevHash };
      const hash = entryHash(entry);
      run(
        'INSERT INTO audit_log (id, kind, actor_id, actor_name, at, subject_type, subject_id, before_hash, after_hash, body, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        entry.id, entry.kind, entry.actorId, entry.actorName, T, entry.subjectType, entry.subjectId, null, null, JSON.stringify(entry.body), prevHash, hash,
      );
      run("INSERT INTO settings (key, value) VALUES ('audit.head', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value", `${i + 1}:${hash}`);
      prevHash = hash;
    });
  }
  // Story intake: who sent the idea, whom it features, its photo; the marathon post was made from it
  if (version >= 7) {
    run("UPDATE ideas SET submitter_email = 'sam@fixture.example', featured = ?, photos = ?, notes = 'From the spring newsletter', source = 'storyidea', source_hash = ? WHERE id = ?",
      JSON.stringify([{ name: 'Elm Street team', consentStated: true }]), JSON.stringify([{ src: `media/${'a'.repeat(64)}.jpg`, alt: 'The garden', originalName: 'garden.jpg' }]), 'b'.repeat(64), ID.idea);
    run('UPDATE posts SET idea_id = ? WHERE id = ?', ID.idea, ID.marathon);
  }
  // Team workspace: capture on, the marathon post sent as revision 1, the budget tip waiting
  if (version >= 8) {
    run("INSERT INTO team_state (key, value) VALUES ('capture', 'on'), ('server', 'http://127.0.0.1:5984'), ('database', 'fixture-savings-bank'), ('user', 'pat')");
    run("INSERT INTO team_docs (doc_id, rev, body_hash, state, message, updated_at) VALUES (?, '1-0123456789abcdef0123456789abcdef', ?, 'synced', '', ?)", `post:${ID.marathon}`, 'c'.repeat(64), T);
    run('UPDATE posts SET notes = notes WHERE id = ?', ID.budget);
  }
  // Export parts: the marathon post went out on LinkedIn with its parts recorded
  if (version >= 9) {
    run('INSERT INTO export_items (batch_id, post_id, channel_id, content_hash, parts) VALUES (?, ?, ?, ?, ?)', ID.batch, ID.marathon, ID.li, 'sha256:def',
      JSON.stringify({ text: '0123456789abcdef', images: '0123456789abcdef', link: '0123456789abcdef', time: '2026-05-02T15:00:00.000Z' }));
  }
  db.close();
}

const versions = process.argv.slice(2).map(Number);
for (const version of versions.length ? versions : MIGRATIONS.map((m) => m.version)) write(version);
