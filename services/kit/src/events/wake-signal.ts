// A sleep that something else can cut short: the relay sleeps between polls and a NOTIFY wakes it.
export interface WakeSignal {
  sleep(ms: number): Promise<void>;
  wake(): void;
}

export function createWakeSignal(): WakeSignal {
  let pendingWake = false;
  let wakeSleeper: (() => void) | undefined;
  return {
    sleep(ms) {
      if (pendingWake) {
        pendingWake = false;
        return Promise.resolve();
      }
      return new Promise<void>((resolve) => {
        const timer = setTimeout(done, ms);
        function done() {
          clearTimeout(timer);
          wakeSleeper = undefined;
          resolve();
        }
        wakeSleeper = done;
      });
    },
    wake() {
      if (wakeSleeper) wakeSleeper();
      else pendingWake = true;
    },
  };
}

/** Exponential backoff: 1×, 2×, 4×… the initial delay, never above the cap. */
export function backoffDelay(failures: number, initialMs: number, maxMs: number): number {
  return Math.min(maxMs, initialMs * 2 ** Math.max(0, failures - 1));
}
