// The SIASN import page (issue 15): nasional.admin uploads SIASN's CSV exports of a new instansi (unor
// and pegawai, one row with an invalid NIP), watches the job finish, reads the per-row report with the
// refusal's reason, and the differences with SIASN; a second upload reports every good row unchanged.
// The people and ids are new on every run (the stack's data outlives the suite).
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { dataTimeoutMs, expectNoErrorBox, expectPageShows, foreignRequests, launchChromium, withSignedIn } from '../src/browser.ts';
import type { SuiteBrowser } from '../src/browser.ts';

const stack = inject('kinerjaStack');
let chromium: SuiteBrowser;

const run = randomBytes(4).toString('hex').toUpperCase();
const id = (kind: string) => `${kind}${run}`.padEnd(32, '0');
const day = String(1 + (Number.parseInt(run.slice(0, 4), 16) % 28)).padStart(2, '0');
const serial = String(1 + (Number.parseInt(run.slice(4), 16) % 998)).padStart(3, '0');
const leaderNip = `198503${day}2010031${serial}`;
const staffNip = `199207${day}2015032${serial}`;
const instansiName = `Instansi Uji Impor SIASN ${run}`;
const [root, bidang, leader, staff, bad] = [id('A'), id('B'), id('C'), id('D'), id('E')];

const unorCsv = [
  'Id,DiatasanId,NamaUnor,NamaJabatan,PemimpinPnsId,InstansiId',
  `${root},,${instansiName},Kepala,${leader},${root}`,
  `${bidang},${root},Bidang Uji ${run},Kepala Bidang,${leader},${root}`,
].join('\n');
const pegawaiCsv = [
  'id,nipBaru,nama,golRuangAkhir,jenisJabatanId,eselonId,jabatanNama,kelas_jabatan,unorId,instansiIndukId,kedudukanPnsNama',
  `${leader},${leaderNip},Pimpinan Uji ${run},IV/a,1,31,Kepala Bidang Uji Impor SIASN,11,${bidang},${root},Aktif`,
  `${staff},${staffNip},Staf Uji ${run},III/a,4,,Pengadministrasi Uji Impor SIASN,5,${bidang},${root},Aktif`,
  `${bad},12345,Nip Salah ${run},III/a,4,,Pengadministrasi Uji Impor SIASN,5,${bidang},${root},Aktif`,
].join('\n');
const files = [
  { name: 'uji-unor.csv', mimeType: 'text/csv', buffer: Buffer.from(unorCsv) },
  { name: 'uji-pegawai.csv', mimeType: 'text/csv', buffer: Buffer.from(pegawaiCsv) },
];

beforeAll(async () => {
  chromium = await launchChromium();
});
afterAll(async () => {
  await chromium?.close();
});

describe('Impor SIASN', () => {
  it('imports through the job with a progress bar, lists the refused row and the differences, and a second upload changes nothing', async () => {
    await withSignedIn(chromium.browser, stack, 'nasional.admin', '#/siasn', async ({ page, requests }, step) => {
      await expectPageShows(page, ['Impor Data SIASN']);
      step('first-upload');
      await page.getByLabel('Berkas SIASN (.xlsx atau .csv)').setInputFiles(files);
      await page.getByLabel('Kode wilayah instansi baru (mis. 32.15)').fill('32.15');
      await page.getByRole('button', { name: 'Mulai impor' }).click();
      await page.getByTestId('siasn-status').getByText('Selesai').waitFor({ timeout: dataTimeoutMs });
      expect(await page.locator('main progress').getAttribute('value')).toBe('5');
      await expectPageShows(page, ['5 dari 5 baris diproses', 'uji-unor.csv, uji-pegawai.csv']);
      expect(await page.getByTestId('siasn-created').innerText()).toBe('4');
      expect(await page.getByTestId('siasn-refused').innerText()).toBe('1');
      const refusedRow = page.getByTestId('siasn-report').locator('tr.refused');
      expect(await refusedRow.count()).toBe(1);
      expect(await refusedRow.innerText()).toMatch(/12345[\s\S]*Ditolak[\s\S]*NIP/);

      step('differences');
      const differences = page.getByTestId('siasn-differences');
      await differences.getByText(`Perbedaan dengan SIASN: ${instansiName}`).waitFor({ timeout: dataTimeoutMs });
      await differences.getByText('Nip Salah').waitFor({ timeout: dataTimeoutMs });
      expect(await differences.locator('tbody tr').count()).toBe(1);
      expect(await differences.locator('tbody tr').innerText()).toMatch(/12345[\s\S]*Pegawai[\s\S]*\(tidak tercatat\)[\s\S]*aktif/);

      step('second-upload');
      await page.getByRole('button', { name: 'Mulai impor' }).click();
      await expect.poll(() => page.getByTestId('siasn-unchanged').innerText(), { timeout: dataTimeoutMs }).toBe('4');
      await page.getByTestId('siasn-status').getByText('Selesai').waitFor({ timeout: dataTimeoutMs });
      expect(await page.getByTestId('siasn-created').innerText()).toBe('0');
      await expectNoErrorBox(page);
      expect(foreignRequests(requests)).toEqual([]);
    });
  });

  it('is not offered to an analyst: the app says so', async () => {
    await withSignedIn(chromium.browser, stack, 'jabar.analis', '#/siasn', async ({ page }) => {
      await page.getByTestId('refused-page').waitFor({ timeout: dataTimeoutMs });
      expect(await page.getByTestId('refused-page').innerText()).toContain('Impor SIASN');
    });
  });
});
