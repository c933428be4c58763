// Plans how many employees each instansi gets, builds each instansi's unit tree and fills its
// positions, one instansi at a time, so a million employees never sit in memory together.
import { todayWib } from '@kinerja/performance/domain/periods';
import { COMPETENCY_CODES, REQUIRED_LEVEL, type JenisJabatan } from './civil-service.ts';
import { GENERAL_KEAHLIAN, GENERAL_KETERAMPILAN, OPD_TEMPLATES, SEKRETARIAT_DAERAH, SEKSI_FUNCTIONS, type OpdTemplate } from './catalog.ts';
import { stableId } from './ids.ts';
import { NipRegistry } from './nip.ts';
import { generatePerson, type Person, type Role } from './people.ts';
import { apportion, provincePopulationThousands } from './population.ts';
import { createRandom, type Random } from './random.ts';
import type { Region } from './regions.ts';
import { outcomesFor } from './outcomes.ts';
import type { AssessmentMethod, AssessmentRow, EmployeeRow, InstansiBatch, OrgUnitRow, PositionRow } from './rows.ts';

export interface SeedOptions {
  employees: number;
  seed: string | number;
  /** Province codes to generate (default: all 38). */
  provinces?: readonly string[];
  /** Share of employees with a finalised competency assessment (default 0.3). */
  assessmentShare?: number;
  /** YYYY-MM-DD the outcomes are generated up to (default: today in WIB). */
  today?: string;
  /** Employees already in the databases (another dataset's, or this one's from a load cut short). */
  existing?: ExistingEmployees;
}

/**
 * What the generator must know of the employees already loaded so a second dataset (another --seed on
 * top of the first) adds people beside them instead of colliding with them: NIPs are unique and an
 * employee's id is derived from its NIP, so a generated NIP that another dataset already holds would
 * make the new person's row silently skipped and their subordinates point at a stranger.
 */
export interface ExistingEmployees {
  /** `employeeIdentity(unitId, name)` per NIP already loaded. */
  identities: ReadonlyMap<string, string>;
  /** Supervisor id of the demo atasan when one is loaded (it tells which dataset placed the demo users). */
  demoAtasanSupervisorId?: string | null;
  /**
   * The demo kepala when loaded: the one employee whose id is not derived from the NIP it holds but from
   * the generated NIP it had before it took DEMO_KEPALA's, which no row holds. Another dataset must not
   * hand that NIP out (the new person would get the kepala's id and be skipped as already loaded).
   */
  demoKepala?: { id: string; unitId: string };
}

/**
 * Who holds a NIP: the same (unit, name) is this dataset's own person from an earlier run of the same
 * command (a restart), anything else another dataset's person. Both are generated before the NIP.
 */
export function employeeIdentity(unitId: string, name: string): string {
  return `${unitId}|${name}`;
}

export interface InstansiPlan {
  regionCode: string;
  name: string;
  headcount: number;
}

/** The demo users' employees (docs/conventions.md "Demo users"): always generated, in Kabupaten Karawang. */
export const DEMO_REGION = '32.15';
export const DEMO_ATASAN = { nip: '197805122003121003', name: 'Hendra Gunawan, S.E., M.M.', education: 'S2' } as const;
/**
 * The demo atasan's own supervisor (karawang.kepala): the generated employee above the demo atasan keeps
 * its id, position and random streams and only takes this identity, so every other row stays as generated.
 */
export const DEMO_KEPALA = { nip: '197011201996031002', name: 'Drs. Bambang Suryadi, M.Si.', education: 'S2', birthDate: '1970-11-20', tmt: '1996-03-01' } as const;
export const DEMO_PEGAWAI = { nip: '199001152015032001', name: 'Siti Rahmawati, S.Kom.', education: 'S1', title: 'Analis Kebijakan Ahli Muda' } as const;
/** The demo pegawai's assessment is fixed, with gaps below standard level 2 in four competencies. */
export const DEMO_PEGAWAI_SCORES: Readonly<Record<string, number>> = {
  'M.1': 2.5, 'M.2': 1.75, 'M.3': 2, 'M.4': 1.5, 'M.5': 2.25, 'M.6': 1.8, 'M.7': 1.6, 'M.8': 2.1, 'SK.1': 2.4,
};

/** An instansi smaller than this would not have a plausible unit tree, so a small dataset covers fewer regencies. */
const MIN_HEADCOUNT_PER_INSTANSI = 80;
/** Headcount of the Karawang instansi added for the demo users when province 32 is not selected. */
const DEMO_ONLY_HEADCOUNT = 12;

