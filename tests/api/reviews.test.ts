// The review workflow through the dispatcher, on a real workspace file: roles checked in the
// services, four-eyes, findings that block, the approved-post lock, exported posts that need a
// confirmation, comments, overrides and sign-offs, all in a hash-chained audit trail.
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiResult } from '../../src/shared/api/contract';
import type { PostReview, Signoff } from '../../src/shared/api/reviews';
import type { AuditEntry, Profile } from '../../src/shared/domain/people';
import type { Channel, Post } from '../../src/shared/domain/schemas';
import { openWorkspace } from '../../src/main/workspace';
import { seedStatus } from '../support/review';
import { dbFingerprint, tempWorkspace } from '../support/workspace';

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));
const ok = <T>(result: ApiResult<unknown>): T => {
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value as T;
};
const refused = (result: ApiResult<unknown>) => {
  if (result.ok) throw new Error(`expected a refusal, got ${JSON.stringify(result.value).slice(0, 200)}`);
  return result.error;
};

/** A bank with a planner (the owner), an approver and a contributor, and one Facebook channel. */
async function setUp() {
  const ws = tempWorkspace();
  cleanups.push(ws.cleanup);
  const owner = ws.services.session.current();
  ok(await ws.dispatch('people.update', { id: owner.id, revision: owner.revision, name: 'Pat Planner', roles: ['planner', 'admin'] }));
  const approver = ok<Profile>(await ws.dispatch('people.create', { name: 'Alice Approver', roles: ['approver'] }));
  const contributor = ok<Profile>(await ws.dispatch('people.create', { name: 'Cody Contributor', roles: ['contributor'] }));
  const fb = ok<Channel>(await ws.dispatch('channels.create', { network: 'facebook', name: 'Facebook' }));
  const x = ok<Channel>(await ws.dispatch('channels.create', { network: 'x', name: 'X' }));
  const as = async (person: Profile | { id: string }) => ok<Profile>(await ws.dispatch('people.select', { id: person.id }));
  const post = async (input: Record<string, unknown> = {}) =>
    ok<Post>(await ws.dispatch('posts.create', { title: 'CD special', baseText: 'Our 12-month CD: 4.50% APY. Rates and terms: https://bank.example/cd Member FDIC.', channelIds: [fb.id], scheduledAt: '2030-01-15T15:00:00.000Z', ...input }));
  return { ws, owner, approver, contributor, fb, x, as, post };
}

