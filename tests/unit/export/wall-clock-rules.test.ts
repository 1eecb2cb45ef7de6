// Rules shared by the scheduler files that write wall-clock times and comma-separated tags.
import { describe, expect, it } from 'vitest';
import { exportItems } from '../../../src/shared/export';
import { OPTIONS, makeItem, readCsvObjects } from './fixtures';

// 2027-11-07 01:30 happens twice in New York: 05:30Z (EDT) and 06:30Z (EST)
const FIRST = '2027-11-07T05:30:00.000Z';
const SECOND = '2027-11-07T06:30:00.000Z';
const CLEAR = '2027-11-07T15:00:00.000Z';
const WALL_CLOCK_FORMATS = ['buffer', 'hootsuite', 'sprout', 'publer'] as const;

describe('a time in the hour repeated when clocks go back', () => {
  it.each(WALL_CLOCK_FORMATS)('%s leaves both instants out with the reason and keeps the rest', (format) => {
    const items = [makeItem({ scheduledAt: FIRST }), makeItem({ scheduledAt: SECOND }), makeItem({ scheduledAt: CLEAR })];
    const out = exportItems(format, items, OPTIONS);
    expect(out.leftOut.map((row) => [row.postId, row.rule])).toEqual([
      [items[0].postId, `${format}.ambiguous_local_time`],
      [items[1].postId, `${format}.ambiguous_local_time`],
    ]);
    expect(out.leftOut[0].reason).toContain('2027-11-07 01:30 happens twice in America/New_York');
    expect(out.leftOut[0].reason).toContain('(field scheduledAt)');
    expect(out.files.reduce((sum, file) => sum + file.rows, 0)).toBe(1);
  });

  it('the generic CSV and JSON keep both: they carry the UTC instant', () => {
    for (const format of ['csv', 'json'] as const) {
      const out = exportItems(format, [makeItem({ scheduledAt: FIRST }), makeItem({ scheduledAt: SECOND })], OPTIONS);
      expect(out.leftOut, format).toEqual([]);
    }
  });
});

describe('a category name with a comma', () => {
  it.each(['buffer', 'sprout', 'publer'] as const)('%s writes it as one tag and says so', (format) => {
    const item = makeItem({ tags: ['People, places'], scheduledAt: CLEAR });
    const out = exportItems(format, [item], OPTIONS);
    const [row] = readCsvObjects(out.files[0].content);
    const tagsColumn = { buffer: 'Tags', sprout: 'tags', publer: 'Label(s)' }[format];
    expect(row[tagsColumn]).toBe('People places');
    expect(out.warnings.map((w) => w.rule)).toContain(`${format}.tag_comma`);
  });
});
