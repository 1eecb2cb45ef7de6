import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/**
 * axe-core's serious and critical violations on the page as it stands, one line each. Waits for the
 * page's requests and transitions to finish, and for toasts to close (they fade out on a timer that
 * could fire mid-scan): anything caught half faded would be judged on its passing colours.
 */
export async function seriousViolations(page: Page, where: string): Promise<string[]> {
  await page.mouse.move(1, 999); // hover styles are not what is being checked
  await page.waitForLoadState('networkidle');
  await page.locator('.mantine-Notification-root').first().waitFor({ state: 'detached', timeout: 20_000 });
  // finite ones only: a spinner runs forever
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every((animation) => animation.playState !== 'running' || animation.effect?.getTiming().iterations === Infinity),
  );
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${where}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}
