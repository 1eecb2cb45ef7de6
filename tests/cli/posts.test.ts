import { runCli } from '../support/cli';
// `storybank posts list` through the built bin: local dates in the workspace zone, --to inclusive.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedStatus } from '../support/review';
import { tempWorkspace } from '../support/workspace';

const run = runCli;

// A Los Angeles workspace; instants chosen at the edges of local days (PST = UTC-8, PDT = UTC-7,
// DST starts 2027-03-14), so reading the dates as UTC would give different answers.
const POSTS = [
  { title: 'A Feb 28 23:59 PST', scheduledAt: '2027-03-01T07:59:00.000Z', on: 'fb' },
  { title: 'B Mar 1 00:00 PST', scheduledAt: '2027-03-01T08:00:00.000Z', on: 'fb' },
  { title: 'C Mar 14 23:59 PDT', scheduledAt: '2027-03-15T06:59:00.000Z', on: 'li' },
  { title: 'D Mar 15 00:00 PDT', scheduledAt: '2027-03-15T07:00:00.000Z', on: 'fb' },
  { title: 'E Mar 31 23:59 PDT', scheduledAt: '2027-04-01T06:59:00.000Z', on: 'li' },
  { title: 'F Apr 1 00:00 PDT', scheduledAt: '2027-04-01T07:00:00.000Z', on: 'fb' },
  { title: 'G unscheduled', scheduledAt: null, on: 'fb' },
] as const;

let workspace: ReturnType<typeof tempWorkspace>;
let db: string;
const channels = { fb: '', li: '' };

beforeAll(() => {
  workspace = tempWorkspace();
  db = workspace.dbPath;
  const { services } = workspace;
  services.workspace.update({ name: 'Pacific Savings', timezone: 'America/Los_Angeles' });
  channels.fb = services.channels.create({ network: 'facebook', name: 'Pacific on Facebook' }).id;
  channels.li = services.channels.create({ network: 'linkedin', name: 'Pacific on LinkedIn' }).id;
  for (const post of POSTS) {
    seedStatus(workspace, services.posts.create({ title: post.title, scheduledAt: post.scheduledAt, channelIds: [channels[post.on]], baseText: 'Hello' }), 'approved');
  }
  workspace.close();
});
afterAll(() => workspace.cleanup());

const titles = (...args: string[]): string[] => {
  const result = run('posts', 'list', '--db', db, '--json', ...args);
  if (result.code !== 0) throw new Error(result.stderr);
  return JSON.parse(result.stdout).map((p: { title: string }) => p.title.slice(0, 1));
};

describe('posts list', () => {
  it('takes local dates in the workspace zone, --to included', () => {
    expect(titles('--from', '2027-03-01', '--to', '2027-03-31')).toEqual(['B', 'C', 'D', 'E']);
  });

  it('a single day, the 23-hour DST day', () => {
    expect(titles('--from', '2027-03-14', '--to', '2027-03-14')).toEqual(['C']);
    expect(titles('--from', '2027-02-28', '--to', '2027-02-28')).toEqual(['A']);
  });

  it('open ends: only --from, only --to, neither (backlog included)', () => {
    expect(titles('--from', '2027-03-15')).toEqual(['D', 'E', 'F']);
    expect(titles('--to', '2027-03-01')).toEqual(['A', 'B']);
    expect(titles()).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G']);
  });

  it('--channel keeps the posts on that channel', () => {
    expect(titles('--from', '2027-03-01', '--to', '2027-03-31', '--channel', channels.li)).toEqual(['C', 'E']);
    expect(titles('--channel', channels.li, '--channel', channels.fb, '--from', '2027-04-01')).toEqual(['F']);
  });

  it('--json prints whole posts with UTC instants', () => {
    const result = run('posts', 'list', '--db', db, '--json', '--from', '2027-03-01', '--to', '2027-03-01');
    const [post] = JSON.parse(result.stdout);
    expect(post).toMatchObject({ title: 'B Mar 1 00:00 PST', scheduledAt: '2027-03-01T08:00:00.000Z', channelIds: [channels.fb], status: 'approved', timezone: 'America/Los_Angeles' });
  });

  it('human output: one line per post with local date and time, status, channels and title', () => {
    const result = run('posts', 'list', '--db', db, '--from', '2027-03-14', '--to', '2027-03-15');
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^2027-03-14 23:59\s+approved\s+Pacific on LinkedIn\s+C Mar 14 23:59 PDT$/);
    expect(lines[1]).toMatch(/^2027-03-15 00:00\s+approved\s+Pacific on Facebook\s+D Mar 15 00:00 PDT$/);
    const empty = run('posts', 'list', '--db', db, '--from', '2030-01-01', '--to', '2030-01-31');
    expect(empty.code).toBe(0);
    expect(empty.stdout).toMatch(/^No posts from 2030-01-01 to 2030-01-31/);
  });

  it.each([
    ['--from', '2027-02-30'],
    ['--from', '03/01/2027'],
    ['--to', '2027-3-1'],
  ])('a bad date for %s is refused naming the option', (option, value) => {
    const result = run('posts', 'list', '--db', db, option, value);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain(`${option}: "${value}" is not a date`);
    expect(result.stdout).toBe('');
  });

  it('--to before --from, an unknown channel and a missing workspace are refused', () => {
    const reversed = run('posts', 'list', '--db', db, '--from', '2027-03-02', '--to', '2027-03-01');
    expect(reversed.code).not.toBe(0);
    expect(reversed.stderr).toContain('--to: 2027-03-01 is before --from 2027-03-02');

    const channel = run('posts', 'list', '--db', db, '--channel', 'nope');
    expect(channel.code).not.toBe(0);
    expect(channel.stderr).toContain('--channel: no channel "nope"');

    const missing = path.join(path.dirname(db), 'missing.sqlite');
    const absent = run('posts', 'list', '--db', missing);
    expect(absent.code).not.toBe(0);
    expect(absent.stderr).toContain(`${missing} does not exist`);
    expect(fs.existsSync(missing)).toBe(false);
  });
});
