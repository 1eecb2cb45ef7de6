import { it } from 'vitest';
import { tempWorkspace } from './support/workspace';
it('p', () => {
  const ws = tempWorkspace({ demo: true });
  const times = ['08:00', '12:00', '17:00'];
  const slots = [1, 2, 3, 4, 5, 6, 7].flatMap((weekday) => times.map((time) => ({ weekday, time })));
  const ch = ws.services.channels.create({ network: 'facebook', name: 'Busy FB', slots });
  const from = new Date().toISOString().slice(0, 10);
  const to = new Date(Date.now() + 364 * 86400000).toISOString().slice(0, 10);
  for (let i = 0; i < 4; i++) {
    const t = performance.now();
    const p = ws.services.planning.preview({ from, to, channelId: ch.id });
    console.log('service preview', p.rows.length, (performance.now() - t).toFixed(0), 'ms');
  }
  const fb = ws.services.channels.list().find((c) => c.name !== 'Busy FB')!;
  const t = performance.now();
  const p = ws.services.planning.preview({ from, to });
  console.log('all channels', p.rows.length, (performance.now() - t).toFixed(0), 'ms', fb.name);
  ws.cleanup();
}, 600000);
