// Cold start: from navigation to the calendar painted with the demo workspace, in a fresh browser
// context each run (no cache), against `storybank serve`; and the bytes of script the first paint
// needs (index.html's entry script and the chunks it preloads), raw and as the host sends them.
import fs from 'node:fs';
import path from 'node:path';
import { launchChromium } from '../tests/e2e/browser';
import { ROOT, serveWorkspace } from '../tests/e2e/serve';
import { warnOverBudget } from './support/budget';

type Report = (name: string, value: number, unit: string) => void;

const RUNS = 5;
/** The aim for the first paint on the 2-core machine. */
const COLD_START_BUDGET_MS = 1000;

/** The scripts the first paint loads before any lazy page: the entry and its modulepreloads. */
function initialScripts(rendererDir: string): string[] {
  const html = fs.readFileSync(path.join(rendererDir, 'index.html'), 'utf8');
  const sources = [...html.matchAll(/<script[^>]+src="([^"]+\.js)"/g), ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g)].map((m) => m[1]);
  return [...new Set(sources)].map((src) => path.join(rendererDir, src.replace(/^\.?\//, '')));
}

export async function run(report: Report): Promise<void> {
  const rendererDir = path.join(ROOT, 'out', 'renderer');
  const scripts = initialScripts(rendererDir);
  const raw = scripts.reduce((sum, file) => sum + fs.statSync(file).size, 0);
  const sent = scripts.reduce((sum, file) => sum + fs.statSync(fs.existsSync(`${file}.br`) ? `${file}.br` : file).size, 0);
  report('initial_script_raw_kb', raw / 1024, 'KB');
  report('initial_script_brotli_kb', sent / 1024, 'KB');

  const served = await serveWorkspace({ demo: true });
  const browser = await launchChromium();
  try {
    const timings: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      const page = await context.newPage();
      const started = performance.now();
      await page.goto(served.url);
      await page.waitForSelector('.fc-dayGridMonth-view .fc-event', { timeout: 30_000 });
      timings.push(performance.now() - started);
      await context.close();
    }
    timings.sort((a, b) => a - b);
    process.stderr.write(`bench: cold start runs ${timings.map((t) => t.toFixed(0)).join(', ')} ms\n`);
    const median = timings[Math.floor(RUNS / 2)];
    report('cold_start_ms', median, 'ms');
    warnOverBudget('cold_start_ms', median, COLD_START_BUDGET_MS);
  } finally {
    await browser.close();
    await served.stop();
  }
}
