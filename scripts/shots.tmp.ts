import { launchChromium } from '../tests/e2e/browser';
import { serveWorkspace } from '../tests/e2e/serve';
import fs from 'node:fs';
(async () => {
  const served = await serveWorkspace({ demo: true });
  const browser = await launchChromium();
  const base = served.url.split('?')[0];
  for (const [w, h] of [[1024, 768], [1440, 900]]) {
    const page = await (await browser.newContext({ viewport: { width: w, height: h } })).newPage();
    await page.goto(served.url);
    await page.locator('.fc-event').first().waitFor({ timeout: 20000 });
    await page.goto(`${base}#/ideas`);
    await page.locator('[data-idea]').first().waitFor();
    await page.waitForTimeout(800);
    await page.screenshot({ path: `/tmp/shot-board-${w}.png` });
    await page.getByRole('button', { name: 'Teller Jake coaches a youth soccer team', exact: true }).click();
    await page.getByRole('dialog').getByText('History').waitFor();
    await page.waitForTimeout(800);
    await page.screenshot({ path: `/tmp/shot-detail-${w}.png` });
    await page.keyboard.press('Escape');
    await page.goto(`${base}#/media`);
    await page.getByRole('list', { name: 'Images' }).waitFor();
    await page.waitForTimeout(1000);
    await page.screenshot({ path: `/tmp/shot-media-${w}.png` });
    const res = await fetch(`${served.origin}/api/intake.form`, { method: 'POST', headers: { authorization: `Bearer ${served.token}`, 'content-type': 'application/json' }, body: '{}' });
    const { value } = await res.json() as { value: { html: string } };
    fs.writeFileSync('/tmp/form.html', value.html);
    await page.goto('file:///tmp/form.html');
    await page.waitForTimeout(500);
    await page.screenshot({ path: `/tmp/shot-form-${w}.png`, fullPage: true });
  }
  await browser.close();
  await served.stop();
})();
