// Time sanity of captures: a device with a wrong clock, a replayed file or a typo in an import must not
// create a day years away. Limits are configuration; the defaults allow a device's clock a few minutes
// ahead and logs of devices that were offline for up to two months (the longest a month stays open).

export interface CaptureTimeLimits {
  readonly maxFutureMinutes: number;
  readonly maxPastDays: number;
}

export const defaultCaptureTimeLimits: CaptureTimeLimits = { maxFutureMinutes: 10, maxPastDays: 62 };

export type CaptureTimeProblem = { reason: 'capture_in_future' | 'capture_too_old'; message: string };

export function captureTimeProblem(at: Date, now: Date, limits: CaptureTimeLimits = defaultCaptureTimeLimits): CaptureTimeProblem | null {
  if (Number.isNaN(at.getTime())) return { reason: 'capture_too_old', message: 'Waktu presensi tidak valid' };
  if (at.getTime() > now.getTime() + limits.maxFutureMinutes * 60_000) {
    return { reason: 'capture_in_future', message: `Waktu presensi ${at.toISOString()} lebih dari ${limits.maxFutureMinutes} menit di masa depan` };
  }
  if (at.getTime() < now.getTime() - limits.maxPastDays * 86_400_000) {
    return { reason: 'capture_too_old', message: `Waktu presensi ${at.toISOString()} lebih dari ${limits.maxPastDays} hari yang lalu` };
  }
  return null;
}
