import { describe, expect, it } from 'vitest';
import { isIsoDate, todayIso } from '../src/dates.ts';
import { isUuid } from '../src/ids.ts';

describe('isIsoDate', () => {
  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2026-13-01', false],
    ['2026-1-01', false],
    ['2026-01-01T00:00:00Z', false],
    ['', false],
  ])('%j: %s', (value, expected) => {
    expect(isIsoDate(value)).toBe(expected);
  });

  it('todayIso is the UTC day', () => {
    expect(todayIso(new Date('2026-03-31T23:30:00-02:00'))).toBe('2026-04-01');
  });
});

describe('isUuid', () => {
  it.each([
    ['0b4f5a7e-9c1d-4e2a-8f3b-1a2b3c4d5e6f', true],
    ['0B4F5A7E-9C1D-4E2A-8F3B-1A2B3C4D5E6F', true],
    ['0b4f5a7e9c1d4e2a8f3b1a2b3c4d5e6f', false],
    ["0b4f5a7e-9c1d-4e2a-8f3b-1a2b3c4d5e6f' or 1=1", false],
    ['', false],
  ])('%j: %s', (value, expected) => {
    expect(isUuid(value)).toBe(expected);
  });
});
