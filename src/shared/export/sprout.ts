// Sprout Social bulk-scheduling CSV.
// Required, case-sensitive headers `date`, `time_24hr`, `message_text`; the date is dd/mm/yyyy or
// mm/dd/yyyy (the import preference the user picks in Sprout = options.dateOrder), the time 24 h.
// Optional columns: Sprout documents "tags, links and images" columns without naming them in the
// research note; `link_url`, `public_image_url` and `tags` follow the one public implementation
// found (unconfirmed: check Sprout's downloadable template before relying on them).
// Rules: posts at least 10 minutes apart and at least 10 minutes after the upload, at most 350 rows
// per import (longer channels are split into numbered files, never dropped). Profiles are chosen
// at upload, so one channel per file: `<baseName>-sprout-<channel>-<n>.csv`.
// Encoding: UTF-8 WITHOUT a BOM: Sprout matches the headers exactly and a BOM would be glued to
// `date`; the file is meant for Sprout's importer, not Excel.
import { ExportLog, repeatedHourRule, tagsCell, MINUTE_MS, chunk, groupByChannel, hasPublicImages, isApproved, isFarEnoughAhead, sortItems, wallClock, warnIfSecondsDropped, writeCsv } from './common';
import type { ExportFile, ExportItem, ExportOptions, ExportOutput } from './types';

export const SPROUT_HEADER = ['date', 'time_24hr', 'message_text', 'link_url', 'public_image_url', 'tags'] as const;
export const SPROUT_MAX_ROWS_PER_FILE = 350;
export const SPROUT_MIN_GAP_MINUTES = 10;
const TARGET = 'Sprout';

export function sproutDatePattern(dateOrder: ExportOptions['dateOrder']): string {
  return dateOrder === 'dmy' ? 'dd/MM/yyyy' : 'MM/dd/yyyy';
}

export function exportSprout(items: readonly ExportItem[], options: ExportOptions): ExportOutput {
  const log = new ExportLog();
  const unambiguous = repeatedHourRule(items, TARGET, log);
  const nowMs = Date.parse(options.now);
  const datePattern = sproutDatePattern(options.dateOrder);
  const files: ExportFile[] = [];
  for (const group of groupByChannel(sortItems(items))) {
    const rows: string[][] = [];
    let previous: { item: ExportItem; at: number } | null = null;
    for (const item of group.items) {
      const at = Date.parse(item.scheduledAt);
      if (!isApproved(item, TARGET, log)) continue;
      if (!isFarEnoughAhead(item, at, TARGET, nowMs, SPROUT_MIN_GAP_MINUTES, log)) continue;
      if (!unambiguous(item, at)) continue;
      if (previous && at - previous.at < SPROUT_MIN_GAP_MINUTES * MINUTE_MS) {
        log.leaveOut(
          item,
          'sprout.too_close',
          `Sprout: posts on one profile must be at least ${SPROUT_MIN_GAP_MINUTES} minutes apart; post ${previous.item.postId} is at ${previous.item.scheduledAt} (field scheduledAt)`,
        );
        continue;
      }
      if (!hasPublicImages(item, TARGET, 1, log)) continue;
      warnIfSecondsDropped(item, at, TARGET, log);
      previous = { item, at };
      rows.push([
        wallClock(at, item.timezone, datePattern),
        wallClock(at, item.timezone, 'HH:mm'),
        item.text,
        item.link ?? '',
        item.images[0]?.url ?? '',
        tagsCell(item, TARGET, log),
      ]);
    }
    chunk(rows, SPROUT_MAX_ROWS_PER_FILE).forEach((part, index) => {
      files.push({
        name: `${options.baseName}-sprout-${group.slug}-${index + 1}.csv`,
        content: writeCsv(part, { header: SPROUT_HEADER }),
        rows: part.length,
        channelId: group.channelId,
      });
    });
  }
  return log.output(files);
}
