// `storybank ideas import|list` and `intake-form` through the built CLI, on a real demo workspace.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../e2e/serve';
import { runCli } from '../support/cli';
import { GOOGLE_FORMS_HEADERS, MS_FORMS_HEADERS, csvOf, msFormsRows, storyIdea, xlsxOf } from '../support/intake';

const dir = tempDir('storybank-cli-ideas-');
const db = path.join(dir, 'demo.sqlite');
const file = (name: string, content: string | Buffer) => {
  const target = path.join(dir, name);
  fs.writeFileSync(target, content);
  return target;
};
const ideaCount = () => {
  const raw = new Database(db, { readonly: true });
  try {
    return (raw.prepare('SELECT COUNT(*) AS n FROM ideas').get() as { n: number }).n;
  } finally {
    raw.close();
  }
};
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
beforeAll(() => {
  expect(runCli('init', '--demo', '--db', db).code).toBe(0);
});

describe('storybank ideas import', () => {
  it('--dry-run --json reports without importing; then imports with a mapping file, and a second run finds duplicates', () => {
    const csv = file('ms-forms.csv', csvOf(MS_FORMS_HEADERS, msFormsRows(2)));
    const mapping = file('mapping.json', JSON.stringify({ title: 'What should we call the story?', story: 'Tell us what happened', featured: 'People featured' }));
    const before = ideaCount();
    const dry = runCli('ideas', 'import', csv, '--mapping', mapping, '--dry-run', '--json', '--db', db);
    expect(dry.code).toBe(0);
    const report = JSON.parse(dry.stdout) as { imported: Array<{ file: string; row: number; title: string; id: null }>; duplicates: unknown[]; rejected: unknown[] };
    expect(Object.keys(report)).toEqual(['imported', 'duplicates', 'rejected', 'dryRun']);
    expect(report.imported.map((i) => [i.file, i.row, i.id])).toEqual([[csv, 2, null], [csv, 3, null]]);
    expect(ideaCount()).toBe(before);

    const real = runCli('ideas', 'import', csv, '--mapping', mapping, '--db', db);
    expect(real.code).toBe(0);
    expect(real.stdout).toMatch(/^imported +.*ms-forms\.csv, row 2: Story number 0: the lobby food drive$/m);
    expect(real.stdout).toMatch(/Imported 2, 0 duplicates skipped, 0 rejected\./);
    expect(ideaCount()).toBe(before + 2);

    const again = runCli('ideas', 'import', csv, '--json', '--db', db);
    expect(JSON.parse(again.stdout)).toMatchObject({ imported: [], duplicates: [{ row: 2 }, { row: 3 }], rejected: [] });
    expect(ideaCount()).toBe(before + 2);
  });

  it('a Google Forms XLSX and a .storyidea import together; bad files are rejected by name with exit code 1, changing nothing', async () => {
    const xlsx = file('google.xlsx', await xlsxOf(GOOGLE_FORMS_HEADERS, [['2027-04-01 10:00', 'li@x.example', 'Li Wei', 'West Side', 'Li’s 25 years', 'Li has waved to every car since 2002.', '', '', '']]));
    const story = file('ana.storyidea', JSON.stringify(storyIdea()));
    const ok = runCli('ideas', 'import', xlsx, story, '--json', '--db', db);
    expect(ok.code).toBe(0);
    expect((JSON.parse(ok.stdout) as { imported: Array<{ title: string }> }).imported.map((i) => i.title)).toEqual(['Li’s 25 years', 'Teller Ana ran her first marathon']);

    const before = ideaCount();
    const newer = file('newer.storyidea', JSON.stringify(storyIdea({ version: 9 })));
    const broken = file('broken.csv', 'Name,Title,Story\n"unclosed,quote\n');
    const bad = runCli('ideas', 'import', newer, broken, path.join(dir, 'missing.csv'), file('notes.docx', 'x'), '--json', '--db', db);
    expect(bad.code).toBe(1);
    const rejected = (JSON.parse(bad.stdout) as { rejected: Array<{ file: string; row: null; reason: string }> }).rejected;
    expect(rejected.map((r) => [path.basename(r.file), r.row])).toEqual([['missing.csv', null], ['notes.docx', null], ['newer.storyidea', null], ['broken.csv', null]]);
    expect(rejected[0].reason).toMatch(/cannot read it \(ENOENT\)/);
    expect(rejected[2].reason).toMatch(/newer story form \(version 9/);
    expect(rejected[3].reason).toMatch(/not a readable CSV/);
    expect(ideaCount()).toBe(before);
  });

  it('a mapping file that is not one is refused, naming the field', () => {
    const mapping = file('bad-mapping.json', JSON.stringify({ headline: 'Title' }));
    const result = runCli('ideas', 'import', file('x.csv', 'Name,Title,Story\n'), '--mapping', mapping, '--db', db);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/--mapping .*bad-mapping\.json: .*headline/);
  });
});

describe('storybank ideas list and intake-form', () => {
  it('lists ideas by status', () => {
    const declined = runCli('ideas', 'list', '--status', 'declined', '--json', '--db', db);
    expect(declined.code).toBe(0);
    expect((JSON.parse(declined.stdout) as Array<{ status: string; declineReason: string }>).every((i) => i.status === 'declined' && i.declineReason !== '')).toBe(true);
    expect(runCli('ideas', 'list', '--db', db).stdout).toMatch(/^Declined +Our new rate special \(Chris Doyle, Main Street\) — Product posts/m);
    const wrong = runCli('ideas', 'list', '--status', 'maybe', '--db', db);
    expect(wrong.code).not.toBe(0);
    expect(wrong.stderr).toMatch(/--status: "maybe" is not a status; use one of new, needs_info/);
  });

  it('writes the self-contained story form in the bank’s colour, readable on white text', () => {
    const out = path.join(dir, 'story-form.html');
    const result = runCli('intake-form', '-o', out, '--color', '#ffcc00', '--send-hint', 'E-mail it to stories@riverside.example', '--db', db);
    expect(result.code).toBe(0);
    const html = fs.readFileSync(out, 'utf8');
    expect(html).not.toMatch(/<(script|link|img)[^>]+(src|href)=["']https?:/i);
    expect(html).toContain("default-src 'none'");
    const config = JSON.parse(/<script type="application\/json" id="storybank-config">(.*?)<\/script>/s.exec(html)![1]) as { bank: string; color: string; sendHint: string; categories: string[] };
    expect(config.bank).toBe('Riverside Community Bank');
    expect(config.sendHint).toBe('E-mail it to stories@riverside.example');
    // yellow is darkened until white header text reaches 7:1
    expect(config.color).not.toBe('#ffcc00');
    expect(config.categories).toContain('Employee highlights');
    const badColour = runCli('intake-form', '-o', out, '--color', 'yellow', '--db', db);
    expect(badColour.code).not.toBe(0);
    expect(badColour.stderr).toMatch(/color: /);
  });
});
