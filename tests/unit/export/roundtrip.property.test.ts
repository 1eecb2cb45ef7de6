// Property tests: any text survives the CSV formats (csv-parse) and the calendar (ical.js).
import fc from 'fast-check';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { exportItems } from '../../../src/shared/export';
import { OPTIONS, makeItem, readCsv, readCsvObjects } from './fixtures';

const anyText = fc.string({ unit: 'binary', maxLength: 400 });
// Calendar TEXT values carry no control characters other than line breaks.
const calendarText = fc
  .string({ unit: 'grapheme', maxLength: 400 })
  .filter((text) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text));

describe('round-trip properties', () => {
  it('Buffer and Hootsuite CSV give back any text exactly', () => {
    fc.assert(
      fc.property(anyText, anyText, (first, second) => {
        fc.pre(first.trim() !== second.trim());
        const items = [makeItem({ text: first }), makeItem({ text: second, scheduledAt: '2027-03-21T14:00:00.000Z' })];
        const buffer = readCsvObjects(exportItems('buffer', items, OPTIONS).files[0].content);
        expect(buffer.map((r) => r.Text)).toEqual([first, second]);
        const hootsuite = readCsv(exportItems('hootsuite', items, OPTIONS).files[0].content);
        expect(hootsuite.map((r) => r[1])).toEqual([first, second]);
      }),
      { numRuns: 150 },
    );
  });

  it('the calendar description gives back any text (line breaks as LF)', () => {
    fc.assert(
      fc.property(calendarText, (text) => {
        const content = exportItems('ics', [makeItem({ text })], OPTIONS).files[0].content;
        const vevent = new ICAL.Component(ICAL.parse(content)).getFirstSubcomponent('vevent');
        if (!vevent) throw new Error('no VEVENT');
        const event = new ICAL.Event(vevent);
        expect(event.description ?? '').toBe(text.replace(/\r\n|\r/g, '\n'));
      }),
      { numRuns: 150 },
    );
  });
});
