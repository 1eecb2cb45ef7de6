// The week view where open posting slots and posts meet: a slot is drawn behind the posts and
// never covers one; clicking a free slot writes a post for that slot's channels.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDemoApp, type AppSession } from './session';

let session: AppSession;
let page: Page;

beforeAll(async () => {
  session = await openDemoApp();
  ({ page } = session);
  await page.getByRole('button', { name: 'Week', exact: true }).click();
  // next week: open slots ahead, and planned posts among them
  await page.locator('.fc-next-button').click();
  await page.locator('.fc-timegrid-event').first().waitFor();
  await page.locator('.sb-open-slot').first().waitFor();
});
afterAll(async () => {
  await session?.close();
});

const overlaps = (a: { x: number; y: number; width: number; height: number }, b: typeof a) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('week view', () => {
  it('open slots never cover a post', async () => {
    const posts = page.locator('.fc-timegrid-event');
    const slots = page.locator('.sb-open-slot');
    const postBoxes = (await posts.evaluateAll((nodes) => nodes.map((n) => n.getBoundingClientRect().toJSON()))) as Array<{ x: number; y: number; width: number; height: number }>;
    const slotBoxes = (await slots.evaluateAll((nodes) => nodes.map((n) => n.getBoundingClientRect().toJSON()))) as typeof postBoxes;
    expect(postBoxes.length).toBeGreaterThan(0);
    expect(slotBoxes.length).toBeGreaterThan(0);
    // where a slot and a post share the same place, what the user sees (and clicks) is the post
    let shared = 0;
    for (const post of postBoxes) {
      if (!slotBoxes.some((slot) => overlaps(post, slot))) continue;
      shared++;
      const onTop = await page.evaluate(([x, y]) => {
        const hit = document.elementFromPoint(x, y);
        return hit?.closest('.fc-timegrid-event') ? 'post' : hit?.closest('.sb-open-slot') ? 'slot' : 'other';
      }, [post.x + post.width / 2, post.y + Math.min(8, post.height / 2)] as const);
      expect(onTop).toBe('post');
    }
    // and slots are background blocks, not events laid out beside or over the posts
    expect(await slots.evaluateAll((nodes) => nodes.every((n) => n.classList.contains('fc-bg-event')))).toBe(true);
    console.log(`week view: ${postBoxes.length} posts, ${slotBoxes.length} open slots, ${shared} posts where a slot shares the place`);
  });

  it('a click on a free open slot opens a new post for its channels', async () => {
    // a slot with no post over it
    const slot = page.locator('.sb-open-slot').last();
    const box = (await slot.boundingBox())!;
    await page.mouse.click(box.x + 4, box.y + box.height / 2);
    const dialog = page.getByRole('dialog', { name: 'New post' });
    await dialog.waitFor();
    expect(await dialog.getByRole('checkbox', { checked: true }).count()).toBeGreaterThan(0);
    await page.keyboard.press('Escape');
  });
});
