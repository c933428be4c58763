// Competency standards: the level each position type requires per competency (DOMAIN.md "Competency",
// "Required level per position type", configurable per instansi with an effective date; a position may
// override its type's standard).
import type { JenisJabatan } from '@kinerja/kit/vocabulary';
import { competencyCodes, isKnownCompetencyCode, MAX_LEVEL, MIN_LEVEL } from './dictionary.ts';

// The jenis jabatan list is the shared vocabulary (docs/conventions.md), kept in the kit.
export { jenisJabatanValues as JENIS_JABATAN, isJenisJabatan, type JenisJabatan } from '@kinerja/kit/vocabulary';

/**
 * Seeded national defaults, one level for all nine competencies of a position type. Only Administrator = 3
 * is confirmed by DOMAIN.md; the JPT, Administrasi and Keahlian rows are "the common mapping" there.
 * The Keterampilan rows are our reading, not a regulation: Pemula and Terampil do operational work on
 * their own (level 1, like Pelaksana); Mahir and Penyelia guide or supervise other technicians' work
 * (level 2, like Pengawas). All of them are data (the competency_standard table, seeded by the first
 * migration) and an instansi overrides them with setCompetencyStandard.
 */
export const defaultRequiredLevelByJenisJabatan: Readonly<Record<JenisJabatan, number>> = {
  JPT_UTAMA: 5,
  JPT_MADYA: 5,
  JPT_PRATAMA: 4,
  ADMINISTRATOR: 3,
  PENGAWAS: 2,
  PELAKSANA: 1,
  AHLI_UTAMA: 4,
  AHLI_MADYA: 3,
  AHLI_MUDA: 2,
  AHLI_PERTAMA: 1,
  PENYELIA: 2,
  MAHIR: 2,
  TERAMPIL: 1,
  PEMULA: 1,
};

/** Required level per competency code. */
export type RequiredLevels = Readonly<Record<string, number>>;

export function uniformLevels(level: number): RequiredLevels {
  return Object.fromEntries(competencyCodes.map((code) => [code, level]));
}

export interface StandardCandidate {
  readonly id: string;
  /** null = national default. */
  readonly instansiId: string | null;
  /** null only for a position override. */
  readonly jenisJabatan: JenisJabatan | null;
  /** Set for a position override. */
  readonly positionId: string | null;
  /** YYYY-MM-DD. */
  readonly effectiveFrom: string;
  readonly levels: RequiredLevels;
}

export interface EmployeePosition {
  readonly instansiId: string | null;
  readonly jenisJabatan: JenisJabatan | null;
  readonly positionId: string | null;
}

export type StandardSource = 'POSITION' | 'INSTANSI' | 'NATIONAL';

function sourceOf(candidate: StandardCandidate, position: EmployeePosition): StandardSource | null {
  if (candidate.positionId !== null) {
    return candidate.positionId === position.positionId ? 'POSITION' : null;
  }
  if (candidate.jenisJabatan === null || candidate.jenisJabatan !== position.jenisJabatan) return null;
  if (candidate.instansiId === null) return 'NATIONAL';
  return candidate.instansiId === position.instansiId ? 'INSTANSI' : null;
}

const specificity: Record<StandardSource, number> = { POSITION: 3, INSTANSI: 2, NATIONAL: 1 };

/**
 * The standard in force for a position on a date: the most specific applicable one (position override,
 * then the instansi's own standard for the jenis jabatan, then the national default), and within the
 * same specificity the latest effective date on or before `onDate`. A more specific standard wins even
 * when a newer national default exists, because an instansi's own choice is deliberate.
 */
export function selectStandard(
  candidates: readonly StandardCandidate[],
  position: EmployeePosition,
  onDate: string,
): { standard: StandardCandidate; source: StandardSource } | null {
  let best: { standard: StandardCandidate; source: StandardSource } | null = null;
  for (const candidate of candidates) {
    if (candidate.effectiveFrom > onDate) continue;
    const source = sourceOf(candidate, position);
    if (source === null) continue;
    if (
      best === null ||
      specificity[source] > specificity[best.source] ||
      (specificity[source] === specificity[best.source] && candidate.effectiveFrom > best.standard.effectiveFrom)
    ) {
      best = { standard: candidate, source };
    }
  }
  return best;
}

export interface LevelProblem {
  readonly reason: 'unknown_competency' | 'level_out_of_range' | 'duplicate_competency' | 'incomplete_standard';
  readonly competencyCode: string;
  readonly message: string;
}

/** A standard names a whole level 1–5 for each of the nine competencies, each once. */
export function validateRequiredLevels(levels: readonly { competencyCode: string; level: number }[]): LevelProblem[] {
  const problems: LevelProblem[] = [];
  const seen = new Set<string>();
  for (const { competencyCode, level } of levels) {
    if (!isKnownCompetencyCode(competencyCode)) {
      problems.push({ reason: 'unknown_competency', competencyCode, message: `Kompetensi ${competencyCode} tidak dikenal.` });
      continue;
    }
    if (seen.has(competencyCode)) {
      problems.push({ reason: 'duplicate_competency', competencyCode, message: `Kompetensi ${competencyCode} disebut lebih dari sekali.` });
      continue;
    }
    seen.add(competencyCode);
    if (!Number.isInteger(level) || level < MIN_LEVEL || level > MAX_LEVEL) {
      problems.push({
        reason: 'level_out_of_range',
        competencyCode,
        message: `Level standar ${competencyCode} harus bilangan bulat ${MIN_LEVEL}–${MAX_LEVEL}.`,
      });
    }
  }
  for (const code of competencyCodes) {
    if (!seen.has(code)) {
      problems.push({ reason: 'incomplete_standard', competencyCode: code, message: `Level standar ${code} belum diisi.` });
    }
  }
  return problems;
}
