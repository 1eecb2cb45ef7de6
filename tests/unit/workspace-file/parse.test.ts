import { describe, expect, it } from 'vitest';
import { formatIssuePath } from '../../../src/shared/issue-path';
import { parseWorkspaceFile, WorkspaceFile } from '../../../src/shared/workspace-file';

const T = '2027-03-01T12:00:00.000Z';
const FB = '11111111-1111-4111-8111-111111111111';
const IG = '22222222-2222-4222-8222-222222222222';
const PEOPLE = '33333333-3333-4333-8333-333333333333';
const PROMO = '44444444-4444-4444-8444-444444444444';
const SERIES = '55555555-5555-4555-8555-555555555555';
const MISSING = '99999999-9999-4999-8999-999999999999';
const postId = (n: number) => `aaaaaaaa-aaaa-4aaa-8aaa-${String(n).padStart(12, '0')}`;

// Plain JSON that the tests bend into invalid shapes, so it is deliberately untyped.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

/** A small hand-written, valid file (not produced by the code under test). */
function goodFile(): Json {
  return {
    format: 'storybank-workspace',
    version: 1,
    exportedAt: T,
    workspace: { name: 'Riverside Community Bank', timezone: 'America/New_York' },
    channels: [
      { id: FB, network: 'facebook', name: 'Riverside on Facebook', color: '#1877f2', slots: [{ weekday: 1, time: '09:30' }], createdAt: T, updatedAt: T },
      { id: IG, network: 'instagram', name: 'Riverside on Instagram', color: '#c13584', timezone: 'America/Chicago', createdAt: T, updatedAt: T },
    ],
    categories: [
      { id: PEOPLE, name: 'Employee highlights', color: '#2f9e44', targetShare: 0.8, createdAt: T, updatedAt: T },
      { id: PROMO, name: 'Products', color: '#e03131', targetShare: 0.2, isPromotional: true, createdAt: T, updatedAt: T },
    ],
    posts: [0, 1, 2].map((n) => ({
      id: postId(n),
      title: `Story ${n}`,
      baseText: 'Maria ran her first marathon.',
      channelIds: n === 2 ? [FB, IG] : [FB],
      channelTexts: n === 2 ? { [IG]: 'Maria ran 26.2 miles! 🏃‍♀️' } : {},
      categoryId: n === 1 ? PROMO : PEOPLE,
      scheduledAt: n === 0 ? null : `2027-03-0${n + 1}T14:30:00.000Z`,
      timezone: 'America/New_York',
      seriesId: n === 1 ? SERIES : null,
      createdAt: T,
      updatedAt: T,
    })),
    ideas: [{ id: 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb', title: 'Jake coaches soccer', categoryId: PEOPLE, earliest: '2027-03-01', latest: '2027-04-01', createdAt: T, updatedAt: T }],
    blackouts: [{ id: 'cccccccc-cccc-4ccc-8ccc-cccccccccccc', startDate: '2027-03-10', endDate: '2027-03-12', reason: 'Quiet period', createdAt: T, updatedAt: T }],
    series: [{ id: SERIES, title: 'Monday tips', rule: { freq: 'weekly' }, createdAt: T, updatedAt: T }],
  };
}

type Mutable = Json;

const errorOf = (mutate: (file: Mutable) => void) => {
  const file = goodFile() as Mutable;
  mutate(file);
  const result = parseWorkspaceFile(JSON.parse(JSON.stringify(file)));
  if (result.ok) throw new Error('expected the file to be refused');
  return result.error;
};

describe('parseWorkspaceFile: a good file', () => {
  it('accepts a hand-written file and fills the schema defaults', () => {
    const result = parseWorkspaceFile(goodFile());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.file.posts).toHaveLength(3);
    expect(result.file.channels[1].handle).toBe('');
    expect(result.file.posts[0].status).toBe('draft');
    expect(result.file.posts[2].channelTexts[IG]).toContain('26.2');
  });

  it('survives a JSON round trip (what export then import does)', () => {
    const first = parseWorkspaceFile(goodFile());
    if (!first.ok) throw new Error(first.error.message);
    const again = parseWorkspaceFile(JSON.parse(JSON.stringify(first.file)));
    expect(again.ok && again.file).toEqual(first.file);
  });

  it('lets ideas, blackouts and series be left out', () => {
    const file = goodFile() as Mutable;
    delete file.ideas;
    delete file.blackouts;
    delete file.series;
    file.posts[1].seriesId = null;
    const result = parseWorkspaceFile(file);
    expect(result.ok && [result.file.ideas, result.file.blackouts, result.file.series]).toEqual([[], [], []]);
  });

  it('accepts shares summing to 1 within 0.001 (rounded thirds)', () => {
    const file = goodFile() as Mutable;
    file.categories[0].targetShare = 0.333;
    file.categories[1].targetShare = 0.333;
    file.categories.push({ id: MISSING, name: 'Questions', color: '#f08c00', targetShare: 0.333, createdAt: T, updatedAt: T });
    expect(parseWorkspaceFile(file).ok).toBe(true);
  });
});

describe('parseWorkspaceFile: the first bad field, by JSON path', () => {
  it.each([
    ['not an object', () => null, '(file)'],
    ['an array', () => [], '(file)'],
  ])('refuses %s', (_label, make, path) => {
    const result = parseWorkspaceFile(make());
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.path).toBe(path);
  });

  it.each<[string, (f: Mutable) => void, string, RegExp?]>([
    ['wrong format marker', (f) => (f.format = 'something-else'), 'format', /storybank-workspace/],
    ['other version', (f) => (f.version = 3), 'version', /version 1 to 2/],
    ['exportedAt not UTC', (f) => (f.exportedAt = '2027-03-01 12:00'), 'exportedAt'],
    ['unknown time zone', (f) => (f.workspace.timezone = 'Mars/Olympus'), 'workspace.timezone', /time zone/],
    ['empty workspace name', (f) => (f.workspace.name = ' '), 'workspace.name'],
    ['bad network', (f) => (f.channels[1].network = 'myspace'), 'channels[1].network'],
    ['bad slot time', (f) => (f.channels[0].slots[0].time = '25:00'), 'channels[0].slots[0].time', /HH:mm/],
    ['bad slot weekday', (f) => (f.channels[0].slots[0].weekday = 0), 'channels[0].slots[0].weekday'],
    ['share out of range', (f) => (f.categories[1].targetShare = 1.5), 'categories[1].targetShare'],
    ['post id not a uuid', (f) => (f.posts[2].id = 'post-3'), 'posts[2].id'],
    ['channel id not a uuid', (f) => (f.posts[1].channelIds[0] = 'facebook'), 'posts[1].channelIds[0]'],
    ['bad status', (f) => (f.posts[0].status = 'live'), 'posts[0].status'],
    ['bad link', (f) => (f.posts[2].link = { url: 'ftp://bank.example' }), 'posts[2].link.url'],
    ['missing title', (f) => delete f.posts[1].title, 'posts[1].title'],
    ['bad idea date', (f) => (f.ideas[0].latest = '2027-02-30'), 'ideas[0].latest'],
    ['bad blackout date', (f) => (f.blackouts[0].startDate = 'March'), 'blackouts[0].startDate'],
    ['unknown top-level field', (f) => (f.extra = 1), 'extra', /unknown field/],
  ])('%s', (_label, mutate, path, message) => {
    const error = errorOf(mutate);
    expect(error.path).toBe(path);
    expect(error.message.startsWith(`${path}: `)).toBe(true);
    if (message) expect(error.message).toMatch(message);
  });

  it('reports the first of several bad fields in document order', () => {
    const error = errorOf((f) => {
      f.ideas[0].status = 'maybe';
      f.posts[2].status = 'live';
      f.posts[1].title = '';
    });
    expect(error.path).toBe('posts[1].title');
    const all = parseWorkspaceFile({ ...goodFile(), version: 3, posts: [] });
    expect(all.ok).toBe(false);
  });

  it('lists every problem, the first one first', () => {
    const file = goodFile() as Mutable;
    file.posts[1].status = 'live';
    file.channels[0].color = 'blue';
    const result = parseWorkspaceFile(file);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.path)).toEqual(['channels[0].color', 'posts[1].status']);
  });
});

