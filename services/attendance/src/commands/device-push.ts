// ATTLOG pushed by a fingerprint device (ZKTeco ADMS): the device must be registered by serial; each line's
// PIN must be enrolled at the device's office; malformed lines, unknown PINs and times outside the sanity
// window are counted and reported without failing the batch; the same PIN and time counts once. Every push,
// refused ones included, leaves a device_push row.
import { randomUUID } from 'node:crypto';
import { parseAttlog, kindOfPunch } from '../domain/attlog.ts';
import { captureTimeProblem } from '../domain/capture-time.ts';
import { findDeviceOffices, findPinEmployees } from '../repositories/office-rows.ts';
import { run, type Em } from '../repositories/sql.ts';
import { recordCaptures, type NewCapture } from './record-captures.ts';

export interface PushProblem {
  lineNumber: number;
  problem: string;
}

export type DevicePushOutcome =
  | { outcome: 'UNKNOWN_DEVICE' }
  | { outcome: 'ACCEPTED'; lines: number; accepted: number; duplicates: number; malformed: number; unknownPins: number; outOfRange: number; problems: PushProblem[] };

/** At most this many problems are kept per push (a broken device can send thousands). */
const MAX_PROBLEMS = 50;

async function logPush(em: Em, serial: string, remoteAddress: string | null, outcome: DevicePushOutcome): Promise<void> {
  const counts = outcome.outcome === 'ACCEPTED' ? outcome : { lines: 0, accepted: 0, duplicates: 0, malformed: 0, unknownPins: 0, outOfRange: 0, problems: [] };
  await run(
    em,
    `insert into device_push (id, serial, remote_address, outcome, lines, accepted, duplicates, malformed, unknown_pins, out_of_range, problems)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)`,
    [
      randomUUID(),
      serial.slice(0, 64),
      remoteAddress,
      outcome.outcome,
      counts.lines,
      counts.accepted,
      counts.duplicates,
      counts.malformed,
      counts.unknownPins,
      counts.outOfRange,
      JSON.stringify(counts.problems.slice(0, MAX_PROBLEMS)),
    ],
  );
}

/** Records a refused request of an unregistered serial (handshake or push). */
export async function refuseUnknownDevice(em: Em, serial: string, remoteAddress: string | null): Promise<void> {
  await em.transactional((tx) => logPush(tx, serial, remoteAddress, { outcome: 'UNKNOWN_DEVICE' }));
}

/** The device's office and zone when registered (also marks it seen), else null. */
export async function knownDevice(em: Em, serial: string, now: Date): Promise<{ officeId: string; timeZone: string } | null> {
  const device = (await findDeviceOffices(em, [serial])).get(serial);
  if (device === undefined) return null;
  await run(em, 'update device set last_seen_at = ? where serial = ?', [now.toISOString(), serial]);
  return device;
}

export async function receiveAttlog(em: Em, serial: string, body: string, remoteAddress: string | null, now: Date): Promise<DevicePushOutcome> {
  const device = (await findDeviceOffices(em, [serial])).get(serial);
  if (device === undefined) {
    await refuseUnknownDevice(em, serial, remoteAddress);
    return { outcome: 'UNKNOWN_DEVICE' };
  }
  const parsed = parseAttlog(body, device.timeZone);
  const problems: PushProblem[] = parsed.malformed.map((line) => ({ lineNumber: line.lineNumber, problem: line.problem }));
  const pins = await findPinEmployees(
    em,
    parsed.records.map((record) => ({ officeId: device.officeId, pin: record.pin })),
  );
  const captures: NewCapture[] = [];
  let unknownPins = 0;
  let outOfRange = 0;
  for (const record of parsed.records) {
    const employeeId = pins.get(`${device.officeId}|${record.pin}`);
    if (employeeId === undefined) {
      unknownPins += 1;
      problems.push({ lineNumber: record.lineNumber, problem: `PIN ${record.pin} tidak terdaftar di kantor mesin ini` });
      continue;
    }
    const timeProblem = captureTimeProblem(record.at, now);
    if (timeProblem !== null) {
      outOfRange += 1;
      problems.push({ lineNumber: record.lineNumber, problem: timeProblem.message });
      continue;
    }
    captures.push({
      employeeId,
      capturedAt: record.at,
      source: 'DEVICE',
      kind: kindOfPunch(record.status),
      deviceSerial: serial,
      officeId: device.officeId,
      latitude: null,
      longitude: null,
      accuracyMeters: null,
      clientTime: null,
    });
  }
  return em.transactional(async (tx) => {
    const recorded = await recordCaptures(tx, captures, now);
    const outcome: DevicePushOutcome = {
      outcome: 'ACCEPTED',
      lines: parsed.records.length + parsed.malformed.length + parsed.duplicates,
      accepted: recorded.inserted.length,
      duplicates: parsed.duplicates + recorded.duplicates,
      malformed: parsed.malformed.length,
      unknownPins,
      outOfRange,
      problems: problems.sort((a, b) => a.lineNumber - b.lineNumber),
    };
    await run(tx, 'update device set last_seen_at = ? where serial = ?', [now.toISOString(), serial]);
    await logPush(tx, serial, remoteAddress, outcome);
    return outcome;
  });
}
