// The SIASN import (issue 15): every unit and employee of the file goes through personnel's own commands
// (syncSiasnUnit, syncSiasnEmployee: the record's writes and its EmployeeChanged event in one savepoint of
// the batch's transaction), and each row gets an outcome: created, updated, unchanged, or refused with
// personnel's reason.
import type { Viewer } from '@kinerja/kit/auth';
import type { EntityManager } from '@kinerja/kit/db';
import { syncSiasnEmployee, syncSiasnUnit, type SiasnEmployeeRecord } from './siasn-commands.ts';
import { SiasnLookups } from './siasn-lookups.ts';
import { GraphQLError } from 'graphql';
import { employmentTypeOf, isActiveKedudukan, jenisJabatanOf, kelasJabatanOf, type FieldResult } from '../domain/siasn-fields.ts';
import { parentsFirst, UnorTree } from '../domain/unor-tree.ts';
import type { SiasnRow, SiasnTables } from './siasn-files.ts';

export type RowOutcome = 'created' | 'updated' | 'unchanged' | 'refused';

export interface ImportReportRow {
  table: 'unor' | 'pegawai';
  /** Row number in its sheet or file (the header is row 1). */
  row: number;
  siasnId: string;
  nip: string;
  name: string;
  outcome: RowOutcome;
  /** Stable English reason of a refusal (personnel's `extensions.reason`), or the fields that changed. */
  reason: string;
  message: string;
}

export interface ImportOptions {
  /** The import forks a manager from `orm.em` per batch of rows. */
  orm: { em: EntityManager };
  tables: SiasnTables;
  /** Only this SIASN instansi (instansiIndukId); every instansi of the file when absent. */
  instansi?: string | null;
  /** Kemendagri region code of an instansi created by this import. */
  regionCode?: string | null;
  /** Run every check and command, then roll everything back. */
  dryRun?: boolean;
  /** Who the changes are recorded as (events' actor). */
  actor?: string;
  /** Whose rights the commands check; default a national admin named `actor` (importViewer). */
  viewer?: Viewer;
  onProgress?: (done: number, total: number, row: ImportReportRow) => void;
  /** Rows per transaction, default SIASN_IMPORT_BATCH_ROWS. */
  batchRows?: number;
}

/**
 * Rows per batch transaction. Large enough that commits stop counting, small enough that a batch holds
 * its row locks (and the audit chain's lock) briefly and an error loses little work.
 */
export const SIASN_IMPORT_BATCH_ROWS = 500;

export interface ImportResult {
  rows: ImportReportRow[];
  counts: Record<RowOutcome, number>;
}

/** The import acts as a national personnel admin: whoever runs it holds personnel's database credentials. */
export function importViewer(actor = 'siasn-import'): Viewer {
  return { subject: actor, username: actor, nip: null, roles: new Set(['admin-kepegawaian']), regionCode: 'ID' };
}

class DryRunRollback extends Error {}

function refusal(error: unknown): { reason: string; message: string } {
  if (error instanceof GraphQLError) return { reason: String(error.extensions['reason'] ?? error.extensions['code'] ?? 'refused'), message: error.message };
  throw error;
}

interface PlannedEmployee {
  row: number;
  values: SiasnRow;
  record: SiasnEmployeeRecord | null;
  problem: { reason: string; message: string } | null;
}

function planEmployee(tree: UnorTree, row: number, values: SiasnRow): PlannedEmployee {
  const get = (name: string) => values[name]?.trim() ?? '';
  const siasnId = get('id');
  const checks: FieldResult<unknown>[] = [];
  const employmentType = employmentTypeOf(get('golRuangAkhir'));
  const jenis = jenisJabatanOf(get('jenisJabatanId'), get('eselonId'), get('jabatanNama'));
  const kelas = kelasJabatanOf(get('kelas_jabatan'));
  checks.push(employmentType, jenis, kelas);
  const failed = checks.find((check) => !check.ok);
  if (siasnId === '') return { row, values, record: null, problem: { reason: 'missing_siasn_id', message: 'Kolom id (PNS SIASN) kosong' } };
  if (failed && !failed.ok) return { row, values, record: null, problem: { reason: failed.reason, message: failed.message } };
  if (!employmentType.ok || !jenis.ok || !kelas.ok) throw new Error('unreachable');
  return {
    row,
    values,
    problem: null,
    record: {
      siasnId,
      nip: get('nipBaru'),
      name: get('nama'),
      employmentType: employmentType.value,
      golongan: get('golRuangAkhir'),
      position: { title: get('jabatanNama'), jenisJabatan: jenis.value, kelasJabatan: kelas.value },
      unitSiasnId: get('unorId'),
      supervisorSiasnId: tree.supervisorOf(siasnId, get('unorId')),
      active: isActiveKedudukan(get('kedudukanPnsNama')),
    },
  };
}

