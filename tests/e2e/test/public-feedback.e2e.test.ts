// The public satisfaction page (#/umpan-balik/<code>) WITHOUT signing in: karawang.admin creates a code for
// the demo pegawai's unit through the gateway; a citizen's browser (no session, no Keycloak) rates it 4 stars
// with a comment and is thanked, and the unit's month counts the response; a token already used and a flood
// from the same address are refused with a sentence in Bahasa Indonesia.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { dataTimeoutMs, demoPassword, foreignRequests, launchChromium, saveScreenshot } from '../src/browser.ts';
import type { SuiteBrowser } from '../src/browser.ts';

const stack = inject('kinerjaStack');
const DEMO_PEGAWAI_NIP = '199001152015032001';
let chromium: SuiteBrowser;
let code = '';
let unitId = '';

async function adminToken(): Promise<string> {
  const response = await fetch(`${stack.keycloakUrl}/realms/${stack.keycloakRealm}/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', client_id: 'kinerja-cli', username: 'karawang.admin', password: demoPassword, scope: 'openid' }),
  });
  const body = (await response.json()) as { access_token?: string };
  if (!body.access_token) throw new Error(`no token for karawang.admin: ${response.status}`);
  return body.access_token;
}

async function gateway(query: string, variables: Record<string, unknown>, token: string | null, url = stack.gatewayUrl): Promise<{ data?: Record<string, unknown>; errors?: { extensions?: Record<string, unknown> }[] }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: Record<string, unknown> };
}

/** A fresh browser context with no session at all, on the public page of the code. */
async function openPublicPage(name: string, steps: (page: Page, requests: string[]) => Promise<void>): Promise<void> {
  const context = await chromium.browser.newContext({ locale: 'id-ID', timezoneId: 'Asia/Jakarta', viewport: { width: 480, height: 900 } });
  const page = await context.newPage();
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  try {
    await page.goto(`${stack.webUrl}/#/umpan-balik/${code}`);
    await steps(page, requests);
  } catch (error) {
    await saveScreenshot(page, `failed-public-feedback-${name}`).catch(() => undefined);
    throw error;
  } finally {
    await context.close();
  }
}

