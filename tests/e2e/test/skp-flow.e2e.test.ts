// The SKP cycle through the pages, as the two demo users do it: karawang.pegawai starts next year's draft,
// reopens this year's approved SKP through a revision request karawang.atasan grants, adds an RHK linked
// to the atasan's RHK with an indicator and submits it; the atasan approves it with the BerAKHLAK
// expectations, rates the current quarter (the predikat preview follows the two ratings) and sees the
// unit's distribution in the calibration panel. Repeatable: next year's draft is reused, the flow's RHK
// is removed and added again, and a re-rating before finalisation replaces the rating.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { dataTimeoutMs, expectNoErrorBox, expectPageShows, foreignRequests, launchChromium, withSignedIn } from '../src/browser.ts';
import type { SuiteBrowser } from '../src/browser.ts';

const stack = inject('kinerjaStack');
let chromium: SuiteBrowser;

const today = new Date();
const year = today.getFullYear();
const quarter = Math.floor(today.getMonth() / 3) + 1;
const quarterName = `Triwulan ${['I', 'II', 'III', 'IV'][quarter - 1]} ${year}`;
const flowRhk = 'Tersusunnya rekomendasi kebijakan pembinaan sekolah dasar (uji alur SKP)';
const atasanRhk = 'Utama: Meningkatnya capaian kinerja perencanaan pembinaan sekolah dasar';
const siti = 'Siti Rahmawati, S.Kom.';

beforeAll(async () => {
  chromium = await launchChromium();
});
afterAll(async () => {
  await chromium?.close();
});

async function open(page: Page, hash: string, heading: string): Promise<void> {
  await page.evaluate((h) => {
    window.location.hash = h;
  }, hash);
  await expect.poll(() => page.locator('main h1').first().innerText(), { timeout: dataTimeoutMs }).toBe(heading);
}

const skpStatus = (page: Page) => page.getByTestId('skp-status').innerText({ timeout: dataTimeoutMs });
const sitiCard = (page: Page) => page.locator('article[data-testid="team-skp"]', { hasText: siti });

