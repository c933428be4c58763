// The stream of writes the chaos scenarios run through the real personnel subgraph: hires into a unit
// created for the run, each with a NIP of its own, so every write is one employee row and one
// EmployeeChanged event that can be counted afterwards.
import { mustQuery, postGraphql } from './graphql.ts';

export interface HireTarget {
  url: string;
  token: string;
  unitId: string;
  positionId: string;
}

const createUnit = 'mutation($input: CreateOrgUnitInput!) { createOrgUnit(input: $input) { id } }';
const createPosition = 'mutation($input: CreatePositionInput!) { createPosition(input: $input) { id } }';
const hireEmployee = 'mutation($input: HireEmployeeInput!) { hireEmployee(input: $input) { id nip } }';

/** An instansi in Kabupaten Karawang and a position, by a national admin, on a fresh personnel database. */
export async function prepareHiring(url: string, token: string): Promise<HireTarget> {
  const unit = await mustQuery<{ createOrgUnit: { id: string } }>(url, token, createUnit, { input: { name: 'Pemerintah Kabupaten Karawang (uji chaos)', regionCode: '32.15' } });
  const position = await mustQuery<{ createPosition: { id: string } }>(url, token, createPosition, { input: { title: 'Pengelola Data', jenisJabatan: 'PELAKSANA', kelasJabatan: 7 } });
  return { url, token, unitId: unit.createOrgUnit.id, positionId: position.createPosition.id };
}

/** The i-th person of a run: a birth date of their own (1970-01-01 + i days), TMT 2010-03 (aged 18+), male, serial 001. */
export function personFor(run: number, i: number): { nip: string; birthDate: string; name: string } {
  const birth = new Date(Date.UTC(1970, 0, 1 + i + run * 2000));
  const birthDate = birth.toISOString().slice(0, 10);
  return { nip: `${birthDate.replaceAll('-', '')}2010031001`, birthDate, name: `Pegawai Uji ${run}-${i}` };
}

export type HireOutcome =
  | { ok: true; nip: string; employeeId: string }
  | { ok: false; nip: string; status: number | null; code: string; reason: string | null; message: string };

export async function hire(target: HireTarget, run: number, i: number, timeoutMs = 15_000): Promise<HireOutcome> {
  const person = personFor(run, i);
  const input = { nip: person.nip, name: person.name, gender: 'MALE', birthDate: person.birthDate, employmentType: 'PNS', golongan: 'II/a', positionId: target.positionId, unitId: target.unitId };
  const outcome = await postGraphql<{ hireEmployee: { id: string } | null }>(target.url, target.token, hireEmployee, { input }, timeoutMs);
  if (outcome.kind === 'no-answer') return { ok: false, nip: person.nip, status: null, code: 'NO_ANSWER', reason: outcome.error, message: outcome.error };
  const employee = outcome.answer.data?.hireEmployee;
  if (employee && !outcome.answer.errors?.length) return { ok: true, nip: person.nip, employeeId: employee.id };
  const error = outcome.answer.errors?.[0];
  return {
    ok: false,
    nip: person.nip,
    status: outcome.answer.status,
    code: String(error?.extensions?.['code'] ?? 'UNKNOWN'),
    reason: typeof error?.extensions?.['reason'] === 'string' ? (error.extensions['reason'] as string) : null,
    message: error?.message ?? 'no error message',
  };
}

/** Hires one after another until `until()` says stop; returns every outcome in order. */
export async function hireStream(target: HireTarget, run: number, until: () => boolean, pauseMs = 50): Promise<HireOutcome[]> {
  const outcomes: HireOutcome[] = [];
  for (let i = 0; !until(); i++) {
    outcomes.push(await hire(target, run, i));
    await new Promise((r) => setTimeout(r, pauseMs));
  }
  return outcomes;
}
