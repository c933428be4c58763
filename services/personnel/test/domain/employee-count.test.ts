// employees().totalCount reads region_headcount only when that summary is exactly the visible, filtered
// set (repositories/employee-count.ts). DESIGN.md "Identity and scoping" / DOMAIN.md "every employee has
// one direct supervisor": region roles see their prefix, anyone with a NIP also sees self and own atasan,
// atasan see their subordinates; the summary counts ACTIVE employees per region prefix.
import { describe, expect, it } from 'vitest';
import type { EmployeeVisibility } from '../../src/domain/visibility.ts';
import { employeeCountPlan } from '../../src/repositories/employee-count.ts';

const nip = '198001012005011001';
const region = (code: string, withNip = false): EmployeeVisibility => ({
  region: code,
  selfNip: withNip ? nip : null,
  subordinatesOfNip: null,
  supervisorOfNip: withNip ? nip : null,
});
const pegawai: EmployeeVisibility = { region: null, selfNip: nip, subordinatesOfNip: null, supervisorOfNip: nip };
const regionAndAtasan: EmployeeVisibility = { region: '32', selfNip: nip, subordinatesOfNip: nip, supervisorOfNip: nip };

describe('employeeCountPlan', () => {
  it.each([
    ['provincial analis, no filter', region('32'), {}, { kind: 'summary', region: '32', outsideRowsOfNip: null }],
    ['provincial analis, status ACTIVE spelled out', region('32'), { status: 'ACTIVE' as const }, { kind: 'summary', region: '32', outsideRowsOfNip: null }],
    ['provincial analis, regency filter', region('32'), { regionCode: '32.15' }, { kind: 'summary', region: '32.15', outsideRowsOfNip: null }],
    ['national analis', region('ID'), {}, { kind: 'summary', region: 'ID', outsideRowsOfNip: null }],
    ['national analis with a NIP: nothing lies outside', region('ID', true), {}, { kind: 'summary', region: 'ID', outsideRowsOfNip: null }],
    ['national analis, province filter', region('ID'), { regionCode: '36' }, { kind: 'summary', region: '36', outsideRowsOfNip: null }],
    ['provincial analis with a NIP: own row and atasan may lie outside', region('32', true), {}, { kind: 'summary', region: '32', outsideRowsOfNip: nip }],
    ['provincial analis with a NIP, regency filter cuts them away', region('32', true), { regionCode: '32.15' }, { kind: 'summary', region: '32.15', outsideRowsOfNip: null }],
    ['name search', region('32'), { search: 'Siti' }, { kind: 'count' }],
    ['jenis jabatan', region('32'), { jenisJabatan: 'PELAKSANA' as const }, { kind: 'count' }],
    ['golongan', region('32'), { golongan: 'III/a' }, { kind: 'count' }],
    ['unit', region('32'), { unitId: '00000000-0000-4000-8000-000000003215' }, { kind: 'count' }],
    ['RETIRED: the summary holds ACTIVE only', region('32'), { status: 'RETIRED' as const }, { kind: 'count' }],
    ['pegawai: no region role', pegawai, {}, { kind: 'count' }],
    ['region role plus atasan: subordinates may lie anywhere', regionAndAtasan, {}, { kind: 'count' }],
  ])('%s', (_label, visibility, filter, expected) => {
    expect(employeeCountPlan(visibility, filter)).toEqual(expected);
  });
});
