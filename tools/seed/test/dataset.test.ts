import { describe, expect, it } from 'vitest';
import { PNS_ENTRY_GOLONGAN, PNS_GOLONGAN, PPPK_GOLONGAN, RETIREMENT_AGE } from '../src/civil-service.ts';
import { DEMO_ATASAN, DEMO_KEPALA, DEMO_PEGAWAI, DEMO_PEGAWAI_SCORES, createDataset, employeeIdentity, planDataset, type ExistingEmployees } from '../src/dataset.ts';
import { serviceYears } from '../src/people.ts';
import { isGolonganValidFor, isValidKelasJabatan } from '@kinerja/personnel/domain/golongan';
import { checkNipMatchesPerson, parseNip } from '@kinerja/personnel/domain/nip';
import { apportion } from '../src/population.ts';
import { loadRegions } from '../src/regions.ts';
import type { EmployeeRow, InstansiBatch } from '../src/rows.ts';

const regions = loadRegions();
const collect = (employees: number, seed: number | string, provinces?: string[]): InstansiBatch[] => [
  ...createDataset(regions, { employees, seed, provinces }).batches(),
];
const big = collect(20_000, 7);
const everyone = big.flatMap((b) => b.employees);

describe('regions (Kepmendagri 300.2.2-2138/2025)', () => {
  it('lists the nation, 38 provinces and 514 regencies/cities with parent codes', () => {
    expect(regions.filter((r) => r.level === 'NATIONAL')).toHaveLength(1);
    expect(regions.filter((r) => r.level === 'PROVINCE')).toHaveLength(38);
    expect(regions.filter((r) => r.level === 'REGENCY')).toHaveLength(514);
    expect(regions.find((r) => r.code === '32.15')).toMatchObject({ name: 'Kabupaten Karawang', parentCode: '32' });
  });
});

describe('apportion', () => {
  it.each([
    [10, [1, 1, 1], [4, 3, 3]],
    [7, [5, 0, 2], [5, 0, 2]],
    [100, [50345, 12431], [80, 20]],
  ])('splits %i by %j into %j', (total, weights, parts) => {
    expect(apportion(total, weights)).toEqual(parts);
  });
});

describe('small national datasets', () => {
  it('spreads 1000 employees over all 38 provinces, however few a small province gets', () => {
    const batches = collect(1000, 3);
    expect(batches.reduce((sum, b) => sum + b.employees.length, 0)).toBe(1000);
    expect(new Set(batches.map((b) => b.instansi.regionCode.slice(0, 2))).size).toBe(38);
    for (const batch of batches) expect(batch.employees.length, batch.instansi.name).toBeGreaterThan(0);
  });
});

