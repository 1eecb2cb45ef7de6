// Importing story ideas: Forms exports (CSV, XLSX) through a mapping that is remembered, and
// .storyidea files. Every bad input gets a message naming the file (and row) and changes nothing.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dbFingerprint, demoWorkspaceEachTest } from '../support/workspace';
import { GOOGLE_FORMS_HEADERS, MS_FORMS_HEADERS, csvOf, fileOf, jpeg, msFormsRows, storyIdea, xlsxOf } from '../support/intake';

const workspace = demoWorkspaceEachTest();

describe('Forms exports', () => {
  it('a Microsoft Forms CSV and a Google Forms XLSX import through a saved mapping, remembered for the next export', async () => {
    const ws = workspace();
    const csv = fileOf('ms-forms.csv', csvOf(MS_FORMS_HEADERS, msFormsRows(3)));
    // The headers alone map Email, Name and Branch; the bookkeeping columns are left out.
    const preview = await ws.services.importer.previewForm(csv);
    expect(preview.ignored).toEqual(['ID', 'Start time', 'Completion time', 'Last modified time']);
    expect(preview.mapping.email).toBe('Email');
    expect(preview.mapping.name).toBe('Name');
    expect(preview.mapping.branch).toBe('Branch or department');
    expect(preview.mapping.story).toBe('Tell us what happened');
    expect(preview.mapping.title).toBe('What should we call the story?');
    expect(preview.rows).toBe(3);
    const mapping = { ...preview.mapping, featured: 'People featured', earliest: 'Earliest', before: 'Before' };

    const dry = await ws.services.importer.importFiles([csv], { mapping, dryRun: true });
    expect(dry.imported).toHaveLength(3);
    expect(ws.services.ideas.list().filter((i) => i.source === 'csv')).toHaveLength(0);

    const real = await ws.services.importer.importFiles([csv], { mapping });
    expect(real.imported.map((i) => i.row)).toEqual([2, 3, 4]);
    const imported = ws.services.ideas.list().filter((i) => i.source === 'csv');
    expect(imported).toHaveLength(3);
    const second = imported.find((i) => i.title.startsWith('Story number 1'))!;
    expect(second).toMatchObject({ submittedBy: 'Staff Member 1', submitterEmail: 'staff1@riverside.example', branch: 'Main Street', earliest: '2027-05-10', latest: '2027-06-30', status: 'new' });
    expect(second.featured.map((f) => f.name)).toEqual(['Ana Ruiz', 'Ben Ode']);
    // the default category: employee highlights
    expect(ws.services.categories.list().find((c) => c.id === second.categoryId)?.name).toBe('Employee highlights');

    // the next export of the same form maps itself the way it was mapped
    const next = fileOf('ms-forms-june.csv', csvOf(MS_FORMS_HEADERS, msFormsRows(2, 10)));
    const remembered = await ws.services.importer.previewForm(next);
    expect(remembered.remembered).toBe(true);
    expect(remembered.mapping.featured).toBe('People featured');
    const again = await ws.services.importer.importFiles([next]);
    expect(again.imported).toHaveLength(2);
    expect(ws.services.ideas.list().find((i) => i.title.startsWith('Story number 11'))!.featured.map((f) => f.name)).toEqual(['Ana Ruiz', 'Ben Ode']);

    // Google Forms as XLSX, with real date cells
    const xlsx = fileOf('google-forms.xlsx', await xlsxOf(GOOGLE_FORMS_HEADERS, [[new Date('2027-04-01T15:00:00Z'), 'li@riverside.example', 'Li Wei', 'West Side', 'Li’s 25 years at the drive-through', 'Li has waved to every car since 2002.', 'Li Wei', new Date('2027-05-03T00:00:00Z'), new Date('2027-05-31T00:00:00Z')]]));
    const xlsxPreview = await ws.services.importer.previewForm(xlsx);
    expect(xlsxPreview.ignored).toEqual(['Timestamp']);
    expect(xlsxPreview.missing).toEqual([]);
    const fromXlsx = await ws.services.importer.importFiles([xlsx], { mapping: { ...xlsxPreview.mapping, earliest: 'Not before', before: 'Run by' } });
    expect(fromXlsx.rejected).toEqual([]);
    expect(ws.services.ideas.list().find((i) => i.submittedBy === 'Li Wei')).toMatchObject({ source: 'xlsx', title: 'Li’s 25 years at the drive-through', earliest: '2027-05-03', latest: '2027-05-31', branch: 'West Side' });
  });

  it('reads UTF-16 (Excel "Unicode text"), a UTF-8 BOM, Windows-1252 and semicolons', async () => {
    const ws = workspace();
    const headers = ['Name', 'Branch', 'Title', 'Story'];
    const row = ['José Núñez', 'Café Street', '“Smart” savings', 'Renée’s idea: 5 € a week'];
    const tab = csvOf(headers, [row], '\t');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(tab, 'utf16le')]);
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csvOf(headers, [[...row.slice(0, 2), 'BOM title', row[3]]]))]);
    // Windows-1252: curly quotes 0x93/0x94, e-acute 0xE9, euro 0x80
    const latin = Buffer.from('Name;Branch;Title;Story\r\nRen\xe9e Caf\xe9;Oak;\x93Quoted\x94 title;Costs 5 \x80\r\n', 'latin1');
    const report = await ws.services.importer.importFiles([fileOf('unicode.txt', utf16), fileOf('bom.csv', bom), fileOf('european.csv', latin)]);
    expect(report.rejected).toEqual([]);
    const ideas = ws.services.ideas.list();
    expect(ideas.find((i) => i.title === '“Smart” savings')).toMatchObject({ submittedBy: 'José Núñez', story: 'Renée’s idea: 5 € a week' });
    expect(ideas.find((i) => i.title === 'BOM title')?.submittedBy).toBe('José Núñez');
    expect(ideas.find((i) => i.title === '“Quoted” title')).toMatchObject({ submittedBy: 'Renée Café', story: 'Costs 5 €', branch: 'Oak' });
  });

  it('rejects bad rows by number and imports the rest; the same export twice adds nothing', async () => {
    const ws = workspace();
    const rows = msFormsRows(3);
    rows[1][8] = ''; // row 3: no story
    rows[2][10] = '31/31/2027'; // row 4: no such date
    const csv = fileOf('ms.csv', csvOf(['Name', 'Title', 'Story', 'Earliest'], rows.map((r) => [r[4], r[7], r[8], r[10]])));
    const first = await ws.services.importer.importFiles([csv]);
    expect(first.imported.map((i) => i.row)).toEqual([2]);
    expect(first.rejected).toEqual([
      { file: 'ms.csv', row: 3, reason: 'Story is empty' },
      { file: 'ms.csv', row: 4, reason: 'Earliest: "31/31/2027" is not a date (write it as 2027-05-12 or 5/12/2027)' },
    ]);
    const fingerprint = dbFingerprint(ws.db);
    const second = await ws.services.importer.importFiles([csv]);
    expect(second.imported).toEqual([]);
    expect(second.duplicates.map((d) => d.row)).toEqual([2]);
    expect(dbFingerprint(ws.db)).toBe(fingerprint);
  });
});

