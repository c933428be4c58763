// Offices (each in one of Indonesia's three time zones), their geofences, fingerprint devices and the
// PINs enrolled on them, and which office each employee works at.
import { defineEntity, p } from '@mikro-orm/core';

export const Office = defineEntity({
  name: 'Office',
  tableName: 'office',
  checks: [{ name: 'office_time_zone_check', expression: "time_zone = ANY (ARRAY['Asia/Jakarta'::text, 'Asia/Makassar'::text, 'Asia/Jayapura'::text])" }],
  properties: {
    id: p.uuid().primary(),
    instansiId: p.text(),
    name: p.text(),
    regionCode: p.text(),
    timeZone: p.text(),
    createdBy: p.text(),
    createdAt: p.datetime().defaultRaw('now()'),
  },
});

export const Geofence = defineEntity({
  name: 'Geofence',
  tableName: 'geofence',
  indexes: [{ name: 'geofence_office_idx', properties: ['officeId'] }],
  // Latitude and longitude ranges are checked by addGeofence (domain positionProblem) before writing.
  checks: [
    { name: 'geofence_radius_meters_check', expression: '(radius_meters >= 10) AND (radius_meters <= 5000)' },
  ],
  properties: {
    id: p.uuid().primary(),
    officeId: () => p.manyToOne(Office).mapToPk().fieldName('office_id').foreignKeyName('geofence_office_id_fkey').deleteRule('no action').updateRule('no action'),
    name: p.text(),
    latitude: p.double(),
    longitude: p.double(),
    radiusMeters: p.integer(),
  },
});

export const Device = defineEntity({
  name: 'Device',
  tableName: 'device',
  properties: {
    serial: p.text().primary(),
    officeId: () => p.manyToOne(Office).mapToPk().fieldName('office_id').foreignKeyName('device_office_id_fkey').deleteRule('no action').updateRule('no action'),
    name: p.text(),
    registeredBy: p.text(),
    registeredAt: p.datetime().defaultRaw('now()'),
    lastSeenAt: p.datetime().nullable(),
  },
});

export const DevicePin = defineEntity({
  name: 'DevicePin',
  tableName: 'device_pin',
  properties: {
    officeId: () => p.manyToOne(Office).mapToPk().primary().fieldName('office_id').foreignKeyName('device_pin_office_id_fkey').deleteRule('no action').updateRule('no action'),
    pin: p.text().primary(),
    employeeId: p.text(),
  },
});

export const DevicePush = defineEntity({
  name: 'DevicePush',
  tableName: 'device_push',
  indexes: [{ name: 'device_push_serial_idx', properties: ['serial', 'receivedAt'] }],
  checks: [{ name: 'device_push_outcome_check', expression: "outcome = ANY (ARRAY['ACCEPTED'::text, 'UNKNOWN_DEVICE'::text])" }],
  properties: {
    id: p.uuid().primary(),
    serial: p.text(),
    receivedAt: p.datetime().defaultRaw('now()'),
    remoteAddress: p.text().nullable(),
    outcome: p.text(),
    lines: p.integer().default(0),
    accepted: p.integer().default(0),
    duplicates: p.integer().default(0),
    malformed: p.integer().default(0),
    unknownPins: p.integer().default(0),
    outOfRange: p.integer().default(0),
    problems: p.json<unknown[]>().defaultRaw(`'[]'`),
  },
});

export const EmployeeOffice = defineEntity({
  name: 'EmployeeOffice',
  tableName: 'employee_office',
  properties: {
    employeeId: p.text().primary(),
    officeId: () => p.manyToOne(Office).mapToPk().fieldName('office_id').foreignKeyName('employee_office_office_id_fkey').deleteRule('no action').updateRule('no action'),
  },
});
