// The performance pages' pure parts: who may open them, the calibration chart's data, the cascade tree's
// order, the unit choices and which period a form offers first.
import { describe, expect, it } from 'vitest';
import { viewerFromClaims } from '../src/auth/viewer.ts';
import { resolveRoute, visibleRoutes } from '../src/navigation/routes.ts';
import { distributionChartOption } from '../src/performance/calibration-chart.ts';
import { cascadeRows } from '../src/performance/cascade-tree.ts';
import { defaultUnit, unitChoices } from '../src/performance/unit-choices.ts';
import { defaultOpenPeriod, latestEndedPeriod } from '../src/performance/periods.ts';
import { messages } from '../src/i18n/index.ts';

const viewer = (username: string, roles: string[], nip?: string) => viewerFromClaims({ preferred_username: username, realm_access: { roles }, region_code: '32.15', nip });

describe('performance routes', () => {
  it.each([
    ['karawang.pegawai', ['pegawai'], '199001152015032001', ['skp']],
    ['karawang.atasan', ['atasan', 'pegawai'], '197805122003121003', ['skp', 'tim', 'kalibrasi', 'kaskade']],
    ['karawang.admin', ['admin-kepegawaian'], undefined, ['kalibrasi', 'kaskade']],
    ['karawang.asesor', ['asesor'], undefined, []],
  ])('%s (%j) sees the performance pages %j', (username, roles, nip, routes) => {
    const performanceRoutes: readonly string[] = ['skp', 'tim', 'kalibrasi', 'kaskade'];
    expect(visibleRoutes(viewer(username, roles as string[], nip as string | undefined)).filter((route) => performanceRoutes.includes(route))).toEqual(routes);
  });

  it('refuses the team page to a pegawai and reads the year of a page', () => {
    const pegawai = viewer('karawang.pegawai', ['pegawai'], '199001152015032001');
    expect(resolveRoute('#/tim', pegawai)).toMatchObject({ route: 'pegawai', refused: 'tim' });
    expect(resolveRoute('#/skp?tahun=2027', pegawai).params.get('tahun')).toBe('2027');
  });
});

describe('calibration chart', () => {
  const option = distributionChartOption(
    {
      counts: [
        { predikat: 'SANGAT_BAIK', employees: 1, share: 0.1 },
        { predikat: 'BAIK', employees: 8, share: 0.8 },
        { predikat: 'BUTUH_PERBAIKAN', employees: 1, share: 0.1 },
        { predikat: 'KURANG', employees: 0, share: 0 },
        { predikat: 'SANGAT_KURANG', employees: 0, share: 0 },
      ],
      limits: [
        { predikat: ['BAIK'], bound: 'AT_MOST', value: 0.7, violated: true, description: 'paling banyak 70% Baik' },
        { predikat: ['BUTUH_PERBAIKAN', 'KURANG'], bound: 'AT_LEAST_COUNT', value: 1, violated: false, description: 'paling sedikit 1 pegawai' },
      ],
    },
    { predikat: messages.performance.predikat, share: 'Persentase', atMost: 'Paling banyak', atLeast: 'Paling sedikit' },
  );

  it('draws shares in percent in predikat order, with an at-most marker on Baik and no marker for a count limit', () => {
    expect(option.xAxis.data).toEqual(['Sangat Baik', 'Baik', 'Butuh Perbaikan', 'Kurang/Misconduct', 'Sangat Kurang']);
    expect(option.series[0]!.data).toEqual([10, 80, 10, 0, 0]);
    expect(option.series[1]!.data).toEqual([{ value: ['Baik', 70], description: 'paling banyak 70% Baik' }]);
    expect(option.series[2]!.data).toEqual([]);
  });
});

describe('cascade tree rows', () => {
  it('lists each goal followed by its RHK depth first, each RHK once, names only where given', () => {
    const rows = cascadeRows(
      [
        { id: 'g1', text: 'Sasaran 1' },
        { id: 'g2', text: 'Sasaran 2' },
      ],
      [
        { rhk: { id: 'b', text: 'RHK staf' }, employee: { id: 'e2', name: 'Siti' }, goal: { id: 'g1' }, parent: { id: 'a' } },
        { rhk: { id: 'a', text: 'RHK kepala' }, employee: { id: 'e1' }, goal: { id: 'g1' }, parent: null },
        { rhk: { id: 'c', text: 'RHK kepala 2' }, employee: { id: 'e1' }, goal: { id: 'g2' }, parent: null },
      ],
    );
    expect(rows.map((r) => [r.level, r.text, r.employeeName])).toEqual([
      [1, 'Sasaran 1', null],
      [2, 'RHK kepala', null],
      [3, 'RHK staf', 'Siti'],
      [1, 'Sasaran 2', null],
      [2, 'RHK kepala 2', null],
    ]);
  });
});

describe('unit choices and periods', () => {
  it('offers the viewer’s unit and those above it, then the region’s instansi with their OPDs, each once', () => {
    const choices = unitChoices({
      me: { id: 'e', unit: { id: 's', name: 'Seksi A', parent: { id: 'b', name: 'Bidang A', parent: { id: 'o', name: 'Dinas A', parent: { id: 'i', name: 'Pemkab' } } } } },
      orgUnits: [{ id: 'i', name: 'Pemkab', children: [{ id: 'o', name: 'Dinas A' }] }],
    });
    expect(choices.map((c) => c.id)).toEqual(['s', 'b', 'o', 'i']);
    const atasan = { me: { id: 'e', unit: { id: 's', name: 'Seksi A', parent: { id: 'b', name: 'Bidang A', parent: { id: 'o', name: 'Dinas A', parent: { id: 'i', name: 'Pemkab' } } } } } };
    expect([defaultUnit(atasan, 'OWN'), defaultUnit(atasan, 'OPD')]).toEqual(['s', 'o']);
    expect(defaultUnit({ me: null, orgUnits: [{ id: 'i', name: 'Pemkab', children: [] }] }, 'OPD')).toBe('i');
    expect(defaultUnit({ me: null, orgUnits: [{ id: 'i', name: 'Pemkab', children: [{ id: 'o', name: 'Dinas A' }] }] }, 'OPD')).toBe('o');
    expect(defaultUnit({ me: null, orgUnits: [{ id: 'i', name: 'Pemkab', children: [{ id: 'o', name: 'Dinas A' }] }] }, 'OWN')).toBe('i');
    expect(unitChoices({ me: null, orgUnits: [{ id: 'i', name: 'Pemkab', children: [{ id: 'o', name: 'Dinas A' }] }] }).map((c) => c.name)).toEqual(['Pemkab', 'Pemkab › Dinas A']);
  });

  it('offers the open quarter before the annual evaluation, ', () => {
    const periods = [
      { code: 'Q1', state: 'LOCKED' },
      { code: 'Q2', state: 'LOCKED' },
      { code: 'Q3', state: 'LOCKED' },
      { code: 'Q4', state: 'OPEN' },
      { code: 'ANNUAL', state: 'OPEN' },
    ];
    expect(defaultOpenPeriod(periods)).toBe('Q4');
    expect(defaultOpenPeriod(periods.slice(0, 3))).toBe('');
  });

  it.each([
    ['2026-11-29', { year: 2026, period: 'Q3' }],
    ['2026-12-31', { year: 2026, period: 'Q3' }],
    ['2026-04-01', { year: 2026, period: 'Q1' }],
    ['2026-02-10', { year: 2025, period: 'ANNUAL' }],
  ])('shows results of the latest ended period first: %s → %j', (day, expected) => {
    expect(latestEndedPeriod(new Date(`${day}T12:00:00`))).toEqual(expected);
  });
});
