import { describe, expect, it } from 'vitest';
import {
  DEFAULT_OBSERVANCES,
  Observance,
  type Observance as ObservanceType,
  observancesForRange,
  resolveObservance,
} from '../../../src/shared/calendar-rules';

const byId = (id: string): ObservanceType => {
  const observance = DEFAULT_OBSERVANCES.find((candidate) => candidate.id === id);
  if (!observance) throw new Error(`no default observance ${id}`);
  return observance;
};
const when = (id: string, year: number) => {
  const occurrence = resolveObservance(byId(id), year);
  return occurrence && { start: occurrence.start, end: occurrence.end };
};

// Expected dates: published dates of past years where the rule should reproduce them, and
// the calendar for fixed rules (Thanksgiving 2026 = Nov 26, 2027 = Nov 25).
describe('default observances resolve to the published dates', () => {
  it('Financial Literacy Month is April, Cybersecurity Awareness Month October', () => {
    expect(when('financial-literacy-month', 2027)).toEqual({ start: '2027-04-01', end: '2027-04-30' });
    expect(when('cybersecurity-awareness-month', 2026)).toEqual({ start: '2026-10-01', end: '2026-10-31' });
  });

  it('Small Business Saturday is the Saturday after Thanksgiving', () => {
    expect(when('small-business-saturday', 2026)).toEqual({ start: '2026-11-28', end: '2026-11-28' });
    expect(when('small-business-saturday', 2027)).toEqual({ start: '2027-11-27', end: '2027-11-27' });
  });

  it('America Saves Week: 2024-02-26 to 03-01 and 2025-02-24 to 02-28 (americasaves.org)', () => {
    expect(when('america-saves-week', 2024)).toEqual({ start: '2024-02-26', end: '2024-03-01' });
    expect(when('america-saves-week', 2025)).toEqual({ start: '2025-02-24', end: '2025-02-28' });
  });

  it('Get Smart About Credit Day: third Thursday of October (2024-10-17)', () => {
    expect(when('get-smart-about-credit-day', 2024)).toEqual({ start: '2024-10-17', end: '2024-10-17' });
    expect(when('get-smart-about-credit-day', 2026)).toEqual({ start: '2026-10-15', end: '2026-10-15' });
  });

  it('Customer Service Week 2025 was October 6-10', () => {
    expect(when('customer-service-week', 2025)).toEqual({ start: '2025-10-06', end: '2025-10-10' });
  });

  it('Teacher Appreciation Week 2025 was May 5-9; National Small Business Week 2025 May 4-10', () => {
    expect(when('teacher-appreciation-week', 2025)).toEqual({ start: '2025-05-05', end: '2025-05-09' });
    expect(when('national-small-business-week', 2025)).toEqual({ start: '2025-05-04', end: '2025-05-10' });
  });

  it('fixed days', () => {
    expect(when('world-savings-day', 2027)).toEqual({ start: '2027-10-31', end: '2027-10-31' });
    expect(when('earth-day', 2027)).toEqual({ start: '2027-04-22', end: '2027-04-22' });
    expect(when('veterans-day', 2027)).toEqual({ start: '2027-11-11', end: '2027-11-11' });
  });

  it('every default passes its own schema and has a unique id', () => {
    for (const observance of DEFAULT_OBSERVANCES) Observance.parse(observance);
    const ids = DEFAULT_OBSERVANCES.map((observance) => observance.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('observancesForRange', () => {
  it('lists observances overlapping October 2027 in date order', () => {
    expect(observancesForRange('2027-10-01', '2027-10-31').map((o) => `${o.start} ${o.name}`)).toEqual([
      '2027-10-01 Cybersecurity Awareness Month',
      '2027-10-04 Customer Service Week',
      '2027-10-21 Get Smart About Credit Day',
      '2027-10-31 World Savings Day',
    ]);
  });

  it('includes a week that only partly overlaps the range, with its full dates', () => {
    const march2024 = observancesForRange('2024-03-01', '2024-03-31');
    expect(march2024).toEqual([
      { id: 'america-saves-week', name: 'America Saves Week', kind: 'week', start: '2024-02-26', end: '2024-03-01' },
    ]);
  });

  it('returns nothing for a quiet month and spans year boundaries', () => {
    expect(observancesForRange('2027-08-01', '2027-08-31')).toEqual([]);
    const names = observancesForRange('2026-11-20', '2027-04-30').map((o) => o.name);
    expect(names).toEqual([
      'Small Business Saturday',
      'America Saves Week',
      'Financial Literacy Month',
      'Earth Day',
    ]);
  });

  it('uses edited observance lists: custom entries in, disabled entries out', () => {
    const edited: ObservanceType[] = [
      ...DEFAULT_OBSERVANCES.map((observance) =>
        observance.id === 'world-savings-day' ? { ...observance, enabled: false } : observance,
      ),
      {
        id: 'bank-anniversary',
        name: 'Founders Day (est. 1923)',
        kind: 'day',
        rule: { type: 'fixedDate', month: 10, day: 30 },
      },
    ];
    const names = observancesForRange('2027-10-25', '2027-10-31', edited).map((o) => o.name);
    expect(names).toEqual(['Cybersecurity Awareness Month', 'Founders Day (est. 1923)']);
  });

  it('works on the defaults after a JSON round trip (plain, storable data)', () => {
    const stored = JSON.parse(JSON.stringify(DEFAULT_OBSERVANCES)) as ObservanceType[];
    expect(observancesForRange('2027-01-01', '2027-12-31', stored)).toEqual(observancesForRange('2027-01-01', '2027-12-31'));
    expect(observancesForRange('2027-01-01', '2027-12-31')).toHaveLength(DEFAULT_OBSERVANCES.length);
  });

  it('skips a February 29 rule in common years', () => {
    const leapDay: ObservanceType = { id: 'leap-day', name: 'Leap Day Savings', kind: 'day', rule: { type: 'fixedDate', month: 2, day: 29 } };
    expect(resolveObservance(leapDay, 2027)).toBeNull();
    expect(resolveObservance(leapDay, 2028)).toMatchObject({ start: '2028-02-29' });
  });

  it('rejects a reversed range and malformed rules', () => {
    expect(() => observancesForRange('2027-10-31', '2027-10-01')).toThrow();
    expect(() =>
      resolveObservance({ id: 'bad', name: 'Bad', kind: 'day', rule: { type: 'fixedDate', month: 13, day: 1 } }, 2027),
    ).toThrow();
  });
});
