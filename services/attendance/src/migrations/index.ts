// Migrations in order; passed to the kit's createOrm as classes (no file discovery under type stripping).
import { Migration0001Schema } from './Migration0001Schema.ts';
import { Migration0002Corrections } from './Migration0002Corrections.ts';
import { Migration0003AttendanceToday } from './Migration0003AttendanceToday.ts';
import { Migration0004DisciplineRules } from './Migration0004DisciplineRules.ts';
import { Migration0005AbsenceCancellation } from './Migration0005AbsenceCancellation.ts';
import { Migration0006AuditTrail } from './Migration0006AuditTrail.ts';

export const migrations = [
  { name: 'Migration0001Schema', class: Migration0001Schema },
  { name: 'Migration0002Corrections', class: Migration0002Corrections },
  { name: 'Migration0003AttendanceToday', class: Migration0003AttendanceToday },
  { name: 'Migration0004DisciplineRules', class: Migration0004DisciplineRules },
  { name: 'Migration0005AbsenceCancellation', class: Migration0005AbsenceCancellation },
  { name: 'Migration0006AuditTrail', class: Migration0006AuditTrail },
];