export function instansiName(region: Region): string {
  if (region.level === 'PROVINCE') return `Pemerintah Provinsi ${region.name}`;
  return `Pemerintah ${region.name}`;
}

export function planDataset(regions: readonly Region[], options: SeedOptions): InstansiPlan[] {
  if (!Number.isInteger(options.employees) || options.employees < 2) throw new Error('--employees harus bilangan bulat ≥ 2');
  const provinces = regions.filter((r) => r.level === 'PROVINCE');
  const selected = options.provinces?.length ? provinces.filter((p) => options.provinces?.includes(p.code)) : provinces;
  const unknown = (options.provinces ?? []).filter((code) => !provinces.some((p) => p.code === code));
  if (unknown.length) throw new Error(`kode provinsi tidak dikenal: ${unknown.join(', ')}`);

  const perProvince = apportion(
    options.employees,
    selected.map((p) => provincePopulationThousands[p.code] ?? 1000),
  );
  const plans: InstansiPlan[] = [];
  selected.forEach((province, index) => {
    const headcount = perProvince[index] as number;
    if (headcount === 0) return;
    const rng = createRandom(options.seed, `plan/${province.code}`);
    // Jakarta's cities and regency are administrative, not autonomous: only the province employs.
    const regencies = province.code === '31' ? [] : regions.filter((r) => r.parentCode === province.code);
    const room = Math.max(1, Math.floor(headcount / MIN_HEADCOUNT_PER_INSTANSI)) - 1;
    const chosen = regencies
      .map((r) => ({ r, order: r.code === DEMO_REGION ? -1 : rng.next() }))
      .sort((a, b) => a.order - b.order)
      .slice(0, room)
      .map(({ r }) => r)
      .sort((a, b) => a.code.localeCompare(b.code));
    // A provincial government employs about a tenth of the province's regional ASN (it runs the
    // senior high schools); a city is usually smaller than a kabupaten.
    const weights = [
      Math.max(1, 0.12 * regencies.length),
      ...chosen.map((r) => (Number(r.code.slice(3)) >= 71 ? 0.7 : 1) * (0.6 + 0.8 * rng.next())),
    ];
    const split = apportion(headcount, weights);
    [province, ...chosen].forEach((region, i) => {
      const n = split[i] as number;
      if (n > 0) plans.push({ regionCode: region.code, name: instansiName(region), headcount: n });
    });
  });
  if (!plans.some((p) => p.regionCode === DEMO_REGION)) {
    const karawang = regions.find((r) => r.code === DEMO_REGION);
    if (!karawang) throw new Error(`wilayah demo ${DEMO_REGION} tidak ada dalam daftar wilayah`);
    plans.push({ regionCode: DEMO_REGION, name: instansiName(karawang), headcount: DEMO_ONLY_HEADCOUNT });
  }
  return plans.sort((a, b) => a.regionCode.localeCompare(b.regionCode));
}

interface Slot {
  unit: OrgUnitRow;
  role: Role;
  /** Index of the supervisor's slot in the instansi's slot list, or null for the instansi's top official. */
  supervisor: number | null;
  opd: OpdTemplate;
}

const HEALTH_OR_EDUCATION = /Pendidikan|Kesehatan|Rumah Sakit/;

function staffRole(rng: Random, opd: OpdTemplate): Role {
  const core = HEALTH_OR_EDUCATION.test(opd.name);
  if (rng.chance(opd.functionalShare)) {
    // Teachers and health workers recruited since 2019 are largely PPPK.
    const employmentType = rng.chance(core ? 0.3 : 0.15) ? 'PPPK' : 'PNS';
    if (rng.chance(core ? 0.6 : 0.7)) {
      const profession = rng.chance(0.85) ? rng.pick(opd.keahlian) : rng.pick(GENERAL_KEAHLIAN);
      return { kind: 'KEAHLIAN', profession, employmentType };
    }
    const profession = rng.chance(0.85) ? rng.pick(opd.keterampilan) : rng.pick(GENERAL_KETERAMPILAN);
    return { kind: 'KETERAMPILAN', profession, employmentType };
  }
  return { kind: 'PELAKSANA', employmentType: rng.chance(0.2) ? 'PPPK' : 'PNS' };
}

function headTitle(opd: OpdTemplate, isSekda: boolean): string {
  if (isSekda) return 'Sekretaris Daerah';
  if (opd.name === 'Inspektorat Daerah') return 'Inspektur';
  if (opd.name === 'Rumah Sakit Umum Daerah') return 'Direktur Rumah Sakit Umum Daerah';
  return `Kepala ${opd.name}`;
}

