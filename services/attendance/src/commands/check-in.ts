// The employee's own mobile/web check-in (issue 11 "Capture" 2): server time is the truth, the client's
// clock is stored only; refused outside every geofence of the employee's office or with an accuracy worse
// than its radius, the message naming the distance. Nothing is written when refused.
import type { Viewer } from '@kinerja/kit/auth';
import { badUserInput, forbidden, notFound } from '@kinerja/kit/errors';
import { DEFAULT_GEOFENCE_RADIUS_METERS, checkGeofence, positionProblem, type Geofence } from '../domain/geofence.ts';
import type { CapturedRecord } from '../events/checkin-captured-event.ts';
import { findEmployeeOffice, findGeofences } from '../repositories/office-rows.ts';
import { queryRows, type Em } from '../repositories/sql.ts';
import type { CaptureRecorder } from './capture-batcher.ts';
import type { ComputedDay } from './recompute-days.ts';
import { localDateOf } from '../domain/office-time.ts';
import { viewerEmployee } from './scope.ts';

export interface CheckInInput {
  kind: 'IN' | 'OUT' | 'UNKNOWN';
  latitude: number;
  longitude: number;
  accuracyMeters: number;
  clientTime?: string | null;
  /** The app: the mobile app (default) or the web Presensi page. */
  source?: 'MOBILE' | 'WEB' | null;
}

export interface CheckInOutcome {
  capture: CapturedRecord;
  distanceMeters: number;
  geofence: string;
  day: ComputedDay;
}

/** An employee on approved dinas luar with the assignment's location may check in there (issue 11). */
async function dinasLuarFences(em: Em, employeeId: string, date: string): Promise<Geofence[]> {
  const rows = await queryRows<{ id: string; latitude: number; longitude: number }>(
    em,
    `select id, latitude, longitude from absence_request
     where employee_id = ? and type = 'DINAS_LUAR' and state = 'APPROVED' and from_date <= ? and to_date >= ? and latitude is not null and longitude is not null`,
    [employeeId, date, date],
  );
  return rows.map((row) => ({ id: row.id, name: 'lokasi dinas luar', latitude: row.latitude, longitude: row.longitude, radiusMeters: DEFAULT_GEOFENCE_RADIUS_METERS }));
}

/** `record` writes the capture (the app's group-commit batcher, capture-batcher.ts). */
export async function checkIn(em: Em, viewer: Viewer, input: CheckInInput, now: Date, record: CaptureRecorder): Promise<CheckInOutcome> {
  const employee = await viewerEmployee(em, viewer);
  if (employee === null) throw forbidden('Presensi hanya untuk pegawai dengan NIP yang terdaftar', 'not_an_employee');
  if (employee.status !== 'ACTIVE') throw forbidden('Pegawai sudah tidak aktif', 'employee_inactive');
  if (input.kind === 'UNKNOWN') throw badUserInput('Jenis presensi harus IN atau OUT', 'invalid_kind', { field: 'kind' });
  const problem = positionProblem(input, input.accuracyMeters);
  if (problem !== null) throw badUserInput(problem, 'invalid_position');
  const source = input.source ?? 'MOBILE';
  if (source !== 'MOBILE' && source !== 'WEB') throw badUserInput('Sumber presensi harus MOBILE atau WEB', 'invalid_source', { field: 'source' });
  const clientTime = input.clientTime?.trim() || null;
  if (clientTime !== null && clientTime.length > 64) throw badUserInput('Waktu perangkat terlalu panjang', 'invalid_client_time', { field: 'clientTime' });
  const office = await findEmployeeOffice(em, employee.employeeId);
  if (office === null) throw notFound('Anda belum ditempatkan di kantor mana pun; hubungi admin kepegawaian', 'office_not_assigned');
  const fences = [...(await findGeofences(em, [office.id])), ...(await dinasLuarFences(em, employee.employeeId, localDateOf(now, office.timeZone)))];
  const decision = checkGeofence(input, input.accuracyMeters, fences);
  if (!decision.accepted) throw badUserInput(decision.message, decision.reason, { distanceMeters: decision.distanceMeters });

  const recorded = await record({
    employeeId: employee.employeeId,
    capturedAt: now,
    source,
    kind: input.kind,
    deviceSerial: null,
    officeId: office.id,
    latitude: input.latitude,
    longitude: input.longitude,
    accuracyMeters: input.accuracyMeters,
    clientTime,
  });
  const capture = recorded.capture;
  if (capture === null) throw badUserInput('Presensi pada detik yang sama sudah tercatat', 'duplicate_capture');
  // The day the capture counts for: the one it is the first or last capture of (a night shift's check-out
  // belongs to the day before), else the office's date.
  const at = capture.capturedAt.getTime();
  const counted = recorded.days.find((d) => d.firstIn?.getTime() === at || d.lastOut?.getTime() === at);
  const day = counted ?? recorded.days.find((d) => d.date === localDateOf(now, office.timeZone));
  if (day === undefined) throw new Error(`no day computed for capture ${capture.id}`);
  return { capture, distanceMeters: decision.distanceMeters, geofence: decision.fence.name, day };
}
