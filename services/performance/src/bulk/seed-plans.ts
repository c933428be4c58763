// What a generated SKP holds: RHK and indicators worded for the position (structural heads plan their
// unit's results, functional and pelaksana staff their own outputs), the organisation goals of a year, and
// the leader's BerAKHLAK expectations. Pure data builders for the bulk path; the API never uses them.
import type { BerakhlakBehaviour, IndicatorAspect, RhkKind } from '../domain/skp-plan.ts';

export interface PlannedIndicator {
  text: string;
  aspect: IndicatorAspect;
  target: number;
  unit: string;
  quarterlyTargets: number[] | null;
}

export interface PlannedRhk {
  kind: RhkKind;
  text: string;
  indicators: PlannedIndicator[];
}

export interface PlannedGoal {
  text: string;
  indicator: string;
  target: number;
  targetUnit: string;
}

const STRUCTURAL = new Set(['JPT_PRATAMA', 'JPT_MADYA', 'ADMINISTRATOR', 'PENGAWAS']);

/** "Seksi Perencanaan Pembinaan Sekolah Dasar" → "perencanaan pembinaan sekolah dasar". */
function unitTopic(unitName: string): string {
  const words = unitName.split(' ');
  const topic = ['Seksi', 'Bidang', 'Dinas', 'Badan', 'Sekretariat', 'Bagian', 'Subbagian', 'Kantor', 'Pemerintah'].includes(words[0] ?? '') ? words.slice(1).join(' ') : unitName;
  return topic.toLowerCase();
}

/** Two RHK utama and one tambahan; indicator i of RHK utama k is what a subordinate's RHK utama k supports. */
export function plannedRhk(position: { jenisJabatan: string | null; title: string | null }, unitName: string): PlannedRhk[] {
  const topic = unitTopic(unitName);
  const title = position.title ?? 'pegawai';
  if (position.jenisJabatan !== null && STRUCTURAL.has(position.jenisJabatan)) {
    return [
      {
        kind: 'UTAMA',
        text: `Meningkatnya capaian kinerja ${topic}`,
        indicators: [
          { text: `Persentase target program ${topic} yang tercapai`, aspect: 'KUANTITAS', target: 90, unit: 'persen', quarterlyTargets: [20, 45, 70, 90] },
          { text: 'Nilai evaluasi akuntabilitas kinerja unit', aspect: 'KUALITAS', target: 80, unit: 'nilai', quarterlyTargets: null },
        ],
      },
      {
        kind: 'UTAMA',
        text: `Terlaksananya perencanaan, pengendalian, dan pelaporan kegiatan ${topic} tepat waktu`,
        indicators: [{ text: 'Laporan kinerja triwulanan disampaikan tepat waktu', aspect: 'WAKTU', target: 4, unit: 'laporan', quarterlyTargets: [1, 1, 1, 1] }],
      },
      {
        kind: 'TAMBAHAN',
        text: 'Terlaksananya pembinaan dan pengembangan kompetensi pegawai di unit kerja',
        indicators: [{ text: 'Jumlah kegiatan pembinaan pegawai', aspect: 'KUANTITAS', target: 4, unit: 'kegiatan', quarterlyTargets: [1, 1, 1, 1] }],
      },
    ];
  }
  return [
    {
      kind: 'UTAMA',
      text: `Terlaksananya tugas ${title} dalam mendukung ${topic}`,
      indicators: [
        { text: `Jumlah dokumen hasil kerja ${title} yang diselesaikan`, aspect: 'KUANTITAS', target: 24, unit: 'dokumen', quarterlyTargets: [6, 6, 6, 6] },
        { text: 'Persentase hasil kerja yang diterima tanpa revisi', aspect: 'KUALITAS', target: 90, unit: 'persen', quarterlyTargets: null },
      ],
    },
    {
      kind: 'UTAMA',
      text: `Tersusunnya laporan pelaksanaan tugas ${title} tepat waktu`,
      indicators: [{ text: 'Laporan bulanan disampaikan paling lambat tanggal 5 bulan berikutnya', aspect: 'WAKTU', target: 12, unit: 'laporan', quarterlyTargets: [3, 3, 3, 3] }],
    },
    {
      kind: 'TAMBAHAN',
      text: 'Terlaksananya tugas tambahan dari atasan langsung',
      indicators: [{ text: 'Jumlah tugas tambahan yang diselesaikan', aspect: 'KUANTITAS', target: 2, unit: 'kegiatan', quarterlyTargets: null }],
    },
  ];
}

/** The goals an instansi or OPD records for a year (Renstra sasaran strategis, Perjanjian Kinerja). */
export function plannedGoals(unit: { kind: string; name: string }, year: number): PlannedGoal[] {
  const topic = unitTopic(unit.name);
  if (unit.kind === 'INSTANSI') {
    return [
      { text: `Meningkatnya kualitas pelayanan publik ${year}`, indicator: 'Indeks kepuasan masyarakat', target: 85, targetUnit: 'indeks' },
      { text: 'Meningkatnya akuntabilitas kinerja pemerintah daerah', indicator: 'Nilai SAKIP', target: 75, targetUnit: 'nilai' },
    ];
  }
  return [
    { text: `Meningkatnya kinerja urusan ${topic}`, indicator: `Persentase capaian indikator kinerja utama ${topic}`, target: 90, targetUnit: 'persen' },
    { text: `Terwujudnya tata kelola ${topic} yang akuntabel`, indicator: 'Nilai evaluasi akuntabilitas kinerja', target: 80, targetUnit: 'nilai' },
  ];
}

export const plannedExpectations: Readonly<Record<BerakhlakBehaviour, string>> = {
  BERORIENTASI_PELAYANAN: 'Melayani pemangku kepentingan dengan cepat dan ramah, menindaklanjuti keluhan',
  AKUNTABEL: 'Menyelesaikan tugas tepat waktu dan dapat dipertanggungjawabkan',
  KOMPETEN: 'Mengikuti pengembangan kompetensi dan membagikan pengetahuan kepada rekan',
  HARMONIS: 'Menghargai rekan kerja dan menjaga suasana kerja yang kondusif',
  LOYAL: 'Menjaga nama baik instansi dan kerahasiaan data',
  ADAPTIF: 'Terbuka terhadap perubahan cara kerja dan aplikasi baru',
  KOLABORATIF: 'Aktif bekerja sama lintas unit dalam penyelesaian pekerjaan',
};