describe('review workflow', () => {
  it('takes a post from draft to published, each step by the role it needs, all in the audit trail', async () => {
    const { ws, owner, approver, as, post } = await setUp();
    const draft = await post();
    const submitted = ok<Post>(await ws.dispatch('reviews.submit', { id: draft.id, revision: draft.revision }));
    expect(submitted.status).toBe('in_review');

    // the planner may not approve: a typed refusal naming the role
    const notMine = refused(await ws.dispatch('reviews.approve', { id: draft.id, revision: submitted.revision }));
    expect(notMine).toMatchObject({ code: 'forbidden' });
    expect(notMine.message).toBe('Pat Planner cannot approve posts: that needs the approver role.');

    await as(approver);
    const approved = ok<Post>(await ws.dispatch('reviews.approve', { id: draft.id, revision: submitted.revision }));
    expect(approved.status).toBe('approved');
    // the approver may not edit posts
    expect(refused(await ws.dispatch('posts.update', { id: draft.id, revision: approved.revision, notes: 'x' })).code).toBe('forbidden');

    await as(owner);
    const published = ok<Post>(await ws.dispatch('reviews.publish', { id: draft.id, revision: approved.revision, url: 'https://facebook.com/bank/1' }));
    expect(published.status).toBe('published');

    const history = ok<AuditEntry[]>(await ws.dispatch('reviews.history', { postId: draft.id }));
    expect(history.map((e) => [e.kind, e.actorName])).toEqual([
      ['post.create', 'Pat Planner'],
      ['post.submit', 'Pat Planner'],
      ['post.approve', 'Alice Approver'],
      ['post.publish', 'Pat Planner'],
    ]);
    expect(history[2].body).toMatchObject({ from: 'in_review', to: 'approved', contentHash: history[2].afterHash });
    expect(ok(await ws.dispatch('audit.verify', {}))).toMatchObject({ ok: true });
  });

  it('four-eyes: whoever wrote or submitted a post cannot approve it; switched off, they can', async () => {
    const { ws, owner, as, post } = await setUp();
    ok(await ws.dispatch('people.update', { id: owner.id, revision: ws.services.session.current().revision, roles: ['planner', 'admin', 'approver'] }));
    const draft = await post();
    const submitted = ok<Post>(await ws.dispatch('reviews.submit', { id: draft.id, revision: draft.revision }));
    const own = refused(await ws.dispatch('reviews.approve', { id: draft.id, revision: submitted.revision }));
    expect(own).toMatchObject({ code: 'forbidden' });
    expect(own.message).toContain('four-eyes review is on, so someone else must approve it');
    ok(await ws.dispatch('reviews.setFourEyes', { on: false }));
    await as(owner);
    expect(ok<Post>(await ws.dispatch('reviews.approve', { id: draft.id, revision: submitted.revision })).status).toBe('approved');
  });

  it('a post with an error finding cannot be submitted, one with a blocking compliance finding cannot be approved; the message says what to fix', async () => {
    const { ws, owner, approver, x, as, post } = await setUp();
    const tooLong = await post({ channelIds: [x.id], baseText: `Member FDIC. ${'word '.repeat(80)}` });
    const error = refused(await ws.dispatch('reviews.submit', { id: tooLong.id, revision: tooLong.revision }));
    expect(error.code).toBe('validation');
    expect(error.message).toMatch(/cannot be submitted yet\. Fix first: X: .*over/);

    // a blocking compliance finding lets the post into review, and stops it there
    const rate = await post({ baseText: 'Auto loans as low as 4.99%! Apply today.' });
    const inReview = ok<Post>(await ws.dispatch('reviews.submit', { id: rate.id, revision: rate.revision }));
    await as(approver);
    const blocked = refused(await ws.dispatch('reviews.approve', { id: rate.id, revision: inReview.revision }));
    expect(blocked.message).toContain('cannot be approved yet');
    expect(blocked.message).toContain('A loan rate must be stated as the annual percentage rate (APR)');
    expect(blocked.message).toContain('12 CFR 1026.24(c)');
    expect(ws.services.posts.get(rate.id).status).toBe('in_review');

    // the review names the finding, where it is and its citation
    const review = ok<PostReview>(await ws.dispatch('reviews.get', { id: rate.id }));
    expect(review.compliance).toEqual([expect.objectContaining({ ruleId: 'regz-closed-end-apr', severity: 'blocking', span: { start: 11, end: 20, text: 'as low as' }, override: null })]);

    // an approver's written override lets it through, for this content only
    expect(refused(await ws.dispatch('reviews.override', { postId: rate.id, revision: inReview.revision, ruleId: 'regz-closed-end-apr', channelId: review.compliance[0].channelId, reason: 'short' })).code).toBe('validation');
    const overridden = ok<PostReview>(
      await ws.dispatch('reviews.override', { postId: rate.id, revision: inReview.revision, ruleId: 'regz-closed-end-apr', channelId: review.compliance[0].channelId, reason: 'APR shown in the linked image; compliance agreed on 3 Jan' }),
    );
    expect(overridden.blockers).toEqual([]);
    expect(ok<Post>(await ws.dispatch('reviews.approve', { id: rate.id, revision: inReview.revision })).status).toBe('approved');
    // the override was for that content: an edit sends it back to review with the finding blocking again
    await as(owner);
    const edited = ok<Post>(await ws.dispatch('posts.update', { id: rate.id, revision: ws.services.posts.get(rate.id).revision, baseText: 'Auto loans as low as 4.89%! Apply today.' }));
    expect(edited.status).toBe('in_review');
    expect(ok<PostReview>(await ws.dispatch('reviews.get', { id: rate.id })).compliance[0].override).toBeNull();
    expect(overridden.compliance[0].override).toMatchObject({ by: 'Alice Approver', reason: 'APR shown in the linked image; compliance agreed on 3 Jan' });
  });

  it('requesting changes needs a comment; the planner fixes the post and it can be approved', async () => {
    const { ws, owner, approver, as, post } = await setUp();
    const draft = await post();
    const submitted = ok<Post>(await ws.dispatch('reviews.submit', { id: draft.id, revision: draft.revision }));
    await as(approver);
    expect(refused(await ws.dispatch('reviews.requestChanges', { id: draft.id, revision: submitted.revision, comment: ' ' })).issues[0].path).toBe('comment');
    const sent = ok<Post>(await ws.dispatch('reviews.requestChanges', { id: draft.id, revision: submitted.revision, comment: 'Say when the rate is accurate as of.' }));
    expect(sent.status).toBe('changes_requested');
    await as(owner);
    const fixed = ok<Post>(await ws.dispatch('posts.update', { id: draft.id, revision: sent.revision, baseText: `${draft.baseText} APY accurate as of 1/2/2030.` }));
    const again = ok<Post>(await ws.dispatch('reviews.submit', { id: draft.id, revision: fixed.revision }));
    await as(approver);
    expect(ok<Post>(await ws.dispatch('reviews.approve', { id: draft.id, revision: again.revision })).status).toBe('approved');
    const kinds = ok<AuditEntry[]>(await ws.dispatch('reviews.history', { postId: draft.id })).map((e) => e.kind);
    expect(kinds).toEqual(['post.create', 'post.submit', 'post.request_changes', 'post.update', 'post.submit', 'post.approve']);
  });

  it('an approved post is locked: changing what goes out sends it back to review; a new title or note does not', async () => {
    const { ws, owner, approver, as, post } = await setUp();
    const draft = await post();
    const submitted = ok<Post>(await ws.dispatch('reviews.submit', { id: draft.id, revision: draft.revision }));
    await as(approver);
    const approved = ok<Post>(await ws.dispatch('reviews.approve', { id: draft.id, revision: submitted.revision }));
    await as(owner);
    const renamed = ok<Post>(await ws.dispatch('posts.update', { id: draft.id, revision: approved.revision, title: 'CD special (January)', notes: 'checked' }));
    expect(renamed.status).toBe('approved');
    const moved = ok<Post>(await ws.dispatch('posts.move', { id: draft.id, revision: renamed.revision, scheduledAt: '2030-01-16T15:00:00.000Z' }));
    expect(moved.status).toBe('in_review');
    const entry = ok<AuditEntry[]>(await ws.dispatch('reviews.history', { postId: draft.id })).at(-1)!;
    expect(entry).toMatchObject({ kind: 'post.move', body: { returnedToReview: true, changed: ['scheduledAt', 'status'] } });
    expect(entry.beforeHash).not.toBe(entry.afterHash);
    // and the status cannot be set by hand
    expect(refused(await ws.dispatch('posts.update', { id: draft.id, revision: moved.revision, status: 'approved' })).issues[0]).toMatchObject({ path: 'status' });
    expect(refused(await ws.dispatch('posts.create', { title: 'Sneaky', status: 'approved' })).issues[0]).toMatchObject({ path: 'status' });
  });

  it('an exported post moves only with a confirmation that says the scheduler has it, recorded in the trail', async () => {
    const { ws, post } = await setUp();
    const exported = seedStatus(ws, await post(), 'exported');
    const before = dbFingerprint(ws.db);
    const error = refused(await ws.dispatch('posts.move', { id: exported.id, revision: exported.revision, scheduledAt: '2030-12-25T15:00:00.000Z' }));
    expect(error.code).toBe('confirmation_required');
    expect(error.message).toContain('the scheduler already has it');
    expect(dbFingerprint(ws.db)).toBe(before);
    ok(await ws.dispatch('posts.move', { id: exported.id, revision: exported.revision, scheduledAt: '2030-12-26T15:00:00.000Z', confirmHandedOver: true }));
    const kinds = ok<AuditEntry[]>(await ws.dispatch('reviews.history', { postId: exported.id })).map((e) => e.kind);
    expect(kinds.slice(-2)).toEqual(['post.changed_after_export', 'post.move']);
  });

  it('comments thread by post with author and time; a contributor may comment but not draft', async () => {
    const { ws, contributor, as, post } = await setUp();
    const draft = await post();
    const first = ok<AuditEntry>(await ws.dispatch('reviews.comment', { postId: draft.id, text: 'Can we add a photo of the branch?' }));
    await as(contributor);
    const reply = ok<AuditEntry>(await ws.dispatch('reviews.comment', { postId: draft.id, text: 'I can take one on Friday.', replyTo: first.id }));
    expect(reply).toMatchObject({ kind: 'post.comment', actorName: 'Cody Contributor', body: { replyTo: first.id, text: 'I can take one on Friday.' } });
    expect(refused(await ws.dispatch('posts.create', { title: 'Mine' })).message).toBe('Cody Contributor cannot create posts: that needs the planner role.');
  });

  it('a refused action changes nothing, audit trail included', async () => {
    const { ws, contributor, as, post } = await setUp();
    const draft = await post();
    await as(contributor);
    const before = dbFingerprint(ws.db);
    for (const [name, input] of [
      ['reviews.approve', { id: draft.id, revision: draft.revision }],
      ['reviews.submit', { id: draft.id, revision: draft.revision }],
      ['posts.delete', { id: draft.id }],
      ['people.create', { name: 'Mallory', roles: ['admin'] }],
      ['compliance.save', { institution: 'credit_union', rules: [] }],
      ['policy.publish', { text: 'A policy nobody approved of, written by a contributor.' }],
      ['signoffs.create', { from: '2030-01-01', to: '2030-01-31', label: 'January' }],
    ] as const) {
      expect(refused(await ws.dispatch(name, input)).code, name).toBe('forbidden');
    }
    expect(dbFingerprint(ws.db)).toBe(before);
  });
});

