import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { dialog } from '../fakes/electron';
import { askForDemoWorkspace, databasePathFromArgs, DEMO_BANK_NAME } from '../../src/main/electron/startup';
import { buildMenuTemplate } from '../../src/main/electron/menu';
import type { MenuItemConstructorOptions } from 'electron';

describe('databasePathFromArgs', () => {
  const cwd = '/home/ana/work';
  it('is undefined without --db (the default path applies)', () => {
    expect(databasePathFromArgs(['/usr/bin/storybank'], cwd)).toBeUndefined();
    expect(databasePathFromArgs(['/usr/bin/electron', '.', '--no-sandbox'], cwd)).toBeUndefined();
  });
  it('reads --db FILE and --db=FILE, resolved against cwd', () => {
    expect(databasePathFromArgs(['electron', '.', '--db', 'team.sqlite'], cwd)).toBe(resolve(cwd, 'team.sqlite'));
    expect(databasePathFromArgs(['storybank', '--db=/data/bank.sqlite'], cwd)).toBe(resolve('/data/bank.sqlite'));
  });
  it('refuses a --db without a file', () => {
    expect(() => databasePathFromArgs(['storybank', '--db'], cwd)).toThrow(/--db needs a file/);
    expect(() => databasePathFromArgs(['storybank', '--db', '--verbose'], cwd)).toThrow(/--db needs a file/);
    expect(() => databasePathFromArgs(['storybank', '--db='], cwd)).toThrow(/--db needs a file/);
  });
});

describe('askForDemoWorkspace', () => {
  it('offers the demo bank first and an empty workspace second', async () => {
    dialog.messageBoxes.length = 0;
    dialog.nextResponse = 0;
    await expect(askForDemoWorkspace(dialog as never)).resolves.toBe(true);
    const box = dialog.messageBoxes[0];
    expect(box.buttons?.[0]).toContain(DEMO_BANK_NAME);
    expect(box.buttons?.[1]).toMatch(/empty/i);
    // Closing the box (Esc) picks the harmless choice: an empty workspace.
    expect(box.cancelId).toBe(1);
  });
  it('returns false when the user picks the empty workspace', async () => {
    dialog.nextResponse = 1;
    await expect(askForDemoWorkspace(dialog as never)).resolves.toBe(false);
  });
});

describe('buildMenuTemplate', () => {
  const roles = (items: MenuItemConstructorOptions[]): string[] =>
    items.flatMap((item) => [
      ...(item.role ? [String(item.role)] : []),
      ...(Array.isArray(item.submenu) ? roles(item.submenu as MenuItemConstructorOptions[]) : []),
    ]);

  it('has File quit and the Edit roles on Windows and Linux', () => {
    for (const platform of ['win32', 'linux'] as const) {
      const template = buildMenuTemplate({ isPackaged: true, platform });
      expect(template.map((m) => m.label)).toEqual(['File', 'Edit']);
      expect(roles(template)).toEqual(['quit', 'undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']);
    }
  });

  it('offers reload and devtools only in unpackaged builds', () => {
    const dev = roles(buildMenuTemplate({ isPackaged: false, platform: 'linux' }));
    const packaged = roles(buildMenuTemplate({ isPackaged: true, platform: 'linux' }));
    expect(dev).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
    expect(packaged).not.toContain('toggleDevTools');
    expect(packaged).not.toContain('reload');
  });

  it('uses the macOS app menu for Quit', () => {
    const template = buildMenuTemplate({ isPackaged: true, platform: 'darwin' });
    expect(template[0].role).toBe('appMenu');
    expect(roles(template)).not.toContain('quit');
  });
});
