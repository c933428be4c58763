// SIASN-shaped exports of the seed's dataset (tools/seed createDataset, the same people the seed loads),
// for tests and the bench: what an instansi would download from SIASN if SIASN held our demo data.
import { createHash } from 'node:crypto';
import { pnsPangkat } from '@kinerja/personnel/domain/golongan';
import { createDataset, type SeedOptions } from '@kinerja/seed/dataset';
import { loadRegions } from '@kinerja/seed/regions';
import { golonganIdOf, siasnJabatanOf } from '@kinerja/personnel/domain/siasn-fields';
import type { SiasnRow } from './files/siasn-files.ts';

/** SIASN ids are 32 upper-case hex digits; ours are derived from the NIP or the seed's unit id, so they are stable. */
export function siasnIdFor(kind: 'pns' | 'unor', key: string): string {
  return createHash('sha1').update(`siasn/${kind}/${key}`).digest('hex').slice(0, 32).toUpperCase();
}

export interface GenerateOptions extends SeedOptions {
  /** Only the instansi of these region codes (e.g. `32.15`); all generated instansi when empty. */
  regions?: readonly string[];
}

export interface GeneratedInstansi {
  regionCode: string;
  instansiSiasnId: string;
  employees: SiasnRow[];
  units: SiasnRow[];
}

/** One SIASN export per instansi of the dataset, generated lazily (one instansi in memory at a time). */
export function* generateSiasnExports(options: GenerateOptions): Generator<GeneratedInstansi> {
  const dataset = createDataset(loadRegions(), options);
  for (const batch of dataset.batches()) {
    if (options.regions?.length && !options.regions.includes(batch.instansi.regionCode)) continue;
    const unorId = (unitId: string) => siasnIdFor('unor', unitId);
    const pnsId = (nip: string) => siasnIdFor('pns', nip);
    const unitById = new Map(batch.units.map((unit) => [unit.id, unit]));
    const employeeById = new Map(batch.employees.map((employee) => [employee.id, employee]));
    // A unit's leader is its member whose supervisor works elsewhere (or nobody: the top official,
    // who also leads the instansi root, where nobody else works).
    const leaders = new Map<string, (typeof batch.employees)[number]>();
    for (const employee of batch.employees) {
      const supervisor = employee.supervisorId ? employeeById.get(employee.supervisorId) : undefined;
      if (!supervisor || supervisor.unitId !== employee.unitId) leaders.set(employee.unitId, employee);
      if (!employee.supervisorId) leaders.set(batch.instansi.id, employee);
    }
    const opdOf = (unitId: string): string => {
      let unit = unitById.get(unitId);
      while (unit?.parentId && unit.parentId !== batch.instansi.id) unit = unitById.get(unit.parentId);
      return unit?.id ?? unitId;
    };
    const units: SiasnRow[] = batch.units.map((unit) => {
      const leader = leaders.get(unit.id);
      return {
        Id: unorId(unit.id),
        DiatasanId: unit.parentId ? unorId(unit.parentId) : '',
        NamaUnor: unit.name,
        NamaJabatan: leader?.positionTitle ?? '',
        PemimpinPnsId: leader ? pnsId(leader.nip) : '',
        InstansiId: unorId(batch.instansi.id),
      };
    });
    const employees: SiasnRow[] = batch.employees.map((employee) => {
      const jabatan = siasnJabatanOf(employee.jenisJabatan);
      return {
        id: pnsId(employee.nip),
        nipBaru: employee.nip,
        nipLama: '',
        nama: employee.name,
        golRuangAkhirId: golonganIdOf(employee.golongan),
        golRuangAkhir: employee.golongan,
        pangkatAkhir: pnsPangkat[employee.golongan] ?? '',
        tmtGolAkhir: '',
        jenisJabatanId: jabatan.jenisJabatanId,
        eselonId: jabatan.eselonId,
        jabatanNama: employee.positionTitle,
        kelas_jabatan: String(employee.kelasJabatan),
        unorId: unorId(employee.unitId),
        unorNama: unitById.get(employee.unitId)?.name ?? '',
        unorIndukId: unorId(opdOf(employee.unitId)),
        instansiIndukId: unorId(batch.instansi.id),
        instansiIndukNama: batch.instansi.name,
        kedudukanPnsNama: 'Aktif',
      };
    });
    yield { regionCode: batch.instansi.regionCode, instansiSiasnId: unorId(batch.instansi.id), employees, units };
  }
}