/** Builds the unit tree and the list of positions to fill for one instansi of `headcount` people. */
function organise(rng: Random, plan: InstansiPlan): { instansi: OrgUnitRow; units: OrgUnitRow[]; slots: Slot[] } {
  const instansiId = stableId('unit', plan.regionCode);
  const instansi: OrgUnitRow = { id: instansiId, name: plan.name, kind: 'INSTANSI', parentId: null, instansiId, regionCode: plan.regionCode };
  const units: OrgUnitRow[] = [instansi];
  const slots: Slot[] = [];
  const unit = (name: string, kind: OrgUnitRow['kind'], parent: OrgUnitRow): OrgUnitRow => {
    // Ids come from the unit's path, so the same unit keeps its id whatever the seed or size.
    const path = `${parentPath.get(parent.id) as string}/${name}`;
    const row: OrgUnitRow = { id: stableId('unit', path), name, kind, parentId: parent.id, instansiId, regionCode: plan.regionCode };
    parentPath.set(row.id, path);
    units.push(row);
    return row;
  };
  const parentPath = new Map<string, string>([[instansiId, plan.regionCode]]);
  const isProvince = plan.regionCode.length === 2;

  // Even a small instansi has its schools and health offices: they hold most regional ASN.
  // A tiny instansi (a small province in a small national dataset) gets no more OPD than people.
  const opdCount = Math.min(1 + OPD_TEMPLATES.length, plan.headcount, Math.max(3, Math.round(plan.headcount / 120)));
  const templates = [SEKRETARIAT_DAERAH, ...OPD_TEMPLATES.slice(0, opdCount - 1)];
  const opdHeadcounts = apportion(plan.headcount - templates.length, templates.map((t) => t.weight)).map((n) => n + 1);

  templates.forEach((opd, index) => {
    const isSekda = index === 0;
    const opdUnit = unit(opd.name, 'OPD', instansi);
    const headSlot = slots.length;
    slots.push({
      unit: opdUnit,
      role: { kind: 'STRUCTURAL', jenis: isSekda && isProvince ? 'JPT_MADYA' : 'JPT_PRATAMA', title: headTitle(opd, isSekda) },
      supervisor: isSekda ? null : 0,
      opd,
    });
    const rest = (opdHeadcounts[index] as number) - 1;
    const bidangCount = Math.min(opd.bidang.length, Math.floor(rest / 25));
    const direct = bidangCount === 0 ? rest : Math.round(rest * 0.1);
    for (let i = 0; i < direct; i++) slots.push({ unit: opdUnit, role: staffRole(rng, opd), supervisor: headSlot, opd });
    const bidangHeadcounts = bidangCount ? apportion(rest - direct, Array(bidangCount).fill(1)) : [];
    bidangHeadcounts.forEach((hb, b) => {
      const bidangName = opd.bidang[b] as string;
      const bidangUnit = unit(bidangName, 'BIDANG', opdUnit);
      const bidangSlot = slots.length;
      slots.push({ unit: bidangUnit, role: { kind: 'STRUCTURAL', jenis: 'ADMINISTRATOR', title: `Kepala ${bidangName}` }, supervisor: headSlot, opd });
      const restB = hb - 1;
      const seksiCount = Math.min(3, Math.floor(restB / 10));
      const inBidang = seksiCount === 0 ? restB : Math.round(restB * 0.15);
      for (let i = 0; i < inBidang; i++) slots.push({ unit: bidangUnit, role: staffRole(rng, opd), supervisor: bidangSlot, opd });
      const seksiHeadcounts = seksiCount ? apportion(restB - inBidang, Array(seksiCount).fill(1)) : [];
      seksiHeadcounts.forEach((hs, s) => {
        const topic = bidangName.replace(/^(Bidang|Bagian|Inspektur Pembantu) /, '');
        const seksiName = `${isSekda ? 'Subbagian' : 'Seksi'} ${SEKSI_FUNCTIONS[s]} ${topic}`;
        const seksiUnit = unit(seksiName, 'SEKSI', bidangUnit);
        const seksiSlot = slots.length;
        slots.push({ unit: seksiUnit, role: { kind: 'STRUCTURAL', jenis: 'PENGAWAS', title: `Kepala ${seksiName}` }, supervisor: bidangSlot, opd });
        for (let i = 0; i < hs - 1; i++) slots.push({ unit: seksiUnit, role: staffRole(rng, opd), supervisor: seksiSlot, opd });
      });
    });
  });
  return { instansi, units, slots };
}

