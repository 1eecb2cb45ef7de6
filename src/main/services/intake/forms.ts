// Microsoft Forms and Google Forms exports (CSV or XLSX) as a table of text: headers and rows.
// Parsing is csv-parse's and exceljs's; this file only decodes, picks the separator and turns
// cell values into the text a person typed.
import { parse } from 'csv-parse/sync';
import type { CellValue } from 'exceljs';
import { ServiceError } from '../errors';
import { decodeText, sniffDelimiter } from './decode';

export const MAX_FORM_ROWS = 50_000;
const MAX_COLUMNS = 200;

export interface FormTable {
  headers: string[];
  /** Data rows (the header excluded), each as long as `headers`. */
  rows: string[][];
  /** The spreadsheet row number of each data row (the header is row 1). */
  rowNumbers: number[];
}

const reject = (file: string, message: string): ServiceError => new ServiceError('validation', `${file}: ${message}`);

/** A zip archive (an .xlsx workbook is one). */
export const isZip = (bytes: Uint8Array): boolean => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

function tableFrom(file: string, records: string[][], firstRowNumber: number[]): FormTable {
  const nonEmpty = (row: string[]) => row.some((cell) => cell.trim() !== '');
  const headerAt = records.findIndex(nonEmpty);
  if (headerAt < 0) throw reject(file, 'the file is empty: expected a header row (Name, Email, Title, Story, ...) and one row per answer');
  const headers = records[headerAt].map((h) => h.trim());
  if (headers.length > MAX_COLUMNS) throw reject(file, `${headers.length} columns is more than the ${MAX_COLUMNS} a form export has`);
  const rows: string[][] = [];
  const rowNumbers: number[] = [];
  for (let i = headerAt + 1; i < records.length; i++) {
    if (!nonEmpty(records[i])) continue;
    if (rows.length === MAX_FORM_ROWS) throw reject(file, `more than ${MAX_FORM_ROWS.toLocaleString('en-US')} answers: split the export`);
    rows.push(headers.map((_, c) => (records[i][c] ?? '').trim()));
    rowNumbers.push(firstRowNumber[i]);
  }
  return { headers, rows, rowNumbers };
}

/** A CSV export in any of the encodings and separators Excel and the form tools write. */
export function readCsvTable(file: string, bytes: Uint8Array): FormTable {
  if (isZip(bytes)) throw reject(file, 'this is an Excel workbook saved with a .csv name: rename it to .xlsx');
  const { text } = decodeText(bytes);
  if (text.includes('\u0000')) throw reject(file, 'not a text file (it contains binary data): export the responses as CSV or XLSX');
  let records: string[][];
  try {
    records = parse(text, { delimiter: sniffDelimiter(text), relax_column_count: true, skip_empty_lines: false, to: MAX_FORM_ROWS + 2 }) as string[][];
  } catch (error) {
    const e = error as { message?: string; lines?: number };
    throw reject(file, `not a readable CSV${e.lines ? ` (near line ${e.lines})` : ''}: ${e.message ?? String(error)}`);
  }
  return tableFrom(file, records, records.map((_, i) => i + 1));
}

const cellText = (value: CellValue): string => {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    // exceljs reads a date cell as that date at midnight UTC
    return value.toISOString().slice(0, value.getUTCHours() || value.getUTCMinutes() ? 16 : 10).replace('T', ' ');
  }
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return cellText((value.result ?? null) as CellValue);
    if ('error' in value) return '';
  }
  return String(value);
};

/** The first worksheet of an XLSX export. */
export async function readXlsxTable(file: string, bytes: Uint8Array): Promise<FormTable> {
  if (!isZip(bytes)) throw reject(file, 'not an Excel workbook (.xlsx): export the responses again, or save the file as CSV');
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch (error) {
    throw reject(file, `not a readable Excel workbook (${error instanceof Error ? error.message : String(error)})`);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw reject(file, 'the workbook has no worksheet');
  if (sheet.rowCount > MAX_FORM_ROWS + 1) throw reject(file, `more than ${MAX_FORM_ROWS.toLocaleString('en-US')} answers: split the export`);
  const records: string[][] = [];
  const numbers: number[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let c = 1; c <= Math.min(row.cellCount, MAX_COLUMNS + 1); c++) cells.push(cellText(row.getCell(c).value));
    records.push(cells);
    numbers.push(rowNumber);
  });
  return tableFrom(file, records, numbers);
}
