// The monthly run's hand-made encodings equal what the general paths produce: the TppComputed payload
// written field by field is byte for byte the generated schema's toBinary, and a statement's lines stored
// as tuples read back as exactly the lines computed (every field of every line).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { create, fromBinary, toBinary, TppComputedSchema } from '@kinerja/proto';
import { lineKinds, type TppLine } from '../../src/domain/tpp-statement.ts';
import { encodeTppComputed, type ComputedVersion } from '../../src/events/tpp-computed.ts';
import { decodeLines, encodeLines, type StoredLine } from '../../src/repositories/statement-lines.ts';

const text = fc.string({ unit: 'grapheme', maxLength: 40 });
const rupiah = fc.integer({ min: -2_000_000_000, max: 2_000_000_000 });

const versionArb: fc.Arbitrary<ComputedVersion> = fc.record({
  statementId: fc.uuid(),
  employeeId: text,
  instansiId: text,
  regionCode: text,
  month: fc.constantFrom('2026-10', ''),
  version: fc.integer({ min: 1, max: 1_000 }),
  gross: rupiah,
  deductions: rupiah,
  tax: rupiah,
  net: rupiah,
  ruleVersion: fc.uuid(),
  computedAt: fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2035-01-01T00:00:00Z'), noInvalidDate: true }),
  reason: text,
});

describe('TppComputed payload', () => {
  it('is the bytes toBinary writes for the same message, and decodes to it', () => {
    fc.assert(
      fc.property(versionArb, (v) => {
        const message = create(TppComputedSchema, {
          statementId: v.statementId, employeeId: v.employeeId, instansiId: v.instansiId, regionCode: v.regionCode, month: v.month, version: v.version,
          gross: BigInt(v.gross), deductions: BigInt(v.deductions), tax: BigInt(v.tax), net: BigInt(v.net), ruleVersion: v.ruleVersion,
          computedAt: v.computedAt.toISOString(), reason: v.version === 1 ? '' : v.reason,
        });
        const encoded = encodeTppComputed(v);
        expect(encoded).toEqual(toBinary(TppComputedSchema, message));
        expect(fromBinary(TppComputedSchema, encoded)).toEqual(message);
      }),
      { numRuns: 300 },
    );
  });
});

const lineArb: fc.Arbitrary<TppLine> = fc.record({
  kind: fc.constantFrom(...lineKinds),
  label: text,
  amount: rupiah,
  inGross: fc.boolean(),
  code: fc.option(text, { nil: null }),
  count: fc.option(fc.integer({ min: 0, max: 31 }), { nil: null }),
  rateBp: fc.option(fc.integer({ min: 0, max: 20_000 }), { nil: null }),
  days: fc.array(fc.constantFrom('2026-10-01', '2026-10-02', '2026-10-31')),
  source: text,
});

describe('stored statement lines', () => {
  it('read back as the lines written, in order, every field kept', () => {
    fc.assert(
      fc.property(fc.array(lineArb, { maxLength: 12 }), (lines) => {
        expect(decodeLines(JSON.parse(encodeLines(lines)) as StoredLine[])).toEqual(lines);
      }),
    );
  });
});
