// One way for an e2e file to start: `storybank serve` on a demo workspace, Chromium, and a page on
// the app at a viewport, waiting for the calendar to show posts.
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './browser';
import type { OperationName, OperationOutput } from '../../src/shared/api/contract';
import { callApi, serveWorkspace, type ServedWorkspace } from './serve';

export interface AppSession {
  served: ServedWorkspace;
  browser: Browser;
  page: Page;
  /** An API call to the served workspace, as another client would make it. */
  api<K extends OperationName>(name: K, input?: object): Promise<OperationOutput<K>>;
  close(): Promise<void>;
}

export async function openDemoApp(viewport = { width: 1440, height: 900 }): Promise<AppSession> {
  const served = await serveWorkspace({ demo: true });
  const browser = await launchChromium();
  const page = await (await browser.newContext({ viewport })).newPage();
  await page.goto(served.url);
  await page.locator('.fc-event').first().waitFor({ timeout: 20_000 });
  return {
    served,
    browser,
    page,
    api: (name, input = {}) => callApi(served, name, input),
    close: async () => {
      await browser.close();
      await served.stop();
    },
  };
}
