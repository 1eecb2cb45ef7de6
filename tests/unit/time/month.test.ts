import { describe, expect, it } from 'vitest';
import { monthDays } from '../../../src/shared/time';

describe('monthDays', () => {
  it('gives the first and last date of a month, across year ends and leap years', () => {
    expect(monthDays('2027-01')).toEqual({ from: '2027-01-01', to: '2027-01-31' });
    expect(monthDays('2026-12')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(monthDays('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(monthDays('2027-02')).toEqual({ from: '2027-02-01', to: '2027-02-28' });
  });
  it('refuses what is not a month', () => {
    expect(() => monthDays('2027-13')).toThrow(/expected YYYY-MM/);
    expect(() => monthDays('2027-1')).toThrow(/expected YYYY-MM/);
  });
});
