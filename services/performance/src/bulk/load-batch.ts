// Performance's bulk path: loads what the generated dataset (tools/seed outcomes) says each employee did
// into this service's own database, as the API's commands would have left it: the employee read model,
// the organisation goals of the previous and current year, one SKP per rated employee and year (RHK
// utama/tambahan cascaded from the supervisor's RHK, heads' RHK from their unit's goals, indicators, the
// BerAKHLAK expectations and the transitions), realisations with evidence, the evaluation of every rated
// period finalised after calibration (with the calibration records), and the maintained predikat counts.
//
// Why the read model is loaded here and not from personnel.employee.v1: personnel's bulk path writes no
// outbox rows, so performance loads the same generated employees itself (last_event_at = epoch, so any
// real event later wins). No PredikatFinalised is enqueued: remuneration's seed reads the same outcomes.
//
// Set-based: every table is one INSERT … SELECT FROM unnest(…) with bind parameters, one transaction per
// batch. Idempotent: ids are name-based UUIDs, inserts are ON CONFLICT DO NOTHING, children are written
// only for parents this batch inserted, and counts grow only by the evaluations it inserted.
import { createHash } from 'node:crypto';
import { decideFinalisation } from '../domain/calibration.ts';
import { emptyCounts, unitDistribution, type DistributionLimitTable } from '../domain/distribution-limits.ts';
import { summaryDeltas, type SummaryDelta } from '../domain/evaluation.ts';
import { addDays, ANNUAL_PERIOD, defaultPeriodScheme, periodsOfYear, todayWib } from '../domain/periods.ts';
import type { Predikat, RatingLevel } from '../domain/rating.ts';
import { berakhlakBehaviours } from '../domain/skp-plan.ts';
import { plannedExpectations, plannedGoals, plannedRhk } from './seed-plans.ts';
import type { SqlClient } from './sql-client.ts';

export interface BulkUnit {
  id: string;
  parentId: string | null;
  /** INSTANSI, OPD, BIDANG, SEKSI: instansi and OPD record goals. */
  kind: string;
  name: string;
  regionCode: string;
}

export interface BulkEmployee {
  id: string;
  nip: string;
  name: string;
  regionCode: string;
  unitId: string;
  instansiId: string;
  jenisJabatan: string;
  positionId: string;
  positionTitle: string;
  supervisorId: string | null;
}

export interface BulkRating {
  year: number;
  /** Q1…Q4 or ANNUAL */
  period: string;
  /** YYYY-MM-DD */
  start: string;
  end: string;
  hasilKerja: RatingLevel;
  perilakuKerja: RatingLevel;
  predikat: Predikat;
}

export interface PerformanceBatch {
  units: readonly BulkUnit[];
  employees: readonly BulkEmployee[];
  /** Ratings per employee (an employee without ratings has no SKP). */
  ratings: readonly { employeeId: string; ratings: readonly BulkRating[] }[];
  /**
   * Employees whose current-year SKP is back with the supervisor: approved, reopened through a granted
   * revision request and submitted again (its earlier periods stay rated), for the demo's "Tim Saya".
   */
  awaitingApproval?: readonly string[];
}

export interface PerformanceBatchResult {
  employees: number;
  goals: number;
  skps: number;
  rhk: number;
  indicators: number;
  realisations: number;
  evaluations: number;
  summaryRows: number;
  calibrations: number;
}

/** Who the generated transitions, ratings and finalisations name as actor, so they can be told apart. */
export const BULK_ACTOR = 'seed';
const BULK_SNAPSHOT_TIME = '1970-01-01T00:00:00Z';
const SEED_OVERRIDE_REASON = 'Data awal: penilaian yang sudah difinalkan sebelum aplikasi digunakan';

