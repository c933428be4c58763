// The rating vocabulary of PermenPANRB 6/2022 (Lampiran, evaluasi kinerja): two ratings per evaluation and
// the predikat kinerja they give. Values are the GraphQL enum values and the strings in PredikatFinalised.

export const ratingLevels = ['DI_ATAS_EKSPEKTASI', 'SESUAI_EKSPEKTASI', 'DI_BAWAH_EKSPEKTASI'] as const;
export type RatingLevel = (typeof ratingLevels)[number];

/** Best first. */
export const predikatValues = ['SANGAT_BAIK', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG'] as const;
export type Predikat = (typeof predikatValues)[number];

export const ratingLevelLabels: Readonly<Record<RatingLevel, string>> = {
  DI_ATAS_EKSPEKTASI: 'Di Atas Ekspektasi',
  SESUAI_EKSPEKTASI: 'Sesuai Ekspektasi',
  DI_BAWAH_EKSPEKTASI: 'Di Bawah Ekspektasi',
};

export const predikatLabels: Readonly<Record<Predikat, string>> = {
  SANGAT_BAIK: 'Sangat Baik',
  BAIK: 'Baik',
  BUTUH_PERBAIKAN: 'Butuh Perbaikan',
  KURANG: 'Kurang/Misconduct',
  SANGAT_KURANG: 'Sangat Kurang',
};

export function isRatingLevel(value: unknown): value is RatingLevel {
  return typeof value === 'string' && (ratingLevels as readonly string[]).includes(value);
}

export function isPredikat(value: unknown): value is Predikat {
  return typeof value === 'string' && (predikatValues as readonly string[]).includes(value);
}

/** 0 = Sangat Baik … 4 = Sangat Kurang; a lower rank is a better predikat. */
export function predikatRank(predikat: Predikat): number {
  return predikatValues.indexOf(predikat);
}
