// TppComputed on remuneration.tpp.v1 (key = employee id), one per stored statement version.
import type { OutgoingEvent } from '@kinerja/kit/events';
import { BinaryWriter, WireType } from '@kinerja/proto';
import { TPP_TOPIC } from './topics.ts';

export interface ComputedVersion {
  statementId: string;
  employeeId: string;
  instansiId: string;
  regionCode: string;
  month: string;
  version: number;
  gross: number;
  deductions: number;
  tax: number;
  net: number;
  ruleVersion: string;
  computedAt: Date;
  reason: string;
}

/**
 * The TppComputed payload (proto/kinerja/remuneration/v1/tpp.proto), written field by field in field
 * order with the library's BinaryWriter: the same bytes as create + toBinary (proto3 leaves out empty
 * strings and zeros; tests/domain compare both), a fraction of the cost on the monthly run, which
 * encodes one per statement version.
 */
export function encodeTppComputed(v: ComputedVersion, computedAtIso = v.computedAt.toISOString()): Uint8Array {
  const w = new BinaryWriter();
  const text = (field: number, value: string) => {
    if (value !== '') w.tag(field, WireType.LengthDelimited).string(value);
  };
  const integer = (field: number, value: number, write: 'int32' | 'int64') => {
    if (value !== 0) w.tag(field, WireType.Varint)[write](value);
  };
  text(1, v.statementId);
  text(2, v.employeeId);
  text(3, v.instansiId);
  text(4, v.regionCode);
  text(5, v.month);
  integer(6, v.version, 'int32');
  integer(7, v.gross, 'int64');
  integer(8, v.deductions, 'int64');
  integer(9, v.tax, 'int64');
  integer(10, v.net, 'int64');
  text(11, v.ruleVersion);
  text(12, computedAtIso);
  text(13, v.version === 1 ? '' : v.reason);
  return w.finish();
}

export function tppComputedEvent(v: ComputedVersion, computedAtIso?: string): OutgoingEvent {
  return { topic: TPP_TOPIC, key: v.employeeId, type: 'TppComputed', schemaVersion: 1, payload: encodeTppComputed(v, computedAtIso), occurredAt: v.computedAt };
}