describe('likeness releases', () => {
  it('an image that shows a person without a signed release cannot be approved, and the reason says who', async () => {
    const { ws, approver, as, post } = await setUp();
    const photo = await post({ title: 'Maria ran a marathon', baseText: 'Congratulations to Maria on her first marathon!', images: [{ src: 'https://bank.example/maria.jpg', alt: 'Maria at the finish', people: ['Maria Lopez'] }] });
    const submitted = ok<Post>(await ws.dispatch('reviews.submit', { id: photo.id, revision: photo.revision }));
    await as(approver);
    const refusedApproval = refused(await ws.dispatch('reviews.approve', { id: photo.id, revision: submitted.revision }));
    expect(refusedApproval.message).toContain('Image 1 shows Maria Lopez: no likeness release is recorded for them.');
    // an approver is not the one who records releases
    expect(refused(await ws.dispatch('releases.record', { person: 'maria  lopez', given: true, signedOn: '2030-01-02' })).code).toBe('forbidden');
    await as(ws.services.session.resolve('Pat Planner'));
    ok(await ws.dispatch('releases.record', { person: 'maria  lopez', given: false, signedOn: '2030-01-02', note: 'declined' }));
    await as(approver);
    expect(refused(await ws.dispatch('reviews.approve', { id: photo.id, revision: submitted.revision })).message).toContain('who did not give a likeness release');
    await as(ws.services.session.resolve('Pat Planner'));
    const release = ok<{ person: string; given: boolean; recordedBy: string }>(await ws.dispatch('releases.record', { person: 'Maria Lopez', given: true, signedOn: '2030-01-03' }));
    expect(release).toMatchObject({ person: 'Maria Lopez', given: true, recordedBy: 'Pat Planner' });
    await as(approver);
    expect(ok<Post>(await ws.dispatch('reviews.approve', { id: photo.id, revision: submitted.revision })).status).toBe('approved');
  });
});

