// Names the generator draws from: regional government units (Permendagri 90/2019 nomenclature,
// PP 18/2016 on perangkat daerah), functional professions, pelaksana titles (KepmenPANRB 11/2024)
// and personal names. Realistic enough for dashboards; not a register of real people.

export interface OpdTemplate {
  name: string;
  /** Relative size of its workforce within an instansi (teachers and health workers dominate). */
  weight: number;
  /** Share of staff in functional positions rather than pelaksana. */
  functionalShare: number;
  /** Functional professions in this OPD: keahlian title stems and keterampilan title stems. */
  keahlian: readonly string[];
  keterampilan: readonly string[];
  bidang: readonly string[];
}

const generalKeahlian = ['Analis Kebijakan', 'Perencana', 'Pranata Komputer', 'Analis Sumber Daya Manusia Aparatur', 'Analis Keuangan Pusat dan Daerah'];
const generalKeterampilan = ['Arsiparis', 'Pranata Komputer', 'Pengelola Pengadaan Barang/Jasa'];

export const SEKRETARIAT_DAERAH: OpdTemplate = {
  name: 'Sekretariat Daerah',
  weight: 1.2,
  functionalShare: 0.25,
  keahlian: ['Analis Hukum', 'Perancang Peraturan Perundang-undangan', 'Analis Kebijakan', 'Pranata Humas'],
  keterampilan: ['Arsiparis', 'Pranata Humas'],
  bidang: ['Bagian Pemerintahan', 'Bagian Hukum', 'Bagian Organisasi', 'Bagian Perekonomian dan Sumber Daya Alam', 'Bagian Umum', 'Bagian Pengadaan Barang dan Jasa'],
};

