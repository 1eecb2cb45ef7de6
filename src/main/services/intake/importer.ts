// Imports story ideas from .storyidea files and Forms exports (CSV, XLSX). Everything is read and
// checked first; then, unless it is a dry run, the new ideas and their photos are written in one
// transaction. A file that cannot be read is rejected whole; a bad row is rejected by its number;
// the same submission (by content hash) is never imported twice.
import type { ColumnMapping, FormPreview, ImportReport } from '../../../shared/api/ideas';
import { Idea } from '../../../shared/domain/ideas';
import { formKey, isBookkeepingColumn } from '../../../shared/intake/mapping';
import { STORYIDEA_EXTENSION } from '../../../shared/intake/storyidea';
import type { Repositories } from '../../db/repositories';
import { newId, nowIso } from '../../db/repositories/rows';
import { INPUT_FILE_LIMITS, checkSize, readBytesInput } from '../../files/input-file';
import { ServiceError } from '../errors';
import type { MediaService } from '../media';
import type { AuditService } from '../review/audit';
import type { Access } from '../review/people';
import { candidateHash, describeIssues, type IdeaCandidate, type Rejection } from './candidates';
import { readCsvTable, readXlsxTable, type FormTable } from './forms';
import { chooseMapping, missingFields, rowsToCandidates, type FullMapping } from './formRows';
import { categoryLookup, type CategoryLookup, type IdeaService } from './ideas';
import { readStoryIdea } from './storyFile';

const MAPPINGS_KEY = 'intake.formMappings';

export interface InputFile {
  name: string;
  bytes: Buffer;
}

type Kind = 'storyidea' | 'csv' | 'xlsx';
const kindOf = (name: string): Kind | null => {
  const lower = name.toLowerCase();
  if (lower.endsWith(STORYIDEA_EXTENSION) || lower.endsWith('.json')) return 'storyidea';
  if (lower.endsWith('.csv') || lower.endsWith('.tsv') || lower.endsWith('.txt')) return 'csv';
  if (lower.endsWith('.xlsx')) return 'xlsx';
  return null;
};
const LIMITS: Record<Kind, number> = { storyidea: INPUT_FILE_LIMITS.storyIdea, csv: INPUT_FILE_LIMITS.formExport, xlsx: INPUT_FILE_LIMITS.formExport };

/** The kind of a file by its name, or a typed refusal for a kind Storybank does not import. */
function importKind(name: string): Kind {
  const kind = kindOf(name);
  if (!kind) throw new ServiceError('validation', `${name}: Storybank imports .storyidea files from the story form and CSV or XLSX exports of Microsoft Forms and Google Forms`);
  return kind;
}

/** A rejection's reason without the file name the error message starts with (the report names the file). */
const reasonOf = (file: string, error: unknown): string => {
  const message = typeof error === 'string' ? error : error instanceof ServiceError ? error.message : null;
  if (message === null) throw error;
  return message.startsWith(`${file}: `) ? message.slice(file.length + 2) : message;
};

type ImportOptions = { mapping?: ColumnMapping; dryRun?: boolean };

