// Publer bulk CSV: its 12 fixed columns, all present and in order even when blank:
// Date, Text, Link(s), Media URL(s), Title, Label(s), Alt text(s), Comment(s), Board/Album,
// Post subtype, CTA, Reminder. Date `YYYY-MM-DD HH:MM` with a colon (a hyphen fails silently),
// written in the channel's zone. A blank date would make Publer auto-schedule, so every row has one.
// Media: public https URLs, several separated by commas; alt texts separated by `||` (Publer's
// caption divider; unconfirmed for the Alt text(s) column: check the template before shipping).
// One channel per file (accounts are chosen at upload): `<baseName>-publer-<channel>.csv`.
// Encoding: UTF-8 WITHOUT a BOM: the importer matches header names and Publer itself advises
// against Excel for special characters, so the file is not tuned for Excel.
import { ExportLog, repeatedHourRule, tagsCell, groupByChannel, hasPublicImages, isApproved, isFarEnoughAhead, sortItems, wallClock, warnIfSecondsDropped, writeCsv } from './common';
import type { ExportFile, ExportItem, ExportOptions, ExportOutput } from './types';

export const PUBLER_HEADER = [
  'Date',
  'Text',
  'Link(s)',
  'Media URL(s)',
  'Title',
  'Label(s)',
  'Alt text(s)',
  'Comment(s)',
  'Board/Album',
  'Post subtype',
  'CTA',
  'Reminder',
] as const;
/** Publer's carousel limit is per network; 10 matches Instagram's, the strictest common case. */
export const PUBLER_MAX_IMAGES = 10;
const TARGET = 'Publer';

function separatorClash(item: ExportItem, log: ExportLog): boolean {
  const index = item.images.findIndex((image) => image.url.includes(','));
  if (index >= 0) {
    log.leaveOut(item, 'publer.separator_in_url', `Publer: image ${index + 1} URL contains a comma, which Publer reads as a separator (field images[${index}].url)`);
    return true;
  }
  const altIndex = item.images.findIndex((image) => image.alt.includes('||'));
  if (altIndex >= 0) {
    log.leaveOut(item, 'publer.separator_in_alt', `Publer: image ${altIndex + 1} alt text contains "||", which Publer reads as a separator (field images[${altIndex}].alt)`);
    return true;
  }
  return false;
}

export function exportPubler(items: readonly ExportItem[], options: ExportOptions): ExportOutput {
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
      if (!hasPublicImages(item, TARGET, PUBLER_MAX_IMAGES, log)) continue;
      if (separatorClash(item, log)) continue;
      warnIfSecondsDropped(item, at, TARGET, log);
      const hasAlt = item.images.some((image) => image.alt !== '');
      rows.push([
        wallClock(at, item.timezone, 'yyyy-MM-dd HH:mm'),
        item.text,
        item.link ?? '',
        item.images.map((image) => image.url).join(','),
        item.title,
        tagsCell(item, TARGET, log),
        hasAlt ? item.images.map((image) => image.alt).join('||') : '',
        '',
        '',
        '',
        '',
        '',
      ]);
    }
    if (rows.length > 0) {
      files.push({ name: `${options.baseName}-publer-${group.slug}.csv`, content: writeCsv(rows, { header: PUBLER_HEADER }), rows: rows.length, channelId: group.channelId });
    }
  }
  return log.output(files);
}
