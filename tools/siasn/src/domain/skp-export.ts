// A finalised SKP evaluation in the shape of SIASN's SKP endpoints (DOMAIN.md "Systems around it": the
// annual result to `/skp22/save`, a periodic one to `/kinerjaperiodik/save`, with the field names listed
// there). No official spec is public: the numeric codes below are this tool's documented convention,
// in the order DOMAIN.md "Performance (SKP)" lists the values, and live only in this table.
// Pure functions, no I/O.

export type RatingLevel = 'DI_ATAS_EKSPEKTASI' | 'SESUAI_EKSPEKTASI' | 'DI_BAWAH_EKSPEKTASI';
export type Predikat = 'SANGAT_BAIK' | 'BAIK' | 'BUTUH_PERBAIKAN' | 'KURANG' | 'SANGAT_KURANG';

/** hasilKinerjaNilai / perilakuKerjaNilai: the three ratings of PermenPANRB 6/2022, Di Atas first. */
export const ratingCodes: Readonly<Record<RatingLevel, number>> = { DI_ATAS_EKSPEKTASI: 1, SESUAI_EKSPEKTASI: 2, DI_BAWAH_EKSPEKTASI: 3 };

/** kuadranKinerjaNilai: the predikat kinerja, Sangat Baik first (the order of the angka-kredit percentages). */
export const predikatCodes: Readonly<Record<Predikat, number>> = { SANGAT_BAIK: 1, BAIK: 2, BUTUH_PERBAIKAN: 3, KURANG: 4, SANGAT_KURANG: 5 };

/** The rater is a civil servant in our records (SIASN also knows raters outside the register). */
export const STATUS_PENILAI_ASN = 'ASN';

export const ANNUAL_PERIOD = 'ANNUAL';

export interface ExportPerson {
  id: string;
  nip: string;
  name: string;
  /** SIASN's person id (personnel's Employee.siasnId); null for someone SIASN has not given us. */
  siasnId: string | null;
}

export interface ExportRater extends ExportPerson {
  golongan: string | null;
  positionTitle: string;
  unitName: string;
}

/** One finalised evaluation as the performance service reports it through the gateway. */
export interface FinalisedResultInput {
  employee: ExportPerson;
  rater: ExportRater | null;
  year: number;
  /** Q1…Q4, M01…M12, FINAL or ANNUAL. */
  period: string;
  /** YYYY-MM-DD, the instansi's period in its scheme. */
  periodStart: string;
  periodEnd: string;
  hasilKerja: RatingLevel;
  perilakuKerja: RatingLevel;
  predikat: Predikat;
}

interface RaterFields {
  penilaiPnsId: string | null;
  penilaiNipNrp: string;
  penilaiNama: string;
  penilaiGolongan: string;
  penilaiJabatan: string;
  penilaiUnorNama: string;
  statusPenilai: string;
}

/** Body of `/skp22/save` (the annual SKP result). */
export interface Skp22Payload extends RaterFields {
  pnsDinilaiId: string;
  tahun: number;
  hasilKinerjaNilai: number;
  perilakuKerjaNilai: number;
  kuadranKinerjaNilai: number;
}

/** Body of `/kinerjaperiodik/save` (a periodic evaluation). */
export interface KinerjaPeriodikPayload extends Skp22Payload {
  periodikId: number;
  bulanMulaiPenilaian: number;
  bulanSelesaiPenilaian: number;
  koefisienId: number;
}

export type SiasnEndpoint = '/skp22/save' | '/kinerjaperiodik/save';

export interface SiasnSubmission {
  endpoint: SiasnEndpoint;
  /** Same employee, year and period → same key: SIASN (and our ledger) accept it once. */
  idempotencyKey: string;
  employeeNip: string;
  year: number;
  period: string;
  body: Skp22Payload | KinerjaPeriodikPayload;
}

export type ExportMapping = { ok: true; submission: SiasnSubmission } | { ok: false; reason: string; message: string };

const monthOf = (isoDate: string): number => Number(isoDate.slice(5, 7));

/** The period's number within its scheme: Q3 → 3, M07 → 7, FINAL → 1; null for a code we do not know. */
export function periodNumberOf(period: string): number | null {
  if (period === 'FINAL') return 1;
  const quarter = /^Q([1-4])$/.exec(period);
  if (quarter) return Number(quarter[1]);
  const month = /^M(0[1-9]|1[0-2])$/.exec(period);
  return month ? Number(month[1]) : null;
}

/** Months a period covers (Jan–Mar → 3): koefisienId, the period's weight in the year (this tool's convention). */
export function monthsCovered(periodStart: string, periodEnd: string): number {
  const years = Number(periodEnd.slice(0, 4)) - Number(periodStart.slice(0, 4));
  return years * 12 + monthOf(periodEnd) - monthOf(periodStart) + 1;
}

export function idempotencyKeyOf(siasnId: string, year: number, period: string): string {
  return `kinerja-asn:${siasnId}:${year}:${period}`;
}

/** The SIASN submission of one finalised evaluation, or why it cannot be sent. */
export function toSiasnSubmission(result: FinalisedResultInput): ExportMapping {
  if (result.employee.siasnId === null || result.employee.siasnId === '') {
    return { ok: false, reason: 'not_in_siasn', message: `Pegawai ${result.employee.nip} belum memiliki id PNS SIASN (belum diimpor dari SIASN)` };
  }
  if (result.rater === null) return { ok: false, reason: 'rater_missing', message: `Penilai pegawai ${result.employee.nip} tidak diketahui` };
  const rater: RaterFields = {
    penilaiPnsId: result.rater.siasnId,
    penilaiNipNrp: result.rater.nip,
    penilaiNama: result.rater.name,
    penilaiGolongan: result.rater.golongan ?? '',
    penilaiJabatan: result.rater.positionTitle,
    penilaiUnorNama: result.rater.unitName,
    statusPenilai: STATUS_PENILAI_ASN,
  };
  const annual: Skp22Payload = {
    pnsDinilaiId: result.employee.siasnId,
    tahun: result.year,
    hasilKinerjaNilai: ratingCodes[result.hasilKerja],
    perilakuKerjaNilai: ratingCodes[result.perilakuKerja],
    kuadranKinerjaNilai: predikatCodes[result.predikat],
    ...rater,
  };
  const base = { idempotencyKey: idempotencyKeyOf(result.employee.siasnId, result.year, result.period), employeeNip: result.employee.nip, year: result.year, period: result.period };
  if (result.period === ANNUAL_PERIOD) return { ok: true, submission: { ...base, endpoint: '/skp22/save', body: annual } };
  const periodikId = periodNumberOf(result.period);
  if (periodikId === null) return { ok: false, reason: 'unknown_period', message: `Periode ${result.period} tidak dikenal untuk SIASN` };
  const body: KinerjaPeriodikPayload = {
    ...annual,
    periodikId,
    bulanMulaiPenilaian: monthOf(result.periodStart),
    bulanSelesaiPenilaian: monthOf(result.periodEnd),
    koefisienId: monthsCovered(result.periodStart, result.periodEnd),
  };
  return { ok: true, submission: { ...base, endpoint: '/kinerjaperiodik/save', body } };
}
