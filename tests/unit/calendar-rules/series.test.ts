import { describe, expect, it } from 'vitest';
import { MAX_SERIES_OCCURRENCES, describeSeries, expandSeries } from '../../../src/shared/calendar-rules';

describe('expandSeries', () => {
  it('keeps a weekly "Tip Tuesday" at 09:00 local across the DST change', () => {
    const occurrences = expandSeries({
      startDate: '2027-03-02',
      time: '09:00',
      timezone: 'America/New_York',
      freq: 'weekly',
      count: 4,
    });
    expect(occurrences.map(({ date, time, instant, status }) => [date, time, instant, status])).toEqual([
      ['2027-03-02', '09:00', '2027-03-02T14:00:00.000Z', 'ok'], // EST
      ['2027-03-09', '09:00', '2027-03-09T14:00:00.000Z', 'ok'],
      ['2027-03-16', '09:00', '2027-03-16T13:00:00.000Z', 'ok'], // EDT
      ['2027-03-23', '09:00', '2027-03-23T13:00:00.000Z', 'ok'],
    ]);
  });

  it('includes the until date and accepts several weekdays and intervals', () => {
    const everyOtherWeek = expandSeries({
      startDate: '2027-01-04',
      time: '12:00',
      timezone: 'America/Chicago',
      freq: 'weekly',
      interval: 2,
      byWeekday: [1, 3],
      until: '2027-02-03',
    });
    // Mondays and Wednesdays of the weeks of Jan 4, Jan 18 and Feb 1
    expect(everyOtherWeek.map((o) => o.date)).toEqual([
      '2027-01-04',
      '2027-01-06',
      '2027-01-18',
      '2027-01-20',
      '2027-02-01',
      '2027-02-03',
    ]);
  });

  it('flags the occurrence that falls in a DST gap instead of moving it', () => {
    const daily = expandSeries({
      startDate: '2026-03-07',
      time: '02:30',
      timezone: 'America/New_York',
      freq: 'daily',
      count: 3,
    });
    expect(daily.map((o) => [o.date, o.status, o.instant])).toEqual([
      ['2026-03-07', 'ok', '2026-03-07T07:30:00.000Z'],
      ['2026-03-08', 'gap', null],
      ['2026-03-09', 'ok', '2026-03-09T06:30:00.000Z'],
    ]);
    expect(daily[1].candidates).toEqual(['2026-03-08T06:30:00.000Z', '2026-03-08T07:30:00.000Z']);
  });

  it('marks the fall-back occurrence as ambiguous', () => {
    const [, sunday] = expandSeries({
      startDate: '2026-10-31',
      time: '01:30',
      timezone: 'America/Chicago',
      freq: 'daily',
      count: 2,
    });
    expect(sunday).toMatchObject({ date: '2026-11-01', status: 'ambiguous', instant: '2026-11-01T06:30:00.000Z' });
  });

  it('skips months without the start day, as RFC 5545 requires', () => {
    const monthly = expandSeries({ startDate: '2027-01-31', time: '10:00', timezone: 'UTC', freq: 'monthly', count: 3 });
    expect(monthly.map((o) => o.date)).toEqual(['2027-01-31', '2027-03-31', '2027-05-31']);
  });

  it('requires an end and refuses more than 500 occurrences', () => {
    const base = { startDate: '2027-01-01', time: '09:00', timezone: 'UTC', freq: 'daily' as const };
    expect(() => expandSeries(base)).toThrow(/count or an until/);
    expect(() => expandSeries({ ...base, count: MAX_SERIES_OCCURRENCES + 1 })).toThrow();
    expect(() => expandSeries({ ...base, until: '2028-12-31' })).toThrow(/more than 500/);
    expect(expandSeries({ ...base, count: MAX_SERIES_OCCURRENCES })).toHaveLength(500);
    // 2027-01-01 .. 2028-05-14 is 365 + 31 + 29 + 31 + 30 + 14 = 500 days (2028 is a leap year)
    const fullYear = expandSeries({ ...base, until: '2028-05-14' });
    expect(fullYear).toHaveLength(500);
    expect(fullYear.at(-1)?.date).toBe('2028-05-14');
    expect(() => expandSeries({ ...base, until: '2028-05-15' })).toThrow(/more than 500/);
    expect(() => expandSeries({ ...base, until: '2026-12-31' })).toThrow();
  });
});

describe('describeSeries', () => {
  it('describes the rule in plain English', () => {
    const text = describeSeries({ startDate: '2027-03-02', time: '09:00', timezone: 'America/New_York', freq: 'weekly', byWeekday: [2], count: 10 });
    expect(text).toMatch(/every week/);
    expect(text).toMatch(/Tuesday/);
    expect(text).toMatch(/10 times/);
  });
});
