// Which column of a Microsoft Forms or Google Forms export holds which field of a story idea.
// Headers that name a field map themselves; the form tools' own bookkeeping columns are ignored.

export const FORM_FIELDS = ['name', 'email', 'branch', 'title', 'story', 'featured', 'earliest', 'before', 'category', 'notes'] as const;
export type FormField = (typeof FORM_FIELDS)[number];
export const REQUIRED_FORM_FIELDS: readonly FormField[] = ['name', 'title', 'story'];
export const FORM_FIELD_LABELS: Record<FormField, string> = {
  name: 'Name',
  email: 'Email',
  branch: 'Branch or department',
  title: 'Title',
  story: 'Story',
  featured: 'People featured',
  earliest: 'Earliest',
  before: 'Before',
  category: 'Category',
  notes: 'Notes',
};

/** Microsoft Forms (ID, Start time, Completion time, Last modified time) and Google Forms (Timestamp). */
const BOOKKEEPING = ['id', 'start time', 'completion time', 'last modified time', 'timestamp'];

const normalize = (header: string): string => header.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** Words that name each field, most specific field first ("Story title" is a title, not a story). */
const FIELD_WORDS: Array<[FormField, RegExp]> = [
  ['featured', /\b(people featured|featured people|featured|who is in)\b/],
  ['email', /\b(e ?mail|email address)\b/],
  ['branch', /\b(branch|department|location)\b/],
  ['title', /\b(title|headline|subject|call (it|the story))\b/],
  ['story', /\b(story|stories|tell us)\b/],
  ['earliest', /\b(earliest|not before|from date)\b/],
  ['before', /\b(before|deadline|latest|run by)\b/],
  ['category', /\b(category|kind of post)\b/],
  ['notes', /\b(notes?|anything else)\b/],
  ['name', /\b(name|your name|submitted by)\b/],
];

export const isBookkeepingColumn = (header: string): boolean => BOOKKEEPING.includes(normalize(header));

/** The mapping a form's headers suggest by themselves; every field maps to at most one column. */
export function autoMapping(headers: readonly string[]): Record<FormField, string | null> {
  const mapping = Object.fromEntries(FORM_FIELDS.map((f) => [f, null])) as Record<FormField, string | null>;
  const taken = new Set<string>();
  const candidates = headers.filter((h) => h.trim() !== '' && !isBookkeepingColumn(h));
  // exact names first (a column called "Name" beats "People featured (names)")
  for (const field of FORM_FIELDS) {
    const exact = candidates.find((h) => !taken.has(h) && normalize(h) === normalize(FORM_FIELD_LABELS[field]));
    if (exact) {
      mapping[field] = exact;
      taken.add(exact);
    }
  }
  for (const header of candidates) {
    if (taken.has(header)) continue;
    const words = normalize(header);
    const match = FIELD_WORDS.find(([field, pattern]) => mapping[field] === null && pattern.test(words));
    if (match) {
      mapping[match[0]] = header;
      taken.add(header);
    }
  }
  return mapping;
}

/** A form is known by its headers: the same form exported again maps the same way. */
export const formKey = (headers: readonly string[]): string => headers.map(normalize).join('\u001f');

/** People named in one answer: "Ana Ruiz, Ben Ode and Chi Obi" or one per line. */
export const splitPeople = (text: string): string[] =>
  text
    .split(/\s*(?:[,;\n\r]|\band\b|&)\s*/i)
    .map((name) => name.trim().replace(/\s+/g, ' '))
    .filter((name) => name !== '');

/**
 * A date as staff type it or a form tool exports it: 2027-05-12, 5/12/2027 (US order) or 12.05.2027
 * (European order), with or without a time after it. Null for an empty answer; a string for an error.
 */
export function parseFormDate(text: string): { date: string | null } | { problem: string } {
  const value = text.trim();
  if (value === '') return { date: null };
  const pad = (n: number) => String(n).padStart(2, '0');
  const build = (y: number, m: number, d: number) => {
    const probe = new Date(Date.UTC(y, m - 1, d));
    if (y < 1987 || y > 9997 || probe.getUTCMonth() !== m - 1 || probe.getUTCDate() !== d) return { problem: `"${value}" is not a date (write it as 2027-05-12 or 5/12/2027)` };
    return { date: `${y}-${pad(m)}-${pad(d)}` };
  };
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(value);
  if (m) return build(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s.*)?$/.exec(value);
  if (m) return build(Number(m[3]), Number(m[1]), Number(m[2]));
  m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:\s.*)?$/.exec(value);
  if (m) return build(Number(m[3]), Number(m[2]), Number(m[1]));
  return { problem: `"${value}" is not a date (write it as 2027-05-12 or 5/12/2027)` };
}