describe('parseWorkspaceFile: references between records', () => {
  it('a post channel missing from the file', () => {
    const error = errorOf((f) => (f.posts[2].channelIds[1] = MISSING));
    expect(error.path).toBe('posts[2].channelIds[1]');
    expect(error.message).toBe(`posts[2].channelIds[1]: channel ${MISSING} is not in this file`);
  });

  it('a channel listed twice on one post', () => {
    expect(errorOf((f) => (f.posts[2].channelIds = [FB, FB])).path).toBe('posts[2].channelIds[1]');
  });

  it('a channel text for a channel the post is not on', () => {
    const error = errorOf((f) => (f.posts[1].channelTexts = { [IG]: 'hello' }));
    expect(error.path).toBe(`posts[1].channelTexts["${IG}"]`);
  });

  it('a post category missing from the file', () => {
    expect(errorOf((f) => (f.posts[1].categoryId = MISSING)).message).toBe(`posts[1].categoryId: category ${MISSING} is not in this file`);
  });

  it('a post series missing from the file', () => {
    expect(errorOf((f) => (f.series = [])).path).toBe('posts[1].seriesId');
  });

  it('an idea category missing from the file', () => {
    expect(errorOf((f) => (f.ideas[0].categoryId = MISSING)).path).toBe('ideas[0].categoryId');
  });

  it('the first broken reference is reported, not a later one', () => {
    const error = errorOf((f) => {
      f.ideas[0].categoryId = MISSING;
      f.posts[2].categoryId = MISSING;
      f.posts[1].channelIds = [MISSING];
    });
    expect(error.path).toBe('posts[1].channelIds[0]');
  });
});

