import { DEFAULT_TPP_RULE } from '@kinerja/remuneration/domain/default-rules';
import { demoTppRule } from '@kinerja/remuneration/bulk';
import { computePageTexts, dashboardTppTexts, simulationTexts, slipTexts } from './tpp-expectations.ts';

/**
 * THE table of the browser suite: for every demo user (README "Demo users"), every page their roles may
 * open, with texts that must be visible once the data has loaded (names, numbers formatted for
 * Indonesia, region names), and pages they must not open. Data comes from `npm start`'s demo seed
 * (5000 employees, seed 1). A new page adds one entry per role that may open it, and one `refused`
 * entry per role that may not; test/roles.e2e.test.ts needs no change. See web/README.md.
 */
export interface PageCheck {
  /** The hash route, as in the navigation: `#/dasbor`, `#/pegawai?…`. */
  readonly path: string;
  /** The page's heading. */
  readonly heading: string;
  /** Visible in the main area once loaded (each waited for), with no error box on the page. */
  readonly texts: readonly (string | RegExp)[];
  /** `data-testid`s of charts that must be drawn (an SVG inside). */
  readonly charts?: readonly string[];
}

export interface RolePages {
  readonly username: string;
  /** Shown in the header's role line. */
  readonly roleLabel: string;
  readonly pages: readonly PageCheck[];
  /** Hash routes this role may not open: the app says so and shows a page it may open instead. */
  readonly refused: readonly string[];
}

// TPP pages (issue 12): texts derived from the seed's generator and remuneration's pure rules.
const tppSlip = (nip: string): PageCheck => ({ path: '#/tpp', heading: 'TPP Saya', texts: slipTexts(nip) });
const tppCompute = (instansiRegion: string): PageCheck => ({ path: '#/hitung-tpp', heading: 'Perhitungan TPP', texts: computePageTexts(instansiRegion) });
// The simulation starts from kelas 9, predikat Baik under the rule of the viewer's first instansi
// (the seeded demo rule), or from a base amount of Rp 5.000.000 under the default when there is none.
const tppSimulation: PageCheck = { path: '#/simulasi-tpp', heading: 'Simulasi TPP', texts: simulationTexts(demoTppRule(), { kelasJabatan: 9 }) };
const tppSimulationDefault: PageCheck = { path: '#/simulasi-tpp', heading: 'Simulasi TPP', texts: simulationTexts(DEFAULT_TPP_RULE, { baseAmount: 5_000_000 }) };

const national = {
  dashboard: {
    path: '#/dasbor',
    heading: 'Dasbor Nasional',
    texts: [
      'Ringkasan wilayah Anda: Indonesia',
      '5.000',
      'Jawa Barat',
      'Banten',
      'Aceh',
      'Rincian per Provinsi',
      ...dashboardTppTexts('ID'),
      'Kehadiran hari ini',
      'Persentase hadir',
      // The region's annual predikat of last year (performance's maintained counts, dashboard card).
      /Predikat kinerja tahunan \d{4}/,
      /[\d.]+ pegawai dengan predikat tahunan final/,
    ],
    charts: ['chart-headcount', 'chart-gaps', 'chart-region-predikat'],
  },
  employees: { path: '#/pegawai', heading: 'Daftar Pegawai', texts: ['5.000 pegawai'] },
  training: {
    path: '#/diklat',
    heading: 'Kebutuhan Diklat',
    texts: ['Wilayah: Nasional', '646', '4.272', '94.624'],
    charts: ['chart-need-levels'],
  },
  workbench: { path: '#/workbench', heading: 'Meja Kerja GraphQL', texts: ['DasborWilayah'] },
} satisfies Record<string, PageCheck>;

const jabar = {
  dashboard: {
    path: '#/dasbor',
    heading: 'Dasbor Wilayah',
    texts: [
      'Ringkasan wilayah Anda: Jawa Barat',
      '895',
      'Kabupaten Karawang',
      'Kota Bandung',
      'Rincian per Kabupaten/Kota',
      // The province's own staff as a row, so the table's total equals the headcount above it.
      'Pemerintah Provinsi Jawa Barat (di luar kabupaten/kota)',
      ...dashboardTppTexts('32'),
      'Kehadiran hari ini',
      'Persentase hadir',
      // The region's annual predikat of last year (performance's maintained counts, dashboard card).
      /Predikat kinerja tahunan \d{4}/,
      /[\d.]+ pegawai dengan predikat tahunan final/,
    ],
    charts: ['chart-headcount', 'chart-gaps', 'chart-region-predikat'],
  },
  employees: { path: '#/pegawai', heading: 'Daftar Pegawai', texts: ['895 pegawai'] },
  training: {
    path: '#/diklat',
    heading: 'Kebutuhan Diklat',
    texts: ['Wilayah: Provinsi 32', '107', '654', '14.236'],
    charts: ['chart-need-levels'],
  },
  workbench: { path: '#/workbench', heading: 'Meja Kerja GraphQL', texts: ['DasborWilayah'] },
} satisfies Record<string, PageCheck>;

