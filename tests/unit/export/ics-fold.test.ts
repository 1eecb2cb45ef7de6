import fc from 'fast-check';
import { foldLines } from 'ical-generator';
import { describe, expect, it } from 'vitest';
import { foldLongLines } from '../../../src/shared/export/ics';

describe('iCalendar line folding', () => {
  it('folds exactly as ical-generator does, for any text (emoji, CJK, Arabic, long lines)', () => {
    const piece = fc.constantFrom('a', 'é', '欢', 'م', '🌷', '👩‍👩‍👧', ' ', ',', ';', 'DESCRIPTION:', 'x'.repeat(70));
    fc.assert(
      fc.property(fc.array(fc.array(piece, { maxLength: 60 }).map((parts) => parts.join('')), { minLength: 1, maxLength: 5 }), (lines) => {
        const text = lines.join('\r\n');
        expect(foldLongLines(text)).toBe(foldLines(text));
      }),
      { numRuns: 300 },
    );
  });
});
