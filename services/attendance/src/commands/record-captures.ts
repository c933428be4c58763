// Appends captures (never updates one): (employee, instant) is unique, so a device re-sending its log or a
// CSV imported twice inserts nothing new. Each new capture is published as CheckInCaptured and the days it
// touches are recomputed, all in the caller's transaction.
//
// Set-based, because a device push is the heaviest write path (issue 11 "Scale"): one statement inserts
// the batch's captures and the outbox rows of those that were new (driver bind parameters, unnest arrays),
// then the days are recomputed per (employee, day) with one statement per kind of input.
import { randomUUID } from 'node:crypto';
import { addDays, localDateOf } from '../domain/office-time.ts';
import { CHECKIN_EVENT_TYPE, CHECKIN_SCHEMA_VERSION, CHECKIN_TOPIC, checkInCapturedPayload, type CapturedRecord } from '../events/checkin-captured-event.ts';
import { DEFAULT_TIME_ZONE, findEmployeePlaces } from '../repositories/day-inputs.ts';
import { queryBound, type Em } from '../repositories/sql.ts';
import { recomputeDays, type ComputedDay, type DayKey } from './recompute-days.ts';

export type NewCapture = Omit<CapturedRecord, 'id'>;

export interface RecordedCaptures {
  inserted: CapturedRecord[];
  /** Per capture given, in order: the record when it was new, null when already on record (or earlier in the batch). */
  byInput: (CapturedRecord | null)[];
  /** Captures already on record (same employee and instant). */
  duplicates: number;
  days: ComputedDay[];
}

/** Rows per statement: bounds the arrays bound as parameters, not the statement text (which is fixed). */
const INSERT_CHUNK = 5000;

export async function recordCaptures(tx: Em, captures: readonly NewCapture[], now: Date): Promise<RecordedCaptures> {
  if (captures.length === 0) return { inserted: [], byInput: [], duplicates: 0, days: [] };
  const byInput: (CapturedRecord | null)[] = [];
  for (let start = 0; start < captures.length; start += INSERT_CHUNK) byInput.push(...(await insertCapturesWithEvents(tx, captures.slice(start, start + INSERT_CHUNK))));
  const inserted = byInput.filter((record): record is CapturedRecord => record !== null);

  // A capture counts for its office day, and for the day before when it falls in that day's window (a
  // night shift ending this morning); the day before is recomputed only then.
  const places = await findEmployeePlaces(tx, [...new Set(inserted.map((capture) => capture.employeeId))]);
  const keys: DayKey[] = inserted.flatMap((capture) => {
    const date = localDateOf(capture.capturedAt, places.get(capture.employeeId)?.timeZone ?? DEFAULT_TIME_ZONE);
    return [
      { employeeId: capture.employeeId, date },
      { employeeId: capture.employeeId, date: addDays(date, -1), onlyIfWindowHolds: [capture.capturedAt] },
    ];
  });
  const days = await recomputeDays(tx, keys, now, places);
  return { inserted, byInput, duplicates: captures.length - inserted.length, days };
}

// The outbox rows are those of the captures the insert returned: a duplicate publishes nothing.
const INSERT_CAPTURES_WITH_EVENTS = `
with input as (
  select * from unnest($1::uuid[], $2::text[], $3::timestamptz[], $4::text[], $5::text[], $6::text[], $7::uuid[],
                       $8::double precision[], $9::double precision[], $10::double precision[], $11::text[], $12::uuid[], $13::bytea[])
    with ordinality as t(id, employee_id, captured_at, source, kind, device_serial, office_id, latitude, longitude, accuracy_meters, client_time, event_id, payload, ord)
), inserted as (
  insert into capture (id, employee_id, captured_at, source, kind, device_serial, office_id, latitude, longitude, accuracy_meters, client_time)
  select id, employee_id, captured_at, source, kind, device_serial, office_id, latitude, longitude, accuracy_meters, client_time from input
  on conflict (employee_id, captured_at) do nothing
  returning id
)
insert into outbox_event (id, topic, key, type, schema_version, payload, headers, occurred_at)
select i.event_id, $14, i.employee_id, $15, $16, i.payload, '{}'::jsonb, i.captured_at
from input i join inserted c on c.id = i.id
order by i.ord
returning id`;

/** Inserts the captures not on record yet with their CheckInCaptured outbox rows; per capture, its record if inserted. */
async function insertCapturesWithEvents(tx: Em, captures: readonly NewCapture[]): Promise<(CapturedRecord | null)[]> {
  const records = captures.map((capture) => ({ ...capture, id: randomUUID(), eventId: randomUUID() }));
  const column = <T>(pick: (record: (typeof records)[number]) => T): T[] => records.map(pick);
  const rows = await queryBound<{ id: string }>(tx, INSERT_CAPTURES_WITH_EVENTS, [
    column((r) => r.id),
    column((r) => r.employeeId),
    column((r) => r.capturedAt.toISOString()),
    column((r) => r.source),
    column((r) => r.kind),
    column((r) => r.deviceSerial),
    column((r) => r.officeId),
    column((r) => r.latitude),
    column((r) => r.longitude),
    column((r) => r.accuracyMeters),
    column((r) => r.clientTime),
    column((r) => r.eventId),
    column((r) => Buffer.from(checkInCapturedPayload(r))),
    CHECKIN_TOPIC,
    CHECKIN_EVENT_TYPE,
    CHECKIN_SCHEMA_VERSION,
  ]);
  const published = new Set(rows.map((row) => row.id));
  return records.map(({ eventId, ...capture }) => (published.has(eventId) ? capture : null));
}
