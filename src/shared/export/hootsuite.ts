// Hootsuite Bulk Composer CSV.
// No header; column A the date and time (24 h, day-first or month-first as chosen at upload),
// B the message, C an optional URL. Hootsuite only takes minutes ending in 0 or 5, at least
// 10 minutes ahead, one message per time slot, no duplicate messages, at most 350 rows.
// Every row of an upload goes to all the profiles picked at upload, so each file holds one
// channel: `<baseName>-hootsuite-<channel>.csv`. Times are written in the channel's zone; the
// user's Hootsuite account must use the same zone (Hootsuite reads the cell in the account zone).
// Encoding: UTF-8 WITHOUT a BOM: there is no header row, so a BOM would be glued to the first date
// cell and break its parsing; Hootsuite asks for plain UTF-8.
import { ExportLog, repeatedHourRule, MINUTE_MS, groupByChannel, isApproved, isFarEnoughAhead, sortItems, wallClock, writeCsv } from './common';
import type { ExportFile, ExportItem, ExportOptions, ExportOutput } from './types';

export const HOOTSUITE_MAX_ROWS = 350;
export const HOOTSUITE_SLOT_MINUTES = 5;
export const HOOTSUITE_LEAD_MINUTES = 10;
const TARGET = 'Hootsuite';
const SLOT_MS = HOOTSUITE_SLOT_MINUTES * MINUTE_MS;

export function hootsuiteDatePattern(dateOrder: ExportOptions['dateOrder']): string {
  return dateOrder === 'dmy' ? 'dd/MM/yyyy HH:mm' : 'MM/dd/yyyy HH:mm';
}

/** Next slot boundary at or after the instant. Every current zone offset is a multiple of 15 minutes, so UTC and wall-clock slots agree. */
export function roundUpToSlot(instantMs: number): number {
  return Math.ceil(instantMs / SLOT_MS) * SLOT_MS;
}

export function exportHootsuite(items: readonly ExportItem[], options: ExportOptions): ExportOutput {
  const log = new ExportLog();
  const unambiguous = repeatedHourRule(items, TARGET, log);
  const nowMs = Date.parse(options.now);
  const pattern = hootsuiteDatePattern(options.dateOrder);
  const files: ExportFile[] = [];
  for (const group of groupByChannel(sortItems(items))) {
    const rows: string[][] = [];
    const postBySlot = new Map<number, ExportItem>();
    const postByMessage = new Map<string, ExportItem>();
    for (const item of group.items) {
      if (!isApproved(item, TARGET, log)) continue;
      const original = Date.parse(item.scheduledAt);
      const slot = roundUpToSlot(original);
      // Checked on the rounded time: that is the time Hootsuite will read.
      if (!isFarEnoughAhead(item, slot, TARGET, nowMs, HOOTSUITE_LEAD_MINUTES, log)) continue;
      if (!unambiguous(item, slot)) continue;
      const message = item.text.trim();
      const sameMessage = postByMessage.get(message);
      if (sameMessage) {
        log.leaveOut(item, 'hootsuite.duplicate_message', `Hootsuite: same message as post ${sameMessage.postId} on this channel; Hootsuite rejects duplicate messages (field text)`);
        continue;
      }
      const slotTaken = postBySlot.get(slot);
      if (slotTaken) {
        log.leaveOut(
          item,
          'hootsuite.slot_taken',
          `Hootsuite: the ${wallClock(slot, item.timezone, 'yyyy-MM-dd HH:mm')} slot is already used by post ${slotTaken.postId} on this channel; one message per 5-minute slot (field scheduledAt)`,
        );
        continue;
      }
      if (rows.length >= HOOTSUITE_MAX_ROWS) {
        log.leaveOut(item, 'hootsuite.over_limit', `Hootsuite: one upload takes at most ${HOOTSUITE_MAX_ROWS} messages; this post is past the limit for this channel (export the rest later)`);
        continue;
      }
      if (slot !== original) {
        log.warn(
          item,
          'hootsuite.rounded_up',
          `Hootsuite: time rounded up from ${wallClock(original, item.timezone, 'yyyy-MM-dd HH:mm:ss')} to ${wallClock(slot, item.timezone, 'yyyy-MM-dd HH:mm')} (${item.timezone}); Hootsuite only takes minutes ending in 0 or 5`,
        );
      }
      if (item.images.length > 0) {
        log.warn(item, 'hootsuite.images_not_carried', `Hootsuite: the bulk CSV cannot carry images; attach the post's ${item.images.length} image(s) in Hootsuite's review step`);
      }
      postBySlot.set(slot, item);
      postByMessage.set(message, item);
      rows.push([wallClock(slot, item.timezone, pattern), item.text, item.link ?? '']);
    }
    if (rows.length > 0) {
      files.push({ name: `${options.baseName}-hootsuite-${group.slug}.csv`, content: writeCsv(rows), rows: rows.length, channelId: group.channelId });
    }
  }
  return log.output(files);
}