describe('social-media policy', () => {
  it('must be accepted before drafting or approving; a new version asks again', async () => {
    const { ws, owner, approver, as, post } = await setUp();
    const published = ok<{ version: number }>(await ws.dispatch('policy.publish', { text: 'Never post customer information. Every post is approved before it goes out.' }));
    expect(published.version).toBe(1);
    const blocked = refused(await ws.dispatch('posts.create', { title: 'Before reading' }));
    expect(blocked).toMatchObject({ code: 'forbidden' });
    expect(blocked.message).toContain('read and accept the social-media policy (version 1) first');
    ok(await ws.dispatch('policy.accept', { version: 1 }));
    const draft = await post();
    const submitted = ok<Post>(await ws.dispatch('reviews.submit', { id: draft.id, revision: draft.revision }));
    await as(approver);
    expect(refused(await ws.dispatch('reviews.approve', { id: draft.id, revision: submitted.revision })).message).toContain('policy (version 1)');
    ok(await ws.dispatch('policy.accept', { version: 1 }));
    ok(await ws.dispatch('reviews.approve', { id: draft.id, revision: submitted.revision }));
    await as(owner);
    ok(await ws.dispatch('policy.publish', { text: 'Version two: also never post a rate that is not on the rate sheet.' }));
    expect(refused(await ws.dispatch('posts.create', { title: 'After v2' })).message).toContain('version 2');
    const session = ok<{ policyToAccept: { version: number } | null }>(await ws.dispatch('people.session', {}));
    expect(session.policyToAccept?.version).toBe(2);
    // accepting a version that is no longer current is a conflict
    expect(refused(await ws.dispatch('policy.accept', { version: 1 })).code).toBe('conflict');
    const kinds = ok<AuditEntry[]>(await ws.dispatch('audit.list', { kinds: ['policy.publish', 'policy.ack'] })).map((e) => `${e.kind}:${e.body.version}:${e.actorName}`);
    expect(kinds.reverse()).toEqual(['policy.publish:1:Pat Planner', 'policy.ack:1:Pat Planner', 'policy.ack:1:Alice Approver', 'policy.publish:2:Pat Planner']);
  });
});

