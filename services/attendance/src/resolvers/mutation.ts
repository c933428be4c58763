// Each mutation is one call into src/commands, then a read of what it wrote.

// The schema promises a non-null result; a committed row that cannot be read back is a server fault.
function committed<Row>(row: Row | null, what: string, id: string): Row {
  if (row === null) throw new Error(`${what} ${id} was committed but cannot be read back`);
  return row;
}
import { cancelAbsence, decideAbsence, requestAbsence } from '../commands/absence-commands.ts';
import { addCalendarDay, defineWorkSchedule, removeCalendarDay, setDisciplineRule, setRamadanPeriod } from '../commands/calendar-commands.ts';
import { checkIn } from '../commands/check-in.ts';
import { requestCorrection, verifyCorrection } from '../commands/correction-commands.ts';
import { closeMonth } from '../commands/month-close.ts';
import { importCaptures } from '../commands/import-captures.ts';
import { addGeofence, assignWorkSchedule, enrolDevicePin, placeEmployee, registerDevice, registerOffice } from '../commands/office-commands.ts';
import type { MutationResolvers } from '../generated/resolvers-types.ts';
import { captureRowOf } from '../repositories/capture-rows.ts';
import { loadSchedules } from '../repositories/day-inputs.ts';
import { findOffices } from '../repositories/office-rows.ts';
import { findAbsence, findCorrection } from '../repositories/request-rows.ts';
import type { Context } from './context.ts';

async function office(ctx: Context, id: string) {
  const [row] = await findOffices(ctx.em, [id]);
  return committed(row ?? null, 'office', id);
}

export const Mutation: MutationResolvers = {
  checkIn: async (_, { input }, ctx) => {
    const outcome = await checkIn(ctx.em, ctx.viewer, input, new Date(), ctx.recordCapture);
    const { day } = outcome;
    return {
      capture: captureRowOf(outcome.capture),
      distanceMeters: outcome.distanceMeters,
      geofence: outcome.geofence,
      day: {
        ...day,
        codes: [...day.codes],
        firstIn: day.firstIn?.toISOString() ?? null,
        lastOut: day.lastOut?.toISOString() ?? null,
        captures: [captureRowOf(outcome.capture)],
      },
    };
  },
  registerOffice: async (_, { input }, ctx) => office(ctx, await registerOffice(ctx.em, ctx.viewer, input)),
  addGeofence: async (_, { input }, ctx) => office(ctx, await addGeofence(ctx.em, ctx.viewer, input)),
  registerDevice: async (_, { input }, ctx) => office(ctx, await registerDevice(ctx.em, ctx.viewer, input)),
  enrolDevicePin: async (_, { input }, ctx) => office(ctx, await enrolDevicePin(ctx.em, ctx.viewer, input)),
  placeEmployee: async (_, { employeeId, officeId }, ctx) => office(ctx, await placeEmployee(ctx.em, ctx.viewer, employeeId, officeId)),
  assignWorkSchedule: async (_, { input }, ctx) => {
    await assignWorkSchedule(ctx.em, ctx.viewer, input, new Date());
    return true;
  },
  importCaptures: async (_, { csv }, ctx) => importCaptures(ctx.em, ctx.viewer, csv, new Date()),
  requestAbsence: async (_, { input }, ctx) => {
    const id = await requestAbsence(ctx.em, ctx.viewer, input, ctx.settings, new Date());
    return committed(await findAbsence(ctx.em, id), 'absence request', id);
  },
  decideAbsence: async (_, { id, approve, note }, ctx) => {
    await decideAbsence(ctx.em, ctx.viewer, id, approve, note ?? null, new Date());
    return committed(await findAbsence(ctx.em, id), 'absence request', id);
  },
  cancelAbsence: async (_, { id, note }, ctx) => {
    await cancelAbsence(ctx.em, ctx.viewer, id, note ?? null, new Date());
    return committed(await findAbsence(ctx.em, id), 'absence request', id);
  },
  requestCorrection: async (_, { input }, ctx) => {
    const id = await requestCorrection(ctx.em, ctx.viewer, input, new Date());
    return committed(await findCorrection(ctx.em, id), 'correction', id);
  },
  verifyCorrection: async (_, { id, approve, note }, ctx) => {
    await verifyCorrection(ctx.em, ctx.viewer, id, approve, note ?? null, new Date());
    return committed(await findCorrection(ctx.em, id), 'correction', id);
  },
  closeAttendanceMonth: async (_, { month }, ctx) => closeMonth(ctx.em, ctx.viewer, month, new Date()),
  addCalendarDay: async (_, { input }, ctx) => {
    await addCalendarDay(ctx.em, ctx.viewer, input, new Date());
    return { ...input, name: input.name.trim() };
  },
  removeCalendarDay: async (_, { date, regionCode }, ctx) => {
    await removeCalendarDay(ctx.em, ctx.viewer, date, regionCode, new Date());
    return true;
  },
  setRamadanPeriod: async (_, { input }, ctx) => setRamadanPeriod(ctx.em, ctx.viewer, input, new Date()),
  setDisciplineRule: async (_, { input }, ctx) => {
    await setDisciplineRule(ctx.em, ctx.viewer, input, new Date());
    return true;
  },
  defineWorkSchedule: async (_, { input }, ctx) => {
    const id = await defineWorkSchedule(ctx.em, ctx.viewer, input);
    return committed((await loadSchedules(ctx.em)).get(id) ?? null, 'schedule', id);
  },
};
