// Random and malformed input at every API operation: each answer is a value or a typed error
// (never `internal`), the process stays up, and a refused call leaves the database unchanged.
import fc from 'fast-check';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { OPERATION_NAMES, type OperationName } from '../../src/shared/api/contract';
import { dbFingerprint, tempWorkspace } from '../support/workspace';
import { tempDir } from '../e2e/serve';

const ws = tempWorkspace({ demo: true });
const outDir = tempDir();
afterAll(() => ws.cleanup());

const channel = ws.services.channels.list()[0];
const post = ws.services.posts.list({})[0];
const idea = ws.services.ideas.list()[0];

/** A valid input per operation: the fuzzer bends these. */
const SEEDS: Record<OperationName, Record<string, unknown>> = {
  'workspace.get': {},
  'workspace.update': { name: 'Fuzz Bank', timezone: 'America/Chicago' },
  'channels.list': {},
  'channels.create': { network: 'bluesky', name: 'Fuzz channel', slots: [{ weekday: 2, time: '10:00' }] },
  'channels.update': { id: channel.id, revision: channel.revision, handle: '@fuzz' },
  'channels.delete': { id: '00000000-0000-4000-8000-000000000000' },
  'categories.list': {},
  'categories.save': { categories: ws.services.categories.list().map(({ id, revision, name, color, targetShare }) => ({ id, revision, name, color, targetShare })) },
  'posts.list': { from: '2026-01-01T00:00:00.000Z', to: '2026-02-01T00:00:00.000Z', channelIds: [channel.id], text: 'tip' },
  'posts.get': { id: post.id },
  'posts.create': { title: 'Fuzz post', baseText: 'Hello', channelIds: [channel.id], scheduledAt: '2027-06-01T14:00:00.000Z' },
  'posts.update': { id: post.id, revision: post.revision, notes: 'fuzz' },
  'posts.move': { id: post.id, revision: post.revision, scheduledAt: '2027-06-02T14:00:00.000Z' },
  'posts.duplicate': { id: post.id },
  'posts.delete': { id: '00000000-0000-4000-8000-000000000000' },
  'posts.restore': { post },
  'calendar.overlay': { from: '2027-01-01', to: '2027-01-31' },
  'blackouts.list': {},
  'blackouts.create': { startDate: '2027-07-01', endDate: '2027-07-02', reason: 'fuzz' },
  'blackouts.delete': { id: '00000000-0000-4000-8000-000000000000' },
  'observances.list': {},
  'observances.save': { observances: ws.services.calendar.listObservances() },
  'ideas.list': { statuses: ['new'] },
  'ideas.create': { title: 'Fuzz idea', earliest: '2027-01-01', latest: '2027-02-01' },
  'ideas.update': { id: idea.id, revision: idea.revision, status: 'accepted' },
  'ideas.get': { id: idea.id },
  'ideas.move': { id: idea.id, revision: idea.revision, status: 'declined', reason: 'not this quarter' },
  'ideas.makePost': { id: idea.id, revision: idea.revision },
  'ideas.thanks': { id: idea.id },
  'ideas.coverage': { on: '2027-05-01' },
  'ideas.import': { files: [{ name: 'story.storyidea', dataBase64: Buffer.from('{"format":"storybank.storyidea","version":1}').toString('base64') }], dryRun: true },
  'ideas.previewForm': { file: { name: 'form.csv', dataBase64: Buffer.from('Name,Title,Story\nAna,Run,She ran').toString('base64') } },
  'intake.inbox': {},
  'intake.setInbox': { folder: outDir },
  'intake.checkInbox': {},
  'intake.formSettings': {},
  'intake.saveFormSettings': { color: '#1f6f8b', sendHint: 'Mail it to us' },
  'intake.form': {},
  'planning.preview': { from: '2027-03-01', to: '2027-03-07' },
  'planning.apply': { from: '2027-03-01', to: '2027-03-03', channelId: channel.id },
  'planning.undo': { batchId: '00000000-0000-4000-8000-000000000000' },
  'mix.report': { from: '2026-01-01', to: '2026-03-31', granularity: 'week' },
  'series.create': { post: { title: 'Fuzz series' }, rule: { startDate: '2027-08-03', time: '09:00', timezone: 'America/New_York', freq: 'weekly', interval: 1, count: 3 } },
  'export.preview': { format: 'csv', from: '2026-01-01', to: '2026-12-31', outputDir: path.join(outDir, 'preview') },
  'export.run': { format: 'json', from: '2026-01-01', to: '2026-12-31', outputDir: path.join(outDir, 'run') },
  'export.batches': {},
  'export.changed': {},
  'media.preview': { path: 'media/missing.png', size: 'thumb' },
  'media.add': { name: 'pixel.png', dataBase64: 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==' },
  'media.list': {},
  'team.status': {},
  // port 9 is one fetch never connects to: every join fails at once, without a network
  'team.join': { server: 'http://127.0.0.1:9', workspace: 'Fuzz Bank', user: 'pat', password: 'secret' },
  'team.sync': {},
  'team.conflict': { docId: `post:${post.id}` },
  'team.resolve': { docId: `post:${post.id}`, keep: '1-0123456789abcdef0123456789abcdef' },
  'team.revert': { docId: `post:${post.id}` },
  'backups.list': {},
  'onboarding.get': {},
  'onboarding.loadDemo': {},
  'backups.create': {},
  'backups.setPolicy': { keepDaily: 7, keepWeekly: 4 },
  'backups.restore': { name: 'auto-2026-01-01T00-00-00-000Z.sqlite' },
  'jobs.progress': { jobId: '00000000-0000-4000-8000-000000000000' },
  'jobs.cancel': { jobId: '00000000-0000-4000-8000-000000000000' },
  'people.session': {},
  'people.list': {},
  'people.select': { id: ws.services.session.current().id },
  'people.create': { name: 'Fuzz Person', roles: ['contributor'] },
  'people.update': { id: ws.services.session.current().id, revision: ws.services.session.current().revision, name: 'Jordan K.' },
  'policy.get': {},
  'policy.publish': { text: 'Fuzz policy: be kind and accurate, always.' },
  'policy.accept': { version: 1 },
  'reviews.get': { id: post.id },
  'reviews.submit': { id: post.id, revision: post.revision },
  'reviews.approve': { id: post.id, revision: post.revision },
  'reviews.requestChanges': { id: post.id, revision: post.revision, comment: 'Please add the APY.' },
  'reviews.publish': { id: post.id, revision: post.revision, url: 'https://facebook.com/riverside/posts/1' },
  'reviews.archive': { id: '00000000-0000-4000-8000-000000000000', revision: 1 },
  'reviews.reopen': { id: post.id, revision: post.revision },
  'reviews.comment': { postId: post.id, text: 'Looks good' },
  'reviews.override': { postId: post.id, revision: post.revision, ruleId: 'fdic-statement', channelId: channel.id, reason: 'Reviewed by compliance on Monday' },
  'reviews.history': { postId: post.id },
  'reviews.setFourEyes': { on: true },
  'signoffs.create': { from: '2027-01-01', to: '2027-01-31', label: 'January 2027' },
  'signoffs.list': { from: '2027-01-01', to: '2027-01-31' },
  'releases.list': {},
  'releases.record': { person: 'Maria Lopez', given: true, signedOn: '2027-01-02', note: 'on file' },
  'releases.scan': { person: 'Ana Ruiz' },
  'packet.create': { month: '2027-01' },
  'audit.list': { limit: 20, kinds: ['post.update'] },
  'audit.verify': {},
  'audit.export': { format: 'json' },
  'audit.settings': {},
  'audit.setRetention': { years: 5 },
  'compliance.get': {},
  'compliance.save': { institution: 'bank', rules: ws.services.compliance.settings().rules.slice(0, 3) },
  'compliance.check': { text: 'Auto loans as low as 4.99%!', channelId: channel.id },
};

// Values that break schemas and the code behind them: wrong types, extremes, odd strings.
const nasty = fc.oneof(
  fc.anything({ maxDepth: 2 }),
  fc.constantFrom('', ' ', '\u0000', '../../etc/passwd', '%zz', '9999-12-31', '0000-00-00', '2026-02-30', '2026-03-08T07:30:00.000Z', 'NaN', '-1', '1e309', '00000000-0000-4000-8000-000000000000', '😀'.repeat(50), 'a'.repeat(5000)),
  fc.constantFrom(-1, 0, 1.5, Number.MAX_SAFE_INTEGER, -0, 1e21),
  fc.array(fc.uuid(), { maxLength: 5 }),
);

/** One of: replace a field, drop a field, add an unknown one, nest garbage, or send a non-object. */
const bent = (seed: Record<string, unknown>) =>
  fc.oneof(
    fc.tuple(fc.constantFrom(...(Object.keys(seed).length ? Object.keys(seed) : ['x'])), nasty).map(([key, value]) => ({ ...seed, [key]: value })),
    fc.constantFrom(...(Object.keys(seed).length ? Object.keys(seed) : ['x'])).map((key) => {
      const copy = { ...seed };
      delete copy[key];
      return copy;
    }),
    nasty.map((value) => ({ ...seed, unexpected: value })),
    nasty,
  );

describe('every API operation under random and malformed input', () => {
  it.each(OPERATION_NAMES)('%s: typed answers only, unchanged database on refusal', async (name) => {
    const logged: string[] = [];
    await fc.assert(
      fc.asyncProperty(bent(SEEDS[name]), async (input) => {
        const before = dbFingerprint(ws.db);
        const result = await ws.dispatch(name, input);
        if (!result.ok) {
          if (result.error.code === 'internal') logged.push(JSON.stringify(input).slice(0, 300));
          expect(result.error.code).not.toBe('internal');
          expect(dbFingerprint(ws.db)).toBe(before);
        }
      }),
      { numRuns: 60 },
    );
    expect(logged).toEqual([]);
    expect(ws.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});
