// Takes screenshots of a running `storybank serve` URL: npx tsx scripts/screenshot.ts URL OUT_PREFIX
import { launchChromium } from '../tests/e2e/browser';

async function main(): Promise<void> {
  const [url, prefix = 'screenshots/app'] = process.argv.slice(2);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(url);
    await page.waitForSelector('.fc-event', { timeout: 20_000 }).catch(() => undefined);
    await page.screenshot({ path: `${prefix}-month.png` });
    for (const [button, name] of [
      ['Week', 'week'],
      ['List', 'list'],
    ] as const) {
      await page.getByRole('button', { name: button, exact: true }).click();
      await page.waitForTimeout(500);
      await page.screenshot({ path: `${prefix}-${name}.png` });
    }
  } finally {
    await browser.close();
  }
}

void main();
