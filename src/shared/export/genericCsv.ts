// Generic CSV: every field, one row per post and channel, for audits, clients and spreadsheets.
// Encoding: UTF-8 WITH a BOM, because this file is meant to be opened in Excel, which reads a
// BOM-less CSV in the legacy code page and garbles emoji, Chinese, Arabic, accents.
// Cells starting with = + - @ (tab, CR) get a leading ' (csv-stringify's escape_formulas) so a
// spreadsheet does not run them as formulas; each such row is reported as a warning.
// Multi-valued fields are joined with a line break (image URLs, alt texts) or ", " (tags); the
// JSON export is the lossless one.
import { ExportLog, sortItems, wallClock, writeCsv } from './common';
import type { ExportItem, ExportOptions, ExportOutput } from './types';

export const GENERIC_CSV_HEADER = [
  'post_id',
  'channel_id',
  'channel_name',
  'network',
  'time_zone',
  'scheduled_at_utc',
  'scheduled_local',
  'title',
  'text',
  'link',
  'image_urls',
  'image_alts',
  'tags',
  'category',
  'status',
  'content_hash',
] as const;

const FORMULA_START = /^[=+\-@\t\r]/;

export function exportGenericCsv(items: readonly ExportItem[], options: ExportOptions): ExportOutput {
  const log = new ExportLog();
  const rows = sortItems(items).map((item) => {
    const row = [
      item.postId,
      item.channelId,
      item.channelName,
      item.network,
      item.timezone,
      item.scheduledAt,
      wallClock(Date.parse(item.scheduledAt), item.timezone, 'yyyy-MM-dd HH:mm'),
      item.title,
      item.text,
      item.link ?? '',
      item.images.map((image) => image.url).join('\n'),
      item.images.map((image) => image.alt).join('\n'),
      item.tags.join(', '),
      item.categoryName ?? '',
      item.status,
      item.contentHash,
    ];
    const escaped = row.map((cell, index) => (FORMULA_START.test(cell) ? GENERIC_CSV_HEADER[index] : null)).filter((c) => c !== null);
    if (escaped.length > 0) {
      log.warn(item, 'csv.formula_escaped', `CSV: ${escaped.join(', ')} ${escaped.length === 1 ? 'starts' : 'start'} with a formula character (= + - @); prefixed with ' so spreadsheets show it as text`);
    }
    return row;
  });
  const content = writeCsv(rows, { header: GENERIC_CSV_HEADER, bom: true, escapeFormulas: true });
  return log.output([{ name: `${options.baseName}.csv`, content, rows: rows.length }]);
}
