// The people of the integration suites. karawang.atasan and karawang.pegawai carry these NIPs in the
// realm (docs/conventions.md demo users), and the pegawai reports to the atasan.
import type { TestEmployee } from './harness.ts';

export const kepala: TestEmployee = { employeeId: 'emp-krw-kepala', nip: '197001012000031001', regionCode: '32.15', unitId: 'unit-krw-bkpsdm', instansiId: 'inst-krw', jenisJabatan: 'JPT_PRATAMA', positionId: 'pos-krw-kaban' };
export const atasan: TestEmployee = { employeeId: 'emp-krw-atasan', nip: '197805122003121003', regionCode: '32.15', unitId: 'unit-krw-bidang', instansiId: 'inst-krw', jenisJabatan: 'ADMINISTRATOR', positionId: 'pos-krw-kabid', supervisorId: kepala.employeeId, unitPath: ['inst-krw', 'unit-krw-bkpsdm', 'unit-krw-bidang'] };
export const pegawai: TestEmployee = { employeeId: 'emp-krw-pegawai', nip: '199001152015032001', regionCode: '32.15', unitId: 'unit-krw-bidang', instansiId: 'inst-krw', jenisJabatan: 'AHLI_PERTAMA', positionId: 'pos-krw-analis', supervisorId: atasan.employeeId, unitPath: ['inst-krw', 'unit-krw-bkpsdm', 'unit-krw-bidang'] };
/** A colleague of the pegawai under the same atasan (a peer: neither may act on the other's SKP). */
export const rekan: TestEmployee = { employeeId: 'emp-krw-rekan', nip: '199203032016011002', regionCode: '32.15', unitId: 'unit-krw-bidang', instansiId: 'inst-krw', jenisJabatan: 'PELAKSANA', positionId: 'pos-krw-staf', supervisorId: atasan.employeeId, unitPath: ['inst-krw', 'unit-krw-bkpsdm', 'unit-krw-bidang'] };
export const bekasi: TestEmployee = { employeeId: 'emp-bks-1', nip: '198803032010011001', regionCode: '32.16', unitId: 'unit-bks-1', instansiId: 'inst-bks', jenisJabatan: 'ADMINISTRATOR', positionId: 'pos-bks-kabid' };