const karawang = {
  dashboard: {
    path: '#/dasbor',
    heading: 'Dasbor Wilayah',
    texts: ['Ringkasan wilayah Anda: Kabupaten Karawang', '68', 'Pegawai dinilai', 'Kehadiran hari ini', 'Persentase hadir', /Predikat kinerja tahunan \d{4}/, /[\d.]+ pegawai dengan predikat tahunan final/],
  },
  employees: { path: '#/pegawai', heading: 'Daftar Pegawai', texts: ['68 pegawai', 'Kabupaten Karawang'] },
  training: {
    path: '#/diklat',
    heading: 'Kebutuhan Diklat',
    texts: ['Wilayah: Kabupaten/Kota 32.15', '11', '56', '1.256'],
    charts: ['chart-need-levels'],
  },
  workbench: { path: '#/workbench', heading: 'Meja Kerja GraphQL', texts: ['DasborWilayah'] },
} satisfies Record<string, PageCheck>;

const banten = {
  dashboard: {
    path: '#/dasbor',
    heading: 'Dasbor Wilayah',
    texts: ['Ringkasan wilayah Anda: Banten', '221', 'Kabupaten Tangerang', 'Kota Serang', ...dashboardTppTexts('36'), 'Kehadiran hari ini', 'Persentase hadir', /Predikat kinerja tahunan \d{4}/, /[\d.]+ pegawai dengan predikat tahunan final/],
    charts: ['chart-headcount', 'chart-gaps', 'chart-region-predikat'],
  },
  employees: { path: '#/pegawai', heading: 'Daftar Pegawai', texts: ['221 pegawai', 'Kabupaten Tangerang'] },
  training: {
    path: '#/diklat',
    heading: 'Kebutuhan Diklat',
    texts: ['Wilayah: Provinsi 36', '26', '170', '3.668'],
    charts: ['chart-need-levels'],
  },
  workbench: { path: '#/workbench', heading: 'Meja Kerja GraphQL', texts: ['DasborWilayah'] },
} satisfies Record<string, PageCheck>;

// Only TPP readers see the TPP card: karawang.admin's dashboard, not the diklat planner's or asesor's.
const karawangAdminDashboard: PageCheck = { ...karawang.dashboard, texts: [...karawang.dashboard.texts, ...dashboardTppTexts('32.15')] };

const sitiProfile: PageCheck = {
  path: '#/profil',
  heading: 'Profil Saya',
  texts: [
    'Siti Rahmawati, S.Kom.',
    '199001152015032001',
    'Hendra Gunawan, S.E., M.M.',
    'Kabupaten Karawang',
    '92,50%',
  ],
};

// Performance pages (SKP, team, calibration, cascade). Seeded per the date the demo data was loaded: the
// texts avoid the year and the predikat mix (which follow the date) and keep names, counts and coverage.
const performanceRefused = ['#/skp', '#/tim', '#/kalibrasi', '#/kaskade'];
const mySkp = (texts: readonly (string | RegExp)[]): PageCheck => ({ path: '#/skp', heading: 'SKP Saya', texts: [/SKP tahun \d{4}: Disetujui/, ...texts] });
const calibration = (unit: string, texts: readonly (string | RegExp)[]): PageCheck => ({
  path: '#/kalibrasi',
  heading: 'Kalibrasi Predikat',
  texts: [new RegExp(`${unit} · (Q[1-4]|ANNUAL) \\d{4}`), 'Pegawai dinilai (tanpa kepala unit)', 'Batas distribusi', 'Riwayat finalisasi', ...texts],
  charts: ['chart-predikat-distribution'],
});
const cascade = (unit: string, texts: readonly (string | RegExp)[]): PageCheck => ({
  path: '#/kaskade',
  heading: 'Kaskade Kinerja',
  texts: [new RegExp(`${unit} · \\d{4}`), ...texts],
});
const dinasPendidikanCascade = cascade('Dinas Pendidikan', ['Keselarasan: 92,11% (35 dari 38 pegawai)', 'Sasaran: Meningkatnya kinerja urusan pendidikan']);
const adminPerformance = {
  karawang: [
    calibration('Pemerintah Kabupaten Karawang', ['Belum diketahui (kepala unit belum dinilai)', 'Predikat unit belum diketahui: kepala unit belum dinilai pada periode ini', 'Finalisasi dengan pengecualian (admin kepegawaian)']),
    cascade('Dinas Kesehatan', ['Keselarasan: 90,91% (20 dari 22 pegawai)', 'Susanti Susilo, S.Farm., Apt.', 'Sasaran: Meningkatnya kinerja urusan kesehatan']),
  ],
  jabar: [
    calibration('Pemerintah Provinsi Jawa Barat', ['Belum diketahui (kepala unit belum dinilai)']),
    cascade('Dinas Kesehatan', ['Keselarasan: 91,36% (74 dari 81 pegawai)', 'Sasaran: Meningkatnya kinerja urusan kesehatan']),
  ],
};

