// From idea to post: the board's moves, the inbox folder, Make post, the idea following its post,
// the thank-you note and branch coverage.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Idea } from '../../src/shared/domain/ideas';
import { dbFingerprint, demoWorkspaceEachTest } from '../support/workspace';
import { tempDir } from '../e2e/serve';
import { fileOf, jpeg, storyIdea } from '../support/intake';
import { approveThroughReview } from '../support/review';

const workspace = demoWorkspaceEachTest();

describe('the inbox folder', () => {
  it('imports waiting .storyidea files, moves them to processed or rejected (with the reason beside it)', async () => {
    const ws = workspace();
    const inbox = tempDir();
    const photo = (await jpeg(1600, 1200)).toString('base64');
    fs.writeFileSync(path.join(inbox, 'ana.storyidea'), JSON.stringify(storyIdea({ photos: [{ name: 'finish.jpg', type: 'image/jpeg', data: photo, alt: 'Ana at the finish line' }] })));
    fs.writeFileSync(path.join(inbox, 'future.storyidea'), JSON.stringify(storyIdea({ version: 3 })));
    fs.writeFileSync(path.join(inbox, 'notes.txt'), 'not for us');
    ws.services.inbox.set(inbox);
    expect(ws.services.inbox.status()).toEqual({ folder: inbox, waiting: 2 });

    const report = await ws.services.inbox.check();
    expect(report.imported.map((i) => i.title)).toEqual(['Teller Ana ran her first marathon']);
    expect(report.rejected).toEqual([{ file: 'future.storyidea', row: null, reason: expect.stringMatching(/newer story form \(version 3/) }]);
    expect(report.moved).toEqual({ processed: 1, rejected: 1 });
    expect(fs.readdirSync(inbox).sort()).toEqual(['notes.txt', 'processed', 'rejected']);
    expect(fs.readdirSync(path.join(inbox, 'processed'))).toEqual(['ana.storyidea']);
    expect(fs.readFileSync(path.join(inbox, 'rejected', 'future.storyidea.txt'), 'utf8')).toMatch(/Why: made by a newer story form/);

    const idea = ws.services.ideas.list().find((i) => i.source === 'storyidea')!;
    expect(idea.photos).toHaveLength(1);
    expect(idea.photos[0]).toMatchObject({ alt: 'Ana at the finish line', originalName: 'finish.jpg' });
    // the photo is in the media folder, by its hash, with its pixel size recorded
    const record = ws.services.media.list().find((m) => m.path === idea.photos[0].src)!;
    expect(record).toMatchObject({ type: 'image/jpeg', width: 1600, height: 1200 });
    expect(record.usedBy).toEqual([{ kind: 'idea', id: idea.id, title: idea.title }]);

    // the same story dropped in again goes to processed as a duplicate, adding nothing
    fs.copyFileSync(path.join(inbox, 'processed', 'ana.storyidea'), path.join(inbox, 'ana.storyidea'));
    const fingerprint = dbFingerprint(ws.db, [], { exceptAudit: true });
    const again = await ws.services.inbox.check();
    expect(again.duplicates).toHaveLength(1);
    expect(fs.readdirSync(path.join(inbox, 'processed')).sort()).toEqual(['ana (2).storyidea', 'ana.storyidea']);
    expect(dbFingerprint(ws.db, [], { exceptAudit: true })).toBe(fingerprint);
  });

  it('refuses a folder that does not exist, and a check with no folder set', async () => {
    const ws = workspace();
    const before = dbFingerprint(ws.db);
    const missing = await ws.dispatch('intake.setInbox', { folder: '/nowhere/at/all' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'validation', message: expect.stringMatching(/is not a folder/) } });
    const none = await ws.dispatch('intake.checkInbox', {});
    expect(none).toMatchObject({ ok: false, error: { code: 'validation', message: expect.stringMatching(/No inbox folder is set/) } });
    expect(dbFingerprint(ws.db)).toBe(before);
  });
});

