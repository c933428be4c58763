// NIP structure (Perka BKN 22/2007, DOMAIN.md "People and organisation"): 18 digits =
// birth date YYYYMMDD + TMT CPNS YYYYMM + gender digit (1 male, 2 female) + 3-digit serial.
// PPPK have no TMT CPNS: BKN writes their appointment year followed by `21` where the month would be,
// so for PPPK `YYYY21` is accepted (and a YYYYMM too).
import type { EmploymentType, Gender } from './vocabulary.ts';

export interface ParsedNip {
  birthDate: string; // YYYY-MM-DD
  /** YYYY-MM, or null for a PPPK NIP (appointment year + `21`). */
  tmtCpns: string | null;
  appointmentYear: number;
  gender: Gender;
  serial: string;
}

export const PPPK_NIP_CODE = '21';

export type NipCheck = { ok: true; nip: ParsedNip } | { ok: false; reason: NipProblem; message: string };

export type NipProblem =
  | 'nip_not_18_digits'
  | 'nip_birth_date_invalid'
  | 'nip_tmt_invalid'
  | 'nip_tmt_before_birth'
  | 'nip_too_young_at_tmt'
  | 'nip_gender_digit_invalid';

/** Minimum age at TMT CPNS: a CPNS candidate must be at least 18 (UU ASN / PP 11/2017 art. 23). */
export const MINIMUM_AGE_AT_TMT = 18;

function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const fail = (reason: NipProblem, message: string): NipCheck => ({ ok: false, reason, message });

export function parseNip(nip: string, employmentType: EmploymentType = 'PNS'): NipCheck {
  if (!/^\d{18}$/.test(nip)) return fail('nip_not_18_digits', 'NIP harus terdiri atas 18 angka');
  const year = Number(nip.slice(0, 4));
  const month = Number(nip.slice(4, 6));
  const day = Number(nip.slice(6, 8));
  if (year < 1900 || !isRealDate(year, month, day)) {
    return fail('nip_birth_date_invalid', 'Delapan angka pertama NIP bukan tanggal lahir yang valid');
  }
  const tmtYear = Number(nip.slice(8, 12));
  const pppkCode = employmentType === 'PPPK' && nip.slice(12, 14) === PPPK_NIP_CODE;
  // A PPPK code gives only the year: compare as if appointed in December, the latest it can be.
  const tmtMonth = pppkCode ? 12 : Number(nip.slice(12, 14));
  if (tmtYear < 1900 || tmtMonth < 1 || tmtMonth > 12) {
    return fail('nip_tmt_invalid', 'Angka ke-9 sampai ke-14 NIP bukan TMT CPNS (tahun dan bulan) yang valid');
  }
  // TMT is a month; it must come after the birth month.
  if (tmtYear * 12 + tmtMonth <= year * 12 + month) {
    return fail('nip_tmt_before_birth', 'TMT CPNS pada NIP tidak boleh sebelum tanggal lahir');
  }
  const ageAtTmtMonths = (tmtYear - year) * 12 + (tmtMonth - month) - (day > 1 ? 1 : 0);
  if (ageAtTmtMonths < MINIMUM_AGE_AT_TMT * 12) {
    return fail('nip_too_young_at_tmt', `Usia pada TMT CPNS menurut NIP kurang dari ${MINIMUM_AGE_AT_TMT} tahun`);
  }
  const genderDigit = nip[14];
  if (genderDigit !== '1' && genderDigit !== '2') {
    return fail('nip_gender_digit_invalid', 'Angka ke-15 NIP (jenis kelamin) harus 1 atau 2');
  }
  return {
    ok: true,
    nip: {
      birthDate: `${nip.slice(0, 4)}-${nip.slice(4, 6)}-${nip.slice(6, 8)}`,
      tmtCpns: pppkCode ? null : `${nip.slice(8, 12)}-${nip.slice(12, 14)}`,
      appointmentYear: tmtYear,
      gender: genderDigit === '1' ? 'MALE' : 'FEMALE',
      serial: nip.slice(15),
    },
  };
}

export type NipMatchProblem = NipProblem | 'nip_birth_date_mismatch' | 'nip_gender_mismatch';

/** The NIP must be well formed and agree with the birth date and gender entered for the employee. */
export function checkNipMatchesPerson(
  nip: string,
  person: { birthDate: string; gender: Gender; employmentType?: EmploymentType },
): { ok: true; nip: ParsedNip } | { ok: false; reason: NipMatchProblem; message: string } {
  const parsed = parseNip(nip, person.employmentType);
  if (!parsed.ok) return parsed;
  if (parsed.nip.birthDate !== person.birthDate) {
    return { ok: false, reason: 'nip_birth_date_mismatch', message: `Tanggal lahir ${person.birthDate} tidak sesuai dengan NIP (${parsed.nip.birthDate})` };
  }
  if (parsed.nip.gender !== person.gender) {
    return { ok: false, reason: 'nip_gender_mismatch', message: 'Jenis kelamin tidak sesuai dengan angka ke-15 NIP' };
  }
  return parsed;
}
