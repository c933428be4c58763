// TPP flows in the browser (issue 12 "UI"): karawang.admin recomputes the seeded month, follows the
// progress bar to 100 %, reviews the summary and its differences, downloads the treasurer's CSV, locks
// the month and reopens it with a reason; the simulation's net for given inputs equals the pure rules'.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEFAULT_TPP_RULE } from '@kinerja/remuneration/domain/default-rules';
import { dataTimeoutMs, expectNoErrorBox, expectPageShows, foreignRequests, launchChromium, withSignedIn } from '../src/browser.ts';
import type { SuiteBrowser } from '../src/browser.ts';
import { computePageTexts, computed, indonesianMonth, rupiah, seededMonth } from '../src/tpp-expectations.ts';

const stack = inject('kinerjaStack');
let chromium: SuiteBrowser;

beforeAll(async () => {
  chromium = await launchChromium();
});
afterAll(async () => {
  await chromium?.close();
});

describe('Perhitungan TPP (karawang.admin)', () => {
  it('recomputes the seeded month with a progress bar to 100 %, shows summary and differences, downloads the payroll CSV, locks and reopens', async () => {
    await withSignedIn(chromium.browser, stack, 'karawang.admin', '#/hitung-tpp', async ({ page, requests }, step) => {
      const summaryTexts = computePageTexts('32.15');
      await expectPageShows(page, summaryTexts);
      expect(await page.locator('#tpp-compute-month').inputValue()).toBe(seededMonth);
      await expectPageShows(page, ['Belum dikunci']);

      step('compute');
      await page.locator('#tpp-reason').fill('Uji peramban: hitung ulang');
      await page.getByRole('button', { name: 'Hitung TPP' }).click();
      await expect.poll(() => page.locator('#tpp-progress').getAttribute('value'), { timeout: dataTimeoutMs }).toBe('100');
      await expectPageShows(page, ['Selesai: 68 dari 68 pegawai (100%)', 'slip mendapat versi baru', 'Perbedaan dari versi sebelumnya: Ringkasan sebelum dan sesudah perhitungan ini']);
      // The same inputs make no new version: the summary after equals the summary before, figure by figure.
      const differences = page.getByTestId('tpp-differences');
      expect(await differences.locator('tbody tr').count()).toBe(5);
      for (const row of await differences.locator('tbody tr').all()) {
        const [before, after] = await row.locator('td').allInnerTexts();
        expect(after).toBe(before);
      }
      await expectPageShows(page, summaryTexts);

      step('download');
      const downloaded = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Unduh CSV' }).click();
      const csv = await readFile((await (await downloaded).path())!, 'utf8');
      const lines = csv.trim().split('\r\n');
      // Header, one row per paid employee (68 in Kabupaten Karawang), totals.
      expect(lines.length).toBe(1 + 68 + 1);
      expect(csv).toContain('199001152015032001');
      const downloadedXlsx = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Unduh XLSX' }).click();
      const xlsx = await downloadedXlsx;
      expect(xlsx.suggestedFilename()).toBe(`tpp-pemerintah-kabupaten-karawang-${seededMonth}.xlsx`);
      // An XLSX file is a ZIP container.
      expect((await readFile((await xlsx.path())!)).subarray(0, 2).toString('latin1')).toBe('PK');

      step('lock');
      await page.getByRole('button', { name: 'Kunci bulan' }).click();
      await expect.poll(() => page.getByTestId('tpp-month-state').innerText(), { timeout: dataTimeoutMs }).toBe('Terkunci (status kunci)');
      await expectPageShows(page, ['Dikunci', 'karawang.admin']);
      expect(await page.getByRole('button', { name: 'Hitung TPP' }).isDisabled()).toBe(true);

      step('reopen');
      // A reopen without a reason is held back in the page; with one it is recorded.
      await page.getByRole('button', { name: 'Buka kunci' }).click();
      await expectPageShows(page, ['Isi alasan membuka kunci.']);
      await page.locator('#tpp-reopen-reason').fill('Uji peramban: buka kembali');
      await page.getByRole('button', { name: 'Buka kunci' }).click();
      await expect.poll(() => page.getByTestId('tpp-month-state').innerText(), { timeout: dataTimeoutMs }).toBe('Belum dikunci');
      await expectPageShows(page, ['Dibuka', 'Uji peramban: buka kembali']);
      await expectNoErrorBox(page);
      expect(foreignRequests(requests)).toEqual([]);
    });
  });
});

describe('Simulasi TPP (karawang.pegawai)', () => {
  it('shows the net of the pure rules for the given inputs, and follows each change live', async () => {
    const month = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 7);
    const expectedNet = (counts: Record<string, number>) =>
      rupiah(
        computed(DEFAULT_TPP_RULE, {
          month,
          position: { kelasJabatan: 0, jenisJabatan: null },
          golongan: 'III/c',
          baseAmount: 10_000_000,
          predikat: { predikat: 'BUTUH_PERBAIKAN', year: Number(month.slice(0, 4)), period: 'SIMULASI', periodStart: `${month}-01`, periodEnd: `${month}-28`, version: 0 },
          attendance: { version: null, counts, days: [] },
          plt: null,
          sanctions: [],
        }).net,
      );
    await withSignedIn(chromium.browser, stack, 'karawang.pegawai', '#/simulasi-tpp', async ({ page, requests }) => {
      await expectPageShows(page, ['Hasil simulasi']);
      // The rule of the pegawai's own instansi is chosen first.
      expect(await page.locator('#sim-rule option:checked').innerText()).toBe('Aturan Pemerintah Kabupaten Karawang');
      await page.locator('#sim-rule').selectOption({ label: 'Aturan bawaan (DOMAIN.md)' });
      await page.locator('input[name="tpp-mode"][value="amount"]').check();
      await page.locator('#sim-base').fill('10000000');
      await page.locator('#sim-predikat').selectOption('BUTUH_PERBAIKAN');
      await page.locator('#sim-golongan').selectOption('III/c');
      await page.locator('#sim-TL1').fill('2');
      await page.locator('#sim-PSW3').fill('1');
      await page.locator('#sim-TK').fill('1');
      const net = page.getByTestId('tpp-simulation-net');
      await expect.poll(() => net.innerText(), { timeout: dataTimeoutMs }).toBe(expectedNet({ TL1: 2, PSW3: 1, TK: 1 }));
      await expectPageShows(page, ['Potongan TL1: 2 × 0,5% porsi disiplin', 'PPh 21 (5%)', rupiah(10_000_000)]);

      // Live: another TK day changes the net at once, to what the pure rules give.
      await page.locator('#sim-TK').fill('3');
      await expect.poll(() => net.innerText(), { timeout: dataTimeoutMs }).toBe(expectedNet({ TL1: 2, PSW3: 1, TK: 3 }));
      await expectNoErrorBox(page);
      expect(foreignRequests(requests)).toEqual([]);
    });
  });
});

describe('TPP Saya (karawang.pegawai)', () => {
  it('switches months: the month before the seeded one has no slip yet', async () => {
    await withSignedIn(chromium.browser, stack, 'karawang.pegawai', '#/tpp', async ({ page }) => {
      await expectPageShows(page, [`Slip TPP ${indonesianMonth(seededMonth)} · Siti Rahmawati, S.Kom.`, 'Riwayat versi slip bulan ini']);
      await page.getByRole('button', { name: 'Bulan sebelumnya' }).click();
      const [year, month] = seededMonth.split('-').map(Number) as [number, number];
      const before = month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
      await expectPageShows(page, [`Belum ada slip TPP untuk ${indonesianMonth(before)}.`]);
    });
  });
});
