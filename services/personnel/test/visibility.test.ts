// Issue 3 "Scoping" and DESIGN.md "Identity and scoping": pegawai self, atasan subordinates,
// region-wide roles their region prefix (national sees all). DOMAIN.md "every employee has one direct
// supervisor (atasan langsung)": whoever has a NIP also sees that one supervisor, never the chain above.
import { describe, expect, it } from 'vitest';
import { canAdministerRegion, employeeVisibility, regionFilterAllowed, seesNothing, type ViewerScope } from '../src/domain/visibility.ts';

const viewer = (regionCode: string, nip: string | null, ...roles: string[]): ViewerScope => ({ roles: new Set(roles), regionCode, nip });

describe('employeeVisibility', () => {
  it.each([
    ['pegawai: self and own direct supervisor', viewer('32.15', '199001152015032001', 'pegawai'), { region: null, selfNip: '199001152015032001', subordinatesOfNip: null, supervisorOfNip: '199001152015032001' }],
    ['atasan: self, subordinates and own direct supervisor', viewer('32.15', '197805122003121003', 'atasan', 'pegawai'), { region: null, selfNip: '197805122003121003', subordinatesOfNip: '197805122003121003', supervisorOfNip: '197805122003121003' }],
    ['provincial analis', viewer('32', null, 'analis'), { region: '32', selfNip: null, subordinatesOfNip: null, supervisorOfNip: null }],
    ['provincial analis with a NIP also sees own supervisor', viewer('32', '198001012005011001', 'analis'), { region: '32', selfNip: '198001012005011001', subordinatesOfNip: null, supervisorOfNip: '198001012005011001' }],
    ['national pimpinan', viewer('', null, 'pimpinan'), { region: '', selfNip: null, subordinatesOfNip: null, supervisorOfNip: null }],
    ['perencana-diklat', viewer('32.15', null, 'perencana-diklat'), { region: '32.15', selfNip: null, subordinatesOfNip: null, supervisorOfNip: null }],
    ['auditor', viewer('', null, 'auditor'), { region: '', selfNip: null, subordinatesOfNip: null, supervisorOfNip: null }],
    ['admin-kepegawaian', viewer('32.15', null, 'admin-kepegawaian'), { region: '32.15', selfNip: null, subordinatesOfNip: null, supervisorOfNip: null }],
    ['asesor without NIP: no supervisor to see', viewer('32.15', null, 'asesor'), { region: null, selfNip: null, subordinatesOfNip: null, supervisorOfNip: null }],
    ['atasan without NIP', viewer('32.15', null, 'atasan'), { region: null, selfNip: null, subordinatesOfNip: null, supervisorOfNip: null }],
  ])('%s', (_label, v, expected) => {
    expect(employeeVisibility(v)).toEqual(expected);
  });

  it('an asesor without a NIP sees nothing', () => {
    expect(seesNothing(employeeVisibility(viewer('32', null, 'asesor')))).toBe(true);
    expect(seesNothing(employeeVisibility(viewer('32', null, 'analis')))).toBe(false);
  });
});

describe('regionFilterAllowed', () => {
  it.each([
    [viewer('32', null, 'analis'), '32', true],
    [viewer('32', null, 'analis'), '32.15', true],
    [viewer('36', null, 'analis'), '32', false],
    [viewer('32.15', null, 'analis'), '32', false],
    [viewer('', null, 'pimpinan'), '36.01', true],
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
  ])('%#: %s', (v, code, allowed) => {
    expect(canAdministerRegion(v, code)).toBe(allowed);
  });
});
