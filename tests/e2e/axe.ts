import AxeBuilder from '@axe-core/playwright';
import axe from 'axe-core';
import type { Page } from 'playwright-core';

const EVERY_RULE = axe.getRules().map((rule) => rule.ruleId);

/**
 * axe-core's serious and critical violations on the page as it stands, one line each. Waits for the
 * page's requests and transitions to finish, and for toasts to close (they fade out on a timer that
 * could fire mid-scan): anything caught half faded would be judged on its passing colours.
 */
export async function seriousViolations(page: Page, where: string, { everyRule = false } = {}): Promise<string[]> {
  await page.mouse.move(1, 999); // hover styles are not what is being checked
  await page.waitForLoadState('networkidle');
  await page.locator('.mantine-Notification-root').first().waitFor({ state: 'detached', timeout: 20_000 });
  // finite ones only: a spinner runs forever
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every((animation) => animation.playState !== 'running' || animation.effect?.getTiming().iterations === Infinity),
  );
  // everyRule: every rule axe has, experimental and AAA ones included, over Storybank's own markup;
  // FullCalendar's grid (its cells' labelling) is checked by the default rules only
  const builder = everyRule ? new AxeBuilder({ page }).withRules(EVERY_RULE).exclude('.fc-view-harness') : new AxeBuilder({ page });
  const results = await builder.analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    // the first node's summary says what was measured (colours and ratio for contrast)
    .map((v) => `${where}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')} :: ${v.nodes[0]?.failureSummary?.split('\n').slice(1, 2).join(' ').trim() ?? ''}`);
}
