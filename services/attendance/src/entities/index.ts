import { auditEntities } from '@kinerja/kit/audit';
import { outboxEntities } from '@kinerja/kit/events';
import { AbsenceRequest, AttendanceRecap, AttendanceTodayCount, Capture, CorrectionRequest, DayStatus } from './capture.ts';
import { Employee, OrgUnitScope } from './employee.ts';
import { Device, DevicePin, DevicePush, EmployeeOffice, Geofence, Office } from './office.ts';
import { CalendarDay, DisciplineRule, RamadanPeriod, Schedule, ScheduleAssignment } from './schedule.ts';

export const entities = [
  ...outboxEntities,
  Employee,
  OrgUnitScope,
  Office,
  Geofence,
  Device,
  DevicePin,
  DevicePush,
  EmployeeOffice,
  Schedule,
  ScheduleAssignment,
  DisciplineRule,
  CalendarDay,
  RamadanPeriod,
  Capture,
  DayStatus,
  AbsenceRequest,
  CorrectionRequest,
  AttendanceRecap,
  AttendanceTodayCount,
  ...auditEntities,
];
