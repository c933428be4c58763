// DOMAIN.md ("Systems around it"): out-of-sync supervisor data blocks SKPs, and every employee has one
// direct supervisor who drives planning and rating. Retiring a supervisor therefore moves their active
// direct subordinates to the retiree's own supervisor in the same transaction, one SUPERVISOR_SET event
// each next to the RETIRED event; at the top of the chain they are left without a supervisor.
// Fixtures: head → atasan → {pegawai, colleague, pppk}; colleague → indirect.
import { EmployeeChange, EmployeeChangedSchema, EmployeeStatus, fromBinary } from '@kinerja/proto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ids } from '../support/fixtures.ts';
import { loadFixtures } from '../support/fixtures.ts';
import { startHarness, type Harness } from '../support/harness.ts';

let h: Harness;

beforeAll(async () => {
  h = await startHarness('personnel_retirement');
  await loadFixtures(h);
}, 60_000);
afterAll(() => h?.stop());

const retire = `mutation($e: ID!, $d: String) {
  retireEmployee(employeeId: $e, effectiveDate: $d) {
    employee { id status }
    reassignedSubordinates { id supervisor { id } }
    newSupervisor { id }
    subordinatesLeftWithoutSupervisor
  }
}`;
const setSupervisor = `mutation($e: ID!, $s: ID) { setSupervisor(employeeId: $e, supervisorId: $s) { id } }`;
const unknownId = '00000000-0000-4000-8000-00000000ffff';

async function supervisorsOf(employeeIds: readonly string[]): Promise<Record<string, string | null>> {
  const rows = await h.sql<{ id: string; supervisor_id: string | null }>('select id, supervisor_id from employee where id in (?)', [employeeIds]);
  return Object.fromEntries(rows.map((row) => [row.id, row.supervisor_id]));
}

async function eventsAfter(seq: number) {
  const rows = await h.sql<{ seq: string; key: string; type: string; payload: Buffer }>('select seq, key, type, payload from outbox_event where seq > ? order by seq', [seq]);
  return rows.map((row) => ({ ...row, message: fromBinary(EmployeeChangedSchema, new Uint8Array(row.payload)) }));
}

async function lastSeq(): Promise<number> {
  const [row] = await h.sql<{ seq: string | null }>('select max(seq) as seq from outbox_event');
  return Number(row?.seq ?? 0);
}

/** Every maintained headcount row equals a recount over the employee table (unit rows hold the unit's own members; reads sum the subtree). */
async function expectHeadcountsMatchRecount(): Promise<void> {
  const regionDrift = await h.sql(`select r.code from region r
    left join region_headcount h on h.region_code = r.code
    where coalesce(h.active_employees, 0) <> (select count(*) from employee e where e.status = 'ACTIVE'
      and (r.code = 'ID' or e.region_code = r.code or e.region_code like r.code || '.%'))`);
  const units = await h.sql<{ id: string; maintained: number | null }>(
    'select u.id, h.active_employees as maintained from org_unit u left join unit_headcount h on h.unit_id = u.id',
  );
  const unitDrift: string[] = [];
  for (const unit of units) {
    const [row] = await h.sql<{ n: string }>(
      "select count(*) as n from employee e where e.unit_id = ? and e.status = 'ACTIVE'",
      [unit.id],
    );
    if (Number(row?.n) !== (unit.maintained ?? 0)) unitDrift.push(`${unit.id}: ${unit.maintained} maintained, ${row?.n} counted`);
  }
  expect(regionDrift, JSON.stringify(regionDrift)).toEqual([]);
  expect(unitDrift, JSON.stringify(unitDrift)).toEqual([]);
}

/** A fingerprint of everything a retirement could write. */
async function snapshot(): Promise<string> {
  const [row] = await h.sql<{ fingerprint: string }>(`select md5(
    coalesce((select string_agg(e::text, '|' order by e.id) from employee e), '') ||
    coalesce((select string_agg(r::text, '|' order by r.region_code) from region_headcount r), '') ||
    coalesce((select string_agg(u::text, '|' order by u.unit_id) from unit_headcount u), '') ||
    (select count(*)::text from outbox_event)) as fingerprint`);
  return row?.fingerprint ?? '';
}

