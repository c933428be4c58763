// attendance.checkin.v1 CheckInCaptured (key = employee id): written to the outbox by the same statement
// that inserts the capture rows (record-captures.ts), so an event exists exactly for each new capture.
import { CheckInCapturedSchema, create, toBinary, topics } from '@kinerja/proto';

export const CHECKIN_TOPIC = topics.attendanceCheckin;

export interface CapturedRecord {
  id: string;
  employeeId: string;
  capturedAt: Date;
  source: 'DEVICE' | 'MOBILE' | 'WEB' | 'IMPORT' | 'CORRECTION';
  kind: 'IN' | 'OUT' | 'UNKNOWN';
  deviceSerial: string | null;
  officeId: string | null;
  latitude: number | null;
  longitude: number | null;
  accuracyMeters: number | null;
  clientTime: string | null;
}

/** The CheckInCaptured message of a capture, protobuf-encoded. */
export function checkInCapturedPayload(capture: CapturedRecord): Uint8Array {
  return toBinary(
    CheckInCapturedSchema,
    create(CheckInCapturedSchema, {
      captureId: capture.id,
      employeeId: capture.employeeId,
      capturedAt: capture.capturedAt.toISOString(),
      source: capture.source,
      kind: capture.kind,
      deviceSerial: capture.deviceSerial ?? '',
      latitude: capture.latitude ?? 0,
      longitude: capture.longitude ?? 0,
      accuracyMeters: capture.accuracyMeters ?? 0,
      clientTime: capture.clientTime ?? '',
      officeId: capture.officeId ?? '',
    }),
  );
}

export const CHECKIN_EVENT_TYPE = 'CheckInCaptured';
export const CHECKIN_SCHEMA_VERSION = 1;
