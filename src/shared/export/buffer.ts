// Buffer bulk-upload CSV.
// Columns `Text, Image URL, Tags, Posting Time` (Title-Case, case-sensitive headers); Posting Time is
// `YYYY-MM-DD HH:mm` (24 h) in the channel's own time zone, since the file has no zone column.
// One channel per file, at most 100 rows per file (paid plans): longer channels are split into
// numbered files `<baseName>-buffer-<channel>-<n>.csv`, never dropped.
// Encoding: UTF-8 WITHOUT a BOM. Buffer matches the header names exactly, and a BOM would glue
// itself to the first header ("\uFEFFText"); the file is meant for Buffer's uploader, not Excel.
import { ExportLog, repeatedHourRule, tagsCell, chunk, groupByChannel, hasPublicImages, isApproved, isFarEnoughAhead, sortItems, wallClock, warnIfSecondsDropped, writeCsv } from './common';
import { textWithLink } from '../text-rules';
import type { ExportFile, ExportItem, ExportOptions, ExportOutput } from './types';

export const BUFFER_HEADER = ['Text', 'Image URL', 'Tags', 'Posting Time'] as const;
export const BUFFER_MAX_ROWS_PER_FILE = 100;
const TARGET = 'Buffer';


export function exportBuffer(items: readonly ExportItem[], options: ExportOptions): ExportOutput {
  const log = new ExportLog();
  const unambiguous = repeatedHourRule(items, TARGET, log);
  const nowMs = Date.parse(options.now);
  const files: ExportFile[] = [];
  for (const group of groupByChannel(sortItems(items))) {
    const rows: string[][] = [];
    for (const item of group.items) {
      const at = Date.parse(item.scheduledAt);
      if (!isApproved(item, TARGET, log)) continue;
      if (!isFarEnoughAhead(item, at, TARGET, nowMs, 0, log)) continue;
      if (!unambiguous(item, at)) continue;
      if (!hasPublicImages(item, TARGET, 1, log)) continue;
      warnIfSecondsDropped(item, at, TARGET, log);
      rows.push([
        // Buffer has no link column: the link goes inside the text, appended once if the text lacks it
        textWithLink(item.text, item.link),
        item.images[0]?.url ?? '',
        // Buffer tags must already exist in Buffer and are matched case-sensitively.
        tagsCell(item, TARGET, log),
        wallClock(at, item.timezone, 'yyyy-MM-dd HH:mm'),
      ]);
    }
    chunk(rows, BUFFER_MAX_ROWS_PER_FILE).forEach((part, index) => {
      files.push({
        name: `${options.baseName}-buffer-${group.slug}-${index + 1}.csv`,
        content: writeCsv(part, { header: BUFFER_HEADER }),
        rows: part.length,
        channelId: group.channelId,
      });
    });
  }
  return log.output(files);
}
