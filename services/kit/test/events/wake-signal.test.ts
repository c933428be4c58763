import { describe, expect, it } from 'vitest';
import { backoffDelay, createWakeSignal } from '../../src/events/wake-signal.ts';

describe('backoffDelay', () => {
  it.each([
    [1, 250],
    [2, 500],
    [3, 1000],
    [6, 8000],
    [7, 10_000],
    [50, 10_000],
  ])('after %i failures waits %i ms (250 ms doubling, capped at 10 s)', (failures, expected) => {
    expect(backoffDelay(failures, 250, 10_000)).toBe(expected);
  });
});

describe('createWakeSignal', () => {
  it('ends a sleep when woken', async () => {
    const signal = createWakeSignal();
    const sleeping = signal.sleep(3_600_000);
    signal.wake();
    await expect(sleeping).resolves.toBeUndefined();
  });

  it('remembers a wake that came while nobody slept, so a commit between polls is not missed', async () => {
    const signal = createWakeSignal();
    signal.wake();
    await expect(signal.sleep(3_600_000)).resolves.toBeUndefined();
  });
});