describe('calendar sign-off', () => {
  it('records the month and its posts; a later change marks it stale and says what changed', async () => {
    const { ws, owner, approver, as, post } = await setUp();
    const a = await post({ title: 'A' });
    const b = await post({ title: 'B', scheduledAt: '2030-01-20T15:00:00.000Z' });
    const january = { from: '2030-01-01', to: '2030-01-31', label: 'January 2030' };
    await as(approver);
    const pending = refused(await ws.dispatch('signoffs.create', january));
    expect(pending.message).toBe('2 of 2 posts in January 2030 are not approved yet: "A" (draft), "B" (draft).');
    await as(owner);
    for (const p of [a, b]) ok(await ws.dispatch('reviews.submit', { id: p.id, revision: ws.services.posts.get(p.id).revision }));
    await as(approver);
    for (const p of [a, b]) ok(await ws.dispatch('reviews.approve', { id: p.id, revision: ws.services.posts.get(p.id).revision }));
    const signed = ok<Signoff>(await ws.dispatch('signoffs.create', january));
    expect(signed).toMatchObject({ label: 'January 2030', by: 'Alice Approver', stale: false, changes: [] });
    expect(signed.posts.map((p) => p.title)).toEqual(['A', 'B']);

    await as(owner);
    ok(await ws.dispatch('posts.update', { id: a.id, revision: ws.services.posts.get(a.id).revision, baseText: 'Edited after sign-off. Member FDIC.' }));
    ok(await ws.dispatch('posts.move', { id: b.id, revision: ws.services.posts.get(b.id).revision, scheduledAt: '2030-01-21T15:00:00.000Z' }));
    const added = await post({ title: 'C', scheduledAt: '2030-01-25T15:00:00.000Z' });
    const [now] = ok<Signoff[]>(await ws.dispatch('signoffs.list', { from: '2030-01-01', to: '2030-01-31' }));
    expect(now.stale).toBe(true);
    expect(now.changes).toEqual([
      { postId: a.id, title: 'A', change: 'edited' },
      { postId: b.id, title: 'B', change: 'moved' },
      { postId: added.id, title: 'C', change: 'added' },
    ]);
    ok(await ws.dispatch('posts.delete', { id: added.id }));
    ok(await ws.dispatch('posts.delete', { id: b.id }));
    const [later] = ok<Signoff[]>(await ws.dispatch('signoffs.list', {}));
    expect(later.changes.map((c) => `${c.title}:${c.change}`)).toEqual(['A:edited', 'B:removed']);
  });
});

