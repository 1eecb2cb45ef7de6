// Reliability benchmarks (issue 12): planning through the service and the engine at scale, and
// backup and doctor on a 50,000-post workspace. Budgets are checked here and printed with the figures.
import fs from 'node:fs';
import path from 'node:path';
import { diagnoseWorkspace } from '../src/main/services/doctor';
import { openWorkspace } from '../src/main/workspace';
import type { Post } from '../src/shared/domain/schemas';
import { autofill, parsePlanRequest } from '../src/shared/planning';
import { tempDir } from '../tests/e2e/serve';
import { benchPost } from './support/posts';
import { median } from './planning';
import { warnOverBudget } from './support/budget';

type Report = (name: string, value: number, unit: string) => void;

export const BUDGETS_MS = { planService1y21pw: 150, planEngine64k: 3000, backup50k: 2000, doctor50k: 5000 };

const CATEGORIES = [
  { id: 'employee', name: 'Employee highlights', targetShare: 0.25 },
  { id: 'community', name: 'Community', targetShare: 0.2 },
  { id: 'question', name: 'Questions', targetShare: 0.2 },
  { id: 'education', name: 'Tips', targetShare: 0.2 },
  { id: 'product', name: 'Products', targetShare: 0.15 },
];

export async function run(report: Report): Promise<void> {
  const dir = tempDir('storybank-bench-');
  try {
    // One channel, a year, 21 posting slots a week, in the demo workspace (its rules included).
    const ws = openWorkspace({ dbPath: path.join(dir, 'plan.sqlite'), demo: true });
    const slots = [1, 2, 3, 4, 5, 6, 7].flatMap((weekday) => ['08:00', '12:00', '17:00'].map((time) => ({ weekday, time })));
    const channel = ws.services.channels.create({ network: 'facebook', name: 'Busy Facebook', slots });
    const from = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const to = new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10);
    let open = 0;
    const serviceMs = median(7, () => (open = ws.services.planning.preview({ from, to, channelId: channel.id }).rows.length));
    ws.close();
    report('plan-service-1y-21pw', serviceMs, 'ms');
    report('plan-service-1y-21pw-open-slots', open, 'slots');
    warnOverBudget('plan-service-1y-21pw', serviceMs, BUDGETS_MS.planService1y21pw);

    const engineSlots = Array.from({ length: 64_000 }, (_, k) => ({ id: `s${k}`, channelId: 'c', start: new Date(Date.UTC(2027, 0, 1) + k * 3 * 3_600_000).toISOString() }));
    const request = parsePlanRequest({ timezone: 'America/New_York', categories: CATEGORIES, slots: engineSlots, pinned: [], backlog: [], channels: [{ id: 'c', name: 'c' }] });
    const engineMs = median(3, () => autofill(request));
    report('plan-engine-64k', engineMs, 'ms');
    warnOverBudget('plan-engine-64k', engineMs, BUDGETS_MS.planEngine64k);

    // A workspace of 50,000 posts.
    const big = openWorkspace({ dbPath: path.join(dir, 'big.sqlite'), demo: true });
    const channels = big.services.channels.list().map((c) => c.id);
    const categories = big.services.categories.list().map((c) => c.id);
    const image = big.services.media.list()[0].path;
    const now = new Date().toISOString();
    const posts: Post[] = Array.from({ length: 50_000 }, (_, k) =>
      benchPost(
        {
          title: `Story ${k}`,
          baseText: 'Maria from our Oak Street branch just ran her first marathon. Congratulations, Maria! #community',
          channelIds: [channels[k % channels.length], channels[(k + 1) % channels.length]],
          categoryId: categories[k % categories.length],
          scheduledAt: new Date(Date.UTC(2027, 0, 1) + k * 3_600_000).toISOString(),
          timezone: 'America/New_York',
          images: k % 3 === 0 ? [{ src: image, alt: 'Our team' }] : [],
        },
        now,
      ),
    );
    big.services.posts.storeAll(posts);
    const target = path.join(dir, 'backup.sqlite');
    const backupMs = median(3, () => big.services.backups.backupTo(target));
    report('backup-50k-posts', backupMs, 'ms');
    report('backup-50k-posts-size', fs.statSync(target).size / 1024 / 1024, 'MB');
    warnOverBudget('backup-50k-posts', backupMs, BUDGETS_MS.backup50k);
    big.close();
    let healthy = false;
    const doctorMs = median(3, () => (healthy = diagnoseWorkspace(path.join(dir, 'big.sqlite')).healthy));
    if (!healthy) throw new Error('doctor found damage in the bench workspace');
    report('doctor-50k-posts', doctorMs, 'ms');
    warnOverBudget('doctor-50k-posts', doctorMs, BUDGETS_MS.doctor50k);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('reliability.ts')) {
  void run((name, value, unit) => console.log(`bench ${name} ${value.toFixed(2)} ${unit}`));
}
