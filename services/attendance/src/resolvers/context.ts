// The request context the kit's server builds (viewer, forked EntityManager, loaders), plus the
// deployment's attendance settings and the app's check-in batcher.
import type { RequestContext } from '@kinerja/kit/server';
import type { AbsenceSettings } from '../commands/absence-commands.ts';
import type { CaptureRecorder } from '../commands/capture-batcher.ts';

export type AttendanceSettings = AbsenceSettings;

export const defaultSettings: AttendanceSettings = { expiryDays: 3 };

export interface Context extends RequestContext {
  settings: AttendanceSettings;
  /** Writes an employee's own check-in in the app's shared group-commit batch. */
  recordCapture: CaptureRecorder;
}
