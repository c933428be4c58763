// Issue 3 "Scoping" and DESIGN.md "Identity and scoping": pegawai self, atasan subordinates,
// region-wide roles their region prefix (national `ID` sees all); issue 9: an asesor sees their region. DOMAIN.md "every employee has one direct
// supervisor (atasan langsung)": whoever has a NIP also sees that one supervisor, never the chain above.
import type { Role } from '@kinerja/kit/auth';
import { describe, expect, it } from 'vitest';
import { canAdministerRegion, employeeVisibility, readsFullEmployeeRecord, regionFilterAllowed, seesNothing, type ViewerScope } from '../../src/domain/visibility.ts';

const viewer = (regionCode: string | null, nip: string | null, ...roles: Role[]): ViewerScope => ({ roles: new Set(roles), regionCode, nip });

describe('employeeVisibility', () => {
  it.each([
    ['pegawai: self and own direct supervisor', viewer('32.15', '199001152015032001', 'pegawai'), { region: null, selfNip: '199001152015032001', subordinatesOfNip: null, supervisorOfNip: '199001152015032001' }],
    ['atasan: self, subordinates and own direct supervisor', viewer('32.15', '197805122003121003', 'atasan', 'pegawai'), { region: null, selfNip: '197805122003121003', subordinatesOfNip: '197805122003121003', supervisorOfNip: '197805122003121003' }],
    ['provincial analis', viewer('32', null, 'analis'), { region: '32', selfNip: null, subordinatesOfNip: null, supervisorOfNip: null }],
    ['provincial analis with a NIP also sees own supervisor', viewer('32', '198001012005011001', 'analis'), { region: '32', selfNip: '198001012005011001', subordinatesOfNip: null, supervisorOfNip: '198001012005011001' }],
    ['national pimpinan', viewer('ID', null, 'pimpinan'), { region: 'ID', selfNip: null, subordinatesOfNip: null, supervisorOfNip: null }],
    ['perencana-diklat', viewer('32.15', null, 'perencana-diklat'), { region: '32.15', selfNip: null, subordinatesOfNip: null, supervisorOfNip: null }],
    ['auditor', viewer('ID', null, 'auditor'), { region: 'ID', selfNip: null, subordinatesOfNip: null, supervisorOfNip: null }],
    ['admin-kepegawaian', viewer('32.15', null, 'admin-kepegawaian'), { region: '32.15', selfNip: null, subordinatesOfNip: null, supervisorOfNip: null }],
    ['asesor: the region they assess in, no supervisor to see without a NIP', viewer('32.15', null, 'asesor'), { region: '32.15', selfNip: null, subordinatesOfNip: null, supervisorOfNip: null }],
    ['pegawai without region_code: self by NIP', viewer(null, '199001152015032001', 'pegawai'), { region: null, selfNip: '199001152015032001', subordinatesOfNip: null, supervisorOfNip: '199001152015032001' }],
    ['atasan without NIP', viewer('32.15', null, 'atasan'), { region: null, selfNip: null, subordinatesOfNip: null, supervisorOfNip: null }],
  ])('%s', (_label, v, expected) => {
    expect(employeeVisibility(v)).toEqual(expected);
  });

  it('only a viewer with neither a region-wide role nor a NIP sees nothing', () => {
    expect(seesNothing(employeeVisibility(viewer('32', null, 'atasan')))).toBe(true);
    expect(seesNothing(employeeVisibility(viewer('32', null, 'asesor')))).toBe(false);
    expect(seesNothing(employeeVisibility(viewer('32', null, 'analis')))).toBe(false);
  });
});

describe('regionFilterAllowed', () => {
  it.each([
    [viewer('32', null, 'analis'), '32', true],
    [viewer('32', null, 'analis'), '32.15', true],
    [viewer('36', null, 'analis'), '32', false],
    [viewer('32.15', null, 'analis'), '32', false],
    [viewer('ID', null, 'pimpinan'), '36.01', true],
    [viewer('32.15', '199001152015032001', 'pegawai'), '36', true],
  ])('%#: region filter %s → %s', (v, code, allowed) => {
    expect(regionFilterAllowed(employeeVisibility(v), code)).toBe(allowed);
  });
});

describe('canAdministerRegion', () => {
  it.each([
    [viewer('32.15', null, 'admin-kepegawaian'), '32.15', true],
    [viewer('32', null, 'admin-kepegawaian'), '32.15', true],
    [viewer('32.15', null, 'admin-kepegawaian'), '32.16', false],
    [viewer('32.15', null, 'admin-kepegawaian'), '32', false],
    [viewer('32', null, 'analis'), '32.15', false],
    [viewer('ID', null, 'admin-kepegawaian'), '36.01', true],
    [viewer(null, '199001152015032001', 'admin-kepegawaian'), '32.15', false],
  ])('%#: %s', (v, code, allowed) => {
    expect(canAdministerRegion(v, code)).toBe(allowed);
  });
});

// Issue 9: an asesor names the people they assess (name, NIP, position, unit), nothing more; roles add up.
describe('readsFullEmployeeRecord', () => {
  const other = '199001152015032001';
  const own = '198001012005011001';
  it.each([
    ['asesor only, another employee', viewer('32.15', null, 'asesor'), other, false],
    ['asesor with a NIP, another employee', viewer('32.15', own, 'asesor', 'pegawai'), other, false],
    ['asesor with a NIP, own record', viewer('32.15', own, 'asesor', 'pegawai'), own, true],
    ['asesor who is also analis', viewer('32.15', null, 'asesor', 'analis'), other, true],
    ['asesor who is also admin-kepegawaian', viewer('32.15', null, 'asesor', 'admin-kepegawaian'), other, true],
    ['analis', viewer('32', null, 'analis'), other, true],
    ['pegawai (sees self and own supervisor in full)', viewer('32.15', own, 'pegawai'), other, true],
    ['atasan', viewer('32.15', own, 'atasan', 'pegawai'), other, true],
  ])('%s → %s', (_name, scope, nip, expected) => {
    expect(readsFullEmployeeRecord(scope, nip)).toBe(expected);
  });
});
