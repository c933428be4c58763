// What syncSiasnEmployee needs to know about a record (its unit with the unit path, the person by SIASN id
// or NIP, the supervisor, the catalogue position), read for a whole batch of records in three statements
// inside the batch's transaction. Per record these were about ten round trips, most of the import's time
// (issue 15: 37 rows/s). Writes of a record are visible to the records after it at once (a supervisor
// created earlier in the batch) and are dropped again when the record is refused (its savepoint rolled back).
import type { EntityManager } from '@kinerja/kit/db';
import {
  siasnEmployeeFacts,
  siasnPositionFacts,
  siasnUnitsWithPaths,
  type SiasnEmployeeFacts,
  type SiasnPositionFacts,
  type SiasnUnitFacts,
} from '../repositories/siasn-rows.ts';

/** The record fields the lookups are keyed by (SiasnEmployeeRecord has them). */
export interface SiasnLookupKeys {
  siasnId: string;
  nip: string;
  unitSiasnId: string;
  supervisorSiasnId: string | null;
  position: { title: string };
}

const positionKey = (title: string, jenisJabatan: string, kelasJabatan: number) => `${title}\u0000${jenisJabatan}\u0000${kelasJabatan}`;

export class SiasnLookups {
  readonly #units = new Map<string, SiasnUnitFacts>();
  readonly #bySiasnId = new Map<string, SiasnEmployeeFacts>();
  readonly #byNip = new Map<string, SiasnEmployeeFacts>();
  readonly #positions = new Map<string, SiasnPositionFacts>();
  /** Undo steps of the record being written, newest last. */
  #undo: (() => void)[] = [];

  /** Reads what `records` refer to, in `em`'s transaction. */
  static async load(em: EntityManager, records: readonly SiasnLookupKeys[]): Promise<SiasnLookups> {
    const unique = (values: (string | null)[]) => [...new Set(values.filter((value): value is string => value !== null && value !== ''))];
    const [units, employees, positions] = await Promise.all([
      siasnUnitsWithPaths(em, unique(records.map((r) => r.unitSiasnId))),
      siasnEmployeeFacts(em, unique(records.flatMap((r) => [r.siasnId, r.supervisorSiasnId])), unique(records.map((r) => r.nip))),
      siasnPositionFacts(em, unique(records.map((r) => r.position.title.trim()))),
    ]);
    const lookups = new SiasnLookups();
    for (const unit of units) lookups.#units.set(unit.siasnId, unit);
    for (const employee of employees) lookups.#index(employee);
    for (const position of positions) lookups.#positions.set(positionKey(position.title, position.jenisJabatan, position.kelasJabatan), position);
    lookups.keep();
    return lookups;
  }

  unit(siasnId: string): SiasnUnitFacts | undefined {
    return this.#units.get(siasnId);
  }

  employeeBySiasnId(siasnId: string): SiasnEmployeeFacts | undefined {
    return this.#bySiasnId.get(siasnId);
  }

  employeeByNip(nip: string): SiasnEmployeeFacts | undefined {
    return this.#byNip.get(nip);
  }

  position(title: string, jenisJabatan: string, kelasJabatan: number): SiasnPositionFacts | undefined {
    return this.#positions.get(positionKey(title, jenisJabatan, kelasJabatan));
  }

  /** An employee as the record being written leaves it (created or updated). */
  rememberEmployee(employee: SiasnEmployeeFacts): void {
    this.#index(employee);
  }

  rememberPosition(position: SiasnPositionFacts): void {
    const key = positionKey(position.title, position.jenisJabatan, position.kelasJabatan);
    const before = this.#positions.get(key);
    this.#positions.set(key, position);
    this.#undo.push(() => (before ? this.#positions.set(key, before) : this.#positions.delete(key)));
  }

  /** The record's writes committed (its savepoint released): keep what it remembered. */
  keep(): void {
    this.#undo = [];
  }

  /** The record was refused (its savepoint rolled back): forget what it remembered. */
  drop(): void {
    for (const step of this.#undo.reverse()) step();
    this.#undo = [];
  }

  #index(employee: SiasnEmployeeFacts): void {
    const set = <K>(map: Map<K, SiasnEmployeeFacts>, key: K) => {
      const before = map.get(key);
      map.set(key, employee);
      this.#undo.push(() => (before ? map.set(key, before) : map.delete(key)));
    };
    if (employee.siasnId) set(this.#bySiasnId, employee.siasnId);
    set(this.#byNip, employee.nip);
  }
}
