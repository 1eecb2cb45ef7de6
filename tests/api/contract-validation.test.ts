import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPERATION_NAMES, type ApiResult, type OperationName } from '../../src/shared/api/contract';
import { dbFingerprint, tempWorkspace } from '../support/workspace';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

// One clearly bad input per operation, with the field the error must name.
const BAD_INPUTS: Record<OperationName, { input: unknown; path: string }> = {
  'workspace.get': { input: 'not an object', path: '(input)' },
  'workspace.update': { input: { timezone: 'Mars/Olympus_Mons' }, path: 'timezone' },
  'channels.list': { input: 42, path: '(input)' },
  'channels.create': { input: { network: 'myspace', name: 'Old' }, path: 'network' },
  'channels.update': { input: { id: 'nope' }, path: 'id' },
  'channels.delete': { input: { id: 7 }, path: 'id' },
  'categories.list': { input: [], path: '(input)' },
  'categories.save': { input: { categories: [{ name: 'Stories', color: 'teal', targetShare: 1 }] }, path: 'categories[0].color' },
  'posts.list': { input: { from: 'yesterday' }, path: 'from' },
  'posts.get': { input: {}, path: 'id' },
  'posts.create': { input: { title: '' }, path: 'title' },
  'posts.update': { input: { id: UNKNOWN_ID, scheduledAt: '2026-13-45T99:00:00Z' }, path: 'scheduledAt' },
  'posts.move': { input: { id: UNKNOWN_ID, scheduledAt: '2026-03-08 02:30' }, path: 'scheduledAt' },
  'posts.duplicate': { input: { id: null }, path: 'id' },
  'posts.delete': { input: { id: 'x' }, path: 'id' },
  'posts.restore': { input: { post: { id: UNKNOWN_ID } }, path: 'post.title' },
  'calendar.overlay': { input: { from: '2026-02-30', to: '2026-03-01' }, path: 'from' },
  'blackouts.list': { input: 5, path: '(input)' },
  'blackouts.create': { input: { startDate: '2026-03-01', endDate: 'soon' }, path: 'endDate' },
  'blackouts.delete': { input: { id: '' }, path: 'id' },
  'observances.list': { input: 'all', path: '(input)' },
  'observances.save': { input: { observances: [{ id: 'Bad Id', name: 'x', kind: 'day', rule: { type: 'month', month: 1 } }] }, path: 'observances[0].id' },
  'ideas.list': { input: { statuses: ['maybe'] }, path: 'statuses[0]' },
  'ideas.create': { input: { title: '   ' }, path: 'title' },
  'ideas.update': { input: { id: UNKNOWN_ID, latest: '31/12/2027' }, path: 'latest' },
  'ideas.get': { input: { id: 'idea-1' }, path: 'id' },
  'ideas.move': { input: { id: UNKNOWN_ID, revision: 1, status: 'maybe' }, path: 'status' },
  'ideas.makePost': { input: { id: UNKNOWN_ID, revision: 0 }, path: 'revision' },
  'ideas.thanks': { input: { id: 12 }, path: 'id' },
  'ideas.coverage': { input: { on: 'this quarter' }, path: 'on' },
  'ideas.import': { input: { files: [] }, path: 'files' },
  'ideas.previewForm': { input: { file: { name: '', dataBase64: '' } }, path: 'file.name' },
  'intake.inbox': { input: 'inbox', path: '(input)' },
  'intake.setInbox': { input: { folder: 42 }, path: 'folder' },
  'intake.checkInbox': { input: [], path: '(input)' },
  'intake.formSettings': { input: 1, path: '(input)' },
  'intake.saveFormSettings': { input: { color: 'teal' }, path: 'color' },
  'intake.form': { input: 'form', path: '(input)' },
  'planning.preview': { input: { from: '2027-01-01', to: '2027-13-01' }, path: 'to' },
  'planning.apply': { input: { from: '2027-01-01', to: '2027-02-01', channelId: 'fb' }, path: 'channelId' },
  'planning.undo': { input: { batchId: 42 }, path: 'batchId' },
  'mix.report': { input: { from: '2027-01-01', to: '2027-02-01', granularity: 'day' }, path: 'granularity' },
  'series.create': { input: { post: { title: 'Tip Tuesday' }, rule: { startDate: '2027-01-05', time: '09:00', timezone: 'America/New_York', freq: 'weekly' } }, path: 'rule' },
  'export.preview': { input: { format: 'buffer', from: '2027-01-01', to: '2027-01-31', mediaBaseUrl: 'http://cdn.example.com/' }, path: 'mediaBaseUrl' },
  'export.run': { input: { format: 'tiktok', from: '2027-01-01', to: '2027-01-31' }, path: 'format' },
  'export.batches': { input: 'latest', path: '(input)' },
  'export.changed': { input: [1], path: '(input)' },
  'media.preview': { input: { path: '../demo.sqlite' }, path: 'path' },
  'media.add': { input: { name: 'x.png' }, path: 'dataBase64' },
  'media.list': { input: 'all', path: '(input)' },
  'team.status': { input: 'now', path: '(input)' },
  'team.join': { input: { server: 'http://127.0.0.1:9', workspace: 'Bank', user: 'pat', password: '' }, path: 'password' },
  'team.sync': { input: [], path: '(input)' },
  'team.conflict': { input: { docId: 'nope' }, path: 'docId' },
  'team.resolve': { input: { docId: 5, keep: '1-a' }, path: 'docId' },
  'team.revert': { input: {}, path: 'docId' },
  'backups.list': { input: 'all', path: '(input)' },
  'onboarding.get': { input: [], path: '(input)' },
  'onboarding.loadDemo': { input: 'demo', path: '(input)' },
  'backups.create': { input: 3, path: '(input)' },
  'backups.setPolicy': { input: { keepDaily: -1, keepWeekly: 4 }, path: 'keepDaily' },
  'backups.restore': { input: { name: '../../etc/passwd' }, path: 'name' },
  'jobs.progress': { input: { jobId: 'job-1' }, path: 'jobId' },
  'jobs.cancel': { input: {}, path: 'jobId' },
  'people.session': { input: 'me', path: '(input)' },
  'people.list': { input: 1, path: '(input)' },
  'people.select': { input: { id: 'Alex' }, path: 'id' },
  'people.create': { input: { name: 'Riley', roles: ['boss'] }, path: 'roles[0]' },
  'people.update': { input: { id: UNKNOWN_ID, revision: 1, roles: [] }, path: 'roles' },
  'policy.get': { input: [], path: '(input)' },
  'policy.publish': { input: { text: 'Be nice.' }, path: 'text' },
  'policy.accept': { input: { version: 0 }, path: 'version' },
  'reviews.get': { input: { id: 3 }, path: 'id' },
  'reviews.submit': { input: { id: UNKNOWN_ID }, path: 'revision' },
  'reviews.approve': { input: { id: UNKNOWN_ID, revision: 0 }, path: 'revision' },
  'reviews.requestChanges': { input: { id: UNKNOWN_ID, revision: 1, comment: '   ' }, path: 'comment' },
  'reviews.publish': { input: { id: UNKNOWN_ID, revision: 1, url: 'ftp://x' }, path: 'url' },
  'reviews.archive': { input: { id: 'post' , revision: 1 }, path: 'id' },
  'reviews.reopen': { input: { revision: 1 }, path: 'id' },
  'reviews.comment': { input: { postId: UNKNOWN_ID, text: '' }, path: 'text' },
  'reviews.override': { input: { postId: UNKNOWN_ID, revision: 1, ruleId: 'fdic-statement', channelId: UNKNOWN_ID, reason: 'ok' }, path: 'reason' },
  'reviews.history': { input: {}, path: 'postId' },
  'reviews.setFourEyes': { input: { on: 'yes' }, path: 'on' },
  'signoffs.create': { input: { from: '2027-01-01', to: '2027-01-31', label: '' }, path: 'label' },
  'signoffs.list': { input: { from: 'January' }, path: 'from' },
  'releases.list': { input: 7, path: '(input)' },
  'releases.record': { input: { person: 'Maria', given: true, signedOn: 'today' }, path: 'signedOn' },
  'releases.scan': { input: { person: '' }, path: 'person' },
  'packet.create': { input: { month: '2027-13' }, path: 'month' },
  'audit.list': { input: { limit: 0 }, path: 'limit' },
  'audit.verify': { input: 'now', path: '(input)' },
  'audit.export': { input: { format: 'xml' }, path: 'format' },
  'audit.settings': { input: 2, path: '(input)' },
  'audit.setRetention': { input: { years: 1 }, path: 'years' },
  'compliance.get': { input: false, path: '(input)' },
  'compliance.save': { input: { institution: 'thrift', rules: [] }, path: 'institution' },
  'compliance.check': { input: { text: 42 }, path: 'text' },
};