// Name-based UUIDs (version 5 layout over SHA-1), the same scheme as tools/seed's ids.
function stableId(kind: string, key: string): string {
  const bytes = createHash('sha1').update(`kinerja-asn/performance-seed/v1/${kind}/${key}`).digest();
  bytes[6] = ((bytes[6] as number) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80;
  const hex = bytes.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** A date at a working hour in WIB, as an instant. */
const at = (date: string, hour: number) => `${date}T${String(hour).padStart(2, '0')}:00:00+07:00`;
const minDate = (a: string, b: string) => (a < b ? a : b);
const maxDate = (a: string, b: string) => (a > b ? a : b);

interface Placement {
  employee_id: string;
  region_code: string;
  unit_id: string | null;
  instansi_id: string | null;
  unit_path: string[];
  jenis_jabatan: string | null;
  position_id: string | null;
  position_title: string | null;
  supervisor_id: string | null;
}

/** Rows of one table as parallel columns, for `unnest($1::type[], …)`. */
function columns<T extends object>(rows: readonly T[], keys: readonly (keyof T)[]): unknown[][] {
  return keys.map((key) => rows.map((row) => row[key]));
}

async function insertRows<T extends object>(db: SqlClient, sql: string, rows: readonly T[], keys: readonly (keyof T)[]): Promise<{ rows: unknown[]; rowCount: number }> {
  if (rows.length === 0) return { rows: [], rowCount: 0 };
  const result = await db.query(sql, columns(rows, keys));
  return { rows: result.rows, rowCount: result.rowCount ?? 0 };
}

async function distributionLimits(db: SqlClient, today: string): Promise<DistributionLimitTable> {
  const row = (
    await db.query(
      `select to_char(effective_from, 'YYYY-MM-DD') as effective_from, value from configuration_version
       where kind = 'DISTRIBUTION_LIMITS' and instansi_id is null and effective_from <= $1 order by effective_from desc limit 1`,
      [today],
    )
  ).rows[0] as { effective_from: string; value: Omit<DistributionLimitTable, 'instansiId' | 'effectiveFrom'> } | undefined;
  if (!row) throw new Error('performance database has no national DISTRIBUTION_LIMITS; run its migrations first');
  return { ...row.value, instansiId: null, effectiveFrom: row.effective_from };
}

export async function loadPerformanceBatch(db: SqlClient, batch: PerformanceBatch, today = todayWib()): Promise<PerformanceBatchResult> {
  const year = Number(today.slice(0, 4));
  const years = [year - 1, year];
  const units = new Map(batch.units.map((u) => [u.id, u]));
  const pathOf = (unitId: string): string[] => {
    const path: string[] = [];
    for (let unit = units.get(unitId); unit !== undefined && path.length < 100; unit = unit.parentId === null ? undefined : units.get(unit.parentId)) path.unshift(unit.id);
    return path;
  };
  await db.query('begin');
  try {
    const employees = await db.query(
      `insert into employee (employee_id, nip, name, region_code, unit_id, instansi_id, unit_path, jenis_jabatan, position_id,
                             position_title, supervisor_id, status, last_event_at)
       select e.id, e.nip, e.name, e.region_code, e.unit_id, e.instansi_id, array(select jsonb_array_elements_text(e.unit_path)),
              e.jenis_jabatan, e.position_id, e.position_title, e.supervisor_id, 'ACTIVE', $11::timestamptz
       from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::jsonb[], $8::text[], $9::text[], $10::text[], $12::text[])
              as e(id, nip, name, region_code, unit_id, instansi_id, unit_path, jenis_jabatan, position_id, position_title, supervisor_id)
       on conflict do nothing`,
      [
        batch.employees.map((e) => e.id),
        batch.employees.map((e) => e.nip),
        batch.employees.map((e) => e.name),
        batch.employees.map((e) => e.regionCode),
        batch.employees.map((e) => e.unitId),
        batch.employees.map((e) => e.instansiId),
        batch.employees.map((e) => JSON.stringify(pathOf(e.unitId))),
        batch.employees.map((e) => e.jenisJabatan),
        batch.employees.map((e) => e.positionId),
        batch.employees.map((e) => e.positionTitle),
        BULK_SNAPSHOT_TIME,
        batch.employees.map((e) => e.supervisorId),
      ],
    );
    // The placement comes from the read model (a real event may have moved someone since).
    const placement = new Map(
      (
        (
          await db.query(
            `select employee_id, region_code, unit_id, instansi_id, unit_path, jenis_jabatan, position_id, position_title, supervisor_id
             from employee where employee_id = any($1::text[])`,
            [batch.employees.map((e) => e.id)],
          )
        ).rows as Placement[]
      ).map((row) => [row.employee_id, row]),
    );

    // Goals of every instansi and OPD for both years.
    const goals = batch.units
      .filter((u) => u.kind === 'INSTANSI' || u.kind === 'OPD')
      .flatMap((unit) => years.flatMap((y) => plannedGoals(unit, y).map((goal, i) => ({ id: stableId('goal', `${unit.id}/${y}/${i}`), unit_id: unit.id, year: y, ...goal, created_at: at(`${y}-01-03`, 9) }))));
    const goalsWritten = await insertRows(
      db,
      `insert into org_goal (id, unit_id, year, text, indicator, target, target_unit, created_by, created_at)
       select g.id, g.unit_id, g.year, g.text, g.indicator, g.target, g.target_unit, '${BULK_ACTOR}', g.created_at
       from unnest($1::uuid[], $2::text[], $3::int[], $4::text[], $5::text[], $6::numeric[], $7::text[], $8::timestamptz[])
              as g(id, unit_id, year, text, indicator, target, target_unit, created_at)
       on conflict do nothing`,
      goals,
      ['id', 'unit_id', 'year', 'text', 'indicator', 'target', 'targetUnit', 'created_at'],
    );
    const goalUnits = new Set(goals.map((g) => g.unit_id));
    /** Goal k of the nearest unit on the path (the unit upwards) that records goals. */
    const goalFor = (path: readonly string[], y: number, k: number): string | null => {
      const unitId = [...path].reverse().find((id) => goalUnits.has(id));
      return unitId === undefined ? null : stableId('goal', `${unitId}/${y}/${k}`);
    };

    // One SKP per rated employee and year.
    const awaiting = new Set(batch.awaitingApproval ?? []);
    const ratingsOf = new Map(batch.ratings.filter((r) => r.ratings.length > 0).map((r) => [r.employeeId, r.ratings]));
    const skpId = (employeeId: string, y: number) => stableId('skp', `${employeeId}/${y}`);
    const planned = [...ratingsOf.keys()].flatMap((employeeId) => {
      const employee = placement.get(employeeId);
      if (employee === undefined) return [];
      return years.map((y) => ({
        id: skpId(employeeId, y),
        employee,
        year: y,
        status: y === year && awaiting.has(employeeId) ? 'SUBMITTED' : 'APPROVED',
        created_at: at(`${y}-01-06`, 9),
        updated_at: at(`${y}-01-15`, 10),
      }));
    });
    const skpRows = planned.map((s) => ({ ...s, employee_id: s.employee.employee_id, position_id: s.employee.position_id, unit_id: s.employee.unit_id, instansi_id: s.employee.instansi_id, region_code: s.employee.region_code, rater: s.employee.supervisor_id }));
    const insertedSkp = await insertRows(
      db,
      `insert into skp (id, employee_id, year, position_id, unit_id, instansi_id, region_code, rater_employee_id, status, created_at, updated_at)
       select * from unnest($1::uuid[], $2::text[], $3::int[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::timestamptz[], $11::timestamptz[])
       on conflict do nothing
       returning id`,
      skpRows,
      ['id', 'employee_id', 'year', 'position_id', 'unit_id', 'instansi_id', 'region_code', 'rater', 'status', 'created_at', 'updated_at'],
    );
    const inserted = new Set((insertedSkp.rows as { id: string }[]).map((r) => r.id));
    // SKPs with the seed's ids present now (this batch's or an earlier run's): RHK may support theirs.
    const present = new Set(((await db.query('select id from skp where id = any($1::uuid[])', [planned.map((s) => s.id)])).rows as { id: string }[]).map((r) => r.id));
    const fresh = planned.filter((s) => inserted.has(s.id));

    const unitName = (unitId: string | null) => (unitId === null ? '' : (units.get(unitId)?.name ?? ''));
    const rhkRows: { id: string; skp_id: string; kind: string; text: string; supports: string | null; goal: string | null; sort_order: number; created_at: string }[] = [];
    const indicatorRows: { id: string; rhk_id: string; text: string; aspect: string; target: number; unit: string; quarterly: string | null; sort_order: number; skp: (typeof fresh)[number] }[] = [];
    for (const skp of fresh) {
      const { employee } = skp;
      const supervisor = employee.supervisor_id === null ? undefined : placement.get(employee.supervisor_id);
      // A head of an OPD (or the top of the chain) supports the unit's goals; everyone else the supervisor's RHK.
      const unitKind = employee.unit_id === null ? undefined : units.get(employee.unit_id)?.kind;
      const heads = supervisor === undefined || (unitKind !== undefined && unitKind !== 'BIDANG' && unitKind !== 'SEKSI' && supervisor.unit_id !== employee.unit_id);
      const supervisorSkp = supervisor === undefined ? null : skpId(supervisor.employee_id, skp.year);
      plannedRhk({ jenisJabatan: employee.jenis_jabatan, title: employee.position_title }, unitName(employee.unit_id)).forEach((rhk, r) => {
        const id = stableId('rhk', `${skp.id}/${r}`);
        let supports: string | null = null;
        let goal: string | null = null;
        if (rhk.kind === 'UTAMA') {
          if (!heads && supervisorSkp !== null && present.has(supervisorSkp)) supports = stableId('rhk', `${supervisorSkp}/${r}`);
          // The top of the chain supports the instansi's goals (Renstra), an OPD head those of the OPD.
          else goal = goalFor(supervisor === undefined ? employee.unit_path.slice(0, 1) : employee.unit_path, skp.year, r);
        }
        rhkRows.push({ id, skp_id: skp.id, kind: rhk.kind, text: rhk.text, supports, goal, sort_order: r, created_at: skp.created_at });
        rhk.indicators.forEach((indicator, i) =>
          indicatorRows.push({ id: stableId('indicator', `${id}/${i}`), rhk_id: id, text: indicator.text, aspect: indicator.aspect, target: indicator.target, unit: indicator.unit, quarterly: indicator.quarterlyTargets === null ? null : JSON.stringify(indicator.quarterlyTargets), sort_order: i, skp }),
        );
      });
    }
    await insertRows(
      db,
      `insert into rhk (id, skp_id, kind, text, supports_rhk_id, goal_id, sort_order, created_at)
       select * from unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::uuid[], $6::uuid[], $7::int[], $8::timestamptz[])
       on conflict do nothing`,
      rhkRows,
      ['id', 'skp_id', 'kind', 'text', 'supports', 'goal', 'sort_order', 'created_at'],
    );
    await insertRows(
      db,
      `insert into indicator (id, rhk_id, text, aspect, target, unit, quarterly_targets, sort_order)
       select * from unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::numeric[], $6::text[], $7::jsonb[], $8::int[])
       on conflict do nothing`,
      indicatorRows,
      ['id', 'rhk_id', 'text', 'aspect', 'target', 'unit', 'quarterly', 'sort_order'],
    );
    const expectations = fresh.flatMap((skp) => berakhlakBehaviours.map((behaviour) => ({ skp_id: skp.id, behaviour, expectation: plannedExpectations[behaviour] })));
    await insertRows(
      db,
      `insert into behaviour_expectation (skp_id, behaviour, expectation)
       select * from unnest($1::uuid[], $2::text[], $3::text[]) on conflict do nothing`,
      expectations,
      ['skp_id', 'behaviour', 'expectation'],
    );

    // The transitions as the commands record them: created, submitted, approved (and, awaiting approval,
    // a granted revision request and a second submission, a few days ago).
    const events = fresh.flatMap((skp) => {
      const owner = skp.employee.employee_id;
      const rater = skp.employee.supervisor_id;
      const steps: { action: string; from: string | null; to: string; actor: string | null; note: string | null; date: string }[] = [
        { action: 'CREATE', from: null, to: 'DRAFT', actor: owner, note: null, date: `${skp.year}-01-06` },
        { action: 'SUBMIT', from: 'DRAFT', to: 'SUBMITTED', actor: owner, note: null, date: `${skp.year}-01-08` },
        { action: 'APPROVE', from: 'SUBMITTED', to: 'APPROVED', actor: rater, note: null, date: `${skp.year}-01-15` },
      ];
      if (skp.status === 'SUBMITTED') {
        steps.push(
          { action: 'REQUEST_REVISION', from: 'APPROVED', to: 'REVISION_REQUESTED', actor: owner, note: 'Penambahan tugas dari pimpinan pada triwulan IV', date: addDays(today, -6) },
          { action: 'GRANT_REVISION', from: 'REVISION_REQUESTED', to: 'DRAFT', actor: rater, note: null, date: addDays(today, -5) },
          { action: 'SUBMIT', from: 'DRAFT', to: 'SUBMITTED', actor: owner, note: null, date: addDays(today, -2) },
        );
      }
      // The supervisor's decisions are recorded as the atasan's, everything else as the employee's (as the
      // service's own commands record them; an admin stands in only at the top of a chain, never seeded).
      const byAtasan = new Set(['APPROVE', 'REJECT', 'GRANT_REVISION', 'REFUSE_REVISION']);
      return steps.map((step, i) => ({ id: stableId('skp-event', `${skp.id}/${i}`), skp_id: skp.id, action: step.action, from: step.from, to: step.to, actor: BULK_ACTOR, actor_employee: step.actor, acting_as: byAtasan.has(step.action) ? 'ATASAN' : 'PEGAWAI', note: step.note, occurred_at: at(step.date, 9 + i) }));
    });
    await insertRows(
      db,
      `insert into skp_event (id, skp_id, action, from_status, to_status, actor_username, actor_employee_id, acting_as, note, occurred_at)
       select * from unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::timestamptz[])
       on conflict do nothing`,
      events,
      ['id', 'skp_id', 'action', 'from', 'to', 'actor', 'actor_employee', 'acting_as', 'note', 'occurred_at'],
    );

    // Realisations of every rated quarter (as much as the rating says was achieved), and progress so far
    // in the quarter that is open today on the approved SKPs of this year.
    const achieved: Readonly<Record<RatingLevel, number>> = { DI_ATAS_EKSPEKTASI: 1.1, SESUAI_EKSPEKTASI: 1, DI_BAWAH_EKSPEKTASI: 0.7 };
    const openQuarter = periodsOfYear(defaultPeriodScheme, year).find((p) => p.code !== ANNUAL_PERIOD && p.start <= today && today <= p.end);
    const utama = new Set(rhkRows.filter((r) => r.kind === 'UTAMA').map((r) => r.id));
    const realisations = indicatorRows
      .filter((indicator) => utama.has(indicator.rhk_id))
      .flatMap((indicator) => {
        const ratings = (ratingsOf.get(indicator.skp.employee.employee_id) ?? []).filter((r) => r.year === indicator.skp.year && r.period !== ANNUAL_PERIOD);
        const quarterly = indicator.quarterly === null ? null : (JSON.parse(indicator.quarterly) as number[]);
        const quarterTarget = (q: number) => (quarterly === null ? indicator.target : (quarterly[q - 1] ?? 0));
        const entries = ratings.map((r) => ({ period: r.period, value: Math.round(quarterTarget(Number(r.period.slice(1))) * achieved[r.hasilKerja] * 100) / 100, date: addDays(r.end, -3) }));
        if (openQuarter !== undefined && indicator.skp.year === year && indicator.skp.status === 'APPROVED' && today > openQuarter.start) {
          entries.push({ period: openQuarter.code, value: Math.round(quarterTarget(Number(openQuarter.code.slice(1))) * 0.5 * 100) / 100, date: maxDate(openQuarter.start, addDays(today, -1)) });
        }
        return entries.map((entry) => ({
          id: stableId('realisation', `${indicator.id}/${entry.period}`),
          skp_id: indicator.skp.id,
          indicator_id: indicator.id,
          period: entry.period,
          value: entry.value,
          evidence_url: indicator.sort_order === 0 ? `https://arsip.kinerja.invalid/bukti/${indicator.skp.year}/${entry.period}/${indicator.id.slice(0, 8)}` : null,
          note: `Capaian ${entry.period} ${indicator.skp.year}: ${indicator.text.toLowerCase()}`,
          recorded_at: at(entry.date, 15),
        }));
      });
    const realisationsWritten = await insertRows(
      db,
      `insert into realisation (id, skp_id, indicator_id, period, value, evidence_url, note, recorded_by, recorded_at)
       select r.id, r.skp_id, r.indicator_id, r.period, r.value, r.evidence_url, r.note, '${BULK_ACTOR}', r.recorded_at
       from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::numeric[], $6::text[], $7::text[], $8::timestamptz[])
              as r(id, skp_id, indicator_id, period, value, evidence_url, note, recorded_at)
       on conflict do nothing`,
      realisations,
      ['id', 'skp_id', 'indicator_id', 'period', 'value', 'evidence_url', 'note', 'recorded_at'],
    );

    // Evaluations: rated by the direct supervisor a few days after the period, finalised a few days later.
    // The top of a chain (no supervisor inside the dataset) has no rater employee and is left unrated.
    const evaluationRows = fresh.flatMap((skp) => {
      const employee = skp.employee;
      if (employee.supervisor_id === null) return [];
      return (ratingsOf.get(employee.employee_id) ?? [])
        .filter((r) => r.year === skp.year)
        .map((r) => ({
          id: stableId('evaluation', `${skp.id}/${r.period}`),
          skp_id: skp.id,
          employee_id: employee.employee_id,
          year: r.year,
          period: r.period,
          start: r.start,
          end: r.end,
          hasil: r.hasilKerja,
          perilaku: r.perilakuKerja,
          predikat: r.predikat,
          rater: employee.supervisor_id,
          unit_id: employee.unit_id,
          unit_path: JSON.stringify(employee.unit_path),
          instansi_id: employee.instansi_id,
          region_code: employee.region_code,
          jenis_jabatan: employee.jenis_jabatan,
          position_id: employee.position_id,
          rated_at: at(minDate(addDays(r.end, 5), today), 10),
          finalised_at: at(minDate(addDays(r.end, 10), today), 16),
          placement: employee,
        }));
    });
    const insertedEvaluations = await insertRows(
      db,
      `insert into evaluation (id, skp_id, employee_id, year, period, period_start, period_end, hasil_kerja, perilaku_kerja, predikat,
                               rater_employee_id, unit_id, unit_path, instansi_id, region_code, jenis_jabatan, position_id, status,
                               rated_at, finalised_at, finalised_by, calibration_override, version)
       select v.id, v.skp_id, v.employee_id, v.year, v.period, v.period_start, v.period_end, v.hasil, v.perilaku, v.predikat,
              v.rater, v.unit_id, array(select jsonb_array_elements_text(v.unit_path)), v.instansi_id, v.region_code, v.jenis_jabatan,
              v.position_id, 'FINAL', v.rated_at, v.finalised_at, '${BULK_ACTOR}', false, 1
       from unnest($1::uuid[], $2::uuid[], $3::text[], $4::int[], $5::text[], $6::date[], $7::date[], $8::text[], $9::text[], $10::text[],
                   $11::text[], $12::text[], $13::jsonb[], $14::text[], $15::text[], $16::text[], $17::text[], $18::timestamptz[], $19::timestamptz[])
              as v(id, skp_id, employee_id, year, period, period_start, period_end, hasil, perilaku, predikat, rater, unit_id, unit_path,
                   instansi_id, region_code, jenis_jabatan, position_id, rated_at, finalised_at)
       on conflict do nothing
       returning id`,
      evaluationRows,
      ['id', 'skp_id', 'employee_id', 'year', 'period', 'start', 'end', 'hasil', 'perilaku', 'predikat', 'rater', 'unit_id', 'unit_path', 'instansi_id', 'region_code', 'jenis_jabatan', 'position_id', 'rated_at', 'finalised_at'],
    );
    const insertedEvaluationIds = new Set((insertedEvaluations.rows as { id: string }[]).map((r) => r.id));
    const rated = evaluationRows.filter((e) => insertedEvaluationIds.has(e.id));

    // The maintained counts grow exactly as rateEvaluation grows them (domain/evaluation.ts summaryDeltas).
    const totals = new Map<string, SummaryDelta & { year: number; period: string }>();
    for (const evaluation of rated) {
      const scopes = { regionCode: evaluation.region_code, unitIds: [...evaluation.placement.unit_path, ...(evaluation.unit_id === null ? [] : [evaluation.unit_id])] };
      for (const delta of summaryDeltas(null, { predikat: evaluation.predikat, scopes })) {
        const key = `${delta.scope}|${delta.scopeKey}|${evaluation.year}|${evaluation.period}|${delta.predikat}`;
        const entry = totals.get(key) ?? { ...delta, delta: 0, year: evaluation.year, period: evaluation.period };
        entry.delta += delta.delta;
        totals.set(key, entry);
      }
    }
    const summary = [...totals.values()];
    await insertRows(
      db,
      `insert into predikat_summary (scope, scope_key, year, period, predikat, employees)
       select * from unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::text[], $6::int[])
       on conflict (scope, scope_key, year, period, predikat) do update set employees = predikat_summary.employees + excluded.employees`,
      summary,
      ['scope', 'scopeKey', 'year', 'period', 'predikat', 'delta'],
    );

    // Calibration, bottom-up as finaliseEvaluations runs it: each unit finalises its subtree's drafts except
    // its head, whose rating is calibrated one level up (the top head with the instansi). Where the
    // generated distribution breaks a limit, the record is an admin's override with the reason.
    const limits = await distributionLimits(db, today);
    const calibrations = calibrationRecords(rated, placement, units, limits);
    await insertRows(
      db,
      `insert into calibration_finalisation (id, unit_id, year, period, unit_predikat, evaluations, override, reason, violations, finalised_by, finalised_at)
       select c.id, c.unit_id, c.year, c.period, c.unit_predikat, c.evaluations, c.override, c.reason, c.violations, '${BULK_ACTOR}', c.finalised_at
       from unnest($1::uuid[], $2::text[], $3::int[], $4::text[], $5::text[], $6::int[], $7::boolean[], $8::text[], $9::jsonb[], $10::timestamptz[])
              as c(id, unit_id, year, period, unit_predikat, evaluations, override, reason, violations, finalised_at)
       on conflict do nothing`,
      calibrations,
      ['id', 'unit_id', 'year', 'period', 'unit_predikat', 'evaluations', 'override', 'reason', 'violations', 'finalised_at'],
    );
    await db.query('commit');
    return {
      employees: employees.rowCount ?? 0,
      goals: goalsWritten.rowCount,
      skps: fresh.length,
      rhk: rhkRows.length,
      indicators: indicatorRows.length,
      realisations: realisationsWritten.rowCount,
      evaluations: rated.length,
      summaryRows: summary.length,
      calibrations: calibrations.length,
    };
  } catch (error) {
    await db.query('rollback');
    throw error;
  }
}

interface RatedEvaluation {
  employee_id: string;
  year: number;
  period: string;
  predikat: Predikat;
  unit_id: string | null;
  finalised_at: string;
  placement: Placement;
}

function calibrationRecords(rated: readonly RatedEvaluation[], placement: ReadonlyMap<string, Placement>, units: ReadonlyMap<string, BulkUnit>, limits: DistributionLimitTable) {
  const groups = new Map<string, RatedEvaluation[]>();
  for (const evaluation of rated) {
    const key = `${evaluation.year}|${evaluation.period}`;
    groups.set(key, [...(groups.get(key) ?? []), evaluation]);
  }
  const records = [];
  for (const evaluations of groups.values()) {
    const { year, period, finalised_at } = evaluations[0]!;
    /** The head of a unit: rated there, with no supervisor or one outside the unit (calibration-rows.ts). */
    const isHead = (e: RatedEvaluation) => {
      const supervisor = e.placement.supervisor_id === null ? undefined : placement.get(e.placement.supervisor_id);
      return supervisor === undefined || supervisor.unit_id !== e.unit_id;
    };
    // Who each unit's finalisation covers: its own staff and the heads of the units right below it.
    const covered = new Map<string, number>();
    for (const e of evaluations) {
      if (e.unit_id === null) continue;
      const parent = units.get(e.unit_id)?.parentId ?? null;
      const calibratingUnit = isHead(e) && parent !== null ? parent : e.unit_id;
      covered.set(calibratingUnit, (covered.get(calibratingUnit) ?? 0) + 1);
    }
    for (const [unitId, count] of covered) {
      const subtree = evaluations.filter((e) => e.unit_id === unitId || e.placement.unit_path.includes(unitId));
      const head = subtree.find((e) => e.unit_id === unitId && isHead(e));
      const counts = emptyCounts();
      for (const e of subtree) counts[e.predikat] += 1;
      const view = unitDistribution(limits, counts, head?.predikat ?? null);
      const decision = decideFinalisation({ unitPredikatKnown: view.unitPredikat !== null, checks: view.checks, draftEvaluations: count, override: true, reason: SEED_OVERRIDE_REASON, isAdmin: true });
      if (!decision.ok) throw new Error(`seed calibration of ${unitId} ${year} ${period} refused: ${decision.message}`);
      records.push({
        id: stableId('calibration', `${unitId}/${year}/${period}`),
        unit_id: unitId,
        year,
        period,
        unit_predikat: view.unitPredikat,
        evaluations: count,
        override: decision.overridden,
        reason: decision.overridden ? SEED_OVERRIDE_REASON : null,
        violations: JSON.stringify(decision.violations),
        finalised_at,
      });
    }
  }
  return records;
}
