// A minimal application menu. Developer items (reload, devtools) exist only in unpackaged builds.
import type { MenuItemConstructorOptions } from 'electron';

export type MenuContext = { isPackaged: boolean; platform: NodeJS.Platform };

export function buildMenuTemplate({ isPackaged, platform }: MenuContext): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [];
  // macOS puts Quit in the app menu; elsewhere it lives under File.
  if (isMac) template.push({ role: 'appMenu' });
  template.push({ label: 'File', submenu: [isMac ? { role: 'close' } : { role: 'quit' }] });
  template.push({
    label: 'Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  });
  if (!isPackaged) {
    template.push({ label: 'View', submenu: [{ role: 'reload' }, { role: 'toggleDevTools' }] });
  }
  return template;
}
