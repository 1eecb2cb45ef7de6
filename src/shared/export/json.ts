// JSON export with full fidelity: every ExportItem field as validated, plus export metadata.
// Encoding: UTF-8 WITHOUT a BOM (RFC 8259 §8.1 forbids adding one).
import { ExportLog, sortItems } from './common';
import type { ExportItem, ExportOptions, ExportOutput } from './types';

export const JSON_EXPORT_FORMAT = 'storybank-export';
export const JSON_EXPORT_VERSION = 1;

export interface JsonExportDocument {
  format: typeof JSON_EXPORT_FORMAT;
  version: typeof JSON_EXPORT_VERSION;
  workspaceName: string;
  exportedAt: string;
  items: ExportItem[];
}

export function exportJson(items: readonly ExportItem[], options: ExportOptions): ExportOutput {
  const sorted = sortItems(items);
  const document: JsonExportDocument = {
    format: JSON_EXPORT_FORMAT,
    version: JSON_EXPORT_VERSION,
    workspaceName: options.workspaceName,
    exportedAt: options.now,
    items: sorted,
  };
  return new ExportLog().output([{ name: `${options.baseName}.json`, content: `${JSON.stringify(document, null, 2)}\n`, rows: sorted.length }]);
}
