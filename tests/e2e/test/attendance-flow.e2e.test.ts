// Attendance end to end in the browser (web/README.md "Pages"): the demo pegawai checks in with a faked
// position (Playwright's geolocation) outside and then inside her office's fence, sees the server's
// answer and today's status; she asks for a day of izin and her atasan approves it on his page.
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

const stack = inject('kinerjaStack');
let chromium: SuiteBrowser;

beforeAll(async () => {
  chromium = await launchChromium();
});
afterAll(async () => {
  await chromium?.close();
});

const integer = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 0 });

/** Great-circle metres on the mean Earth radius, as the service measures (services/attendance/src/domain/geofence.ts). */
function metersBetween(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }): number {
  const rad = (d: number) => (d * Math.PI) / 180;
  const h = Math.sin(rad(b.latitude - a.latitude) / 2) ** 2 + Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(rad(b.longitude - a.longitude) / 2) ** 2;
  return 2 * 6_371_008.8 * Math.asin(Math.min(1, Math.sqrt(h)));
}

// A weekday far enough ahead that no earlier run's request overlaps it (the suite may run on a stack
// seeded once and reused): shifted by the minute of the run, within the next year.
const leaveDate = (() => {
  const day = new Date(Date.now() + (40 + (Math.floor(Date.now() / 60_000) % 300)) * 86_400_000);
  while (day.getUTCDay() === 0 || day.getUTCDay() === 6) day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
})();
const leaveReason = `Urusan keluarga (uji peramban ${leaveDate})`;
const statusLabels = ['Hadir', 'Libur', 'Belum presensi', 'Tanpa keterangan', 'Cuti', 'Sakit', 'Izin', 'Dinas luar'];

describe('attendance in the browser', () => {
  it('karawang.pegawai is refused outside the fence with the distance, checks in inside it and sees today’s status', async () => {
    await withSignedIn(chromium.browser, stack, 'karawang.pegawai', '#/presensi', async ({ context, page, requests }, step) => {
      await context.grantPermissions(['geolocation'], { origin: new URL(stack.webUrl).origin });
      step('office');
      await expectPageShows(page, ['Halaman kantor, radius 50 m', 'Hari ini']);
      const fence = page.getByTestId('geofence').first();
      const centre = { latitude: Number(await fence.getAttribute('data-latitude')), longitude: Number(await fence.getAttribute('data-longitude')) };
      // Karawang's offices stand around -6.30, 107.30 (services/attendance/src/bulk/sites.ts).
      expect(Math.abs(centre.latitude + 6.3)).toBeLessThan(0.02);
      expect(Math.abs(centre.longitude - 107.3)).toBeLessThan(0.02);

      step('outside');
      const outside = { latitude: centre.latitude + 0.01, longitude: centre.longitude };
      const meters = integer.format(Math.round(metersBetween(outside, centre)));
      await context.setGeolocation({ ...outside, accuracy: 10 });
      await page.getByRole('button', { name: 'Presensi masuk' }).click();
      const refused = page.getByTestId('check-in-refused');
      await refused.waitFor({ state: 'visible', timeout: dataTimeoutMs });
      expect(await refused.innerText()).toBe(`Presensi ditolak: lokasi Anda ${meters} m dari titik kantor, di luar radius.`);
      expect(await page.getByTestId('distance').innerText()).toBe(`Jarak ke Halaman kantor: ${meters} m`);
      expect(await page.getByTestId('check-in-accepted').count()).toBe(0);

      step('inside');
      await context.setGeolocation({ ...centre, accuracy: 10 });
      await page.getByRole('button', { name: 'Presensi masuk' }).click();
      const accepted = page.getByTestId('check-in-accepted');
      await accepted.waitFor({ state: 'visible', timeout: dataTimeoutMs });
      expect(await accepted.innerText()).toMatch(/^Presensi masuk diterima pukul \d{2}:\d{2}, 0 m dari titik kantor\.$/);
      expect(await page.getByTestId('distance').innerText()).toBe('Jarak ke Halaman kantor: 0 m');
      expect(await page.getByTestId('check-in-refused').count()).toBe(0);
      // Today's status is the server's (it depends on the hour and the weekday the suite runs at).
      const status = await page.getByTestId('today-status').innerText();
      expect(statusLabels.includes(status) || /^(Terlambat|Pulang cepat) [1-4] /.test(status)).toBe(true);
      await expectNoErrorBox(page);
      expect(foreignRequests(requests)).toEqual([]);
    });
  });

  it('karawang.pegawai asks for a day of izin and karawang.atasan approves it', async () => {
    await withSignedIn(chromium.browser, stack, 'karawang.pegawai', '#/cuti', async ({ page }, step) => {
      step('request');
      await expectPageShows(page, ['Ajukan cuti atau izin']);
      await page.getByLabel('Jenis').selectOption('IZIN');
      await page.getByLabel('Dari tanggal').fill(leaveDate);
      await page.getByLabel('Sampai tanggal').fill(leaveDate);
      await page.getByLabel('Alasan').fill(leaveReason);
      await page.getByRole('button', { name: 'Ajukan' }).click();
      await page.getByTestId('leave-submitted').waitFor({ state: 'visible', timeout: dataTimeoutMs });
      const row = page.locator('tr', { hasText: leaveReason });
      await row.waitFor({ state: 'visible', timeout: dataTimeoutMs });
      expect(await row.innerText()).toContain('Menunggu persetujuan');
      await expectNoErrorBox(page);
    });

    await withSignedIn(chromium.browser, stack, 'karawang.atasan', '#/persetujuan', async ({ page }, step) => {
      step('approve');
      const row = page.getByTestId('pending-approval').filter({ hasText: leaveReason });
      await row.waitFor({ state: 'visible', timeout: dataTimeoutMs });
      expect(await row.innerText()).toContain('Siti Rahmawati, S.Kom.');
      expect(await row.innerText()).toContain('Izin');
      await row.getByRole('button', { name: 'Setujui' }).click();
      const decided = page.getByTestId('approval-decided');
      await decided.waitFor({ state: 'visible', timeout: dataTimeoutMs });
      expect(await decided.innerText()).toBe('Pengajuan Siti Rahmawati, S.Kom.: Disetujui.');
      await expect.poll(() => row.count(), { timeout: dataTimeoutMs }).toBe(0);
      await expectNoErrorBox(page);
    });

    await withSignedIn(chromium.browser, stack, 'karawang.pegawai', `#/cuti?bulan=${leaveDate.slice(0, 7)}`, async ({ page }, step) => {
      step('approved');
      const row = page.locator('tr', { hasText: leaveReason });
      await row.waitFor({ state: 'visible', timeout: dataTimeoutMs });
      expect(await row.innerText()).toContain('Disetujui');
    });
  });
});