const METHOD_WEIGHTS: Readonly<Record<AssessmentMethod, number>> = { ASSESSMENT_CENTER: 0.5, THREE_SIXTY: 0.3, INTERVIEW: 0.2 };

function assess(rng: Random, employee: EmployeeRow): AssessmentRow {
  const required = REQUIRED_LEVEL[employee.jenisJabatan];
  // A person's level sits near the standard for their position, a little below on average (so
  // training needs appear), with competency-to-competency variation around it.
  const personal = rng.normal(-0.15, 0.45);
  const scores: Record<string, number> = {};
  for (const code of COMPETENCY_CODES) {
    const score = Math.min(5, Math.max(1, required + personal + rng.normal(0, 0.35)));
    scores[code] = Math.round(score * 100) / 100;
  }
  const day = rng.int(0, 900);
  const assessedOn = new Date(Date.UTC(2023, 0, 2 + day)).toISOString().slice(0, 10);
  const structural = ['JPT_MADYA', 'JPT_PRATAMA', 'ADMINISTRATOR', 'PENGAWAS'].includes(employee.jenisJabatan);
  return {
    id: stableId('assessment', `${employee.nip}/${assessedOn}`),
    employeeId: employee.id,
    method: structural ? 'ASSESSMENT_CENTER' : rng.weighted(METHOD_WEIGHTS),
    assessedOn,
    scores,
  };
}

/**
 * Replaces two people of the Karawang instansi with the demo users' employees (pegawai reports to atasan).
 * The demo users exist once: when another dataset already placed them (its atasan reports to a
 * supervisor this dataset does not have), this one keeps its generated people.
 */
function placeDemoUsers(employees: EmployeeRow[], positions: Map<string, PositionRow>, units: OrgUnitRow[], existing: ExistingEmployees | undefined): void {
  const pick = (jenis: string) => employees.find((e) => e.jenisJabatan === jenis && e.supervisorId !== null);
  const leader = pick('PENGAWAS') ?? pick('ADMINISTRATOR') ?? pick('JPT_PRATAMA') ?? employees[0];
  if (!leader) throw new Error('instansi demo tanpa pegawai');
  const placedBefore = existing?.demoAtasanSupervisorId;
  if (placedBefore !== undefined && placedBefore !== leader.supervisorId) return;
  const oldLeaderId = leader.id;
  Object.assign(leader, {
    id: stableId('employee', DEMO_ATASAN.nip),
    nip: DEMO_ATASAN.nip,
    name: DEMO_ATASAN.name,
    gender: 'MALE',
    birthDate: '1978-05-12',
    tmt: '2003-12-01',
    education: DEMO_ATASAN.education,
    employmentType: 'PNS',
    golongan: leader.jenisJabatan === 'PENGAWAS' ? 'IV/a' : 'IV/b',
  } satisfies Partial<EmployeeRow>);
  for (const e of employees) if (e.supervisorId === oldLeaderId) e.supervisorId = leader.id;
  const head = employees.find((e) => e.id === leader.supervisorId);
  if (head) Object.assign(head, { nip: DEMO_KEPALA.nip, name: DEMO_KEPALA.name, gender: 'MALE', birthDate: DEMO_KEPALA.birthDate, tmt: DEMO_KEPALA.tmt, education: DEMO_KEPALA.education, employmentType: 'PNS' } satisfies Partial<EmployeeRow>);

  const unit = units.find((u) => u.id === leader.unitId) as OrgUnitRow;
  // A functional position with standard level 2, so the demo pegawai has gaps and training needs to show.
  const position = positionFor(DEMO_PEGAWAI.title, 'AHLI_MUDA', 10);
  const positionId = position.id;
  positions.set(positionId, position);
  const pegawai: EmployeeRow = {
    id: stableId('employee', DEMO_PEGAWAI.nip),
    nip: DEMO_PEGAWAI.nip,
    name: DEMO_PEGAWAI.name,
    gender: 'FEMALE',
    birthDate: '1990-01-15',
    tmt: '2015-03-01',
    education: DEMO_PEGAWAI.education,
    employmentType: 'PNS',
    golongan: 'III/c',
    positionId,
    positionTitle: DEMO_PEGAWAI.title,
    jenisJabatan: 'AHLI_MUDA',
    kelasJabatan: 10,
    unitId: unit.id,
    instansiId: leader.instansiId,
    regionCode: leader.regionCode,
    supervisorId: leader.id,
  };
  const replaced = employees.findIndex(
    (e) => e.supervisorId === leader.id && e.employmentType === 'PNS' && !['JPT_PRATAMA', 'ADMINISTRATOR', 'PENGAWAS'].includes(e.jenisJabatan),
  );
  if (replaced >= 0) employees[replaced] = pegawai;
  else employees.push(pegawai);
}

