// The charts drill down (province → regency), and the analyst workbench runs a query with the user's
// token, shows docs and history and downloads a CSV, without a single request leaving the machine.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  dataTimeoutMs,
  expectNoErrorBox,
  expectPageShows,
  foreignRequests,
  launchChromium,
  withSignedIn,
} from '../src/browser.ts';
import type { SuiteBrowser } from '../src/browser.ts';
import type { Page } from 'playwright-core';

const stack = inject('kinerjaStack');
let chromium: SuiteBrowser;

beforeAll(async () => {
  chromium = await launchChromium();
});
afterAll(async () => {
  await chromium?.close();
});

describe('national dashboard', () => {
  it('drills from a province bar in the chart to its regencies, then to a regency from the table, and back', async () => {
    await withSignedIn(
      chromium.browser,
      stack,
      'nasional.pimpinan',
      '#/dasbor',
      async ({ page, requests }) => {
        await expectPageShows(page, ['Ringkasan wilayah Anda: Indonesia', 'Jawa Barat']);
        const chart = page.getByTestId('chart-headcount');
        // The domain cards above it (attendance today, predikat) push the chart below the fold.
        await chart.scrollIntoViewIfNeeded();
        // The bar starts at the axis, level with its label: click just right of the label.
        const label = chart.locator('svg text', { hasText: /^Jawa Barat$/ }).first();
        const box = await label.boundingBox();
        if (!box) throw new Error('no Jawa Barat label in the headcount chart');
        await page.mouse.click(box.x + box.width + 24, box.y + box.height / 2);
        await expect.poll(() => page.url(), { timeout: dataTimeoutMs }).toContain('#/dasbor?wilayah=32');
        await expectPageShows(page, [
          'Ringkasan wilayah Anda: Jawa Barat',
          '895',
          'Rincian per Kabupaten/Kota',
          'Kabupaten Karawang',
        ]);

        await page.locator('main table a', { hasText: 'Kabupaten Karawang' }).click();
        await expectPageShows(page, ['Ringkasan wilayah Anda: Kabupaten Karawang', '68']);
        await page.getByRole('link', { name: /Kembali ke wilayah di atasnya/ }).click();
        await expectPageShows(page, ['Ringkasan wilayah Anda: Jawa Barat']);
        expect(foreignRequests(requests)).toEqual([]);
      },
    );
  });
});

describe('analyst workbench', () => {
  it('runs a saved example with the user token, offers docs and history, downloads a CSV, all on localhost', async () => {
    await withSignedIn(chromium.browser, stack, 'jabar.analis', '#/workbench', async ({ page, requests }) => {
      await expectPageShows(page, ['Meja Kerja GraphQL']);
      await runInGraphiql(page, 'Jawa Barat');

      await page.getByLabel('Daftar dalam hasil').selectOption('data.regions');
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Unduh CSV' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe('regions.csv');
      const csv = await readFile((await download.path()) ?? '', 'utf8');
      expect(csv.split('\r\n')[0]).toBe('\uFEFFcode,name,headcount');
      expect(csv).toContain('32.15,Kabupaten Karawang,68');

      await page.getByRole('button', { name: 'Show History' }).click();
      await page
        .locator('.graphiql-history', { hasText: 'DasborWilayah' })
        .waitFor({ timeout: dataTimeoutMs });
      await page.getByRole('button', { name: 'Show Documentation Explorer' }).click();
      await page.locator('.graphiql-doc-explorer', { hasText: 'Query' }).waitFor({ timeout: dataTimeoutMs });
      await expectNoErrorBox(page);
      expect(foreignRequests(requests)).toEqual([]);
      expect(requests.some((url) => url.startsWith(stack.gatewayUrl))).toBe(true);
    });
  });

  it('is where a browser opening the gateway endpoint lands', async () => {
    await withSignedIn(chromium.browser, stack, 'banten.analis', '#/pegawai', async ({ page, requests }) => {
      await expectPageShows(page, ['221 pegawai']);
      await page.goto(stack.gatewayUrl);
      await expect
        .poll(() => page.locator('main h1').first().innerText(), { timeout: dataTimeoutMs })
        .toBe('Meja Kerja GraphQL');
      expect(page.url()).toContain('#/workbench');
      expect(foreignRequests(requests)).toEqual([]);
    });
  });
});

/**
 * Clicks GraphiQL's run button until the response shows `expected`. On a loaded machine the button can
 * be drawn before the query editor has finished loading, and a click then runs nothing (seen once at
 * load 10: an empty response pane for 30 s). A click while the button says "Stop" would cancel the
 * request in flight, so it is pressed again only while it offers "Execute".
 */
async function runInGraphiql(page: Page, expected: string): Promise<void> {
  const button = page.locator('.graphiql-execute-button');
  const response = page.locator('.graphiql-response', { hasText: expected });
  await button.waitFor({ state: 'visible', timeout: dataTimeoutMs });
  const deadline = Date.now() + 2 * dataTimeoutMs;
  for (;;) {
    if ((await button.getAttribute('aria-label'))?.startsWith('Execute')) await button.click();
    try {
      await response.waitFor({ timeout: 10_000 });
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
  }
}
