// Story-intake test material: form exports in the shapes Microsoft Forms and Google Forms write
// (by csv-stringify and exceljs), .storyidea files as the story form saves them, and real images.
import ExcelJS from 'exceljs';
import { stringify } from 'csv-stringify/sync';
import sharp from 'sharp';

export const MS_FORMS_HEADERS = ['ID', 'Start time', 'Completion time', 'Email', 'Name', 'Last modified time', 'Branch or department', 'What should we call the story?', 'Tell us what happened', 'People featured', 'Earliest', 'Before'];
export const GOOGLE_FORMS_HEADERS = ['Timestamp', 'Email Address', 'Your name', 'Branch', 'Title', 'Story', 'Who is in it?', 'Not before', 'Run by'];

export const msFormsRows = (n: number, offset = 0): string[][] =>
  Array.from({ length: n }, (_, i) => [
    String(offset + i + 1), '5/1/2027 9:00:00', '5/1/2027 9:04:00', `staff${offset + i}@riverside.example`, `Staff Member ${offset + i}`, '',
    ['Oak Street', 'Main Street', 'West Side'][i % 3], `Story number ${offset + i}: the lobby food drive`, `We collected ${100 + i} cans for the pantry.`,
    i % 2 ? 'Ana Ruiz, Ben Ode' : '', '5/10/2027', '6/30/2027',
  ]);

export const csvOf = (headers: string[], rows: string[][], delimiter = ','): string => stringify([headers, ...rows], { delimiter });

export async function xlsxOf(headers: string[], rows: Array<Array<string | Date>>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Form Responses 1');
  sheet.addRow(headers);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A real JPEG of the given size (a colour gradient), as a camera or the form would send it. */
export const jpeg = (width: number, height: number, quality = 90): Promise<Buffer> =>
  sharp({ create: { width, height, channels: 3, background: { r: 40, g: 120, b: 160 } } }).jpeg({ quality }).toBuffer();

export function storyIdea(overrides: { idea?: Record<string, unknown>; photos?: unknown[]; version?: number; format?: string } = {}): Record<string, unknown> {
  return {
    format: overrides.format ?? 'storybank.storyidea',
    version: overrides.version ?? 1,
    createdAt: '2027-04-02T10:00:00.000Z',
    bank: 'Riverside Community Bank',
    idea: {
      title: 'Teller Ana ran her first marathon',
      story: 'Ana from Oak Street finished the city marathon in 4 hours 12 minutes.',
      submitter: { name: 'Ben Ode', email: 'ben@riverside.example', branch: 'Oak Street' },
      featured: [{ name: 'Ana Ruiz', consent: true }],
      category: 'Employee highlights',
      earliest: '2027-05-01',
      before: '2027-06-30',
      notes: '',
      ...overrides.idea,
    },
    photos: overrides.photos ?? [],
  };
}

export const fileOf = (name: string, content: string | Buffer | Record<string, unknown>): { name: string; bytes: Buffer } => ({
  name,
  bytes: Buffer.isBuffer(content) ? content : Buffer.from(typeof content === 'string' ? content : JSON.stringify(content)),
});