/**
 * The demo atasan's first subordinate besides the demo pegawai: their current-year SKP is back with the
 * atasan for approval after a granted revision (performance's seed), so "Tim Saya" has one to decide.
 */
export function demoAwaitingApproval(employees: readonly EmployeeRow[]): string[] {
  const atasan = employees.find((e) => e.nip === DEMO_ATASAN.nip);
  const subordinate = atasan && employees.find((e) => e.supervisorId === atasan.id && e.nip !== DEMO_PEGAWAI.nip);
  return subordinate ? [subordinate.id] : [];
}

function positionFor(title: string, jenisJabatan: JenisJabatan, kelasJabatan: number): PositionRow {
  return { id: stableId('position', `${title}|${jenisJabatan}|${kelasJabatan}`), title, jenisJabatan, kelasJabatan };
}

export interface Dataset {
  plans: InstansiPlan[];
  totalEmployees: number;
  batches(): Generator<InstansiBatch>;
}

/** Deterministic for (regions, options): the same arguments give the same rows in the same order. */
export function createDataset(regions: readonly Region[], options: SeedOptions): Dataset {
  const plans = planDataset(regions, options);
  const share = options.assessmentShare ?? 0.3;
  const today = options.today ?? todayWib();
  const existing = options.existing;
  return {
    plans,
    totalEmployees: plans.reduce((sum, p) => sum + p.headcount, 0),
    *batches() {
      const nips = new NipRegistry([DEMO_ATASAN.nip, DEMO_PEGAWAI.nip, DEMO_KEPALA.nip]);
      for (const plan of plans) {
        const rng = createRandom(options.seed, `instansi/${plan.regionCode}`);
        const { instansi, units, slots } = organise(rng, plan);
        const positions = new Map<string, PositionRow>();
        const employees: EmployeeRow[] = [];
        const provinceCode = plan.regionCode.slice(0, 2);
        for (const slot of slots) {
          const person: Person = generatePerson(rng, slot.role, provinceCode);
          const position = positionFor(person.title, person.jenisJabatan, person.kelasJabatan);
          const positionId = position.id;
          positions.set(positionId, position);
          const identity = employeeIdentity(slot.unit.id, person.name);
          const nip = nips.allocate(person.birthDate, person.tmt, person.gender, person.employmentType, (candidate) => {
            const holder = existing?.identities.get(candidate);
            if (holder !== undefined) return holder === identity;
            // The dataset that placed the demo kepala generates it in the kepala's unit: that is its own.
            const kepala = existing?.demoKepala;
            return kepala === undefined || kepala.unitId === slot.unit.id || stableId('employee', candidate) !== kepala.id;
          });
          employees.push({
            id: stableId('employee', nip),
            nip,
            name: person.name,
            gender: person.gender,
            birthDate: person.birthDate,
            tmt: person.tmt,
            education: person.education,
            employmentType: person.employmentType,
            golongan: person.golongan,
            positionId,
            positionTitle: person.title,
            jenisJabatan: person.jenisJabatan,
            kelasJabatan: person.kelasJabatan,
            unitId: slot.unit.id,
            instansiId: instansi.id,
            regionCode: plan.regionCode,
            supervisorId: slot.supervisor === null ? null : (employees[slot.supervisor] as EmployeeRow).id,
          });
        }
        if (plan.regionCode === DEMO_REGION) placeDemoUsers(employees, positions, units, existing);
        const assessRng = createRandom(options.seed, `assessment/${plan.regionCode}`);
        const demoNips: readonly string[] = [DEMO_ATASAN.nip, DEMO_PEGAWAI.nip];
        const assessments = employees
          .filter((e) => assessRng.chance(share) || demoNips.includes(e.nip))
          .map((e) => {
            const assessment = assess(assessRng, e);
            return e.nip === DEMO_PEGAWAI.nip ? { ...assessment, method: 'ASSESSMENT_CENTER' as const, scores: { ...DEMO_PEGAWAI_SCORES } } : assessment;
          });
        const outcomes = employees.map((e) => outcomesFor(e, { seed: options.seed, today, alwaysRated: demoNips, alwaysWithSkp: [DEMO_KEPALA.nip] }));
        yield { instansi, units, positions: [...positions.values()], employees, assessments, outcomes };
      }
    },
  };
}
