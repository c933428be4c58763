// Every demo role signs in through the Keycloak form and opens every page it may see (src/role-pages.ts):
// data visible, charts drawn, no error box, every request to this machine; pages it may not open are refused.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  dataTimeoutMs,
  expectNoErrorBox,
  expectPageShows,
  foreignRequests,
  launchChromium,
  saveScreenshot,
  withSignedIn,
} from '../src/browser.ts';
import type { SuiteBrowser } from '../src/browser.ts';
import { rolePages } from '../src/role-pages.ts';

const stack = inject('kinerjaStack');
let chromium: SuiteBrowser;

beforeAll(async () => {
  chromium = await launchChromium();
});
afterAll(async () => {
  await chromium?.close();
});

describe.each(rolePages)('$username', ({ username, roleLabel, pages, refused }) => {
  it.concurrent(
    `sees data on ${pages.map((page) => page.path).join(', ')} and is refused ${refused.join(', ')}`,
    async () => {
      await withSignedIn(chromium.browser, stack, username, '', async ({ page, requests }, step) => {
        await expect
          .poll(() => page.locator('.viewer').innerText(), { timeout: dataTimeoutMs })
          .toContain(roleLabel);
        for (const check of pages) {
          step(check.path);
          await page.evaluate((hash) => {
            window.location.hash = hash;
          }, check.path);
          await expect
            .poll(() => page.locator('main h1').first().innerText(), { timeout: dataTimeoutMs })
            .toBe(check.heading);
          await expectPageShows(page, check.texts);
          for (const chart of check.charts ?? []) {
            await page.locator(`[data-testid="${chart}"] svg`).first().waitFor({ state: 'visible' });
          }
          // KINERJA_E2E_SCREENSHOTS=1: every checked page into screenshots/, to look at after a change.
          if (process.env['KINERJA_E2E_SCREENSHOTS']) await saveScreenshot(page, `${username}-${check.path}`);
        }
        for (const path of refused) {
          step(`refused-${path}`);
          await page.evaluate((hash) => {
            window.location.hash = hash;
          }, path);
          await page.getByTestId('refused-page').waitFor({ state: 'visible' });
          expect(await page.locator(`nav a[href="${path}"]`).count()).toBe(0);
          await expect
            .poll(() => page.locator('main h1').first().innerText(), { timeout: dataTimeoutMs })
            .toBe(pages[0]?.heading);
          await expectNoErrorBox(page);
        }
        expect(foreignRequests(requests)).toEqual([]);
      });
    },
  );
});
