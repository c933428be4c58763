import { readAuditLog } from '@kinerja/kit/audit-log';
import { assertRole, hasRole } from '@kinerja/kit/auth';
import { regionSql } from '@kinerja/kit/scoping';
import { badUserInput, forbidden } from '@kinerja/kit/errors';
import { shownAbsenceState } from '../domain/absence.ts';
import { regionReaderRoles, viewerEmployee } from '../commands/scope.ts';
import type { QueryResolvers } from '../generated/resolvers-types.ts';
import { findRamadanPeriod } from '../commands/calendar-commands.ts';
import { listCalendarDays, loadSchedules } from '../repositories/day-inputs.ts';
import { listOffices } from '../repositories/office-rows.ts';
import { findPendingAbsencesForSupervisor, findPendingCorrections } from '../repositories/request-rows.ts';

const REGION_CODE_PATTERN = /^(ID|\d{2}(\.\d{2}){0,3})$/;

export const Query: QueryResolvers = {
  attendanceAuditLog: (_, args, ctx) => readAuditLog(ctx, args),
  attendanceOffices: async (_, { regionCode }, ctx) => {
    if (!hasRole(ctx.viewer, ...regionReaderRoles)) throw forbidden('Daftar kantor memerlukan peran admin-kepegawaian, analis, pimpinan atau auditor', 'missing_role');
    if (regionCode !== null && regionCode !== undefined && !REGION_CODE_PATTERN.test(regionCode)) {
      throw badUserInput(`Kode wilayah ${regionCode} tidak valid (contoh: 32 atau 32.15)`, 'invalid_region_code', { field: 'regionCode' });
    }
    return listOffices(ctx.em, ctx.viewer, regionCode ?? null);
  },
  workSchedules: async (_, __, ctx) => [...(await loadSchedules(ctx.em)).values()].sort((a, b) => a.id.localeCompare(b.id)),
  pendingAbsenceApprovals: async (_, __, ctx) => {
    assertRole(ctx.viewer, 'atasan');
    const self = await viewerEmployee(ctx.em, ctx.viewer);
    if (self === null) return [];
    const now = new Date();
    return (await findPendingAbsencesForSupervisor(ctx.em, self.employeeId)).filter((row) => shownAbsenceState(row, now) === 'PENDING');
  },
  ramadanPeriod: async (_, { year }, ctx) => {
    if (!Number.isInteger(year) || year < 2000 || year > 2100) throw badUserInput('Tahun harus 2000–2100', 'invalid_year', { field: 'year' });
    return findRamadanPeriod(ctx.em, year);
  },
  attendanceCalendar: async (_, { year, regionCode }, ctx) => {
    if (!Number.isInteger(year) || year < 2000 || year > 2100) throw badUserInput('Tahun harus 2000–2100', 'invalid_year', { field: 'year' });
    const code = regionCode ?? 'ID';
    if (!REGION_CODE_PATTERN.test(code)) throw badUserInput(`Kode wilayah ${code} tidak valid (contoh: 32 atau 32.15)`, 'invalid_region_code', { field: 'regionCode' });
    return listCalendarDays(ctx.em, year, code);
  },
  pendingCorrections: async (_, __, ctx) => {
    assertRole(ctx.viewer, 'admin-kepegawaian');
    if (ctx.viewer.regionCode === null) return [];
    return findPendingCorrections(ctx.em, regionSql('e.region_code', ctx.viewer.regionCode));
  },
};
