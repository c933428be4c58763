// Schedules (hours per weekday as data), their assignments with effective dates, and the calendar.
import { defineEntity, p } from '@mikro-orm/core';
import type { WeekHours } from '../domain/schedule.ts';

export const Schedule = defineEntity({
  name: 'Schedule',
  tableName: 'schedule',
  properties: {
    id: p.text().primary(),
    instansiId: p.text().nullable(),
    name: p.text(),
    week: p.json<WeekHours>(),
    ramadanWeek: p.json<WeekHours>().nullable(),
    worksOnHolidays: p.boolean().default(false),
  },
});

export const ScheduleAssignment = defineEntity({
  name: 'ScheduleAssignment',
  tableName: 'schedule_assignment',
  indexes: [{ name: 'schedule_assignment_employee_idx', properties: ['employeeId', 'effectiveFrom'] }],
  properties: {
    id: p.uuid().primary(),
    employeeId: p.text(),
    scheduleId: () => p.manyToOne(Schedule).mapToPk().fieldName('schedule_id').foreignKeyName('schedule_assignment_schedule_id_fkey').deleteRule('no action').updateRule('no action'),
    effectiveFrom: p.date(),
    effectiveTo: p.date().nullable(),
    assignedBy: p.text(),
    assignedAt: p.datetime().defaultRaw('now()'),
  },
});

export const CalendarDay = defineEntity({
  name: 'CalendarDay',
  tableName: 'calendar_day',
  checks: [{ name: 'calendar_day_kind_check', expression: "kind = ANY (ARRAY['LIBUR_NASIONAL'::text, 'CUTI_BERSAMA'::text, 'LIBUR_DAERAH'::text])" }],
  properties: {
    date: p.date().primary(),
    regionCode: p.text().primary(),
    kind: p.text(),
    name: p.text(),
  },
});

export const RamadanPeriod = defineEntity({
  name: 'RamadanPeriod',
  tableName: 'ramadan_period',
  checks: [{ name: 'ramadan_period_check', expression: 'to_date >= from_date' }],
  properties: {
    fromDate: p.date().primary(),
    toDate: p.date(),
  },
});

export const DisciplineRule = defineEntity({
  name: 'DisciplineRule',
  tableName: 'discipline_rule',
  properties: {
    instansiId: p.text().primary(),
    effectiveFrom: p.date().primary(),
    upperBounds: p.json<number[]>(),
    missingBand: p.integer(),
    makeUpMinutes: p.integer(),
    setBy: p.text(),
    setAt: p.datetime().defaultRaw('now()'),
  },
});