export function createImporter(deps: { repos: Repositories; access: Access; media: MediaService; ideas: IdeaService; audit: AuditService }) {
  const { repos, access, media, ideas, audit } = deps;

  const mappings = (): Record<string, FullMapping> => {
    try {
      return JSON.parse(repos.settings.get(MAPPINGS_KEY) ?? '{}') as Record<string, FullMapping>;
    } catch {
      return {};
    }
  };
  const remembered = (key: string): FullMapping | null => mappings()[key] ?? null;

  const readTable = async (file: InputFile, kind: 'csv' | 'xlsx'): Promise<FormTable> =>
    kind === 'csv' ? readCsvTable(file.name, file.bytes) : readXlsxTable(file.name, file.bytes);

  /** Reads one file into candidates (and the rows it rejects); a file it cannot read throws. */
  const readFile = async (file: InputFile, given: ColumnMapping | undefined): Promise<{ candidates: IdeaCandidate[]; rejected: Rejection[]; form?: { key: string; mapping: FullMapping } }> => {
    const kind = importKind(file.name);
    checkSize(file.name, file.bytes.length, LIMITS[kind]);
    if (file.bytes.length === 0) throw new ServiceError('validation', `${file.name}: the file is empty`);
    if (kind === 'storyidea') return { candidates: [readStoryIdea(file.name, file.bytes)], rejected: [] };
    const table = await readTable(file, kind);
    const { mapping } = chooseMapping(table, given, remembered);
    return { ...rowsToCandidates(file.name, kind, table, mapping), form: { key: formKey(table.headers), mapping } };
  };

  const toIdea = (candidate: IdeaCandidate, now: string, categories: CategoryLookup): Idea | Rejection => {
    const parsed = Idea.safeParse({
      id: newId(),
      title: candidate.title.slice(0, 200),
      story: candidate.story,
      submittedBy: candidate.submittedBy,
      submitterEmail: candidate.submitterEmail,
      branch: candidate.branch,
      featured: candidate.featured,
      photos: [],
      categoryId: categories.idFor(candidate.categoryName),
      earliest: candidate.earliest,
      latest: candidate.latest,
      notes: [candidate.notes, candidate.categoryName && !categories.known(candidate.categoryName) ? `Suggested category: ${candidate.categoryName}` : '']
        .filter(Boolean)
        .join('\n'),
      source: candidate.source,
      sourceHash: candidateHash(candidate),
      createdAt: now,
      updatedAt: now,
    });
    if (!parsed.success) return { file: candidate.file, row: candidate.row, reason: describeIssues(parsed.error) };
    if (parsed.data.earliest && parsed.data.latest && parsed.data.latest < parsed.data.earliest) {
      return { file: candidate.file, row: candidate.row, reason: `Before (${parsed.data.latest}) is earlier than Earliest (${parsed.data.earliest})` };
    }
    return parsed.data;
  };

  async function importFiles(files: InputFile[], options: ImportOptions = {}): Promise<ImportReport> {
    const person = access.require('planner', 'import story ideas');
    const by = { id: person.id, name: person.name };
    const report: ImportReport = { dryRun: options.dryRun === true, imported: [], duplicates: [], rejected: [] };
    const now = nowIso();
    const ready: Array<{ idea: Idea; candidate: IdeaCandidate }> = [];
    const forms: Array<{ key: string; mapping: FullMapping }> = [];
    const seen = new Set<string>();
    const categories = categoryLookup(repos);
    for (const file of files) {
      let read;
      try {
        read = await readFile(file, options.mapping);
      } catch (error) {
        report.rejected.push({ file: file.name, row: null, reason: reasonOf(file.name, error) });
        continue;
      }
      report.rejected.push(...read.rejected);
      if (read.form) forms.push(read.form);
      for (const candidate of read.candidates) {
        const idea = toIdea(candidate, now, categories);
        if (!('id' in idea)) {
          report.rejected.push(idea);
          continue;
        }
        const existing = repos.ideas.bySourceHash(idea.sourceHash!);
        if (existing || seen.has(idea.sourceHash!)) {
          report.duplicates.push({ file: candidate.file, row: candidate.row, title: idea.title, id: existing });
          continue;
        }
        seen.add(idea.sourceHash!);
        ready.push({ idea, candidate });
      }
    }
    if (!report.dryRun && (ready.length || forms.length)) {
      // one transaction, the audit chain's head written once for all the rows
      repos.transaction(() => audit.recordingMany(() => {
        for (const { idea, candidate } of ready) {
          const photos = candidate.photos.map((photo) => {
            if (photo.original) media.addBytes(photo.original, photo.name);
            return { src: media.addBytes(photo.bytes, photo.name).path, alt: photo.alt, originalName: photo.name };
          });
          ideas.store(null, { ...idea, photos }, 'idea.import', { file: candidate.file, row: candidate.row, source: candidate.source }, { by });
        }
        if (forms.length) repos.settings.set(MAPPINGS_KEY, JSON.stringify({ ...mappings(), ...Object.fromEntries(forms.map((f) => [f.key, f.mapping])) }));
      }));
    }
    report.imported = ready.map(({ idea, candidate }) => ({ file: candidate.file, row: candidate.row, title: idea.title, id: report.dryRun ? null : idea.id }));
    return report;
  }

  return {
    importFiles,

    /**
     * Imports files named on this machine (the CLI's arguments, the inbox's files), each read
     * within its kind's size cap before anything else; one it cannot read is rejected by `name`.
     */
    async importPaths(files: Array<{ path: string; name: string }>, options: ImportOptions = {}): Promise<ImportReport> {
      const readable: InputFile[] = [];
      const unreadable: Rejection[] = [];
      for (const file of files) {
        try {
          readable.push({ name: file.name, bytes: readBytesInput(file.path, LIMITS[importKind(file.name)]) });
        } catch (error) {
          // a refused kind names the file by its name, a failed read by its path
          unreadable.push({ file: file.name, row: null, reason: reasonOf(file.path, reasonOf(file.name, error)) });
        }
      }
      const report = await importFiles(readable, options);
      report.rejected.unshift(...unreadable);
      return report;
    },

    /** The headers, first rows and proposed mapping of a Forms export, for the mapping step. */
    async previewForm(file: InputFile): Promise<FormPreview> {
      const kind = kindOf(file.name);
      if (kind !== 'csv' && kind !== 'xlsx') throw new ServiceError('validation', `${file.name}: expected a CSV or XLSX export of Microsoft Forms or Google Forms`);
      checkSize(file.name, file.bytes.length, LIMITS[kind]);
      const table = await readTable(file, kind);
      const chosen = chooseMapping(table, undefined, remembered);
      return {
        file: file.name,
        headers: table.headers,
        sample: table.rows.slice(0, 5),
        rows: table.rows.length,
        mapping: chosen.mapping,
        remembered: chosen.remembered,
        ignored: table.headers.filter(isBookkeepingColumn),
        missing: missingFields(chosen.mapping),
      };
    },
  };
}
export type Importer = ReturnType<typeof createImporter>;
