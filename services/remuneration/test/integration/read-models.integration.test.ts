// Issue 12 "Inputs": read models from real protobuf events on the real topics (personnel.employee.v1,
// performance.rating.v1, attendance.recap.v1), no calls at run time; the highest version is kept, an older
// snapshot never rolls back, a redelivered event changes nothing.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness.ts';
import { publishEmployee, publishPredikat, publishRecap, type TestEmployee } from '../support/events.ts';

let harness: Harness;
const run = randomUUID().slice(0, 8);
const employee: TestEmployee = {
  employeeId: `emp-rm-${run}`,
  nip: '199001152015032001',
  name: 'Siti Rahmawati',
  regionCode: '32.15',
  instansiId: `inst-rm-${run}`,
  unitId: `unit-rm-${run}`,
  golongan: 'III/b',
  kelasJabatan: 9,
  jenisJabatan: 'AHLI_MUDA',
};

beforeAll(async () => {
  harness = await startHarness('remuneration_read_models', { consume: true });
});

afterAll(async () => {
  await harness?.stop();
});

describe('personnel.employee.v1', () => {
  it('keeps the snapshot and the instansi region; an older snapshot does not roll it back', async () => {
    await harness.processed(await publishEmployee(harness.producer, employee, { occurredAt: new Date('2026-08-01T00:00:00Z') }));
    const [row] = await harness.sql(`select "nip", "name", "golongan", "kelas_jabatan", "jenis_jabatan", "employment_type", "unit_path", "region_code" from "employee" where "employee_id" = ?`, [employee.employeeId]);
    expect(row).toEqual({ nip: employee.nip, name: 'Siti Rahmawati', golongan: 'III/b', kelas_jabatan: 9, jenis_jabatan: 'AHLI_MUDA', employment_type: 'PNS', unit_path: [employee.instansiId, employee.unitId], region_code: '32.15' });

    await harness.processed(await publishEmployee(harness.producer, { ...employee, kelasJabatan: 3 }, { occurredAt: new Date('2026-07-01T00:00:00Z') }));
    const [after] = await harness.sql<{ kelas_jabatan: number }>(`select "kelas_jabatan" from "employee" where "employee_id" = ?`, [employee.employeeId]);
    expect(after!.kelas_jabatan).toBe(9);

    // A colleague in another regency of the same province widens the instansi's region to the province.
    await harness.processed(await publishEmployee(harness.producer, { ...employee, employeeId: `emp-rm2-${run}`, nip: '197805122003121003', regionCode: '32.04' }));
    const [scope] = await harness.sql<{ region_code: string }>(`select "region_code" from "instansi_scope" where "instansi_id" = ?`, [employee.instansiId]);
    expect(scope!.region_code).toBe('32');
  });
});

describe('performance.rating.v1', () => {
  it('keeps the highest version of a period; a redelivery changes nothing', async () => {
    const q3 = { employeeId: employee.employeeId, year: 2026, period: 'Q3', periodStart: '2026-07-01', periodEnd: '2026-09-30' };
    const v2 = await publishPredikat(harness.producer, { ...q3, predikat: 'BUTUH_PERBAIKAN', version: 2 });
    await harness.processed(v2);
    await harness.processed(await publishPredikat(harness.producer, { ...q3, predikat: 'BAIK', version: 1 }));
    const read = () => harness.sql(`select "predikat", "version", "period_start", "period_end" from "predikat_rating" where "employee_id" = ?`, [employee.employeeId]);
    expect(await read()).toEqual([{ predikat: 'BUTUH_PERBAIKAN', version: 2, period_start: '2026-07-01', period_end: '2026-09-30' }]);
    await harness.sql(`update "predikat_rating" set "predikat" = 'KURANG' where "employee_id" = ?`, [employee.employeeId]);
    // The same event id again: the processed-event row makes it a no-op (the row keeps the hand edit).
    await publishPredikat(harness.producer, { ...q3, predikat: 'SANGAT_BAIK', version: 3 }, v2);
    // A later event of the same employee (same key, same partition, so consumed after the redelivery).
    await harness.processed(await publishPredikat(harness.producer, { ...q3, period: 'Q4', periodStart: '2026-10-01', periodEnd: '2026-12-31', predikat: 'BAIK' }));
    const rows = await read();
    expect(rows).toHaveLength(2);
    expect(rows).toContainEqual({ predikat: 'KURANG', version: 2, period_start: '2026-07-01', period_end: '2026-09-30' });
  });
});

describe('attendance.recap.v1', () => {
  it('keeps the month\'s counts and days of the highest version', async () => {
    const recap = { employeeId: employee.employeeId, month: '2026-08' };
    await harness.processed(await publishRecap(harness.producer, { ...recap, version: 1, counts: [{ code: 'HADIR', count: 20 }, { code: 'TL1', count: 1 }], days: [{ date: '2026-08-04', code: 'TL1', lateMinutes: 12 }] }));
    await harness.processed(await publishRecap(harness.producer, { ...recap, version: 2, reason: 'koreksi moderasi', counts: [{ code: 'HADIR', count: 19 }, { code: 'TL1', count: 1 }, { code: 'TK', count: 1 }], days: [{ date: '2026-08-04', code: 'TL1' }, { date: '2026-08-11', code: 'TK' }] }));
    await harness.processed(await publishRecap(harness.producer, { ...recap, version: 1, counts: [{ code: 'HADIR', count: 21 }] }));
    const [row] = await harness.sql(`select "version", "counts", "days", "reason" from "attendance_recap" where "employee_id" = ?`, [employee.employeeId]);
    expect(row).toEqual({ version: 2, counts: { HADIR: 19, TL1: 1, TK: 1 }, days: [{ date: '2026-08-04', code: 'TL1' }, { date: '2026-08-11', code: 'TK' }], reason: 'koreksi moderasi' });
  });
});