describe('audit trail', () => {
  it('verifies, and names the first entry that was altered, deleted or cut off directly in SQLite', async () => {
    const { ws, post } = await setUp();
    for (let i = 0; i < 3; i++) await post({ title: `Post ${i}` });
    const good = ok<{ ok: boolean; entries: number }>(await ws.dispatch('audit.verify', {}));
    expect(good).toMatchObject({ ok: true });
    const entries = ws.services.audit.list({ limit: 100 }).reverse();
    const target = entries[4];

    const raw = new Database(ws.dbPath);
    cleanups.unshift(() => raw.close());
    // the table refuses updates and young deletes by itself...
    expect(() => raw.prepare('UPDATE audit_log SET actor_name = ? WHERE seq = ?').run('Mallory', target.seq)).toThrow(/append-only/);
    expect(() => raw.prepare('DELETE FROM audit_log WHERE seq = ?').run(target.seq)).toThrow(/retention period/);
    // ...and when someone drops the guard, the chain gives them away
    raw.exec('DROP TRIGGER audit_log_append_only');
    raw.prepare('UPDATE audit_log SET actor_name = ? WHERE seq = ?').run('Mallory', target.seq);
    const altered = ok<{ ok: false; broken: { seq: number; reason: string } }>(await ws.dispatch('audit.verify', {}));
    expect(altered).toMatchObject({ ok: false, broken: { seq: target.seq, reason: 'its content does not match its hash: the row was altered' } });
    raw.prepare('UPDATE audit_log SET actor_name = ? WHERE seq = ?').run(target.actorName, target.seq);
    expect(ok<{ ok: boolean }>(await ws.dispatch('audit.verify', {})).ok).toBe(true);

    raw.exec('DROP TRIGGER audit_log_retention');
    raw.prepare('DELETE FROM audit_log WHERE seq = ?').run(target.seq);
    const deleted = ok<{ ok: false; broken: { seq: number; reason: string } }>(await ws.dispatch('audit.verify', {}));
    expect(deleted.broken).toMatchObject({ seq: entries[5].seq, reason: `it does not follow entry ${entries[3].seq}: an entry between them was deleted or altered` });
  });

  it('exports the whole trail as CSV and JSON that parse back to the same entries', async () => {
    const { ws, post } = await setUp();
    await post();
    const json = ok<{ name: string; content: string }>(await ws.dispatch('audit.export', { format: 'json' }));
    const parsed = JSON.parse(json.content) as { entries: AuditEntry[] };
    expect(parsed.entries.map((e) => e.hash)).toEqual(ws.services.audit.list({ limit: 1000 }).reverse().map((e) => e.hash));
    const csv = ok<{ name: string; content: string }>(await ws.dispatch('audit.export', { format: 'csv' }));
    const { parse } = await import('csv-parse/sync');
    const rows = parse(csv.content, { bom: true, columns: true }) as Array<Record<string, string>>;
    expect(rows.map((r) => r.hash)).toEqual(parsed.entries.map((e) => e.hash));
    expect(JSON.parse(rows.at(-1)!.body)).toEqual(parsed.entries.at(-1)!.body);
    expect(csv.name).toMatch(/^storybank-audit-\d{4}-\d{2}-\d{2}\.csv$/);
  });

  it('keeps entries for the retention period: at least two years, three by default', async () => {
    const { ws } = await setUp();
    expect(ok(await ws.dispatch('audit.settings', {}))).toEqual({ retentionYears: 3 });
    expect(refused(await ws.dispatch('audit.setRetention', { years: 1 })).issues[0].path).toBe('years');
    expect(ok(await ws.dispatch('audit.setRetention', { years: 5 }))).toEqual({ retentionYears: 5 });
  });

  it('a second process writing at the same time keeps one unbroken chain', async () => {
    const { ws, post } = await setUp();
    const other = openWorkspace({ dbPath: ws.dbPath, actAs: ws.services.session.current().id });
    cleanups.unshift(() => other.close());
    for (let i = 0; i < 10; i++) {
      await post({ title: `here ${i}` });
      ok(await other.dispatch('posts.create', { title: `there ${i}`, baseText: 'Hello' }));
    }
    expect(ws.services.audit.verify()).toMatchObject({ ok: true });
  });
});

describe('what blocks a submission', () => {
  it('names the channel of a broken network rule once ("X: 300 / 280 …", not "X: X: …")', async () => {
    const { ws, x, post } = await setUp();
    const long = await post({ baseText: 'a'.repeat(300), channelIds: [x.id] });
    const review = ok<PostReview>(await ws.dispatch('reviews.get', { id: long.id }));
    expect(review.submitBlockers.length).toBeGreaterThan(0);
    for (const blocker of review.submitBlockers) expect(blocker.startsWith('X: X:')).toBe(false);
    expect(review.submitBlockers).toContain('X: 300 of 280 weighted characters, 20 over the limit. Shorten the text; Storybank never cuts it for you.');
  });
});
