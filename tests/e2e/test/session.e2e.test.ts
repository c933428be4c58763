// A session as a person lives it: reload, a token refreshed in the background (the suite shortens
// kinerja-web's access-token lifespan to 45 s for its run), sign-out, and what a failed request looks like.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  dataTimeoutMs,
  expectNoErrorBox,
  expectPageShows,
  launchChromium,
  withSignedIn,
} from '../src/browser.ts';
import type { SuiteBrowser } from '../src/browser.ts';

const stack = inject('kinerjaStack');
let chromium: SuiteBrowser;

beforeAll(async () => {
  chromium = await launchChromium();
});
afterAll(async () => {
  await chromium?.close();
});

describe('a signed-in analyst', () => {
  it('keeps the page and the session on reload, and every GraphQL request is a POST', async () => {
    await withSignedIn(chromium.browser, stack, 'jabar.analis', '#/pegawai', async ({ page }) => {
      const methods: string[] = [];
      page.on('request', (request) => {
        if (request.url().startsWith(stack.gatewayUrl) && request.method() !== 'OPTIONS')
          methods.push(request.method());
      });
      await expectPageShows(page, ['895 pegawai']);
      await page.reload();
      await expect
        .poll(() => page.locator('main h1').first().innerText(), { timeout: dataTimeoutMs })
        .toBe('Daftar Pegawai');
      await expectPageShows(page, ['895 pegawai']);
      expect(page.url()).toContain('#/pegawai');
      expect(methods.length).toBeGreaterThan(0);
      expect([...new Set(methods)]).toEqual(['POST']);
    });
  });

  it('refreshes the access token in the background and keeps loading data with the new one', async () => {
    await withSignedIn(chromium.browser, stack, 'nasional.analis', '#/pegawai', async ({ page }) => {
      const bearers = new Set<string>();
      page.on('request', (request) => {
        const authorization = request.headers()['authorization'];
        if (request.url().startsWith(stack.gatewayUrl) && authorization) bearers.add(authorization);
      });
      await expectPageShows(page, ['5.000 pegawai']);
      // A request with the token held now (the sign-in's, or an already refreshed one on a slow machine).
      await page.getByLabel('Cari nama pegawai').fill('Siti Rahmawati');
      await page.getByRole('button', { name: 'Cari', exact: true }).click();
      await expectPageShows(page, ['Siti Rahmawati, S.Kom.']);
      expect(bearers.size).toBeGreaterThanOrEqual(1);
      const refresh = await page.waitForRequest(
        (request) =>
          request.url().includes('/protocol/openid-connect/token') &&
          (request.postData() ?? '').includes('grant_type=refresh_token'),
        { timeout: 60_000 },
      );
      expect((await refresh.response())?.status()).toBe(200);
      await page.evaluate(() => {
        window.location.hash = '#/dasbor';
      });
      await expectPageShows(page, ['Ringkasan wilayah Anda: Indonesia', '5.000']);
      expect(bearers.size).toBeGreaterThanOrEqual(2);
    });
  });

  it('signs out to the Keycloak form, and the app asks to sign in again', async () => {
    await withSignedIn(chromium.browser, stack, 'karawang.pegawai', '#/profil', async ({ page }) => {
      await expectPageShows(page, ['Siti Rahmawati, S.Kom.']);
      await page.getByRole('button', { name: 'Keluar' }).click();
      await page.locator('#username').waitFor({ state: 'visible', timeout: dataTimeoutMs });
      await page.goto(`${stack.webUrl}#/profil`);
      await page.locator('#username').waitFor({ state: 'visible', timeout: dataTimeoutMs });
      expect(await page.locator('.app-header').count()).toBe(0);
    });
  });
});

describe('a failed request', () => {
  it.each([
    [
      'a gateway outage (HTTP 503 page)',
      { status: 503, contentType: 'text/html', body: '<h1>Service Unavailable</h1>' },
      'Server sedang bermasalah',
      'HTTP_503',
    ],
    [
      "Apollo's English CSRF refusal",
      {
        status: 400,
        contentType: 'application/json',
        body: JSON.stringify({
          errors: [
            {
              message: 'This operation has been blocked as a potential Cross-Site Request Forgery (CSRF).',
              extensions: { code: 'BAD_REQUEST' },
            },
          ],
        }),
      },
      'Server menolak bentuk permintaan ini.',
      'BAD_REQUEST',
    ],
  ])(
    'shows %s in Indonesian with its code, and "Coba lagi" loads the data',
    async (name, response, message, code) => {
      await withSignedIn(chromium.browser, stack, 'banten.analis', '#/pegawai', async ({ page }) => {
        await expectPageShows(page, ['221 pegawai']);
        let refused = 0;
        await page.route(stack.gatewayUrl, async (route) => {
          if (route.request().method() !== 'POST') return route.fallback();
          refused += 1;
          return route.fulfill({
            ...response,
            headers: { 'access-control-allow-origin': new URL(stack.webUrl).origin },
          });
        });
        await page.getByLabel('Cari nama pegawai').fill('Agus');
        await page.getByRole('button', { name: 'Cari', exact: true }).click();
        const box = page.getByTestId('error-box');
        await box.waitFor({ state: 'visible', timeout: dataTimeoutMs });
        const text = await box.innerText();
        expect(text).toContain(message);
        expect(text).toContain(code);
        expect(text).not.toMatch(/Cross-Site|Forgery|Service Unavailable/);
        expect(refused).toBeGreaterThan(0);

        await page.unroute(stack.gatewayUrl);
        await box.getByRole('button', { name: 'Coba lagi' }).click();
        await expectPageShows(page, ['Agus Gunawan, A.Md.']);
        await expectNoErrorBox(page);
      });
    },
  );
});
