import { TZDate } from '@date-fns/tz';
import { format, getISODay } from 'date-fns';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import {
  addDaysLocal,
  eachLocalDate,
  formatInZone,
  isoWeekdayOfDate,
  utcToZonedWallTime,
  zonedDayRangeUtc,
  zonedDayStartUtc,
  zonedWallTimeToUtc,
} from '../../../src/shared/time';

// Expected instants are worked out by hand from the US rule (DST starts the second Sunday of
// March at 02:00 local, ends the first Sunday of November at 02:00 local):
// New York EST -05:00 / EDT -04:00, Chicago CST -06:00 / CDT -05:00.

describe('zonedWallTimeToUtc: spring-forward gaps are flagged, never shifted', () => {
  const gaps: [zone: string, date: string, time: string, earlier: string, later: string][] = [
    // 02:30 read as EDT = 06:30Z (shows as 01:30 EST); read as EST = 07:30Z (shows as 03:30 EDT)
    ['America/New_York', '2027-03-14', '02:30', '2027-03-14T06:30:00.000Z', '2027-03-14T07:30:00.000Z'],
    ['America/New_York', '2026-03-08', '02:30', '2026-03-08T06:30:00.000Z', '2026-03-08T07:30:00.000Z'],
    ['America/New_York', '2027-03-14', '02:00', '2027-03-14T06:00:00.000Z', '2027-03-14T07:00:00.000Z'],
    ['America/Chicago', '2027-03-14', '02:15', '2027-03-14T07:15:00.000Z', '2027-03-14T08:15:00.000Z'],
    ['America/Chicago', '2026-03-08', '02:59', '2026-03-08T07:59:00.000Z', '2026-03-08T08:59:00.000Z'],
  ];
  it.each(gaps)('%s %s %s does not exist', (zone, date, time, earlier, later) => {
    const result = zonedWallTimeToUtc(date, time, zone);
    expect(result.status).toBe('gap');
    expect(result.instant).toBeNull();
    expect(result.candidates).toEqual([earlier, later]);
    expect(result.message).toContain('does not exist');
  });

  it('names the neighbouring wall times in the message', () => {
    const result = zonedWallTimeToUtc('2027-03-14', '02:30', 'America/New_York');
    expect(result.message).toContain('01:30');
    expect(result.message).toContain('03:30');
  });

  it('accepts the minutes just before and after the gap', () => {
    expect(zonedWallTimeToUtc('2027-03-14', '01:59', 'America/New_York')).toEqual({
      instant: '2027-03-14T06:59:00.000Z',
      status: 'ok',
      candidates: ['2027-03-14T06:59:00.000Z'],
    });
    expect(zonedWallTimeToUtc('2027-03-14', '03:00', 'America/New_York').instant).toBe('2027-03-14T07:00:00.000Z');
    expect(zonedWallTimeToUtc('2027-03-14', '01:59', 'America/Chicago').instant).toBe('2027-03-14T07:59:00.000Z');
    expect(zonedWallTimeToUtc('2027-03-14', '03:00', 'America/Chicago').instant).toBe('2027-03-14T08:00:00.000Z');
  });
});

describe('zonedWallTimeToUtc: fall-back times are ambiguous', () => {
  const overlaps: [zone: string, date: string, time: string, first: string, second: string][] = [
    ['America/New_York', '2027-11-07', '01:30', '2027-11-07T05:30:00.000Z', '2027-11-07T06:30:00.000Z'],
    ['America/New_York', '2026-11-01', '01:30', '2026-11-01T05:30:00.000Z', '2026-11-01T06:30:00.000Z'],
    ['America/New_York', '2027-11-07', '01:00', '2027-11-07T05:00:00.000Z', '2027-11-07T06:00:00.000Z'],
    ['America/Chicago', '2027-11-07', '01:45', '2027-11-07T06:45:00.000Z', '2027-11-07T07:45:00.000Z'],
    ['America/Chicago', '2026-11-01', '01:45', '2026-11-01T06:45:00.000Z', '2026-11-01T07:45:00.000Z'],
  ];
  it.each(overlaps)('%s %s %s happens twice', (zone, date, time, first, second) => {
    const result = zonedWallTimeToUtc(date, time, zone);
    expect(result.status).toBe('ambiguous');
    expect(result.instant).toBe(first);
    expect(result.candidates).toEqual([first, second]);
    expect(Date.parse(second) - Date.parse(first)).toBe(3_600_000);
    expect(result.message).toMatch(/twice/);
  });

  it('is unambiguous just outside the repeated hour', () => {
    expect(zonedWallTimeToUtc('2027-11-07', '00:59', 'America/New_York')).toMatchObject({
      status: 'ok',
      instant: '2027-11-07T04:59:00.000Z',
    });
    expect(zonedWallTimeToUtc('2027-11-07', '02:00', 'America/New_York')).toMatchObject({
      status: 'ok',
      instant: '2027-11-07T07:00:00.000Z',
    });
  });
});

