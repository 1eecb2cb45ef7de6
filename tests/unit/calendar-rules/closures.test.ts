import { describe, expect, it } from 'vitest';
import { closedDates, closureWarnings, closuresOnDate, federalReserveHolidays } from '../../../src/shared/calendar-rules';

const holidays = [...federalReserveHolidays(2026), ...federalReserveHolidays(2027)];
const blackouts = [
  { startDate: '2027-04-10', endDate: '2027-04-12', reason: 'Core system conversion' },
  { startDate: '2027-07-05', endDate: '2027-07-05', reason: '' },
];

describe('closureWarnings', () => {
  it('warns about a post on an observed Fed holiday', () => {
    // 2027-07-05 14:00Z = 10:00 EDT Monday, Independence Day observed
    const warnings = closureWarnings('2027-07-05T14:00:00.000Z', 'America/New_York', holidays, []);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('Independence Day');
    expect(warnings[0]).toContain('observed');
  });

  it('also warns on the Sunday holiday itself, pointing to the observed day', () => {
    const [warning] = closureWarnings('2027-07-04T14:00:00.000Z', 'America/New_York', holidays, []);
    expect(warning).toContain('2027-07-05');
  });

  it('does not warn on the Friday before a Saturday holiday (Reserve Banks open)', () => {
    expect(closureWarnings('2026-07-03T14:00:00.000Z', 'America/New_York', holidays, [])).toEqual([]);
  });

  it("judges the post's local date in its zone, not the UTC date", () => {
    // 2027-12-25 03:00Z is still 2027-12-24 22:00 in New York
    expect(closureWarnings('2027-12-25T03:00:00.000Z', 'America/New_York', holidays, [])).toEqual([]);
    expect(closureWarnings('2027-12-25T03:00:00.000Z', 'UTC', holidays, [])).toHaveLength(1);
  });

  it('warns inside a blackout, both ends included, with the reason', () => {
    for (const day of ['10', '11', '12']) {
      const warnings = closureWarnings(`2027-04-${day}T15:00:00.000Z`, 'America/Chicago', holidays, blackouts);
      expect(warnings).toEqual([expect.stringContaining('Core system conversion')]);
    }
    expect(closureWarnings('2027-04-13T15:00:00.000Z', 'America/Chicago', holidays, blackouts)).toEqual([]);
    expect(closureWarnings('2027-04-09T15:00:00.000Z', 'America/Chicago', holidays, blackouts)).toEqual([]);
  });

  it('lists a holiday and a blackout on the same day', () => {
    const findings = closuresOnDate('2027-07-05', holidays, blackouts);
    expect(findings.map((finding) => finding.kind)).toEqual(['holiday', 'blackout']);
  });

  it('rejects a blackout that ends before it starts', () => {
    expect(() =>
      closuresOnDate('2027-04-10', holidays, [{ startDate: '2027-04-12', endDate: '2027-04-10', reason: 'x' }]),
    ).toThrow();
  });
});

describe('closedDates', () => {
  it('lists holidays and blackout days inside the range only', () => {
    const closed = closedDates('2026-11-20', '2026-12-02', federalReserveHolidays(2026), [
      { startDate: '2026-11-18', endDate: '2026-11-21', reason: 'core system upgrade' },
      { startDate: '2026-12-01', endDate: '2026-12-05', reason: '' },
    ]);
    expect([...closed].sort()).toEqual(['2026-11-20', '2026-11-21', '2026-11-26', '2026-12-01', '2026-12-02']);
  });
});
