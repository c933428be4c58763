// The rule every seeded instansi starts with: DOMAIN.md's default composition as data, with a base
// amount for every kelas so the demo data pays everyone. DOMAIN.md gives two base amounts (Seruyan 2023:
// kelas 1 and kelas 15); the seed spreads the kelas between and beyond them geometrically from those two
// (each kelas about 23.4 % above the one below), and says so in the legal basis. Demo data, not a Perkada.
import { SERUYAN_2023_BASE_AMOUNTS, variantOfDefault } from '../domain/default-rules.ts';
import type { TppRuleData } from '../domain/tpp-rule.ts';

export const DEMO_RULE_LEGAL_BASIS =
  'Data demo: komposisi bawaan DOMAIN.md; besaran dasar kelas 1 dan 15 Perbup Seruyan 2023, kelas lain diinterpolasi geometris';

export function demoBaseAmounts(): TppRuleData['baseAmounts'] {
  const [low, high] = [SERUYAN_2023_BASE_AMOUNTS[0]!, SERUYAN_2023_BASE_AMOUNTS[1]!];
  const ratio = (high.amount / low.amount) ** (1 / (high.kelasJabatan - low.kelasJabatan));
  return Array.from({ length: 17 }, (_, i) => {
    const kelasJabatan = i + 1;
    const known = SERUYAN_2023_BASE_AMOUNTS.find((entry) => entry.kelasJabatan === kelasJabatan);
    return { kelasJabatan, amount: known?.amount ?? Math.round(low.amount * ratio ** (kelasJabatan - low.kelasJabatan)) };
  });
}

/**
 * DOMAIN.md's default with a full base table. The predikat comes from the period that ended before the
 * month (a variant the rule data allows): the seeded previous month lies in a quarter that has not ended
 * yet, so the default "containing period" would find no predikat and pay everyone the no-SKP factor.
 */
export function demoTppRule(): TppRuleData {
  return variantOfDefault({ baseAmounts: demoBaseAmounts(), predikatPeriod: 'LATEST_ENDED_BEFORE_MONTH' });
}
