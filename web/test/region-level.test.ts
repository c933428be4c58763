import { describe, expect, it } from 'vitest';
import { isNationalCode, levelOfRegionCode, regionCodeLabel, regionLevelLabel } from '../src/format/region-level.ts';
import { dashboardVariables } from '../src/dashboard/scope.ts';

// docs/conventions.md: region_code `ID` (or empty) = national, `32` province, `32.15` regency.
describe('region levels', () => {
  it.each([
    ['ID', 'NATIONAL'],
    ['id', 'NATIONAL'],
    ['', 'NATIONAL'],
    [null, 'NATIONAL'],
    ['32', 'PROVINCE'],
    ['32.15', 'REGENCY'],
    ['36.71', 'REGENCY'],
  ])('levelOfRegionCode(%s) = %s', (code, level) => {
    expect(levelOfRegionCode(code)).toBe(level);
  });

  it.each([
    ['NATIONAL', 'Nasional'],
    ['PROVINCE', 'Provinsi'],
    ['REGENCY', 'Kabupaten/Kota'],
    ['DISTRICT', '–'],
    [null, '–'],
  ])('regionLevelLabel(%s) = %s', (level, label) => {
    expect(regionLevelLabel(level)).toBe(label);
  });

  it.each([
    ['ID', 'Nasional'],
    ['32', 'Provinsi 32'],
    ['32.15', 'Kabupaten/Kota 32.15'],
  ])('regionCodeLabel(%s) = %s', (code, label) => {
    expect(regionCodeLabel(code)).toBe(label);
  });

  it('only ID/empty is national', () => {
    expect(isNationalCode('ID')).toBe(true);
    expect(isNationalCode('32')).toBe(false);
  });
});

describe('dashboard scope for the viewer', () => {
  it('national viewers see the nation (region ID) and its provinces', () => {
    expect(dashboardVariables('ID')).toEqual({
      scopeCode: 'ID',
      withScope: true,
      childLevel: 'PROVINCE',
      parentCode: null,
      withChildren: true,
      withCompetency: true,
    });
  });

  it('a province viewer sees its own region and its regencies', () => {
    expect(dashboardVariables('32')).toMatchObject({
      scopeCode: '32',
      withScope: true,
      childLevel: 'REGENCY',
      parentCode: '32',
      withChildren: true,
    });
  });

  it('a regency viewer sees only its own region', () => {
    expect(dashboardVariables('32.15', false)).toMatchObject({
      scopeCode: '32.15',
      withScope: true,
      withChildren: false,
      withCompetency: false,
    });
  });
});