describe('zonedWallTimeToUtc: ordinary times', () => {
  it('uses standard time in winter and daylight time in summer', () => {
    expect(zonedWallTimeToUtc('2027-01-15', '09:00', 'America/New_York').instant).toBe('2027-01-15T14:00:00.000Z');
    expect(zonedWallTimeToUtc('2027-07-15', '09:00', 'America/New_York').instant).toBe('2027-07-15T13:00:00.000Z');
    expect(zonedWallTimeToUtc('2027-01-15', '09:00', 'America/Chicago').instant).toBe('2027-01-15T15:00:00.000Z');
    expect(zonedWallTimeToUtc('2027-07-15', '09:00', 'America/Chicago').instant).toBe('2027-07-15T14:00:00.000Z');
  });

  it('handles half-hour zones and UTC', () => {
    expect(zonedWallTimeToUtc('2027-07-15', '09:00', 'Asia/Kolkata').instant).toBe('2027-07-15T03:30:00.000Z');
    expect(zonedWallTimeToUtc('2027-07-15', '09:00', 'UTC').instant).toBe('2027-07-15T09:00:00.000Z');
  });

  it('handles a half-hour DST change (Lord Howe: 02:00 -> 02:30 on 2026-10-04)', () => {
    expect(zonedWallTimeToUtc('2026-10-04', '02:15', 'Australia/Lord_Howe').status).toBe('gap');
    expect(zonedWallTimeToUtc('2026-10-04', '02:30', 'Australia/Lord_Howe').status).toBe('ok');
  });

  it('rejects malformed input', () => {
    expect(() => zonedWallTimeToUtc('2027-02-30', '09:00', 'America/New_York')).toThrow();
    expect(() => zonedWallTimeToUtc('2027-03-01', '24:00', 'America/New_York')).toThrow();
    expect(() => zonedWallTimeToUtc('2027-03-01', '9:00', 'America/New_York')).toThrow();
    expect(() => zonedWallTimeToUtc('2027-03-01', '09:00', 'Mars/Olympus_Mons')).toThrow();
  });

  it('round-trips every minute-aligned instant through the wall clock', () => {
    const zones = ['America/New_York', 'America/Chicago', 'America/Santiago', 'Australia/Lord_Howe', 'Asia/Kolkata', 'UTC'];
    const start = Date.UTC(2025, 0, 1);
    const minutes = (Date.UTC(2029, 0, 1) - start) / 60_000;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: minutes }), fc.constantFrom(...zones), (minute, zone) => {
        const instant = new Date(start + minute * 60_000).toISOString();
        const wall = utcToZonedWallTime(instant, zone);
        const back = zonedWallTimeToUtc(wall.date, wall.time, zone);
        expect(back.status).not.toBe('gap');
        expect(back.candidates).toContain(instant);
        if (back.status === 'ok') expect(back.instant).toBe(instant);
      }),
      { numRuns: 500 },
    );
  });
});

