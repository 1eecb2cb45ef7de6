// Rows of a Forms export, through a column mapping, into candidate ideas. A row with a problem is
// rejected by its row number; the file as a whole is refused only when it cannot be read or lacks
// a required column.
import type { ColumnMapping } from '../../../shared/api/ideas';
import { FORM_FIELD_LABELS, FORM_FIELDS, REQUIRED_FORM_FIELDS, autoMapping, formKey, parseFormDate, splitPeople, type FormField } from '../../../shared/intake/mapping';
import { ServiceError } from '../errors';
import type { IdeaCandidate, Rejection } from './candidates';
import type { FormTable } from './forms';

export type FullMapping = Record<FormField, string | null>;

/**
 * The mapping to use: the one remembered for this form, else what the headers say; a mapping given
 * (the import step's, or --mapping) overrides the fields it names (null: not in this form).
 */
export function chooseMapping(table: FormTable, given: ColumnMapping | undefined, remembered: (key: string) => FullMapping | null): { mapping: FullMapping; remembered: boolean } {
  const known = remembered(formKey(table.headers));
  const base = known ?? autoMapping(table.headers);
  return { mapping: { ...base, ...given }, remembered: known !== null && !given };
}

export const missingFields = (mapping: FullMapping): FormField[] => REQUIRED_FORM_FIELDS.filter((field) => !mapping[field]);

export function rowsToCandidates(file: string, source: 'csv' | 'xlsx', table: FormTable, mapping: FullMapping): { candidates: IdeaCandidate[]; rejected: Rejection[] } {
  for (const [field, header] of Object.entries(mapping)) {
    if (header && !table.headers.includes(header)) {
      throw new ServiceError('validation', `${file}: the mapping puts ${FORM_FIELD_LABELS[field as FormField]} in a column "${header}", which this file does not have (its columns: ${table.headers.join(', ')})`);
    }
  }
  const missing = missingFields(mapping);
  if (missing.length) {
    throw new ServiceError('validation', `${file}: no column for ${missing.map((f) => FORM_FIELD_LABELS[f]).join(', ')}. Map ${missing.length === 1 ? 'it' : 'them'} in the import step (or with --mapping), or add ${missing.length === 1 ? 'that column' : 'those columns'} to the form.`);
  }
  const index = Object.fromEntries(FORM_FIELDS.map((f) => [f, mapping[f] ? table.headers.indexOf(mapping[f]!) : -1])) as Record<FormField, number>;
  const candidates: IdeaCandidate[] = [];
  const rejected: Rejection[] = [];
  table.rows.forEach((cells, i) => {
    const row = table.rowNumbers[i];
    const value = (field: FormField) => (index[field] >= 0 ? cells[index[field]] : '');
    const empty = REQUIRED_FORM_FIELDS.filter((field) => value(field) === '');
    if (empty.length) return void rejected.push({ file, row, reason: `${empty.map((f) => FORM_FIELD_LABELS[f]).join(' and ')} ${empty.length === 1 ? 'is' : 'are'} empty` });
    const earliest = parseFormDate(value('earliest'));
    const before = parseFormDate(value('before'));
    if ('problem' in earliest) return void rejected.push({ file, row, reason: `Earliest: ${earliest.problem}` });
    if ('problem' in before) return void rejected.push({ file, row, reason: `Before: ${before.problem}` });
    candidates.push({
      file,
      row,
      source,
      title: value('title'),
      story: value('story'),
      submittedBy: value('name'),
      submitterEmail: value('email'),
      branch: value('branch'),
      featured: splitPeople(value('featured')).map((name) => ({ name, consentStated: false })),
      categoryName: value('category'),
      earliest: earliest.date,
      latest: before.date,
      notes: value('notes'),
      photos: [],
    });
  });
  return { candidates, rejected };
}
