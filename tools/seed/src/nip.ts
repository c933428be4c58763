// NIP = birth date YYYYMMDD + TMT CPNS YYYYMM + gender digit (1 male, 2 female) + 3-digit serial
// (Perka BKN 22/2007; DOMAIN.md "People and organisation"). A PPPK's number has the appointment year
// followed by `21` where a PNS has the TMT month (as BKN issues them; personnel accepts both).
// Checking a NIP is personnel's rule (parseNip in its domain/nip.ts); the seed only builds them.
import type { EmploymentType, Gender } from '@kinerja/kit/vocabulary';
import { PPPK_NIP_CODE } from '@kinerja/personnel/domain/nip';

export type { Gender };

export function nipPrefix(birthDate: string, tmt: string, gender: Gender, employmentType: EmploymentType = 'PNS'): string {
  const appointment = employmentType === 'PPPK' ? `${tmt.slice(0, 4)}${PPPK_NIP_CODE}` : tmt.slice(0, 7).replace('-', '');
  return `${birthDate.replaceAll('-', '')}${appointment}${gender === 'MALE' ? '1' : '2'}`;
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

  /** `isFree` turns down NIPs held elsewhere (another dataset's people already in the database). */
  allocate(birthDate: string, tmt: string, gender: Gender, employmentType: EmploymentType = 'PNS', isFree: (nip: string) => boolean = () => true): string {
    const prefix = nipPrefix(birthDate, tmt, gender, employmentType);
    let serial = this.nextSerial.get(prefix) ?? 1;
    let nip = `${prefix}${String(serial).padStart(3, '0')}`;
    while (this.reserved.has(nip) || !isFree(nip)) {
      serial++;
      nip = `${prefix}${String(serial).padStart(3, '0')}`;
    }
    if (serial > 999) throw new Error(`NIP serials exhausted for prefix ${prefix}`);
    this.nextSerial.set(prefix, serial + 1);
    return nip;
  }
}
