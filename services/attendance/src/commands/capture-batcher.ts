// Group commit of employees' own check-ins (issue 11 "Scale": most of 4.7 M people check in within the same
// hour). A check-in that passed its checks is handed here; check-ins arriving while a batch is being written
// wait for the next one, and each batch is one transaction with the capture path's fixed set of statements
// (record-captures.ts). Alone, a check-in waits for nothing; under load the batches grow and the statements
// and transactions per check-in fall, and concurrent check-ins of one employee no longer queue on its row.
import type { Orm } from '@kinerja/kit/db';
import type { CapturedRecord } from '../events/checkin-captured-event.ts';
import type { Em } from '../repositories/sql.ts';
import { recordCaptures, type NewCapture } from './record-captures.ts';
import type { ComputedDay } from './recompute-days.ts';

export interface RecordedCapture {
  /** Null when the same employee and instant were already on record. */
  capture: CapturedRecord | null;
  /** The days recomputed for the capture's employee. */
  days: ComputedDay[];
}

export type CaptureRecorder = (capture: NewCapture) => Promise<RecordedCapture>;

interface Waiting {
  capture: NewCapture;
  resolve: (recorded: RecordedCapture) => void;
  reject: (error: unknown) => void;
}

/** Check-ins per transaction at most (bounds a batch's arrays and its lock set). */
const MAX_BATCH = 1000;

export function createCaptureBatcher(orm: Orm): CaptureRecorder {
  const waiting: Waiting[] = [];
  let writing = false;
  const writeBatches = async () => {
    writing = true;
    while (waiting.length > 0) {
      const batch = waiting.splice(0, MAX_BATCH);
      try {
        const em = orm.em.fork() as unknown as Em;
        const recorded = await em.transactional((tx) => recordCaptures(tx, batch.map((item) => item.capture), new Date()));
        batch.forEach((item, i) => item.resolve({ capture: recorded.byInput[i] ?? null, days: recorded.days.filter((day) => day.employeeId === item.capture.employeeId) }));
      } catch (error) {
        // Nothing of the batch was written (one transaction): every check-in in it fails alike.
        for (const item of batch) item.reject(error);
      }
    }
    writing = false;
  };
  return (capture) =>
    new Promise<RecordedCapture>((resolve, reject) => {
      waiting.push({ capture, resolve, reject });
      if (!writing) void writeBatches();
    });
}