describe('utcToZonedWallTime', () => {
  it('gives the two readings of the repeated hour different offsets', () => {
    expect(utcToZonedWallTime('2027-11-07T05:30:00.000Z', 'America/New_York')).toEqual({
      date: '2027-11-07',
      time: '01:30',
      offset: '-04:00',
      weekday: 7,
    });
    expect(utcToZonedWallTime('2027-11-07T06:30:00.000Z', 'America/New_York')).toEqual({
      date: '2027-11-07',
      time: '01:30',
      offset: '-05:00',
      weekday: 7,
    });
  });

  it('moves to the previous local day west of UTC', () => {
    // 2027-03-02 is a Tuesday; 03:00Z is Monday 21:00 in Chicago (CST).
    expect(utcToZonedWallTime('2027-03-02T03:00:00.000Z', 'America/Chicago')).toEqual({
      date: '2027-03-01',
      time: '21:00',
      offset: '-06:00',
      weekday: 1,
    });
    expect(utcToZonedWallTime('2027-03-02T03:00:00.000Z', 'UTC').offset).toBe('+00:00');
  });

  it('rejects an instant with an offset (instants are stored in UTC)', () => {
    expect(() => utcToZonedWallTime('2027-03-02T03:00:00-05:00', 'UTC')).toThrow();
  });

  it('agrees with date-fns formatting a TZDate, at any instant in any zone (half-hour and 45-minute zones included)', () => {
    const zones = ['America/New_York', 'America/Santiago', 'Europe/Dublin', 'Asia/Kolkata', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'Pacific/Chatham', 'UTC'];
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1988, 0, 1), max: Date.UTC(2099, 11, 31) }), fc.constantFrom(...zones), (ms, zone) => {
        const instant = new Date(Math.floor(ms / 60_000) * 60_000).toISOString();
        const zoned = new TZDate(new Date(instant).getTime(), zone);
        expect(utcToZonedWallTime(instant, zone)).toEqual({
          date: format(zoned, 'yyyy-MM-dd'),
          time: format(zoned, 'HH:mm'),
          offset: format(zoned, 'xxx'),
          weekday: getISODay(zoned),
        });
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('formatInZone', () => {
  it('formats with a date-fns pattern in the zone', () => {
    expect(formatInZone('2027-07-04T16:00:00.000Z', 'America/New_York', 'EEEE yyyy-MM-dd HH:mm xxx')).toBe(
      'Sunday 2027-07-04 12:00 -04:00',
    );
    expect(formatInZone('2027-07-04T03:00:00.000Z', 'America/Chicago', 'yyyy-MM-dd h:mm a')).toBe('2027-07-03 10:00 PM');
  });
});

describe('local day ranges', () => {
  it('starts each day at local midnight', () => {
    expect(zonedDayStartUtc('2027-01-15', 'America/New_York')).toBe('2027-01-15T05:00:00.000Z');
    expect(zonedDayStartUtc('2027-07-15', 'America/Chicago')).toBe('2027-07-15T05:00:00.000Z');
  });

  it('makes the spring-forward day 23 hours and the fall-back day 25 hours long', () => {
    const spring = zonedDayRangeUtc('2027-03-14', 'America/New_York');
    expect(spring).toEqual({ start: '2027-03-14T05:00:00.000Z', end: '2027-03-15T04:00:00.000Z' });
    const fall = zonedDayRangeUtc('2027-11-07', 'America/Chicago');
    expect(fall).toEqual({ start: '2027-11-07T05:00:00.000Z', end: '2027-11-08T06:00:00.000Z' });
  });

  it('starts a day whose midnight is skipped at the first wall time that exists', () => {
    // Chile moves clocks from 24:00 Saturday to 01:00 Sunday (first weekend of September).
    expect(zonedDayStartUtc('2026-09-06', 'America/Santiago')).toBe('2026-09-06T04:00:00.000Z');
    expect(utcToZonedWallTime('2026-09-06T04:00:00.000Z', 'America/Santiago').time).toBe('01:00');
  });
});

describe('calendar-date helpers', () => {
  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDaysLocal('2027-12-31', 1)).toBe('2028-01-01');
    expect(addDaysLocal('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDaysLocal('2027-02-28', 1)).toBe('2027-03-01');
    expect(addDaysLocal('2027-03-14', -14)).toBe('2027-02-28');
    expect(addDaysLocal('2027-11-07', 0)).toBe('2027-11-07');
    expect(() => addDaysLocal('2027-11-07', 0.5)).toThrow();
  });

  it('lists inclusive date ranges', () => {
    expect(eachLocalDate('2028-02-27', '2028-03-01')).toEqual(['2028-02-27', '2028-02-28', '2028-02-29', '2028-03-01']);
    expect(eachLocalDate('2027-03-01', '2027-02-28')).toEqual([]);
  });

  it('gives ISO weekdays', () => {
    expect(isoWeekdayOfDate('2027-03-14')).toBe(7); // Sunday
    expect(isoWeekdayOfDate('2027-03-15')).toBe(1); // Monday
    expect(isoWeekdayOfDate('2026-01-01')).toBe(4); // Thursday
  });
});

describe('independence from the machine time zone', () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    if (originalTz === undefined) delete process.env.TZ;
    else process.env.TZ = originalTz;
  });

  it('gives the same answers when the process runs in another zone', () => {
    process.env.TZ = 'Pacific/Kiritimati'; // UTC+14: any accidental local-time use shifts dates
    expect(zonedWallTimeToUtc('2027-11-07', '01:30', 'America/New_York').candidates).toEqual([
      '2027-11-07T05:30:00.000Z',
      '2027-11-07T06:30:00.000Z',
    ]);
    expect(addDaysLocal('2027-12-31', 1)).toBe('2028-01-01');
    expect(isoWeekdayOfDate('2027-03-14')).toBe(7);
    expect(zonedDayStartUtc('2027-03-14', 'America/Chicago')).toBe('2027-03-14T06:00:00.000Z');
  });
});
