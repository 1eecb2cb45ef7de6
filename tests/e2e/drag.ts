// Dragging a calendar event the way a hand does: press on it, a short first move (FullCalendar
// starts a drag after a few pixels), on to the target, and release once the drag mirror shows.
import type { Locator, Page } from 'playwright-core';

export async function dragEvent(page: Page, source: Locator, target: Locator, { fromBottom = 10 } = {}): Promise<void> {
  await page.waitForLoadState('networkidle');
  // the calendar may redraw the event just now (a reload after the last change): wait for its box
  let from = null;
  for (let tries = 0; !from && tries < 50; tries++) {
    await source.first().waitFor();
    from = await source.first().boundingBox();
    if (!from) await page.waitForTimeout(100);
  }
  if (!from) throw new Error('the event to drag never settled on screen');
  // hover waits until nothing covers the event (a dialog's overlay still fading out, say)
  await source.first().hover();
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 8, from.y + from.height / 2 + 8, { steps: 4 });
  const to = (await target.boundingBox())!;
  await page.mouse.move(to.x + to.width / 2, to.y + to.height - fromBottom, { steps: 20 });
  await page.locator('.fc-event-mirror, .fc-event-dragging').first().waitFor({ timeout: 5000 });
  await page.mouse.up();
}