beforeAll(async () => {
  chromium = await launchChromium();
  const token = await adminToken();
  const employee = await gateway('query ($nip: String!) { employee(nip: $nip) { unit { id } position { id } } }', { nip: DEMO_PEGAWAI_NIP }, token);
  const demo = employee.data?.['employee'] as { unit: { id: string }; position: { id: string } };
  unitId = demo.unit.id;
  // Performance learns units from personnel.employee.v1: hiring a colleague into the unit makes it known
  // there whatever performance's demo data holds.
  const sequence = String(100 + (Date.now() % 900));
  const hired = await gateway(
    'mutation ($i: HireEmployeeInput!) { hireEmployee(input: $i) { id } }',
    { i: { nip: `199203142020011${sequence}`, name: 'Petugas Layanan Uji', gender: 'MALE', birthDate: '1992-03-14', employmentType: 'PNS', golongan: 'III/a', positionId: demo.position.id, unitId } },
    token,
  );
  expect(hired.errors).toBeUndefined();
  let made: { code: string; url: string } | undefined;
  for (let attempt = 0; attempt < 60 && made === undefined; attempt++) {
    const created = await gateway('mutation ($u: ID!) { createPublicFeedbackCode(unitId: $u, serviceName: "Layanan kenaikan pangkat") { code url } }', { u: unitId }, token);
    made = created.data?.['createPublicFeedbackCode'] as { code: string; url: string } | undefined;
    if (made === undefined) await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  if (made === undefined) throw new Error(`performance never learned unit ${unitId}`);
  code = made.code;
  expect(made.url).toMatch(new RegExp(`#/umpan-balik/${code}$`));
});

afterAll(async () => {
  await chromium?.close();
});

describe('public satisfaction page', () => {
  it('lets a citizen without an account rate a service with stars and a comment, and thanks them', async () => {
    const month = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 7);
    const satisfaction = async () =>
      ((await gateway('query ($nip: String!, $m: String!) { employee(nip: $nip) { unit { publicSatisfaction(month: $m) { responses } } } }', { nip: DEMO_PEGAWAI_NIP, m: month }, await adminToken())).data?.['employee'] as {
        unit: { publicSatisfaction: { responses: number } };
      }).unit.publicSatisfaction.responses;
    const before = await satisfaction();
    await openPublicPage('rate', async (page, requests) => {
      await page.getByRole('heading', { name: 'Survei Kepuasan Masyarakat' }).waitFor({ timeout: dataTimeoutMs });
      await page.getByText('Layanan kenaikan pangkat', { exact: false }).first().waitFor({ timeout: dataTimeoutMs });
      // Never sent to Keycloak's login page.
      expect(page.url()).toContain(`#/umpan-balik/${code}`);
      await page.getByRole('button', { name: 'Kirim penilaian' }).click();
      await page.getByText('Pilih 1 sampai 5 bintang terlebih dahulu.').waitFor({ timeout: dataTimeoutMs });
      await page.getByLabel('4 bintang').check({ force: true });
      await page.getByText('Puas', { exact: true }).waitFor();
      await page.getByLabel('Komentar atau saran (tidak wajib)').fill('Petugas ramah dan prosesnya cepat');
      await page.getByRole('button', { name: 'Kirim penilaian' }).click();
      await page.getByTestId('public-feedback-thanks').getByText('Terima kasih atas penilaian Anda untuk layanan Layanan kenaikan pangkat.').waitFor({ timeout: dataTimeoutMs });
      expect(requests.some((url) => url.includes('/realms/'))).toBe(false);
      expect(foreignRequests(requests)).toEqual([]);
    });
    // The unit's month counts the response (earlier runs on the same stack may have counted others).
    expect(await satisfaction()).toBe(before + 1);
  });

  it('says so when the form\'s token was already used', async () => {
    await openPublicPage('reused', async (page) => {
      const started = await page.waitForResponse((response) => response.url().startsWith(stack.gatewayUrl) && (response.request().postData() ?? '').includes('startPublicFeedback'), { timeout: dataTimeoutMs });
      const token = ((await started.json()) as { data: { startPublicFeedback: { token: string } } }).data.startPublicFeedback.token;
      // The same token is used elsewhere first (another tab, a replay).
      await gateway('mutation ($t: String!) { submitPublicFeedback(token: $t, rating: 5) { message } }', { t: token }, null);
      await page.getByLabel('2 bintang').check({ force: true });
      await page.getByRole('button', { name: 'Kirim penilaian' }).click();
      await page.getByTestId('public-feedback-error').getByText('Penilaian untuk formulir ini sudah terkirim sebelumnya. Terima kasih.').waitFor({ timeout: dataTimeoutMs });
    });
  });

  it('refuses a flood from one address with a clear message', async () => {
    // Exhaust this machine's tokens for the hour over both loopback addresses the browser may use.
    for (const host of ['127.0.0.1', '[::1]']) {
      const url = stack.gatewayUrl.replace('localhost', host);
      for (let attempt = 0; attempt < 30; attempt++) {
        const answer = await gateway('mutation ($c: String!) { startPublicFeedback(code: $c) { token } }', { c: code }, null, url).catch(() => null);
        if (answer === null || answer.errors?.[0]?.extensions?.['code'] === 'TOO_MANY_REQUESTS') break;
      }
    }
    await openPublicPage('flood', async (page) => {
      await page.getByTestId('public-feedback-error').getByText('Terlalu banyak permintaan dari perangkat atau jaringan Anda. Silakan coba lagi dalam satu jam.').waitFor({ timeout: dataTimeoutMs });
      await expect.poll(() => page.getByRole('button', { name: 'Kirim penilaian' }).isDisabled()).toBe(true);
    });
  });
});