describe('bad input changes nothing and says what is wrong', () => {
  const BAD: Array<[string, () => Promise<{ name: string; bytes: Buffer }> | { name: string; bytes: Buffer }, RegExp]> = [
    ['malformed CSV', () => fileOf('broken.csv', 'Name,Title,Story\n"Ana,"unclosed,quote\n'), /^not a readable CSV/],
    ['malformed XLSX', () => fileOf('broken.xlsx', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('not really a zip')])), /^not a readable Excel workbook/],
    ['a CSV that is not text', () => fileOf('binary.csv', Buffer.from([0x00, 0x01, 0x02, 0x00, 0xff, 0x00, 0x13, 0x00])), /not a text file|no column/],
    ['an .xlsx that is a CSV', () => fileOf('fake.xlsx', 'Name,Title,Story\n'), /^not an Excel workbook/],
    ['missing required columns', () => fileOf('partial.csv', 'Name,Email\nAna,a@b.c\n'), /^no column for Title, Story/],
    ['malformed JSON', () => fileOf('broken.storyidea', '{"format": "storybank.storyidea", "version": 1,'), /^not a readable \.storyidea file: it is not valid JSON/],
    ['another kind of JSON', () => fileOf('other.storyidea', { hello: 'world' }), /^not a \.storyidea file/],
    ['a newer .storyidea', () => fileOf('future.storyidea', storyIdea({ version: 2 })), /newer story form \(version 2; this Storybank reads version 1\)/],
    ['an unknown version', () => fileOf('odd.storyidea', storyIdea({ version: 0 })), /unknown version 0/],
    ['an incomplete .storyidea', () => fileOf('incomplete.storyidea', storyIdea({ idea: { title: '' } })), /idea\.title: the story needs a title/],
    ['an impossible date', () => fileOf('date.storyidea', storyIdea({ idea: { earliest: '2027-02-30' } })), /earliest/],
    ['a photo that is not an image', () => fileOf('exe.storyidea', storyIdea({ photos: [{ name: 'holiday.jpg', type: 'image/jpeg', data: Buffer.from('MZ\x90\x00 this is a program').toString('base64') }] })), /photo 1 \(holiday\.jpg\): not an image/],
    ['a photo that is not base64', () => fileOf('b64.storyidea', storyIdea({ photos: [{ name: 'a.jpg', type: 'image/jpeg', data: '<script>alert(1)</script>' }] })), /photo 1 \(a\.jpg\): the photo is not base64 data/],
    ['a file of another kind', () => fileOf('story.docx', 'whatever'), /imports \.storyidea files/],
    ['an empty file', () => fileOf('empty.csv', ''), /the file is empty/],
  ];
  for (const [what, make, message] of BAD) {
    it(what, async () => {
      const ws = workspace();
      const before = dbFingerprint(ws.db);
      const file = await make();
      const report = await ws.services.importer.importFiles([file]);
      expect(report.imported).toEqual([]);
      expect(report.rejected).toHaveLength(1);
      expect(report.rejected[0].file).toBe(file.name);
      expect(report.rejected[0].reason).toMatch(message);
      expect(dbFingerprint(ws.db)).toBe(before);
      // and through the API: a typed answer, never internal
      const viaApi = await ws.dispatch('ideas.import', { files: [{ name: file.name, dataBase64: file.bytes.toString('base64') }] });
      expect(viaApi.ok).toBe(true);
      expect(dbFingerprint(ws.db)).toBe(before);
    });
  }

  it('a file over its size limit is refused before it is read', async () => {
    const ws = workspace();
    const before = dbFingerprint(ws.db);
    const big = path.join(path.dirname(ws.dbPath), 'huge.csv');
    fs.writeFileSync(big, 'Name,Title,Story\n');
    fs.truncateSync(big, 60 * 1024 * 1024); // sparse: 60 MB on paper, nothing on disk
    const { readBytesInput, INPUT_FILE_LIMITS } = await import('../../src/main/files/input-file');
    expect(() => readBytesInput(big, INPUT_FILE_LIMITS.formExport)).toThrow(/huge\.csv: 60\.0 MB is over the 50 MB limit/);
    const report = await ws.services.importer.importFiles([{ name: 'huge.storyidea', bytes: Buffer.alloc(41 * 1024 * 1024) }]);
    expect(report.rejected[0].reason).toMatch(/41\.0 MB is over the 40 MB limit/);
    expect(dbFingerprint(ws.db)).toBe(before);
  });

  it('path tricks in embedded photo names never leave the media folder', async () => {
    const ws = workspace();
    const dir = path.dirname(ws.dbPath);
    const photo = (await jpeg(64, 48)).toString('base64');
    const names = ['../../../escape.jpg', '..\\..\\windows\\system32\\evil.jpg', '/etc/passwd', 'C:\\Users\\ben\\me.jpg', 'nul\u0000.jpg'];
    const report = await ws.services.importer.importFiles([fileOf('tricks.storyidea', storyIdea({ photos: names.map((name) => ({ name, type: 'image/jpeg', data: photo, alt: '' })) }))]);
    expect(report.rejected).toEqual([]);
    const idea = ws.services.ideas.list().find((i) => i.source === 'storyidea')!;
    expect(idea.photos.map((p) => p.originalName)).toEqual(['escape.jpg', 'evil.jpg', 'passwd', 'me.jpg', 'nul.jpg']);
    for (const p of idea.photos) expect(p.src).toMatch(/^media\/[0-9a-f]{64}\.jpg$/);
    expect(fs.existsSync(path.join(dir, '..', 'escape.jpg'))).toBe(false);
    expect(fs.readdirSync(dir).sort()).toEqual(expect.not.arrayContaining(['escape.jpg', 'evil.jpg', 'passwd']));
  });

  it('an original sent with a resized photo is kept, untouched, in the library beside it', async () => {
    const ws = workspace();
    const original = await jpeg(3200, 2400);
    const resized = await jpeg(1600, 1200, 85);
    await ws.services.importer.importFiles([fileOf('big.storyidea', storyIdea({ photos: [{ name: 'camera.jpg', type: 'image/jpeg', data: resized.toString('base64'), original: original.toString('base64'), alt: 'At the start line' }] }))]);
    const idea = ws.services.ideas.list().find((i) => i.source === 'storyidea')!;
    const library = ws.services.media.list();
    const photo = library.find((m) => m.path === idea.photos[0].src)!;
    expect([photo.width, photo.height]).toEqual([1600, 1200]);
    const kept = library.find((m) => m.width === 3200)!;
    expect(kept.originalName).toBe('camera.jpg');
    expect(fs.readFileSync(path.join(path.dirname(ws.dbPath), kept.path)).equals(original)).toBe(true);
  });

  it('the same .storyidea twice is imported once', async () => {
    const ws = workspace();
    const file = fileOf('ana.storyidea', storyIdea());
    expect((await ws.services.importer.importFiles([file, file])).duplicates).toHaveLength(1);
    const fingerprint = dbFingerprint(ws.db);
    const again = await ws.services.importer.importFiles([fileOf('ana (copy).storyidea', storyIdea())]);
    expect(again.imported).toEqual([]);
    expect(again.duplicates[0]).toMatchObject({ file: 'ana (copy).storyidea', title: 'Teller Ana ran her first marathon' });
    expect(dbFingerprint(ws.db)).toBe(fingerprint);
  });
});

