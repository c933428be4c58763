// The payloads are the wire contract between services: these tests pin field numbers and enum values,
// so renumbering a field (which `buf lint` cannot see) fails here.
import { describe, expect, it } from 'vitest';
import { BinaryWriter, WireType } from '@bufbuild/protobuf/wire';
import {
  AssessmentFinalisedSchema,
  EmployeeChange,
  EmployeeChangedSchema,
  EmployeeStatus,
  EmploymentType,
  Gender,
  JenisJabatan,
  create,
  fromBinary,
  toBinary,
} from '../src/index.ts';

describe('EmployeeChanged', () => {
  const hired = create(EmployeeChangedSchema, {
    eventId: '0b9f7a4e-3c1d-4a55-9d7e-2f4a1c2b3d4e',
    change: EmployeeChange.HIRED,
    employeeId: 'emp-1',
    nip: '199001152015032001',
    name: 'Siti Rahma',
    gender: Gender.FEMALE,
    birthDate: '1990-01-15',
    employmentType: EmploymentType.PNS,
    golongan: 'III/a',
    position: { positionId: 'pos-7', title: 'Analis SDM Aparatur', jenisJabatan: JenisJabatan.AHLI_PERTAMA, kelasJabatan: 8 },
    unitId: 'unit-3',
    instansiId: 'inst-32.15',
    regionCode: '32.15',
    supervisorId: 'emp-0',
    status: EmployeeStatus.ACTIVE,
    effectiveDate: '2015-03-01',
    actor: 'karawang.admin',
  });

  it('round-trips through the binary encoding', () => {
    const decoded = fromBinary(EmployeeChangedSchema, toBinary(EmployeeChangedSchema, hired));
    expect(decoded).toEqual(hired);
    expect(decoded.position?.jenisJabatan).toBe(JenisJabatan.AHLI_PERTAMA);
  });

  it('tells an absent supervisor from an empty one', () => {
    const top = create(EmployeeChangedSchema, { employeeId: 'emp-0' });
    const decoded = fromBinary(EmployeeChangedSchema, toBinary(EmployeeChangedSchema, top));
    expect(decoded.supervisorId).toBeUndefined();
  });

  it('decodes bytes written by field number, as an older or foreign producer would', () => {
    const position = new BinaryWriter()
      .tag(2, WireType.LengthDelimited).string('Kepala Seksi')
      .tag(3, WireType.Varint).int32(5) // JENIS_JABATAN_PENGAWAS
      .tag(4, WireType.Varint).int32(9)
      .finish();
    const bytes = new BinaryWriter()
      .tag(2, WireType.Varint).int32(2) // EMPLOYEE_CHANGE_TRANSFERRED
      .tag(3, WireType.LengthDelimited).string('emp-9')
      .tag(4, WireType.LengthDelimited).string('197805122003121003')
      .tag(8, WireType.Varint).int32(2) // EMPLOYMENT_TYPE_PPPK
      .tag(10, WireType.LengthDelimited).bytes(position)
      .tag(13, WireType.LengthDelimited).string('32.15')
      .tag(15, WireType.Varint).int32(2) // EMPLOYEE_STATUS_RETIRED
      .tag(99, WireType.LengthDelimited).string('a field from a newer schema')
      .finish();

    const decoded = fromBinary(EmployeeChangedSchema, bytes);

    expect(decoded.change).toBe(EmployeeChange.TRANSFERRED);
    expect(decoded.employeeId).toBe('emp-9');
    expect(decoded.nip).toBe('197805122003121003');
    expect(decoded.employmentType).toBe(EmploymentType.PPPK);
    expect(decoded.position).toMatchObject({ title: 'Kepala Seksi', jenisJabatan: JenisJabatan.PENGAWAS, kelasJabatan: 9 });
    expect(decoded.regionCode).toBe('32.15');
    expect(decoded.status).toBe(EmployeeStatus.RETIRED);
    // A newer producer's field survives a re-encode by this (older) reader.
    const reencoded = fromBinary(EmployeeChangedSchema, toBinary(EmployeeChangedSchema, decoded));
    expect(reencoded.$unknown?.map((field) => field.no)).toEqual([99]);
  });

  it('carries the unit path as repeated field 18, root first; empty when an older producer omits it', () => {
    const bytes = new BinaryWriter()
      .tag(3, WireType.LengthDelimited).string('emp-9')
      .tag(18, WireType.LengthDelimited).string('inst-32.15')
      .tag(18, WireType.LengthDelimited).string('unit-bidang')
      .tag(18, WireType.LengthDelimited).string('unit-seksi')
      .finish();
    expect(fromBinary(EmployeeChangedSchema, bytes).unitPath).toEqual(['inst-32.15', 'unit-bidang', 'unit-seksi']);
    expect(fromBinary(EmployeeChangedSchema, toBinary(EmployeeChangedSchema, hired)).unitPath).toEqual([]);
  });

  it('pins the enum numbers the vocabulary maps to', () => {
    expect([EmployeeChange.HIRED, EmployeeChange.TRANSFERRED, EmployeeChange.POSITION_CHANGED, EmployeeChange.SUPERVISOR_SET, EmployeeChange.RETIRED]).toEqual([1, 2, 3, 4, 5]);
    expect(JenisJabatan.JPT_UTAMA).toBe(1);
    expect(JenisJabatan.PEMULA).toBe(14);
    expect([Gender.MALE, Gender.FEMALE]).toEqual([1, 2]);
  });
});

describe('AssessmentFinalised', () => {
  it('round-trips through the binary encoding', () => {
    const finalised = create(AssessmentFinalisedSchema, {
      assessmentId: 'asm-1',
      employeeId: 'emp-1',
      version: 2,
      assessedOn: '2025-06-30',
      method: 'ASSESSMENT_CENTER',
      scores: [
        { competencyCode: 'M.1', score: 3.5 },
        { competencyCode: 'SK.1', score: 2.66 },
      ],
      jpm: 98.74,
      category: 'OPTIMAL',
      actor: 'karawang.asesor',
    });
    const decoded = fromBinary(AssessmentFinalisedSchema, toBinary(AssessmentFinalisedSchema, finalised));
    expect(decoded).toEqual(finalised);
  });

  it('decodes a score and the JPM by field number as IEEE doubles', () => {
    const score = new BinaryWriter()
      .tag(1, WireType.LengthDelimited).string('M.8')
      .tag(2, WireType.Bit64).double(4.25)
      .finish();
    const bytes = new BinaryWriter()
      .tag(1, WireType.LengthDelimited).string('asm-2')
      .tag(3, WireType.Varint).int32(1)
      .tag(6, WireType.LengthDelimited).bytes(score)
      .tag(7, WireType.Bit64).double(81.5)
      .finish();
    const decoded = fromBinary(AssessmentFinalisedSchema, bytes);
    expect(decoded.assessmentId).toBe('asm-2');
    expect(decoded.version).toBe(1);
    expect(decoded.scores).toHaveLength(1);
    expect(decoded.scores[0]).toMatchObject({ competencyCode: 'M.8', score: 4.25 });
    expect(decoded.jpm).toBe(81.5);
  });
});
