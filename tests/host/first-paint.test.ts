// What the first paint loads: the entry script and the chunks index.html preloads. The calendar
// comes with them; the post editor and the plan dialog are chunks of their own, fetched after the
// calendar has painted (CalendarPage), so the first paint neither sends nor runs their code.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const OUT = path.resolve(__dirname, '..', '..', 'out', 'renderer');

function firstPaintScripts(): Map<string, string> {
  const html = fs.readFileSync(path.join(OUT, 'index.html'), 'utf8');
  const files = [...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="\.?\/?([^"]+\.js)"/g)].map((m) => m[1]!);
  return new Map(files.map((file) => [file, fs.readFileSync(path.join(OUT, file), 'utf8')]));
}

describe('the first paint (built renderer)', () => {
  it('loads the calendar but not the post editor or the plan dialog', () => {
    const scripts = firstPaintScripts();
    expect(scripts.size).toBeGreaterThan(1);
    const all = [...scripts.values()].join('\n');
    // the calendar is there...
    expect(all).toContain('fc-daygrid');
    expect(all).toContain('Content mix');
    // ...the editor's and the plan dialog's own words are not
    for (const text of ['Add tracking (UTM)', 'Discard your changes?', 'Internal notes', 'Apply plan']) expect(all.includes(text), `first paint holds "${text}"`).toBe(false);
  });

  it('the editor and the plan dialog are chunks of their own in the build', () => {
    const chunks = fs.readdirSync(path.join(OUT, 'assets')).filter((f) => f.endsWith('.js'));
    const holding = (text: string) => chunks.filter((f) => fs.readFileSync(path.join(OUT, 'assets', f), 'utf8').includes(text));
    expect(holding('Add tracking (UTM)')).toHaveLength(1);
    expect(holding('Apply plan')).toHaveLength(1);
  });
});