describe('determinism', () => {
  it('gives the same rows for the same seed and different people for another seed', () => {
    const again = collect(20_000, 7);
    expect(JSON.stringify(again)).toBe(JSON.stringify(big));
    const other = collect(20_000, 8).flatMap((b) => b.employees.map((e) => e.nip));
    const same = new Set(everyone.map((e) => e.nip));
    expect(other.filter((nip) => same.has(nip)).length).toBeLessThan(other.length / 2);
  });

  it('keeps unit ids stable across seeds (ids come from the unit path)', () => {
    const ids = (batches: InstansiBatch[]) => new Set(batches.flatMap((b) => b.units.map((u) => u.id)));
    const a = ids(collect(500, 1, ['36']));
    const b = ids(collect(500, 2, ['36']));
    expect([...a].filter((id) => b.has(id)).length).toBeGreaterThan(0);
  });

  it('gives a second dataset NIPs beside the loaded one and leaves the demo users to it; a restart keeps its own NIPs', () => {
    const loaded = collect(5000, 1).flatMap((b) => b.employees);
    const known = (rows: EmployeeRow[]): ExistingEmployees => ({
      identities: new Map(rows.map((e) => [e.nip, employeeIdentity(e.unitId, e.name)])),
      demoAtasanSupervisorId: rows.find((e) => e.nip === DEMO_ATASAN.nip)?.supervisorId,
    });
    const second = (existing: ExistingEmployees) => [...createDataset(regions, { employees: 5000, seed: 'cap2', existing }).batches()].flatMap((b) => b.employees);
    // Without knowing the first, the generator hands out some of its NIPs again (the demo ones among them).
    const blind = collect(5000, 'cap2').flatMap((b) => b.employees);
    const loadedNips = new Set(loaded.map((e) => e.nip));
    expect(blind.filter((e) => loadedNips.has(e.nip)).length).toBeGreaterThan(3);

    const added = second(known(loaded));
    expect(added).toHaveLength(5000);
    expect(added.filter((e) => loadedNips.has(e.nip))).toEqual([]);
    const addedIds = new Set(added.map((e) => e.id));
    expect(added.filter((e) => e.supervisorId !== null && !addedIds.has(e.supervisorId))).toEqual([]);
    // A restart finds part of its own dataset loaded beside the first and generates the same rows.
    expect(second(known([...loaded, ...added.slice(0, 2000)]))).toEqual(added);
    // The demo kepala's id comes from a NIP no row holds: were it one the second dataset hands out, that
    // person would get the kepala's id, so the generator skips it too.
    const kepala = loaded.find((e) => e.nip === DEMO_KEPALA.nip) as EmployeeRow;
    const [someone] = added;
    const withKepalaOnSomeonesNip = second({ ...known(loaded), demoKepala: { id: someone?.id as string, unitId: kepala.unitId } });
    expect(withKepalaOnSomeonesNip).toHaveLength(5000);
    expect(withKepalaOnSomeonesNip.map((e) => e.id)).not.toContain(someone?.id);
    // and the dataset that placed the kepala keeps it on a restart
    expect([...createDataset(regions, { employees: 5000, seed: 1, existing: { ...known(loaded), demoKepala: { id: kepala.id, unitId: kepala.unitId } } }).batches()].flatMap((b) => b.employees)).toEqual(loaded);
  });
});

describe('NIP (DOMAIN.md: birth date + TMT + gender + serial, Perka BKN 22/2007)', () => {
  it('is valid, unique and encodes birth date, TMT and gender', () => {
    expect(new Set(everyone.map((e) => e.nip)).size).toBe(everyone.length);
    for (const e of everyone) {
      expect(parseNip(e.nip, e.employmentType).ok, e.nip).toBe(true);
      expect(e.nip.slice(0, 8)).toBe(e.birthDate.replaceAll('-', ''));
      // PNS: TMT CPNS year and month; PPPK: appointment year and the code 21 (as BKN issues them)
      expect(e.nip.slice(8, 14)).toBe(e.employmentType === 'PNS' ? e.tmt.slice(0, 7).replace('-', '') : `${e.tmt.slice(0, 4)}21`);
      expect(e.nip[14]).toBe(e.gender === 'MALE' ? '1' : '2');
    }
  });

  it.each([
    ['197805122003121003', true],
    ['199001152015032001', true],
    ['199002302015032001', false], // 30 February
    ['199001152015132001', false], // TMT month 13
    ['199001152015033001', false], // gender digit 3
    ['199001151989032001', false], // TMT before birth
    ['19900115201503200', false], // 17 digits
    ['198503152021212001', false], // month 21 is no month for a PNS…
  ])('personnel’s parseNip(%s).ok = %s', (nip, valid) => {
    expect(parseNip(nip).ok).toBe(valid);
  });

  it.each([
    ['198503152021212001', true], // …but a PPPK's appointment year + 21
    ['198503152021032001', true],
    ['198503151980212001', false], // appointed before birth
  ])('personnel’s parseNip(%s, PPPK).ok = %s', (nip, valid) => {
    expect(parseNip(nip, 'PPPK').ok).toBe(valid);
  });
});