// Attendance (web/README.md): the seed's outcomes run from the previous calendar month (closed, recap
// version 1) to yesterday, so the month shown is computed from today (WIB) rather than written here.
const previousMonth = (() => {
  const now = new Date(Date.now() + 7 * 3_600_000);
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
})();
/** Pages only an employee (a NIP), an atasan or the region's admin may open. */
const employeeAttendancePages = ['#/presensi', '#/kehadiran', '#/cuti'];
const attendanceRefusals = [...employeeAttendancePages, '#/persetujuan', '#/rekap'];

const attendance = {
  checkIn: { path: '#/presensi', heading: 'Presensi', texts: [/Kantor: Kantor /, 'Halaman kantor, radius 50 m', 'Hari ini'] },
  // The demo pegawai's previous month always holds a TL1 of 17 minutes, a PSW1 of 25 and a day of cuti
  // (tools/seed/src/outcomes.ts ensureSomethingToExplain), explained from her device captures.
  sitiMonth: {
    path: `#/kehadiran?bulan=${previousMonth}`,
    heading: 'Kehadiran Saya',
    texts: ['Rekap bulan ini sudah ditutup (versi 1).', /Terlambat 17 menit \(masuk 07:47/, /Pulang 25 menit sebelum waktunya/, 'Cuti', 'Terlambat 1 (1–30 menit)'],
  },
  sitiLeave: { path: `#/cuti?bulan=${previousMonth}`, heading: 'Cuti dan Izin', texts: ['Ajukan cuti atau izin', 'Disetujui', 'Data contoh'] },
  ownMonth: { path: `#/kehadiran?bulan=${previousMonth}`, heading: 'Kehadiran Saya', texts: ['Rekap bulan ini sudah ditutup (versi 1).', 'Jumlah per status', 'Hadir'] },
  leave: { path: '#/cuti', heading: 'Cuti dan Izin', texts: ['Ajukan cuti atau izin', 'Jenis', 'Sampai tanggal'] },
  approvals: { path: '#/persetujuan', heading: 'Persetujuan Cuti', texts: ['Pengajuan bawahan langsung Anda yang menunggu keputusan, yang terlama di atas.'] },
  atasanRecap: {
    path: `#/rekap?bulan=${previousMonth}`,
    heading: 'Rekap Kehadiran',
    texts: ['10 pegawai', 'Siti Rahmawati, S.Kom.', '199001152015032001', 'TL1', 'Unduh XLSX'],
  },
  karawangRecap: { path: `#/rekap?bulan=${previousMonth}`, heading: 'Rekap Kehadiran', texts: ['68 pegawai', 'Siti Rahmawati, S.Kom.', 'Unduh CSV'] },
  jabarRecap: { path: `#/rekap?bulan=${previousMonth}`, heading: 'Rekap Kehadiran', texts: ['895 pegawai', 'Unduh CSV'] },
} satisfies Record<string, PageCheck>;

export const rolePages: readonly RolePages[] = [
  {
    username: 'nasional.pimpinan',
    roleLabel: 'Pimpinan',
    pages: Object.values(national),
    refused: ['#/profil', '#/tpp', '#/hitung-tpp', '#/simulasi-tpp', ...performanceRefused, ...attendanceRefusals],
  },
  {
    username: 'nasional.analis',
    roleLabel: 'Analis SDM',
    pages: [...Object.values(national), tppSimulationDefault],
    refused: ['#/profil', '#/tpp', '#/hitung-tpp', ...performanceRefused, ...attendanceRefusals],
  },
  {
    username: 'nasional.auditor',
    roleLabel: 'Auditor',
    pages: Object.values(national),
    refused: ['#/profil', '#/tpp', '#/hitung-tpp', '#/simulasi-tpp', ...performanceRefused, ...attendanceRefusals],
  },
  {
    username: 'jabar.analis',
    roleLabel: 'Analis SDM',
    pages: [...Object.values(jabar), tppSimulation],
    refused: ['#/profil', '#/tpp', '#/hitung-tpp', ...performanceRefused, ...attendanceRefusals],
  },
  {
    username: 'jabar.admin',
    roleLabel: 'Admin Kepegawaian',
    pages: [...Object.values(jabar), ...adminPerformance.jabar, tppCompute('32'), tppSimulation, attendance.jabarRecap],
    refused: ['#/profil', '#/skp', '#/tim', '#/tpp', ...employeeAttendancePages, '#/persetujuan'],
  },
  {
    username: 'karawang.admin',
    roleLabel: 'Admin Kepegawaian',
    pages: [karawangAdminDashboard, karawang.employees, karawang.training, karawang.workbench, ...adminPerformance.karawang, tppCompute('32.15'), tppSimulation, attendance.karawangRecap],
    refused: ['#/profil', '#/skp', '#/tim', '#/tpp', ...employeeAttendancePages, '#/persetujuan'],
  },
  {
    username: 'karawang.diklat',
    roleLabel: 'Perencana Diklat',
    pages: Object.values(karawang),
    refused: ['#/profil', '#/tpp', '#/hitung-tpp', '#/simulasi-tpp', ...performanceRefused, ...attendanceRefusals],
  },
  {
    username: 'karawang.asesor',
    roleLabel: 'Asesor Kompetensi',
    pages: [karawang.dashboard, karawang.workbench],
    refused: ['#/pegawai', '#/diklat', '#/profil', '#/tpp', '#/hitung-tpp', '#/simulasi-tpp', ...performanceRefused, ...attendanceRefusals],
  },
  {
    username: 'karawang.atasan',
    roleLabel: 'Atasan',
    pages: [
      {
        path: '#/pegawai',
        heading: 'Daftar Pegawai',
        texts: ['10 pegawai', 'Siti Rahmawati, S.Kom.', 'Dian Maulana, S.Pd.'],
      },
      {
        path: '#/profil',
        heading: 'Profil Saya',
        texts: ['Hendra Gunawan, S.E., M.M.', '197805122003121003', 'Kabupaten Karawang'],
      },
      tppSlip('197805122003121003'),
      tppSimulation,
      mySkp(['Drs. Bambang Suryadi, M.Si.', 'Utama: Meningkatnya capaian kinerja perencanaan pembinaan sekolah dasar']),
      {
        path: '#/tim',
        heading: 'Tim Saya',
        texts: ['8 SKP bawahan langsung · 1 menunggu persetujuan', 'Indah Kurniawan, S.Pd.', 'Diajukan', 'Siti Rahmawati, S.Kom.', 'Persetujuan SKP'],
      },
      calibration('Seksi Perencanaan Pembinaan Sekolah Dasar', []),
      { ...dinasPendidikanCascade, texts: [...dinasPendidikanCascade.texts, 'RHK Anda'] },
      attendance.checkIn,
      attendance.ownMonth,
      attendance.leave,
      attendance.approvals,
      attendance.atasanRecap,
    ],
    refused: ['#/dasbor', '#/diklat', '#/workbench', '#/hitung-tpp'],
  },
  {
    username: 'karawang.kepala',
    roleLabel: 'Atasan',
    pages: [
      { path: '#/pegawai', heading: 'Daftar Pegawai', texts: ['34 pegawai', 'Hendra Gunawan, S.E., M.M.'] },
      mySkp(['Utama: Meningkatnya capaian kinerja pembinaan sekolah dasar']),
      { path: '#/tim', heading: 'Tim Saya', texts: ['Hendra Gunawan, S.E., M.M.', 'Disetujui'] },
      calibration('Bidang Pembinaan Sekolah Dasar', []),
      dinasPendidikanCascade,
    ],
    refused: ['#/dasbor', '#/diklat', '#/workbench', '#/hitung-tpp'],
  },
  {
    username: 'karawang.pegawai',
    roleLabel: 'Pegawai',
    pages: [
      {
        path: '#/pegawai',
        heading: 'Daftar Pegawai',
        texts: ['2 pegawai', 'Siti Rahmawati, S.Kom.', 'Hendra Gunawan, S.E., M.M.'],
      },
      sitiProfile,
      tppSlip('199001152015032001'),
      tppSimulation,
      mySkp([
        'Hendra Gunawan, S.E., M.M.',
        'Utama: Terlaksananya tugas Analis Kebijakan Ahli Muda dalam mendukung perencanaan pembinaan sekolah dasar',
        'Mendukung RHK atasan: Meningkatnya capaian kinerja perencanaan pembinaan sekolah dasar',
        /Triwulan I \d{4}: \d/,
      ]),
      attendance.checkIn,
      attendance.sitiMonth,
      attendance.sitiLeave,
    ],
    refused: ['#/dasbor', '#/diklat', '#/workbench', '#/hitung-tpp', '#/tim', '#/kalibrasi', '#/kaskade', '#/persetujuan', '#/rekap'],
  },
  {
    username: 'banten.analis',
    roleLabel: 'Analis SDM',
    pages: [...Object.values(banten), tppSimulation],
    refused: ['#/profil', '#/tpp', '#/hitung-tpp', ...performanceRefused, ...attendanceRefusals],
  },
];
