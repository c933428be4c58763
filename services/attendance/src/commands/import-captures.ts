// CSV import of device logs (admin-kepegawaian of the devices' offices), idempotent on (employee, time):
// importing the same file twice adds nothing. Problem lines are reported without failing the import; a
// file that is too large or in which no line could be read is refused and nothing is written.
import { assertRole, type Viewer } from '@kinerja/kit/auth';
import { viewerCovers } from '@kinerja/kit/scoping';
import { badUserInput } from '@kinerja/kit/errors';
import { kindOfPunch, parseAttlog } from '../domain/attlog.ts';
import { captureTimeProblem } from '../domain/capture-time.ts';
import { MAX_IMPORT_LINES, splitCaptureCsv } from '../domain/capture-csv.ts';
import { findDeviceOffices, findPinEmployees } from '../repositories/office-rows.ts';
import type { Em } from '../repositories/sql.ts';
import { recordCaptures, type NewCapture } from './record-captures.ts';
import { adminRoles } from './scope.ts';

export interface ImportReport {
  lines: number;
  accepted: number;
  duplicates: number;
  problemCount: number;
  /** The first MAX_REPORTED_PROBLEMS, by line number. */
  problems: { lineNumber: number; problem: string }[];
}

/** Bounds the report (and the gateway's cost estimate: gateway/src/limits/list-sizes.ts). */
export const MAX_REPORTED_PROBLEMS = 200;

export async function importCaptures(em: Em, viewer: Viewer, csv: string, now: Date): Promise<ImportReport> {
  assertRole(viewer, ...adminRoles);
  const split = splitCaptureCsv(csv);
  if (split.lines === 0) throw badUserInput('Berkas CSV tidak berisi baris presensi', 'empty_import');
  if (split.lines > MAX_IMPORT_LINES) throw badUserInput(`Paling banyak ${MAX_IMPORT_LINES} baris per impor (berkas ini ${split.lines})`, 'import_too_large');
  const problems = [...split.malformed];
  const devices = await findDeviceOffices(em, [...split.bySerial.keys()]);
  const parsedBySerial = new Map<string, ReturnType<typeof parseAttlog>>();
  for (const [serial, group] of split.bySerial) {
    const device = devices.get(serial);
    if (device !== undefined) parsedBySerial.set(serial, parseAttlog(group.body, device.timeZone));
  }
  const pins = await findPinEmployees(
    em,
    [...parsedBySerial].flatMap(([serial, parsed]) => parsed.records.map((record) => ({ officeId: (devices.get(serial) as { officeId: string }).officeId, pin: record.pin }))),
  );
  const captures: NewCapture[] = [];
  let duplicates = 0;
  for (const [serial, group] of split.bySerial) {
    const device = devices.get(serial);
    const lineOf = (bodyLine: number) => group.lineNumbers[bodyLine - 1] ?? 0;
    const parsed = parsedBySerial.get(serial);
    if (device === undefined || parsed === undefined || !viewerCovers(viewer, device.regionCode)) {
      const problem = device === undefined ? `mesin ${serial} tidak terdaftar` : `mesin ${serial} di luar wilayah Anda`;
      for (const lineNumber of group.lineNumbers) problems.push({ lineNumber, problem });
      continue;
    }
    duplicates += parsed.duplicates;
    for (const line of parsed.malformed) problems.push({ lineNumber: lineOf(line.lineNumber), problem: line.problem });
    for (const record of parsed.records) {
      const employeeId = pins.get(`${device.officeId}|${record.pin}`);
      const timeProblem = captureTimeProblem(record.at, now);
      if (employeeId === undefined) problems.push({ lineNumber: lineOf(record.lineNumber), problem: `PIN ${record.pin} tidak terdaftar di kantor mesin ${serial}` });
      else if (timeProblem !== null) problems.push({ lineNumber: lineOf(record.lineNumber), problem: timeProblem.message });
      else
        captures.push({
          employeeId,
          capturedAt: record.at,
          source: 'IMPORT',
          kind: kindOfPunch(record.status),
          deviceSerial: serial,
          officeId: device.officeId,
          latitude: null,
          longitude: null,
          accuracyMeters: null,
          clientTime: null,
        });
    }
  }
  if (captures.length === 0 && problems.length > 0) {
    throw badUserInput(`Tidak ada baris yang dapat diimpor (${problems.length} baris bermasalah)`, 'import_has_no_valid_line', { problems: problems.slice(0, 50) });
  }
  const recorded = await em.transactional((tx) => recordCaptures(tx, captures, now));
  return {
    lines: split.lines,
    accepted: recorded.inserted.length,
    duplicates: duplicates + recorded.duplicates,
    problemCount: problems.length,
    problems: problems.sort((a, b) => a.lineNumber - b.lineNumber).slice(0, MAX_REPORTED_PROBLEMS),
  };
}