describe('people', () => {
  const pns = everyone.filter((e) => e.employmentType === 'PNS');
  it('mixes PNS and PPPK near the national 75/25', () => {
    const pppkShare = 1 - pns.length / everyone.length;
    expect(pppkShare).toBeGreaterThan(0.18);
    expect(pppkShare).toBeLessThan(0.32);
  });

  it('uses the golongan scale of the employment type, consistent with education and service', () => {
    for (const e of everyone) {
      if (e.employmentType === 'PNS') {
        const index = PNS_GOLONGAN.indexOf(e.golongan as (typeof PNS_GOLONGAN)[number]);
        expect(index, e.golongan).toBeGreaterThanOrEqual(0);
        if (e.jenisJabatan === 'PELAKSANA' || e.jenisJabatan.startsWith('AHLI')) {
          expect(index).toBeGreaterThanOrEqual(PNS_ENTRY_GOLONGAN[e.education]);
          // never more than one promotion per four years beyond the entry golongan
          expect(index - PNS_ENTRY_GOLONGAN[e.education]).toBeLessThanOrEqual(Math.floor(serviceYears(e.tmt) / 4));
        }
      } else {
        expect(PPPK_GOLONGAN).toContain(e.golongan);
      }
    }
  });

  it('has ages between entry and retirement and TMT after the 18th birthday', () => {
    for (const e of everyone) {
      const age = 2025.5 - Number(e.birthDate.slice(0, 4));
      expect(age).toBeGreaterThan(18);
      expect(age).toBeLessThan(RETIREMENT_AGE[e.jenisJabatan] + 1);
      expect(Number(e.tmt.slice(0, 4)) - Number(e.birthDate.slice(0, 4))).toBeGreaterThanOrEqual(18);
    }
  });

  it('has many pelaksana and functional staff and few JPT (one per OPD)', () => {
    const share = (...jenis: string[]) => everyone.filter((e) => jenis.includes(e.jenisJabatan)).length / everyone.length;
    expect(share('JPT_UTAMA', 'JPT_MADYA', 'JPT_PRATAMA')).toBeLessThan(0.04);
    expect(share('PELAKSANA')).toBeGreaterThan(0.2);
    expect(share('AHLI_PERTAMA', 'AHLI_MUDA', 'AHLI_MADYA', 'AHLI_UTAMA', 'PEMULA', 'TERAMPIL', 'MAHIR', 'PENYELIA')).toBeGreaterThan(0.4);
    for (const batch of big) {
      const opds = batch.units.filter((u) => u.kind === 'OPD');
      const jpt = batch.employees.filter((e) => e.jenisJabatan.startsWith('JPT'));
      expect(jpt).toHaveLength(opds.length);
    }
  });
});

describe('organisation', () => {
  it('gives every employee a supervisor in the same or a parent unit, up to one head per instansi', () => {
    for (const batch of big) {
      const byId = new Map(batch.employees.map((e) => [e.id, e]));
      const parentOf = new Map(batch.units.map((u) => [u.id, u.parentId]));
      const ancestors = (unitId: string): string[] => {
        const chain: string[] = [];
        for (let id: string | null | undefined = unitId; id; id = parentOf.get(id)) chain.push(id);
        return chain;
      };
      const tops = batch.employees.filter((e) => e.supervisorId === null);
      expect(tops, batch.instansi.name).toHaveLength(1);
      for (const e of batch.employees) {
        expect(batch.units.some((u) => u.id === e.unitId)).toBe(true);
        if (!e.supervisorId) continue;
        const boss = byId.get(e.supervisorId) as EmployeeRow;
        expect(boss, `${e.nip} supervisor`).toBeDefined();
        // OPD heads report to the Sekretaris Daerah, the instansi's top official; everyone else to
        // the head of their own unit or of a unit above it.
        if (boss.supervisorId === null) expect(boss.jenisJabatan).toMatch(/^JPT/);
        else expect(ancestors(e.unitId)).toContain(boss.unitId);
        let steps = 0;
        for (let c: EmployeeRow | undefined = e; c?.supervisorId; c = byId.get(c.supervisorId)) expect(++steps).toBeLessThan(10);
      }
    }
  });

  it('names instansi after their region and hangs every unit under its instansi', () => {
    const names = big.map((b) => b.instansi.name);
    expect(names).toContain('Pemerintah Provinsi Jawa Barat');
    expect(names).toContain('Pemerintah Kabupaten Karawang');
    for (const b of big) for (const u of b.units) expect(u.instansiId).toBe(b.instansi.id);
  });
});