describe('retiring a supervisor moves their active subordinates up, in one transaction', () => {
  it('a middle manager: subordinates now report to the manager\'s supervisor, one SUPERVISOR_SET each plus RETIRED', async () => {
    const since = await lastSeq();
    const result = await h.gql(await h.token('karawang.admin'), retire, { e: ids.atasan, d: '2025-06-30' });
    expect(result.errors).toBeUndefined();
    const payload = result.data?.['retireEmployee'] as {
      employee: { id: string; status: string };
      reassignedSubordinates: { id: string; supervisor: { id: string } | null }[];
      newSupervisor: { id: string } | null;
      subordinatesLeftWithoutSupervisor: boolean;
    };
    expect(payload.employee).toEqual({ id: ids.atasan, status: 'RETIRED' });
    expect(payload.newSupervisor).toEqual({ id: ids.head });
    expect(payload.subordinatesLeftWithoutSupervisor).toBe(false);
    expect(payload.reassignedSubordinates.map((row) => row.id).sort()).toEqual([ids.pegawai, ids.colleague, ids.pppk].sort());
    expect(payload.reassignedSubordinates.every((row) => row.supervisor?.id === ids.head)).toBe(true);

    expect(await supervisorsOf([ids.pegawai, ids.colleague, ids.pppk, ids.indirect])).toEqual({
      [ids.pegawai]: ids.head,
      [ids.colleague]: ids.head,
      [ids.pppk]: ids.head,
      // Not a direct subordinate of the retiree: untouched.
      [ids.indirect]: ids.colleague,
    });

    const events = await eventsAfter(since);
    expect(events).toHaveLength(4);
    const retired = events.filter((event) => event.message.change === EmployeeChange.RETIRED);
    expect(retired.map((event) => event.key)).toEqual([ids.atasan]);
    expect(retired[0]?.message).toMatchObject({ status: EmployeeStatus.RETIRED, effectiveDate: '2025-06-30', actor: 'karawang.admin' });
    const moved = events.filter((event) => event.message.change === EmployeeChange.SUPERVISOR_SET);
    expect(moved.map((event) => event.key).sort()).toEqual([ids.pegawai, ids.colleague, ids.pppk].sort());
    for (const event of moved) {
      expect(event.type).toBe('EmployeeSupervisorSet');
      expect(event.message).toMatchObject({
        employeeId: event.key,
        supervisorId: ids.head,
        status: EmployeeStatus.ACTIVE,
        effectiveDate: '2025-06-30',
        actor: 'karawang.admin',
        regionCode: '32.15',
        instansiId: ids.unitKarawang,
        unitPath: [ids.unitKarawang, ids.unitKarawangDinas],
      });
      expect(event.message.nip).toMatch(/^\d{18}$/);
      expect(event.message.position?.positionId).toMatch(/^[0-9a-f-]{36}$/);
    }
    await expectHeadcountsMatchRecount();
  });

  it('the top of the chain: subordinates are left without a supervisor and the payload says so', async () => {
    const since = await lastSeq();
    const result = await h.gql(await h.token('karawang.admin'), retire, { e: ids.head, d: '2025-07-31' });
    expect(result.errors).toBeUndefined();
    expect(result.data?.['retireEmployee']).toMatchObject({ employee: { id: ids.head, status: 'RETIRED' }, newSupervisor: null, subordinatesLeftWithoutSupervisor: true });
    const payload = result.data?.['retireEmployee'] as { reassignedSubordinates: { id: string; supervisor: unknown }[] };
    // The retired atasan still points at head but is not moved: only ACTIVE subordinates are.
    expect(payload.reassignedSubordinates.map((row) => row.id).sort()).toEqual([ids.pegawai, ids.colleague, ids.pppk].sort());
    expect(payload.reassignedSubordinates.every((row) => row.supervisor === null)).toBe(true);
    expect(await supervisorsOf([ids.pegawai, ids.colleague, ids.pppk, ids.atasan])).toEqual({
      [ids.pegawai]: null,
      [ids.colleague]: null,
      [ids.pppk]: null,
      [ids.atasan]: ids.head,
    });
    const events = await eventsAfter(since);
    expect(events.map((event) => event.message.change).sort()).toEqual(
      [EmployeeChange.RETIRED, EmployeeChange.SUPERVISOR_SET, EmployeeChange.SUPERVISOR_SET, EmployeeChange.SUPERVISOR_SET].sort(),
    );
    for (const event of events.filter((e) => e.message.change === EmployeeChange.SUPERVISOR_SET)) {
      expect(event.message.supervisorId).toBeUndefined();
    }
    await expectHeadcountsMatchRecount();
  });
});

describe('bad inputs change nothing and enqueue nothing', () => {
  it.each([
    { name: 'retire twice', user: 'karawang.admin', query: retire, variables: { e: ids.atasan }, code: 'CONFLICT', reason: 'already_retired' },
    { name: 'retire an unknown id', user: 'karawang.admin', query: retire, variables: { e: unknownId }, code: 'NOT_FOUND', reason: 'employee_not_found' },
    { name: 'retire outside the admin region', user: 'karawang.admin', query: retire, variables: { e: ids.bandung }, code: 'NOT_FOUND', reason: 'employee_not_found' },
    { name: 'retire a malformed id', user: 'karawang.admin', query: retire, variables: { e: 'nope' }, code: 'BAD_USER_INPUT', reason: 'invalid_id' },
    { name: 'setSupervisor to a retired supervisor', user: 'karawang.admin', query: setSupervisor, variables: { e: ids.indirect, s: ids.atasan }, code: 'BAD_USER_INPUT', reason: 'supervisor_retired' },
  ])('$name → $code $reason', async ({ user, query, variables, code, reason }) => {
    const before = await snapshot();
    const result = await h.gql(await h.token(user), query, variables);
    expect(result.data ?? null).toBeNull();
    expect(result.errors?.[0]?.extensions).toMatchObject({ code, reason });
    expect(result.errors?.[0]?.message.length).toBeGreaterThan(5);
    expect(await snapshot()).toBe(before);
  });

  // Issue 9: retirement moves the retiree's subordinates; a regency admin must not move people of another regency.
  it('a regency admin cannot retire someone who leads people outside the regency; an admin covering both can', async () => {
    await h.sql('update employee set supervisor_id = ? where id = ?', [ids.pegawai, ids.bandung]);
    const before = await snapshot();
    const refused = await h.gql(await h.token('karawang.admin'), retire, { e: ids.pegawai, d: '2025-08-31' });
    expect(refused.data ?? null).toBeNull();
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'subordinates_out_of_scope' });
    expect(refused.errors?.[0]?.message).toContain('32.04');
    expect(await snapshot()).toBe(before);
    const allowed = await h.gql(await h.token('jabar.admin'), retire, { e: ids.pegawai, d: '2025-08-31' });
    expect(allowed.errors).toBeUndefined();
    expect(await supervisorsOf([ids.bandung])).toEqual({ [ids.bandung]: null });
    await expectHeadcountsMatchRecount();
  });
});