describe('the audit trail of an import', () => {
  it('each row is one entry of an unbroken chain, the head names the last; the next record follows it', async () => {
    const ws = workspace();
    const before = ws.services.audit.verify();
    expect(before.ok).toBe(true);
    const csv = fileOf('ms-forms.csv', csvOf(MS_FORMS_HEADERS, msFormsRows(40)));
    const mapping = { name: 'Name', email: 'Email', branch: 'Branch or department', title: 'What should we call the story?', story: 'Tell us what happened', featured: 'People featured', earliest: 'Earliest', before: 'Before', category: null, notes: null };
    const report = await ws.services.importer.importFiles([csv], { mapping });
    expect(report.imported).toHaveLength(40);
    const after = ws.services.audit.verify();
    expect(after).toMatchObject({ ok: true, entries: before.entries + 40 });
    const imports = ws.services.audit.list({ kinds: ['idea.import'], limit: 100 });
    expect(imports).toHaveLength(40);
    // a change after the import is chained onto the import's last entry
    const idea = ws.services.ideas.list().find((i) => i.title.startsWith('Story number 1'))!;
    ws.services.ideas.update({ id: idea.id, revision: idea.revision, title: 'Renamed after the import' });
    expect(ws.services.audit.verify()).toMatchObject({ ok: true, entries: before.entries + 41 });
  });

  it('an import that fails part-way leaves the trail as it was, and the next record chains onto it', async () => {
    const ws = workspace();
    const before = ws.services.audit.verify();
    const fingerprint = dbFingerprint(ws.db);
    // the photo store fails on the 3rd file's photo, after two ideas were stored in the transaction
    const media = ws.services.media as { addBytes: (...args: unknown[]) => unknown };
    const addBytes = media.addBytes;
    let calls = 0;
    media.addBytes = (...args: unknown[]) => {
      if (++calls === 3) throw new Error('disk full');
      return addBytes.apply(ws.services.media, args);
    };
    const photo = (await jpeg(64, 48)).toString('base64');
    const files = [1, 2, 3].map((n) => fileOf(`idea-${n}.storyidea`, storyIdea({ idea: { title: `Photo story ${n}` }, photos: [{ name: `p${n}.jpg`, type: 'image/jpeg', data: photo, alt: '' }] })));
    await expect(ws.services.importer.importFiles(files)).rejects.toThrow('disk full');
    media.addBytes = addBytes;
    expect(dbFingerprint(ws.db)).toEqual(fingerprint);
    expect(ws.services.audit.verify()).toEqual(before);
    const idea = ws.services.ideas.list()[0]!;
    ws.services.ideas.update({ id: idea.id, revision: idea.revision, title: 'After the failed import' });
    expect(ws.services.audit.verify()).toMatchObject({ ok: true, entries: before.entries + 1 });
  });
});