describe('every API operation rejects bad input with a typed validation error and changes nothing', () => {
  const ws = tempWorkspace({ demo: true });
  let before = '';
  beforeAll(() => {
    before = dbFingerprint(ws.db);
  });
  afterAll(() => ws.cleanup());

  it('covers every operation of the contract', () => {
    expect(Object.keys(BAD_INPUTS).sort()).toEqual([...OPERATION_NAMES].sort());
  });

  for (const name of OPERATION_NAMES) {
    it(name, async () => {
      const { input, path } = BAD_INPUTS[name];
      const result = (await ws.dispatch(name, input)) as ApiResult<unknown>;
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe('validation');
      expect(result.error.issues.map((i) => i.path)).toContain(path);
      expect(result.error.message).toContain(path);
      expect(JSON.stringify(result)).not.toMatch(/\n\s+at /); // no stack trace
      expect(dbFingerprint(ws.db)).toBe(before);
    });
  }

  it('an unknown operation is refused by name', async () => {
    const result = await ws.dispatch('posts.dropAll', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown_operation', message: 'Unknown operation: posts.dropAll' } });
  });

  it('references to missing channels or categories name the field and store nothing', async () => {
    const result = await ws.dispatch('posts.create', { title: 'Hello', channelIds: [UNKNOWN_ID] });
    expect(result).toMatchObject({ ok: false, error: { code: 'validation', issues: [{ path: 'channelIds[0]' }] } });
    expect(dbFingerprint(ws.db)).toBe(before);
  });

  it('a missing post is not_found, not a crash', async () => {
    const result = await ws.dispatch('posts.get', { id: UNKNOWN_ID });
    expect(result).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