export const OPD_TEMPLATES: readonly OpdTemplate[] = [
  { name: 'Dinas Pendidikan', weight: 6, functionalShare: 0.8, keahlian: ['Guru', 'Pengawas Sekolah', 'Pamong Belajar'], keterampilan: ['Pustakawan'], bidang: ['Bidang Pembinaan Sekolah Dasar', 'Bidang Pembinaan Sekolah Menengah Pertama', 'Bidang Pendidikan Anak Usia Dini dan Nonformal', 'Bidang Pendidik dan Tenaga Kependidikan'] },
  { name: 'Dinas Kesehatan', weight: 3.5, functionalShare: 0.7, keahlian: ['Dokter', 'Perawat', 'Bidan', 'Apoteker', 'Epidemiolog Kesehatan', 'Nutrisionis'], keterampilan: ['Perawat', 'Bidan', 'Sanitarian', 'Asisten Apoteker', 'Pranata Laboratorium Kesehatan'], bidang: ['Bidang Kesehatan Masyarakat', 'Bidang Pencegahan dan Pengendalian Penyakit', 'Bidang Pelayanan Kesehatan', 'Bidang Sumber Daya Kesehatan'] },
  { name: 'Rumah Sakit Umum Daerah', weight: 2, functionalShare: 0.7, keahlian: ['Dokter', 'Dokter Spesialis', 'Perawat', 'Apoteker'], keterampilan: ['Perawat', 'Bidan', 'Radiografer', 'Perekam Medis'], bidang: ['Bidang Pelayanan Medik', 'Bidang Keperawatan', 'Bidang Penunjang'] },
  { name: 'Dinas Pekerjaan Umum dan Penataan Ruang', weight: 1, functionalShare: 0.3, keahlian: ['Teknik Jalan dan Jembatan', 'Teknik Pengairan', 'Penata Ruang'], keterampilan: ['Teknik Jalan dan Jembatan', 'Teknik Pengairan'], bidang: ['Bidang Bina Marga', 'Bidang Sumber Daya Air', 'Bidang Penataan Ruang', 'Bidang Cipta Karya'] },
  { name: 'Badan Perencanaan Pembangunan Daerah', weight: 0.7, functionalShare: 0.4, keahlian: ['Perencana', 'Statistisi'], keterampilan: ['Statistisi'], bidang: ['Bidang Perencanaan Ekonomi', 'Bidang Perencanaan Pemerintahan dan Pembangunan Manusia', 'Bidang Infrastruktur dan Kewilayahan', 'Bidang Penelitian dan Pengembangan'] },
  { name: 'Badan Pengelolaan Keuangan dan Aset Daerah', weight: 0.8, functionalShare: 0.25, keahlian: ['Analis Keuangan Pusat dan Daerah', 'Penata Kelola Sistem dan Teknologi Informasi'], keterampilan: ['Pranata Keuangan'], bidang: ['Bidang Anggaran', 'Bidang Perbendaharaan', 'Bidang Akuntansi', 'Bidang Aset'] },
  { name: 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia', weight: 0.6, functionalShare: 0.4, keahlian: ['Analis Sumber Daya Manusia Aparatur', 'Assessor Sumber Daya Manusia Aparatur', 'Widyaiswara'], keterampilan: ['Pranata Sumber Daya Manusia Aparatur'], bidang: ['Bidang Pengadaan, Pemberhentian dan Informasi', 'Bidang Mutasi dan Promosi', 'Bidang Pengembangan Kompetensi Aparatur', 'Bidang Penilaian Kinerja Aparatur dan Penghargaan'] },
  { name: 'Inspektorat Daerah', weight: 0.5, functionalShare: 0.6, keahlian: ['Auditor', 'Pengawas Penyelenggaraan Urusan Pemerintahan di Daerah'], keterampilan: ['Auditor'], bidang: ['Inspektur Pembantu Wilayah I', 'Inspektur Pembantu Wilayah II', 'Inspektur Pembantu Wilayah III'] },
  { name: 'Dinas Sosial', weight: 0.6, functionalShare: 0.35, keahlian: ['Pekerja Sosial', 'Penyuluh Sosial'], keterampilan: ['Pekerja Sosial'], bidang: ['Bidang Rehabilitasi Sosial', 'Bidang Perlindungan dan Jaminan Sosial', 'Bidang Pemberdayaan Sosial'] },
  { name: 'Dinas Kependudukan dan Pencatatan Sipil', weight: 0.6, functionalShare: 0.2, keahlian: ['Administrator Database Kependudukan'], keterampilan: ['Administrator Database Kependudukan'], bidang: ['Bidang Pelayanan Pendaftaran Penduduk', 'Bidang Pelayanan Pencatatan Sipil', 'Bidang Pengelolaan Informasi Administrasi Kependudukan'] },
  { name: 'Dinas Pertanian', weight: 0.9, functionalShare: 0.55, keahlian: ['Penyuluh Pertanian', 'Pengawas Benih Tanaman', 'Medik Veteriner'], keterampilan: ['Penyuluh Pertanian', 'Paramedik Veteriner'], bidang: ['Bidang Tanaman Pangan', 'Bidang Hortikultura', 'Bidang Peternakan', 'Bidang Penyuluhan'] },
  { name: 'Dinas Perhubungan', weight: 0.6, functionalShare: 0.25, keahlian: ['Penguji Kendaraan Bermotor'], keterampilan: ['Penguji Kendaraan Bermotor'], bidang: ['Bidang Lalu Lintas', 'Bidang Angkutan', 'Bidang Sarana dan Prasarana'] },
  { name: 'Dinas Lingkungan Hidup', weight: 0.6, functionalShare: 0.3, keahlian: ['Pengendali Dampak Lingkungan', 'Pengawas Lingkungan Hidup'], keterampilan: ['Pengendali Dampak Lingkungan'], bidang: ['Bidang Tata Lingkungan', 'Bidang Pengelolaan Sampah', 'Bidang Pengendalian Pencemaran'] },
  { name: 'Dinas Komunikasi dan Informatika', weight: 0.4, functionalShare: 0.4, keahlian: ['Pranata Komputer', 'Pranata Humas', 'Statistisi', 'Sandiman'], keterampilan: ['Pranata Komputer'], bidang: ['Bidang Aplikasi Informatika', 'Bidang Informasi dan Komunikasi Publik', 'Bidang Statistik dan Persandian'] },
  { name: 'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu', weight: 0.4, functionalShare: 0.2, keahlian: ['Analis Kebijakan', 'Penata Perizinan'], keterampilan: ['Penata Perizinan'], bidang: ['Bidang Pelayanan Perizinan', 'Bidang Penanaman Modal', 'Bidang Pengendalian Pelaksanaan'] },
  { name: 'Satuan Polisi Pamong Praja', weight: 0.7, functionalShare: 0.5, keahlian: ['Polisi Pamong Praja'], keterampilan: ['Polisi Pamong Praja'], bidang: ['Bidang Penegakan Peraturan Daerah', 'Bidang Ketertiban Umum', 'Bidang Perlindungan Masyarakat'] },
  { name: 'Dinas Pemberdayaan Perempuan dan Perlindungan Anak', weight: 0.4, functionalShare: 0.3, keahlian: ['Analis Kebijakan'], keterampilan: generalKeterampilan, bidang: ['Bidang Pemberdayaan Perempuan', 'Bidang Perlindungan Anak'] },
  { name: 'Dinas Perindustrian dan Perdagangan', weight: 0.5, functionalShare: 0.3, keahlian: ['Penyuluh Perindustrian dan Perdagangan', 'Pengawas Perdagangan'], keterampilan: ['Penera'], bidang: ['Bidang Perindustrian', 'Bidang Perdagangan', 'Bidang Metrologi'] },
  { name: 'Badan Penanggulangan Bencana Daerah', weight: 0.4, functionalShare: 0.3, keahlian: ['Analis Bencana'], keterampilan: generalKeterampilan, bidang: ['Bidang Pencegahan dan Kesiapsiagaan', 'Bidang Kedaruratan dan Logistik', 'Bidang Rehabilitasi dan Rekonstruksi'] },
  { name: 'Dinas Pariwisata dan Kebudayaan', weight: 0.4, functionalShare: 0.3, keahlian: ['Adyatama Kepariwisataan dan Ekonomi Kreatif', 'Pamong Budaya'], keterampilan: ['Pamong Budaya'], bidang: ['Bidang Destinasi Pariwisata', 'Bidang Kebudayaan', 'Bidang Ekonomi Kreatif'] },
  { name: 'Dinas Perpustakaan dan Kearsipan', weight: 0.3, functionalShare: 0.6, keahlian: ['Pustakawan', 'Arsiparis'], keterampilan: ['Pustakawan', 'Arsiparis'], bidang: ['Bidang Layanan Perpustakaan', 'Bidang Kearsipan'] },
  { name: 'Dinas Tenaga Kerja', weight: 0.4, functionalShare: 0.35, keahlian: ['Pengantar Kerja', 'Mediator Hubungan Industrial', 'Instruktur'], keterampilan: ['Instruktur'], bidang: ['Bidang Penempatan Tenaga Kerja', 'Bidang Hubungan Industrial', 'Bidang Pelatihan dan Produktivitas'] },
].map((t) => ({ ...t, keahlian: t.keahlian.length ? t.keahlian : generalKeahlian }));

/** Every OPD also has some general functional staff beside its own professions. */
export const GENERAL_KEAHLIAN = generalKeahlian;
export const GENERAL_KETERAMPILAN = generalKeterampilan;

export const SEKSI_FUNCTIONS = ['Perencanaan', 'Pelaksanaan', 'Pembinaan', 'Pengendalian', 'Evaluasi dan Pelaporan'] as const;

/** Pelaksana titles (KepmenPANRB 11/2024) with their usual kelas jabatan. */
export const PELAKSANA_TITLES: readonly { title: string; kelas: number; minEducation: 'SMA' | 'D3' | 'S1' }[] = [
  { title: 'Operator Layanan Operasional', kelas: 5, minEducation: 'SMA' },
  { title: 'Pengadministrasi Perkantoran', kelas: 5, minEducation: 'SMA' },
  { title: 'Pengelola Umum Operasional', kelas: 6, minEducation: 'D3' },
  { title: 'Pengolah Data dan Informasi', kelas: 6, minEducation: 'D3' },
  { title: 'Penata Layanan Operasional', kelas: 7, minEducation: 'S1' },
  { title: 'Penelaah Teknis Kebijakan', kelas: 7, minEducation: 'S1' },
];

export const MALE_GIVEN = ['Agus', 'Ahmad', 'Andi', 'Arif', 'Asep', 'Bambang', 'Budi', 'Dadang', 'Dedi', 'Dimas', 'Eko', 'Fajar', 'Fikri', 'Gilang', 'Hadi', 'Hendra', 'Iwan', 'Joko', 'Kurniawan', 'Muhammad', 'Rizky', 'Rudi', 'Slamet', 'Teguh', 'Ujang', 'Wahyu', 'Yusuf', 'Hasan', 'Irfan', 'Taufik', 'Yogi', 'Bayu', 'Galih', 'Heru', 'Rahmat', 'Sutrisno', 'Wawan', 'Zainal'];
export const FEMALE_GIVEN = ['Siti', 'Sri', 'Dewi', 'Rina', 'Yuni', 'Wulan', 'Ratna', 'Nurul', 'Fitri', 'Lestari', 'Ayu', 'Indah', 'Putri', 'Ani', 'Dian', 'Eka', 'Maya', 'Novi', 'Rahma', 'Tuti', 'Endang', 'Euis', 'Neng', 'Ika', 'Kartika', 'Lia', 'Mega', 'Nining', 'Ririn', 'Susanti', 'Winda', 'Yulia'];
export const FAMILY_NAMES = ['Hidayat', 'Setiawan', 'Saputra', 'Kurniawan', 'Pratama', 'Wijaya', 'Nugroho', 'Santoso', 'Rahayu', 'Permana', 'Gunawan', 'Hermawan', 'Suryani', 'Rahmawati', 'Handayani', 'Susilo', 'Firmansyah', 'Ramadhan', 'Maulana', 'Hakim', 'Syahputra', 'Sulistyowati', 'Purnama', 'Anggraini', 'Wibowo', 'Prasetyo', 'Lestari', 'Sari', 'Utami', 'Fauzi'];
/** Regional flavour for a few provinces: Batak marga in North Sumatra, Balinese birth-order names. */
export const BATAK_MARGA = ['Siregar', 'Nasution', 'Lubis', 'Harahap', 'Simanjuntak', 'Sitompul', 'Manurung', 'Sihombing', 'Pardede', 'Hutapea'];
export const BALINESE_ORDER = ['Wayan', 'Made', 'Nyoman', 'Ketut', 'Putu', 'Kadek', 'Komang'];

/** Degrees that go with a profession (first match wins), else the general lists below. */
export const PROFESSION_DEGREES: readonly { pattern: RegExp; D3?: string; S1?: string }[] = [
  { pattern: /^Bidan/, D3: 'A.Md.Keb.', S1: 'S.Keb.' },
  { pattern: /^Perawat/, D3: 'A.Md.Kep.', S1: 'S.Kep., Ns.' },
  { pattern: /^(Guru|Pengawas Sekolah|Pamong Belajar)/, S1: 'S.Pd.' },
  { pattern: /^Dokter/, S1: 'dr.' },
  { pattern: /^(Apoteker|Asisten Apoteker)/, D3: 'A.Md.Farm.', S1: 'S.Farm., Apt.' },
  { pattern: /^(Pranata Komputer|Penata Kelola Sistem)/, D3: 'A.Md.Kom.', S1: 'S.Kom.' },
  { pattern: /^(Teknik|Penata Ruang)/, D3: 'A.Md.T.', S1: 'S.T.' },
  { pattern: /^(Auditor|Analis Keuangan|Pranata Keuangan)/, D3: 'A.Md.Ak.', S1: 'S.Ak.' },
  { pattern: /^(Analis Hukum|Perancang Peraturan)/, S1: 'S.H.' },
];

export const DEGREE_BY_EDUCATION: Readonly<Record<'D3' | 'S1' | 'S2' | 'S3', readonly string[]>> = {
  D3: ['A.Md.', 'A.Md.Kom.', 'A.Md.Ak.', 'A.Md.T.'],
  S1: ['S.E.', 'S.H.', 'S.Kom.', 'S.Pd.', 'S.Sos.', 'S.T.', 'S.IP.', 'S.Ak.'],
  S2: ['M.Si.', 'M.M.', 'M.Pd.', 'M.Kes.', 'M.T.', 'M.H.', 'M.A.P.'],
  S3: ['Dr.'],
};
