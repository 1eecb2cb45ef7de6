// Golden files: the exact bytes each format writes for a fixed mixed fixture (goldenItems).
// They were reviewed by hand against the research note and the rules tested elsewhere; any change
// to an exporter's output shows up here as a diff to review.
// Regenerate after an intended change:  UPDATE_GOLDEN=1 npx vitest run tests/unit/export/golden.test.ts
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EXPORT_FORMATS, exportItems } from '../../../src/shared/export';
import { OPTIONS, goldenItems } from './fixtures';

const GOLDEN_ROOT = fileURLToPath(new URL('../../golden/export/', import.meta.url));
const UPDATE = process.env.UPDATE_GOLDEN === '1';
/** Left-out posts and warnings are part of the golden output too. */
const REPORT_FILE = '_report.json';

describe('golden export files', () => {
  for (const format of EXPORT_FORMATS) {
    it(`${format} output matches tests/golden/export/${format}/ byte for byte`, () => {
      const out = exportItems(format, goldenItems(), { ...OPTIONS, dateOrder: 'dmy' });
      const dir = join(GOLDEN_ROOT, format);
      const report = `${JSON.stringify({ files: out.files.map((f) => ({ name: f.name, rows: f.rows, channelId: f.channelId ?? null })), leftOut: out.leftOut, warnings: out.warnings }, null, 2)}\n`;
      const expected = new Map<string, Buffer>([
        ...out.files.map((f) => [f.name, Buffer.from(f.content, 'utf8')] as const),
        [REPORT_FILE, Buffer.from(report, 'utf8')],
      ]);
      if (UPDATE) {
        rmSync(dir, { recursive: true, force: true });
        mkdirSync(dir, { recursive: true });
        for (const [name, bytes] of expected) writeFileSync(join(dir, name), bytes);
      }
      expect(existsSync(dir), `no golden files for ${format}: run with UPDATE_GOLDEN=1`).toBe(true);
      expect(readdirSync(dir).sort()).toEqual([...expected.keys()].sort());
      for (const [name, bytes] of expected) {
        const golden = readFileSync(join(dir, name));
        expect(golden.equals(bytes), `${format}/${name} differs from the golden file`).toBe(true);
      }
    });
  }
});
