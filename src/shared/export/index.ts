// Storybank's pure exporters: export items (one post on one channel) to file contents.
// `exportItems` validates the input, then dispatches to the format's own writer and rules.
import { exportBuffer } from './buffer';
import { exportGenericCsv } from './genericCsv';
import { exportHootsuite } from './hootsuite';
import { exportIcs } from './ics';
import { exportJson } from './json';
import { exportPubler } from './publer';
import { exportSprout } from './sprout';
import { ExportFormat, ExportItem, ExportOptions } from './types';
import type { ExportItemInput, ExportOptionsInput, ExportOutput } from './types';

export * from './types';
export { BUFFER_HEADER, BUFFER_MAX_ROWS_PER_FILE } from './buffer';
export { HOOTSUITE_MAX_ROWS, HOOTSUITE_LEAD_MINUTES, roundUpToSlot } from './hootsuite';
export { SPROUT_HEADER, SPROUT_MAX_ROWS_PER_FILE } from './sprout';
export { PUBLER_HEADER } from './publer';
export { GENERIC_CSV_HEADER } from './genericCsv';
export { icsUid, ICS_EVENT_MINUTES } from './ics';
export { JSON_EXPORT_FORMAT, JSON_EXPORT_VERSION, type JsonExportDocument } from './json';

type Exporter = (items: readonly ExportItem[], options: ExportOptions) => ExportOutput;

const EXPORTERS: Record<ExportFormat, Exporter> = {
  buffer: exportBuffer,
  hootsuite: exportHootsuite,
  sprout: exportSprout,
  publer: exportPubler,
  csv: exportGenericCsv,
  ics: exportIcs,
  json: exportJson,
};

/** File extension of each format, for save dialogs. */
export const EXPORT_EXTENSIONS: Record<ExportFormat, 'csv' | 'ics' | 'json'> = {
  buffer: 'csv',
  hootsuite: 'csv',
  sprout: 'csv',
  publer: 'csv',
  csv: 'csv',
  ics: 'ics',
  json: 'json',
};

/**
 * Writes `items` in `format`. Throws a ZodError when the items or options are malformed
 * (a caller bug); posts that break a rule of the format are listed in `leftOut`, never written.
 */
export function exportItems(format: ExportFormat, items: readonly ExportItemInput[], options: ExportOptionsInput): ExportOutput {
  const parsedFormat = ExportFormat.parse(format);
  const parsedItems = ExportItem.array().parse(items);
  const parsedOptions = ExportOptions.parse(options);
  return EXPORTERS[parsedFormat](parsedItems, parsedOptions);
}
