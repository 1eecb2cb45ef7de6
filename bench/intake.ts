// Story intake: a 10,000-row Forms CSV (dry run and real) and 200 .storyidea files with a 2 MB
// photo each, imported into a demo workspace.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { openWorkspace } from '../src/main/workspace';
import { MS_FORMS_HEADERS, csvOf, msFormsRows, storyIdea } from '../tests/support/intake';
import { warnOverBudget } from './support/budget';

type Report = (name: string, value: number, unit: string) => void;

const BUDGET_MS = { csvDry: 2000, csvReal: 2000, storyFiles: 10_000 };

export async function run(report: Report): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'storybank-bench-intake-'));
  const workspace = openWorkspace({ dbPath: path.join(dir, 'bench.sqlite'), demo: true });
  try {
    const { importer } = workspace.services;
    const headers = MS_FORMS_HEADERS;
    const csv = { name: 'responses.csv', bytes: Buffer.from(csvOf(headers, msFormsRows(10_000))) };
    const mapping = { name: 'Name', email: 'Email', branch: 'Branch or department', title: 'What should we call the story?', story: 'Tell us what happened', featured: 'People featured', earliest: 'Earliest', before: 'Before', category: null, notes: null };
    let started = performance.now();
    const dry = await importer.importFiles([csv], { mapping, dryRun: true });
    const dryMs = performance.now() - started;
    started = performance.now();
    const real = await importer.importFiles([csv], { mapping });
    const realMs = performance.now() - started;
    if (dry.imported.length !== 10_000 || real.imported.length !== 10_000) throw new Error(`expected 10,000 rows imported, got ${dry.imported.length} and ${real.imported.length}`);
    report('intake-csv-10k-dry-run', dryMs, 'ms');
    report('intake-csv-10k-import', realMs, 'ms');
    warnOverBudget('intake-csv-10k-dry-run', dryMs, BUDGET_MS.csvDry);
    warnOverBudget('intake-csv-10k-import', realMs, BUDGET_MS.csvReal);

    // 200 submissions with a ~2 MB photo each (noise does not compress: a camera-sized file)
    // one noisy photo, made distinct per file by bytes after its end (a decoder ignores them)
    const base = await sharp({ create: { width: 1800, height: 1350, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 50 } } }).jpeg({ quality: 95 }).toBuffer();
    const files = [];
    for (let i = 0; i < 200; i++) {
      const photo = Buffer.concat([base, Buffer.from(`storybank bench ${i}`)]);
      files.push({ name: `story-${i}.storyidea`, bytes: Buffer.from(JSON.stringify(storyIdea({ idea: { title: `Story ${i}` }, photos: [{ name: `photo-${i}.jpg`, type: 'image/jpeg', data: photo.toString('base64'), alt: '' }] }))) });
    }
    report('intake-storyidea-photo-size', base.length / 1024 / 1024, 'MB');
    started = performance.now();
    const stories = await importer.importFiles(files);
    const storyMs = performance.now() - started;
    if (stories.imported.length !== 200) throw new Error(`expected 200 stories imported, got ${stories.imported.length}: ${JSON.stringify(stories.rejected[0])}`);
    report('intake-200-storyidea-2mb-photos', storyMs, 'ms');
    warnOverBudget('intake-200-storyidea-2mb-photos', storyMs, BUDGET_MS.storyFiles);
  } finally {
    workspace.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
