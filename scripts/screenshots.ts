// Screenshots of every screen of a running `storybank serve`, for looking at the product:
//   npx tsx scripts/screenshots.ts URL [OUT_DIR]
import { launchChromium } from '../tests/e2e/browser';

async function main(): Promise<void> {
  const [url, out = 'screenshots'] = process.argv.slice(2);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(url);
    await page.locator('.fc-event').first().waitFor({ timeout: 20_000 });
    const shot = async (name: string) => {
      await page.waitForTimeout(600);
      await page.screenshot({ path: `${out}/${name}.png` });
    };
    await shot('calendar-month');
    await page.getByRole('button', { name: 'Week', exact: true }).click();
    await shot('calendar-week');
    await page.getByRole('button', { name: 'List', exact: true }).click();
    await shot('calendar-list');
    await page.getByRole('button', { name: 'Month', exact: true }).click();
    await page.locator('.fc-event .sb-event-title').first().click();
    await shot('post-editor');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Plan…' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Preview' }).click();
    await page.getByRole('table', { name: 'Planned slots' }).waitFor({ timeout: 20_000 });
    await shot('plan-preview');
    await page.keyboard.press('Escape');
    for (const [nav, name] of [
      ['Story ideas', 'ideas'],
      ['Mix report', 'mix-report'],
      ['Export', 'export'],
      ['Settings', 'settings'],
    ] as const) {
      await page.getByRole('navigation').getByText(nav, { exact: true }).click();
      await shot(name);
    }
  } finally {
    await browser.close();
  }
}

void main();
