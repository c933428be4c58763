// Read models of the other inputs of TPP (issue 12 "Inputs": no calls at run time): finalised predikat
// from performance.rating.v1 and the monthly attendance recap from attendance.recap.v1, each keeping
// the highest version.
import { defineEntity, p } from '@mikro-orm/core';
import type { Predikat } from '../domain/tpp-rule.ts';

export const PredikatRating = defineEntity({
  name: 'PredikatRating',
  tableName: 'predikat_rating',
  properties: {
    employeeId: p.text().primary(),
    skpId: p.text().primary(),
    period: p.text().primary(),
    year: p.integer(),
    periodStart: p.string().length(10),
    periodEnd: p.string().length(10),
    predikat: p.text().$type<Predikat>(),
    version: p.integer(),
    finalisedAt: p.datetime(),
  },
  checks: [{ name: 'predikat_rating_predikat_check', expression: `"predikat" in ('SANGAT_BAIK', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG')` }],
});

export const AttendanceRecap = defineEntity({
  name: 'AttendanceRecap',
  tableName: 'attendance_recap',
  properties: {
    employeeId: p.text().primary(),
    month: p.string().length(7).primary(),
    version: p.integer(),
    counts: p.json<Record<string, number>>(),
    days: p.json<{ date: string; code: string }[]>(),
    reason: p.text(),
    closedAt: p.datetime(),
  },
});
