// The simulation form as tppPreview's input: kelas jabatan or a base amount, the predikat (none = no
// SKP), occurrences per status code (zero counts left out) and the golongan (none = no PPh 21).
export const simulationCodes = ['TL1', 'TL2', 'TL3', 'TL4', 'PSW1', 'PSW2', 'PSW3', 'PSW4', 'TK'] as const;

export const pnsGolongan = ['I/a', 'I/b', 'I/c', 'I/d', 'II/a', 'II/b', 'II/c', 'II/d', 'III/a', 'III/b', 'III/c', 'III/d', 'IV/a', 'IV/b', 'IV/c', 'IV/d', 'IV/e'] as const;

export interface SimulationForm {
  mode: 'kelas' | 'amount';
  kelasJabatan: number | null;
  baseAmount: number | null;
  /** '' = no rating. */
  predikat: string;
  /** '' = no tax. */
  golongan: string;
  occurrences: Record<string, number | null>;
}

export interface TppPreviewInput {
  kelasJabatan?: number;
  baseAmount?: number;
  predikat?: string;
  golongan?: string;
  occurrences: { code: string; count: number }[];
}

const wholeNonNegative = (value: number | null | undefined): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0;

/** Null while the form cannot be sent (empty or fractional numbers); the page then shows a hint. */
export function previewInput(form: SimulationForm): TppPreviewInput | null {
  const input: TppPreviewInput = { occurrences: [] };
  if (form.mode === 'kelas') {
    if (!wholeNonNegative(form.kelasJabatan) || form.kelasJabatan < 1 || form.kelasJabatan > 17) return null;
    input.kelasJabatan = form.kelasJabatan;
  } else {
    if (!wholeNonNegative(form.baseAmount)) return null;
    input.baseAmount = form.baseAmount;
  }
  if (form.predikat !== '') input.predikat = form.predikat;
  if (form.golongan !== '') input.golongan = form.golongan;
  for (const [code, count] of Object.entries(form.occurrences)) {
    if (count === null || (count as unknown) === '') continue;
    if (!wholeNonNegative(count) || count > 31) return null;
    if (count > 0) input.occurrences.push({ code, count });
  }
  return input;
}