describe('SKP cycle through the pages', () => {
  it('karawang.pegawai starts next year’s SKP as a draft and asks to revise this year’s', async () => {
    await withSignedIn(chromium.browser, stack, 'karawang.pegawai', '', async ({ page, requests }, step) => {
      step('next-year');
      await open(page, `#/skp?tahun=${year + 1}`, 'SKP Saya');
      const create = page.getByRole('button', { name: `Buat SKP ${year + 1}` });
      await expect.poll(async () => (await create.count()) + (await page.getByTestId('skp-status').count()), { timeout: dataTimeoutMs }).toBeGreaterThan(0);
      if ((await create.count()) > 0) await create.click();
      await expect.poll(() => skpStatus(page), { timeout: dataTimeoutMs }).toBe('Konsep');
      await expectPageShows(page, [`SKP tahun ${year + 1}: Konsep`, 'Tambah RHK']);

      step('revision');
      await page.getByLabel('Tahun', { exact: true }).selectOption(String(year));
      await expect.poll(() => page.locator('#skp-summary-title').innerText(), { timeout: dataTimeoutMs }).toContain(`SKP tahun ${year}:`);
      if ((await skpStatus(page)) === 'Disetujui') {
        await page.getByLabel('Alasan revisi').fill('Penambahan penugasan penyusunan rekomendasi kebijakan');
        await page.getByRole('button', { name: 'Minta revisi' }).click();
        await expect.poll(() => skpStatus(page), { timeout: dataTimeoutMs }).toBe('Revisi diminta');
      }
      await expectNoErrorBox(page);
      expect(foreignRequests(requests)).toEqual([]);
    });
  });

  it('karawang.atasan opens the SKP for revision', async () => {
    await withSignedIn(chromium.browser, stack, 'karawang.atasan', '', async ({ page }) => {
      await open(page, '#/tim', 'Tim Saya');
      const card = sitiCard(page);
      await card.waitFor({ timeout: dataTimeoutMs });
      const grant = card.getByRole('button', { name: 'Buka untuk revisi' });
      if ((await card.innerText()).includes('Revisi diminta')) {
        await grant.click();
        await expect.poll(() => card.innerText(), { timeout: dataTimeoutMs }).toContain('Konsep');
      }
      await expectNoErrorBox(page);
    });
  });

  it('karawang.pegawai adds an RHK linked to the atasan’s RHK, an indicator, and submits', async () => {
    await withSignedIn(chromium.browser, stack, 'karawang.pegawai', '', async ({ page }, step) => {
      await open(page, '#/skp', 'SKP Saya');
      await expect.poll(() => skpStatus(page), { timeout: dataTimeoutMs }).toMatch(/Konsep|Diajukan/);
      if ((await skpStatus(page)) === 'Konsep') {
        step('remove-previous');
        // A previous run's RHK goes first, so the plan does not grow with every run.
        while ((await page.getByRole('article', { name: flowRhk }).count()) > 0) {
          await page.getByRole('article', { name: flowRhk }).first().getByRole('button', { name: 'Hapus RHK' }).click();
          await expect.poll(() => page.getByRole('article', { name: flowRhk }).count(), { timeout: dataTimeoutMs }).toBe(0);
        }
        step('add-rhk');
        await page.getByLabel('Jenis RHK').selectOption('UTAMA');
        await page.getByLabel('Rumusan RHK').fill(flowRhk);
        await page.getByLabel('RHK atasan yang didukung (intervensi)').selectOption({ label: atasanRhk });
        await page.getByRole('button', { name: 'Tambah RHK', exact: true }).click();
        const rhk = page.getByRole('article', { name: flowRhk });
        await rhk.waitFor({ timeout: dataTimeoutMs });
        await expect.poll(() => rhk.innerText()).toContain(`Mendukung RHK atasan: ${atasanRhk.replace('Utama: ', '')}`);

        step('add-indicator');
        const form = rhk.getByRole('form', { name: 'Tambah indikator' });
        await form.getByLabel('Indikator', { exact: true }).fill('Jumlah rekomendasi kebijakan yang disampaikan');
        await form.getByLabel('Aspek').selectOption('KUANTITAS');
        await form.getByLabel('Target').fill('2');
        await form.getByLabel('Satuan').fill('rekomendasi');
        await form.getByRole('button', { name: 'Tambah indikator' }).click();
        await rhk.getByText('Jumlah rekomendasi kebijakan yang disampaikan').waitFor({ timeout: dataTimeoutMs });

        step('submit');
        await page.getByRole('button', { name: 'Ajukan SKP ke atasan' }).click();
      }
      await expect.poll(() => skpStatus(page), { timeout: dataTimeoutMs }).toBe('Diajukan');
      await expectPageShows(page, ['SKP sudah diajukan dan menunggu persetujuan atasan.', flowRhk, 'Revisi dibuka']);
    });
  });

  it('karawang.atasan approves it, rates the current quarter with the predikat preview, and sees the calibration chart', async () => {
    await withSignedIn(chromium.browser, stack, 'karawang.atasan', '', async ({ page, requests }, step) => {
      step('approve');
      await open(page, '#/tim', 'Tim Saya');
      const card = sitiCard(page);
      await card.waitFor({ timeout: dataTimeoutMs });
      const approval = card.getByRole('form', { name: `Persetujuan SKP ${siti}` });
      await approval.getByLabel('Ekspektasi Berorientasi Pelayanan').fill('Menyusun rekomendasi yang menjawab kebutuhan sekolah');
      await expect.poll(() => approval.getByLabel('Ekspektasi Kolaboratif').inputValue()).not.toBe('');
      await approval.getByRole('button', { name: 'Setujui SKP' }).click();
      await expect.poll(() => card.innerText(), { timeout: dataTimeoutMs }).toContain('Disetujui');

      step('rate');
      const rating = card.getByRole('form', { name: `Penilaian kinerja ${siti}` });
      await rating.getByLabel('Periode yang dinilai').selectOption({ label: quarterName });
      const preview = rating.getByTestId('predikat-preview');
      await expect.poll(() => preview.innerText()).toBe('Pilih kedua rating untuk melihat predikat.');
      await rating.getByLabel('Rating hasil kerja').selectOption('DI_ATAS_EKSPEKTASI');
      await rating.getByLabel('Rating perilaku kerja').selectOption('DI_ATAS_EKSPEKTASI');
      await expect.poll(() => preview.innerText(), { timeout: dataTimeoutMs }).toBe('Sangat Baik');
      await rating.getByLabel('Rating perilaku kerja').selectOption('DI_BAWAH_EKSPEKTASI');
      await expect.poll(() => preview.innerText(), { timeout: dataTimeoutMs }).toBe('Kurang/Misconduct');
      await rating.getByLabel('Rating perilaku kerja').selectOption('SESUAI_EKSPEKTASI');
      await expect.poll(() => preview.innerText(), { timeout: dataTimeoutMs }).toBe('Baik');
      await rating.getByRole('button', { name: 'Simpan penilaian' }).click();
      await rating.getByText('Tersimpan: predikat Baik.').waitFor({ timeout: dataTimeoutMs });
      await expect.poll(() => card.innerText(), { timeout: dataTimeoutMs }).toContain(`Q${quarter}: Baik`);
      await expectNoErrorBox(page);

      step('calibration');
      await open(page, '#/kalibrasi', 'Kalibrasi Predikat');
      await page.getByLabel('Tahun', { exact: true }).selectOption(String(year));
      await page.getByLabel('Periode', { exact: true }).selectOption(`Q${quarter}`);
      await expectPageShows(page, [new RegExp(`Seksi Perencanaan Pembinaan Sekolah Dasar · Q${quarter} ${year}`), 'Batas distribusi']);
      await page.locator('[data-testid="chart-predikat-distribution"] svg').first().waitFor({ state: 'visible' });
      const baik = page.locator('main table tr', { hasText: 'Baik' }).filter({ hasNotText: 'Sangat' }).filter({ hasNotText: 'Butuh' }).first();
      await expect.poll(async () => Number((await baik.locator('td').first().innerText()).replace(/\./g, '')), { timeout: dataTimeoutMs }).toBeGreaterThanOrEqual(1);
      expect(foreignRequests(requests)).toEqual([]);
    });
  });
});