describe('from idea to post', () => {
  it('Make post drafts a post linked to the idea; the idea follows it to scheduled and used; the submitter is thanked', async () => {
    const ws = workspace();
    const photo = (await jpeg(800, 600)).toString('base64');
    await ws.services.importer.importFiles([fileOf('ana.storyidea', storyIdea({ photos: [{ name: 'a.jpg', type: 'image/jpeg', data: photo, alt: '' }] }))]);
    let idea = ws.services.ideas.list().find((i) => i.source === 'storyidea')!;
    idea = ws.services.ideas.move(idea.id, idea.revision, 'accepted');

    const { post, idea: after } = ws.services.ideas.makePost(idea.id, idea.revision);
    expect(post).toMatchObject({ ideaId: idea.id, title: idea.title, baseText: idea.story, categoryId: idea.categoryId, status: 'draft', scheduledAt: null });
    expect(post.images).toEqual([{ src: idea.photos[0].src, alt: '', people: ['Ana Ruiz'] }]);
    // the category's usual channels
    expect(post.channelIds.length).toBeGreaterThan(0);
    expect(after.status).toBe('accepted');

    // the image needs alt text before the post can be submitted
    const submit = await ws.dispatch('reviews.submit', { id: post.id, revision: post.revision });
    expect(submit).toMatchObject({ ok: false, error: { code: 'validation', message: expect.stringMatching(/alt text/) } });

    // the release is shown on the idea
    ws.services.releases.record({ person: 'Ana Ruiz', given: true, signedOn: '2027-04-03' });
    expect(ws.services.ideas.get(idea.id).releases).toEqual([{ person: 'Ana Ruiz', consentStated: true, release: expect.objectContaining({ given: true, signedOn: '2027-04-03' }) }]);

    const scheduled = ws.services.posts.update({ id: post.id, revision: post.revision, scheduledAt: '2027-05-12T13:30:00.000Z', images: [{ ...post.images[0], alt: 'Ana crossing the finish line with her arms up' }] });
    expect(ws.services.ideas.get(idea.id).idea.status).toBe('scheduled');
    // unscheduled again, it is back to accepted; scheduled again, scheduled
    const unscheduled = ws.services.posts.move(post.id, null, scheduled.revision);
    expect(ws.services.ideas.get(idea.id).idea.status).toBe('accepted');
    const rescheduled = ws.services.posts.move(post.id, '2027-05-12T13:30:00.000Z', unscheduled.revision);
    expect(ws.services.ideas.get(idea.id).idea.status).toBe('scheduled');

    const note = await ws.services.ideas.thanks(idea.id);
    expect(note.to).toBe('ben@riverside.example');
    expect(note.text).toMatch(/^Hi Ben,/);
    expect(note.text).toMatch(/going out Wednesday, May 12 at 9:30 AM on /);
    expect(note.eml).toMatch(/^X-Unsent: 1\r\nTo: ben@riverside\.example\r\nSubject: Your story is going out on Wednesday, May 12/m);

    const published = approveThroughReview(ws, rescheduled, 'Morgan Lee');
    ws.services.reviews.publish(published.id, published.revision);
    const detail = ws.services.ideas.get(idea.id);
    expect(detail.idea.status).toBe('used');
    expect(detail.posts.map((p) => p.id)).toEqual([post.id]);
    expect(detail.history.map((h) => [h.kind, h.body.to ?? null])).toEqual([
      ['idea.import', null],
      ['idea.move', 'accepted'],
      ['idea.make_post', null],
      ['idea.follow_post', 'scheduled'],
      ['idea.follow_post', 'accepted'],
      ['idea.follow_post', 'scheduled'],
      ['idea.follow_post', 'used'],
    ]);
  });

  it('declining needs a reason; scheduled and used follow the post and are not set by hand', async () => {
    const ws = workspace();
    const idea = ws.services.ideas.list().find((i) => i.status === 'new')!;
    const before = dbFingerprint(ws.db);
    const noReason = await ws.dispatch('ideas.move', { id: idea.id, revision: idea.revision, status: 'declined' });
    expect(noReason).toMatchObject({ ok: false, error: { code: 'validation', message: expect.stringMatching(/say why the idea is declined/) } });
    const byHand = await ws.dispatch('ideas.move', { id: idea.id, revision: idea.revision, status: 'scheduled' });
    expect(byHand).toMatchObject({ ok: false, error: { code: 'validation', message: expect.stringMatching(/use Make post, then schedule the post/) } });
    expect(dbFingerprint(ws.db)).toBe(before);
    const declined = await ws.dispatch('ideas.move', { id: idea.id, revision: idea.revision, status: 'declined', reason: 'We featured this team last month.' });
    expect(declined).toMatchObject({ ok: true, value: { status: 'declined', declineReason: 'We featured this team last month.' } });
  });

  it('branch coverage names the branches that sent nothing this quarter', () => {
    const ws = workspace();
    const today = new Date().toISOString().slice(0, 10);
    const coverage = ws.services.ideas.coverage(today);
    const known = new Set(ws.services.ideas.list().map((i: Idea) => i.branch));
    expect(coverage.branches.map((b) => b.branch).sort()).toEqual([...known].sort());
    for (const branch of coverage.branches) expect(coverage.silent.includes(branch.branch)).toBe(branch.ideas === 0);
    const nextYear = ws.services.ideas.coverage(`${Number(today.slice(0, 4)) + 1}-01-15`);
    expect(nextYear.silent.sort()).toEqual([...known].sort());
  });
});

describe('likeness releases with a scan', () => {
  it('keeps the scanned form by its hash, shows it on the idea, and refuses a scan that is not a PDF or an image', async () => {
    const ws = workspace();
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const recorded = await ws.dispatch('releases.record', { person: 'Grace Lee', given: true, signedOn: '2027-04-03', scan: { name: 'C:\\scans\\grace-release.pdf', dataBase64: pdf.toString('base64') } });
    expect(recorded).toMatchObject({ ok: true, value: { person: 'Grace Lee', scan: { name: 'grace-release.pdf', type: 'application/pdf', path: expect.stringMatching(/^releases\/[0-9a-f]{64}\.pdf$/) } } });
    const scan = await ws.dispatch('releases.scan', { person: 'grace  lee' });
    expect(scan.ok && Buffer.from((scan.value as { dataBase64: string }).dataBase64, 'base64').equals(pdf)).toBe(true);
    const idea = ws.services.ideas.list().find((i) => i.featured.some((f) => f.name === 'Grace Lee'))!;
    expect(ws.services.ideas.get(idea.id).releases.find((r) => r.person === 'Grace Lee')?.release?.scan?.name).toBe('grace-release.pdf');

    const before = dbFingerprint(ws.db);
    const bad = await ws.dispatch('releases.record', { person: 'Tom Reyes', given: true, signedOn: '2027-04-03', scan: { name: 'release.pdf', dataBase64: Buffer.from('MZ not a pdf').toString('base64') } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'validation', message: 'scan: release.pdf is not a PDF or an image (not an image (its bytes are not PNG, JPEG, GIF or WebP))' } });
    expect(dbFingerprint(ws.db)).toBe(before);
    const none = await ws.dispatch('releases.scan', { person: 'Tom Reyes' });
    expect(none).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
