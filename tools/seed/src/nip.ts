// NIP = birth date YYYYMMDD + TMT CPNS YYYYMM + gender digit (1 male, 2 female) + 3-digit serial
// (Perka BKN 22/2007; DOMAIN.md "People and organisation"). A PPPK's number has the appointment year
// followed by `21` where a PNS has the TMT month (as BKN issues them; personnel accepts both).
import type { EmploymentType, Gender } from '@kinerja/kit/vocabulary';

export type { Gender };
export const PPPK_NIP_CODE = '21';

export function nipPrefix(birthDate: string, tmt: string, gender: Gender, employmentType: EmploymentType = 'PNS'): string {
  const appointment = employmentType === 'PPPK' ? `${tmt.slice(0, 4)}${PPPK_NIP_CODE}` : tmt.slice(0, 7).replace('-', '');
  return `${birthDate.replaceAll('-', '')}${appointment}${gender === 'MALE' ? '1' : '2'}`;
}

export function isValidNip(nip: string, employmentType: EmploymentType = 'PNS'): boolean {
  const match = /^(\d{4})(\d{2})(\d{2})(\d{4})(\d{2})([12])(\d{3})$/.exec(nip);
  if (!match) return false;
  const [, y, m, d, ty, rawTm] = match.map(Number) as number[];
  // A PPPK code gives only the year: compare as if appointed in December.
  const tm = employmentType === 'PPPK' && nip.slice(12, 14) === PPPK_NIP_CODE ? 12 : rawTm;
  const birth = new Date(Date.UTC(y as number, (m as number) - 1, d as number));
  const realDate =
    birth.getUTCFullYear() === y && birth.getUTCMonth() === (m as number) - 1 && birth.getUTCDate() === d;
  const tmtValid = (tm as number) >= 1 && (tm as number) <= 12;
  const tmtAfterBirth = (ty as number) * 100 + (tm as number) > (y as number) * 100 + (m as number);
  return realDate && tmtValid && tmtAfterBirth;
}

/**
 * Hands out serials per NIP prefix so every NIP in a dataset is unique. Reserved NIPs (the demo
 * users') are never handed out to generated people.
 */
export class NipRegistry {
  private readonly nextSerial = new Map<string, number>();
  private readonly reserved: ReadonlySet<string>;

  constructor(reserved: Iterable<string> = []) {
    this.reserved = new Set(reserved);
  }

  allocate(birthDate: string, tmt: string, gender: Gender, employmentType: EmploymentType = 'PNS'): string {
    const prefix = nipPrefix(birthDate, tmt, gender, employmentType);
    let serial = this.nextSerial.get(prefix) ?? 1;
    let nip = `${prefix}${String(serial).padStart(3, '0')}`;
    while (this.reserved.has(nip)) {
      serial++;
      nip = `${prefix}${String(serial).padStart(3, '0')}`;
    }
    if (serial > 999) throw new Error(`NIP serials exhausted for prefix ${prefix}`);
    this.nextSerial.set(prefix, serial + 1);
    return nip;
  }
}
