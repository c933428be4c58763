// DOMAIN.md "NIP": 18 digits = birth date YYYYMMDD + TMT CPNS YYYYMM + gender (1/2) + serial (Perka BKN 22/2007).
import { describe, expect, it } from 'vitest';
import { checkNipMatchesPerson, parseNip } from '../../src/domain/nip.ts';

describe('parseNip', () => {
  it.each([
    ['199001152015032001', 'PNS', { birthDate: '1990-01-15', tmtCpns: '2015-03', appointmentYear: 2015, gender: 'FEMALE', serial: '001' }],
    ['197805122003121003', 'PNS', { birthDate: '1978-05-12', tmtCpns: '2003-12', appointmentYear: 2003, gender: 'MALE', serial: '003' }],
    ['200002292020011001', 'PNS', { birthDate: '2000-02-29', tmtCpns: '2020-01', appointmentYear: 2020, gender: 'MALE', serial: '001' }],
    ['199207072022211001', 'PPPK', { birthDate: '1992-07-07', tmtCpns: null, appointmentYear: 2022, gender: 'MALE', serial: '001' }],
    ['199207072022031001', 'PPPK', { birthDate: '1992-07-07', tmtCpns: '2022-03', appointmentYear: 2022, gender: 'MALE', serial: '001' }],
  ] as const)('accepts %s for %s', (nip, type, expected) => {
    expect(parseNip(nip, type)).toEqual({ ok: true, nip: expected });
  });

  it('accepts the PPPK code 21 only for PPPK', () => {
    expect(parseNip('199207072022211001', 'PNS')).toMatchObject({ ok: false, reason: 'nip_tmt_invalid' });
    expect(parseNip('200507072022211001', 'PPPK')).toMatchObject({ ok: false, reason: 'nip_too_young_at_tmt' });
  });

  it.each([
    ['', 'nip_not_18_digits'],
    ['19900115201503200', 'nip_not_18_digits'],
    ['1990011520150320011', 'nip_not_18_digits'],
    ['19900115201503200a', 'nip_not_18_digits'],
    [' 99001152015032001', 'nip_not_18_digits'],
    ['199002302015032001', 'nip_birth_date_invalid'], // 30 February
    ['199013012015032001', 'nip_birth_date_invalid'], // month 13
    ['190002292015032001', 'nip_birth_date_invalid'], // 1900 was not a leap year
    ['199001002015032001', 'nip_birth_date_invalid'], // day 0
    ['199001152015002001', 'nip_tmt_invalid'], // TMT month 00
    ['199001152015132001', 'nip_tmt_invalid'], // TMT month 13
    ['199001151989012001', 'nip_tmt_before_birth'],
    ['199001151990012001', 'nip_tmt_before_birth'], // same month as birth
    ['199001152007122001', 'nip_too_young_at_tmt'], // 17 years 11 months
    ['199001152015033001', 'nip_gender_digit_invalid'],
    ['199001152015030001', 'nip_gender_digit_invalid'],
  ])('rejects %j with %s', (nip, reason) => {
    const result = parseNip(nip);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason).toBe(reason);
      expect(result.message.length).toBeGreaterThan(10);
    }
  });

  it('accepts exactly 18 years at TMT', () => {
    expect(parseNip('199001012008012001').ok).toBe(true);
  });
});

describe('checkNipMatchesPerson', () => {
  it.each([
    ['199001152015032001', '1990-01-15', 'FEMALE', null],
    ['199001152015032001', '1990-01-16', 'FEMALE', 'nip_birth_date_mismatch'],
    ['199001152015032001', '1990-01-15', 'MALE', 'nip_gender_mismatch'],
    ['199001152015033001', '1990-01-15', 'FEMALE', 'nip_gender_digit_invalid'],
  ] as const)('%s / %s / %s → %s', (nip, birthDate, gender, reason) => {
    const result = checkNipMatchesPerson(nip, { birthDate, gender });
    expect(result.ok ? null : result.reason).toBe(reason);
  });
});