describe('distribution', () => {
  it('follows population and honours the province subset', () => {
    const plans = planDataset(regions, { employees: 10_000, seed: 1, provinces: ['32', '36'] });
    expect(new Set(plans.map((p) => p.regionCode.slice(0, 2)))).toEqual(new Set(['32', '36']));
    const total = (code: string) => plans.filter((p) => p.regionCode.startsWith(code)).reduce((s, p) => s + p.headcount, 0);
    expect(total('32') + total('36')).toBe(10_000);
    expect(total('32') / total('36')).toBeGreaterThan(3);
    expect(() => planDataset(regions, { employees: 10, seed: 1, provinces: ['99'] })).toThrow(/99/);
  });
});

describe('demo users (docs/conventions.md)', () => {
  it.each([[undefined], [['36']], [['32']]])('are in Karawang with the pegawai reporting to the atasan (provinces %j)', (provinces) => {
    const employees = collect(3000, 'demo', provinces).flatMap((b) => b.employees);
    const atasan = employees.find((e) => e.nip === DEMO_ATASAN.nip);
    const pegawai = employees.find((e) => e.nip === DEMO_PEGAWAI.nip);
    expect(atasan?.regionCode).toBe('32.15');
    expect(pegawai?.regionCode).toBe('32.15');
    expect(pegawai?.supervisorId).toBe(atasan?.id);
    expect(pegawai).toMatchObject({ jenisJabatan: 'AHLI_MUDA', golongan: 'III/c', employmentType: 'PNS', unitId: atasan?.unitId });
    // nobody reports to the pegawai, and the replaced employee's subordinates (none) are not orphaned
    expect(employees.filter((e) => e.supervisorId === pegawai?.id)).toHaveLength(0);
    const ids = new Set(employees.map((e) => e.id));
    expect(employees.filter((e) => e.supervisorId !== null && !ids.has(e.supervisorId))).toHaveLength(0);
  });
});

describe('competency assessments', () => {
  it('cover about 30% of employees with nine scores from 1.00 to 5.00', () => {
    const assessments = big.flatMap((b) => b.assessments);
    expect(assessments.length / everyone.length).toBeGreaterThan(0.26);
    expect(assessments.length / everyone.length).toBeLessThan(0.34);
    const ids = new Set(everyone.map((e) => e.id));
    for (const a of assessments) {
      expect(ids.has(a.employeeId)).toBe(true);
      expect(Object.keys(a.scores)).toEqual(['M.1', 'M.2', 'M.3', 'M.4', 'M.5', 'M.6', 'M.7', 'M.8', 'SK.1']);
      for (const score of Object.values(a.scores)) {
        expect(score).toBeGreaterThanOrEqual(1);
        expect(score).toBeLessThanOrEqual(5);
        expect(Math.round(score * 100)).toBeCloseTo(score * 100, 6);
      }
    }
    const demo = assessments.find((a) => everyone.find((e) => e.id === a.employeeId)?.nip === DEMO_PEGAWAI.nip);
    expect(demo?.scores).toEqual(DEMO_PEGAWAI_SCORES);
  });
});

describe('agreement with personnel’s own rules', () => {
  it('passes personnel’s NIP and golongan checks for every generated employee', () => {
    for (const e of everyone) {
      const check = checkNipMatchesPerson(e.nip, { birthDate: e.birthDate, gender: e.gender, employmentType: e.employmentType });
      expect(check.ok, `${e.nip}: ${JSON.stringify(check)}`).toBe(true);
      expect(isGolonganValidFor(e.employmentType, e.golongan), `${e.employmentType} ${e.golongan}`).toBe(true);
      expect(isValidKelasJabatan(e.kelasJabatan)).toBe(true);
    }
  });
});
