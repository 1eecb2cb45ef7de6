import { describe, expect, it } from 'vitest';
import { federalReserveHolidays } from '../../src/shared/calendar-rules';
import type { Channel } from '../../src/shared/domain/schemas';
import { channelText, hasBlockingIssue, trackedUrl, validatePost } from '../../src/shared/posts';

const now = '2026-11-24T00:00:00.000Z';
const channel = (id: string, network: Channel['network']): Channel => ({
  id, network, name: network.toUpperCase(), handle: '', color: '#123456', timezone: null, slots: [], maxLength: null, revision: 1, createdAt: now, updatedAt: now,
});
const x = channel('c-x', 'x');
const ig = channel('c-ig', 'instagram');
const channels = new Map([[x.id, x], [ig.id, ig]]);

describe('post texts and validation', () => {
  it('a channel override wins over the base text', () => {
    const post = { baseText: 'base', channelTexts: { 'c-x': 'short for X' } };
    expect(channelText(post, 'c-x')).toBe('short for X');
    expect(channelText(post, 'c-ig')).toBe('base');
  });

  it('reports text rule errors per channel, closures and missing channels', () => {
    const issues = validatePost(
      {
        baseText: 'a'.repeat(281),
        channelTexts: {},
        channelIds: ['c-x', 'c-ig'],
        images: [],
        link: null,
        scheduledAt: '2026-11-26T15:00:00.000Z', // Thanksgiving 2026, 10:00 in New York
        timezone: 'America/New_York',
      },
      { channels, holidays: federalReserveHolidays(2026), blackouts: [{ startDate: '2026-11-25', endDate: '2026-11-27', reason: 'system upgrade' }] },
    );
    expect(issues.filter((i) => i.channelId === 'c-x').map((i) => i.code)).toEqual(['too_long']);
    expect(issues.filter((i) => i.channelId === 'c-ig').map((i) => i.code)).toContain('image_required');
    const closures = issues.filter((i) => i.code === 'closure').map((i) => i.message);
    expect(closures.some((m) => m.includes('Thanksgiving'))).toBe(true);
    expect(closures.some((m) => m.includes('system upgrade'))).toBe(true);
    expect(hasBlockingIssue({ issues }, 'c-x')).toBe(true);
  });

  it('an override that fits clears the X error', () => {
    const issues = validatePost(
      { baseText: 'a'.repeat(400), channelTexts: { 'c-x': 'fits' }, channelIds: ['c-x'], images: [], link: null, scheduledAt: null, timezone: 'America/New_York' },
      { channels, holidays: [], blackouts: [] },
    );
    expect(issues).toEqual([]);
  });

  it('X counts the link the post carries in its text (any URL weighs 23), and a Facebook post of a link alone is a post', () => {
    const link = { url: 'https://www.riversidebank.com/a/very/long/path/that/twitter-text/weighs/as/twenty-three?ref=feed', utm: null };
    // 260 + 2 (blank line) + 23 = 285 weighted characters: over 280 only because of the link
    const withLink = validatePost(
      { baseText: 'a'.repeat(260), channelTexts: {}, channelIds: ['c-x'], images: [], link, scheduledAt: null, timezone: 'America/New_York' },
      { channels, holidays: [], blackouts: [] },
    );
    expect(withLink.map((i) => i.code)).toEqual(['too_long']);
    expect(withLink[0].message).toContain('285 of 280');
    const shorter = validatePost(
      { baseText: 'a'.repeat(255), channelTexts: {}, channelIds: ['c-x'], images: [], link, scheduledAt: null, timezone: 'America/New_York' },
      { channels, holidays: [], blackouts: [] },
    );
    expect(shorter).toEqual([]);
    // the same link already in the text counts once
    const inText = validatePost(
      { baseText: `${'a'.repeat(255)} ${link.url}`, channelTexts: {}, channelIds: ['c-x'], images: [], link, scheduledAt: null, timezone: 'America/New_York' },
      { channels, holidays: [], blackouts: [] },
    );
    expect(inText).toEqual([]);
    const facebook = new Map([['c-fb', { ...channels.get('c-x')!, id: 'c-fb', network: 'facebook' as const, name: 'Facebook' }]]);
    const linkOnly = { baseText: '', channelTexts: {}, channelIds: ['c-fb'], images: [], scheduledAt: null, timezone: 'America/New_York' };
    expect(validatePost({ ...linkOnly, link }, { channels: facebook, holidays: [], blackouts: [] })).toEqual([]);
    expect(validatePost({ ...linkOnly, link: null }, { channels: facebook, holidays: [], blackouts: [] }).map((i) => i.code)).toEqual(['empty_text']);
  });

  it('builds tracked URLs with UTM parameters, keeping the existing query', () => {
    expect(
      trackedUrl({ url: 'https://riverside.bank/tips?lang=en', utm: { source: 'facebook', medium: 'social', campaign: 'fraud week', term: '', content: '' } }),
    ).toBe('https://riverside.bank/tips?lang=en&utm_source=facebook&utm_medium=social&utm_campaign=fraud+week');
    expect(trackedUrl({ url: 'https://riverside.bank/', utm: null })).toBe('https://riverside.bank/');
  });
});