export async function importSiasn(options: ImportOptions): Promise<ImportResult> {
  const viewer = options.viewer ?? importViewer(options.actor);
  const tree = new UnorTree(
    options.tables.units.map(({ values }) => ({
      id: values['Id'] ?? '',
      parentId: values['DiatasanId'] || null,
      name: values['NamaUnor'] ?? '',
      leaderPnsId: values['PemimpinPnsId'] || null,
    })),
  );
  const instansi = options.instansi ?? null;
  const unitRowById = new Map(options.tables.units.map((unit) => [unit.values['Id'] ?? '', unit]));
  const ordered = tree.inTreeOrder(instansi);
  const placed = new Set(ordered.map((node) => node.id));
  // Units whose parent is not in the file: tried last, against what earlier imports created.
  const orphans = options.tables.units.filter(({ values }) => !placed.has(values['Id'] ?? '') && (!instansi || values['InstansiId'] === instansi));
  const units = [...ordered.map((node) => unitRowById.get(node.id)).filter((unit) => unit !== undefined), ...orphans];
  const planned = options.tables.employees
    .filter(({ values }) => !instansi || values['instansiIndukId'] === instansi)
    .map(({ row, values }) => planEmployee(tree, row, values));
  const employees = parentsFirst(planned, (p) => p.record?.siasnId ?? `row:${p.row}`, (p) => p.record?.supervisorSiasnId ?? null);

  const rows: ImportReportRow[] = [];
  const total = units.length + employees.length;
  const report = (row: ImportReportRow) => {
    rows.push(row);
    options.onProgress?.(rows.length, total, row);
  };
  const syncUnit = async (tx: EntityManager, { row, values }: (typeof units)[number]) => {
    const base = { table: 'unor' as const, row, siasnId: values['Id'] ?? '', nip: '', name: values['NamaUnor'] ?? '' };
    try {
      const result = await syncSiasnUnit(tx, viewer, {
        siasnId: values['Id'] ?? '',
        name: values['NamaUnor'] ?? '',
        parentSiasnId: values['DiatasanId'] || null,
        regionCode: options.regionCode ?? null,
      });
      report({ ...base, outcome: result.outcome, reason: '', message: '' });
    } catch (error) {
      report({ ...base, outcome: 'refused', ...refusal(error) });
    }
  };
  const refusedPeople = new Set<string>();
  /** One batch of employees in `tx`; the outcomes are reported once the batch has committed. */
  const employeeBatch = async (tx: EntityManager, batch: readonly PlannedEmployee[], deferWrites: boolean) => {
    tx.clear();
    const known = await SiasnLookups.load(
      tx,
      batch.flatMap((planned) => (planned.record ? [planned.record] : [])),
    );
    const outcomes: ImportReportRow[] = [];
    const refusedHere = new Set<string>();
    for (const planned of batch) {
      const base = { table: 'pegawai' as const, row: planned.row, siasnId: planned.values['id'] ?? '', nip: planned.values['nipBaru'] ?? '', name: planned.values['nama'] ?? '' };
      const supervisor = planned.record?.supervisorSiasnId;
      let outcome: ImportReportRow;
      if (!planned.record) {
        outcome = { ...base, outcome: 'refused', ...(planned.problem as { reason: string; message: string }) };
      } else if (supervisor && (refusedPeople.has(supervisor) || refusedHere.has(supervisor))) {
        // Importing without the supervisor SIASN names would record a chain SIASN does not have.
        outcome = { ...base, outcome: 'refused', reason: 'supervisor_refused', message: `Atasan (PNS ${supervisor}) ditolak pada berkas ini` };
      } else {
        // Row by row, what a row loaded is flushed with its savepoint: a growing identity map would slow every flush.
        if (!deferWrites) tx.clear();
        try {
          const result = await syncSiasnEmployee(tx, viewer, planned.record, { known, deferWrites });
          outcome = { ...base, outcome: result.outcome, reason: result.changed.join(' '), message: '' };
        } catch (error) {
          outcome = { ...base, outcome: 'refused', ...refusal(error) };
        }
      }
      if (outcome.outcome === 'refused' && base.siasnId) refusedHere.add(base.siasnId);
      outcomes.push(outcome);
    }
    if (deferWrites) await tx.flush();
    return { outcomes, refusedHere };
  };
  // Units: one transaction per batch, each unit's writes a savepoint in it (rolled back when the unit is
  // refused). Employees: every refusal is decided before a record stages a write, so a batch's writes are
  // staged and flushed at once (one INSERT per table and one run of the headcount trigger instead of one
  // per row, which cost about 2 ms each); should that flush fail (a concurrent writer took a NIP), the
  // batch is rolled back and run again row by row, each row's writes in a savepoint of its own. A commit
  // per row, one lookup per row and one trigger run per row were the import's time (issue 15: 37 rows/s).
  // A dry run nests the batches in one outer transaction that is rolled back at the end.
  const run = async (inBatch: <T>(work: (tx: EntityManager) => Promise<T>) => Promise<T>) => {
    for (let start = 0; start < units.length; start += batchRows) {
      await inBatch(async (tx) => {
        for (const unit of units.slice(start, start + batchRows)) {
          tx.clear();
          await syncUnit(tx, unit);
        }
      });
    }
    for (let start = 0; start < employees.length; start += batchRows) {
      const batch = employees.slice(start, start + batchRows);
      let done: Awaited<ReturnType<typeof employeeBatch>>;
      try {
        done = await inBatch((tx) => employeeBatch(tx, batch, true));
      } catch {
        done = await inBatch((tx) => employeeBatch(tx, batch, false));
      }
      for (const id of done.refusedHere) refusedPeople.add(id);
      for (const outcome of done.outcomes) report(outcome);
    }
  };
  const batchRows = options.batchRows ?? SIASN_IMPORT_BATCH_ROWS;
  if (options.dryRun) {
    try {
      await options.orm.em.fork().transactional(async (outer) => {
        await run((work) => {
          // Each batch's entities were flushed in its savepoint: keep the outer identity map from growing.
          outer.clear();
          return outer.transactional(work);
        });
        throw new DryRunRollback();
      });
    } catch (error) {
      if (!(error instanceof DryRunRollback)) throw error;
    }
  } else {
    await run((work) => options.orm.em.fork().transactional(work));
  }
  const counts: Record<RowOutcome, number> = { created: 0, updated: 0, unchanged: 0, refused: 0 };
  for (const row of rows) counts[row.outcome] += 1;
  return { rows, counts };
}