describe('parseWorkspaceFile: ids, names, shares, ranges', () => {
  it.each<[string, (f: Mutable) => void, string]>([
    ['duplicate channel id', (f) => (f.channels[1].id = FB), 'channels[1].id'],
    ['duplicate category id', (f) => (f.categories[1].id = PEOPLE), 'categories[1].id'],
    ['duplicate post id', (f) => (f.posts[2].id = f.posts[0].id), 'posts[2].id'],
    ['duplicate category name', (f) => (f.categories[1].name = 'Employee highlights'), 'categories[1].name'],
    ['blackout ending before it starts', (f) => (f.blackouts[0].endDate = '2027-03-09'), 'blackouts[0].endDate'],
    ['idea window ending before it starts', (f) => (f.ideas[0].latest = '2027-02-01'), 'ideas[0].latest'],
  ])('%s', (_label, mutate, path) => {
    expect(errorOf(mutate).path).toBe(path);
  });

  it('names the other record holding a duplicate id', () => {
    expect(errorOf((f) => (f.posts[2].id = f.posts[0].id)).message).toMatch(/also posts\[0\]/);
  });

  it.each([
    [0.7, 0.2, 'sum to 0.9'],
    [0.8, 0.202, 'sum to 1.002'],
  ])('refuses shares %d + %d (%s)', (a, b, text) => {
    const error = errorOf((f) => {
      f.categories[0].targetShare = a;
      f.categories[1].targetShare = b;
    });
    expect(error.path).toBe('categories');
    expect(error.message).toContain(text);
  });

  it('a file with no categories has no share to check', () => {
    const file = goodFile() as Mutable;
    file.categories = [];
    file.posts.forEach((p: { categoryId: string | null }) => (p.categoryId = null));
    file.ideas[0].categoryId = null;
    expect(parseWorkspaceFile(file).ok).toBe(true);
  });
});

describe('formatIssuePath', () => {
  it('writes indexes in brackets and quotes keys that are not identifiers', () => {
    expect(formatIssuePath(['posts', 12, 'channelIds', 0], '(file)')).toBe('posts[12].channelIds[0]');
    expect(formatIssuePath(['posts', 1, 'channelTexts', FB], '(file)')).toBe(`posts[1].channelTexts["${FB}"]`);
    expect(formatIssuePath([], '(file)')).toBe('(file)');
  });

  it('the schema is the exported zod object', () => {
    expect(WorkspaceFile.safeParse(goodFile()).success).toBe(true);
  });
});
