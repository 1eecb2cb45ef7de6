// Runs every bench/<area>.ts (each exports `run(report)`) and prints one line per figure:
//   bench <name> <value> <unit>
// `tsx bench/run.ts calendar export` runs only the files whose name contains one of the words.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

type Report = (name: string, value: number, unit: string) => void;
type BenchModule = { run?: (report: Report) => Promise<void> | void };

const benchDir = __dirname;
const filters = process.argv.slice(2).map((word) => word.toLowerCase());

const files = fs
  .readdirSync(benchDir)
  .filter((name) => name.endsWith('.ts') && !name.endsWith('.d.ts') && name !== path.basename(__filename))
  .filter((name) => filters.length === 0 || filters.some((word) => name.toLowerCase().includes(word)))
  .sort();

const report: Report = (name, value, unit) => {
  process.stdout.write(`bench ${name} ${(Math.round(value * 100) / 100).toFixed(2)} ${unit}\n`);
};

async function main(): Promise<number> {
  if (files.length === 0) {
    process.stderr.write(`bench: no bench file matches ${filters.join(', ')}\n`);
    return 1;
  }
  let failed = 0;
  for (const file of files) {
    const area = path.basename(file, '.ts');
    const started = performance.now();
    try {
      const module = (await import(pathToFileURL(path.join(benchDir, file)).href)) as BenchModule & { default?: BenchModule };
      const run = module.run ?? module.default?.run;
      if (typeof run !== 'function') throw new Error('does not export run(report)');
      await run(report);
      process.stderr.write(`bench: ${area} done in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
    } catch (error) {
      failed += 1;
      process.stderr.write(`bench: ${area} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    }
  }
  return failed === 0 ? 0 : 1;
}

main().then((code) => {
  process.exitCode = code;
});
