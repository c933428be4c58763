// Issue 11 "Capture": ZKTeco ADMS push lines `PIN\ttime\tstatus\tverify…` in the device's local time;
// malformed lines counted and reported without failing the batch; same PIN and time counted once.
import { describe, expect, it } from 'vitest';
import { kindOfPunch, parseAttlog } from '../../src/domain/attlog.ts';

describe('parseAttlog', () => {
  it('reads PIN, local time (as an instant in the office zone), status and verify', () => {
    const parsed = parseAttlog('1001\t2026-06-01 07:25:13\t0\t1\t0\t0\n1002\t2026-06-01 16:02:00\t1\t15\n', 'Asia/Jakarta');
    expect(parsed.malformed).toEqual([]);
    expect(parsed.records.map((r) => [r.pin, r.at.toISOString(), r.status, r.verify])).toEqual([
      ['1001', '2026-06-01T00:25:13.000Z', 0, 1],
      ['1002', '2026-06-01T09:02:00.000Z', 1, 15],
    ]);
  });

  it('uses the office zone: 07:25 in Jayapura (WIT) is 22:25 UTC the day before', () => {
    const parsed = parseAttlog('7\t2026-06-01 07:25:00\t0\t1', 'Asia/Jayapura');
    expect(parsed.records[0]?.at.toISOString()).toBe('2026-05-31T22:25:00.000Z');
  });

  it('accepts CRLF and blank lines, and a line with only PIN and time', () => {
    const parsed = parseAttlog('\r\n1001\t2026-06-01 07:25:00\r\n\r\n', 'Asia/Jakarta');
    expect(parsed.records).toHaveLength(1);
    expect(parsed.records[0]?.status).toBe(0);
    expect(parsed.malformed).toEqual([]);
  });

  it.each([
    { name: 'no tab', line: '1001 2026-06-01 07:25:00', problem: 'kurang dari 2 kolom' },
    { name: 'bad PIN', line: '10-01\t2026-06-01 07:25:00\t0\t1', problem: 'PIN tidak valid' },
    { name: 'no such date', line: '1001\t2026-02-30 07:25:00\t0\t1', problem: 'waktu tidak valid' },
    { name: 'hour 24', line: '1001\t2026-06-01 24:00:00\t0\t1', problem: 'waktu tidak valid' },
    { name: 'ISO time instead of the device format', line: '1001\t2026-06-01T07:25:00Z\t0\t1', problem: 'waktu tidak valid' },
    { name: 'status not a number', line: '1001\t2026-06-01 07:25:00\tx\t1', problem: 'status tidak valid' },
    { name: 'verify negative', line: '1001\t2026-06-01 07:25:00\t0\t-1', problem: 'verifikasi tidak valid' },
  ])('counts a malformed line ($name) and keeps the good ones', ({ line, problem }) => {
    const parsed = parseAttlog(`1001\t2026-06-01 07:20:00\t0\t1\n${line}\n1002\t2026-06-01 07:21:00\t0\t1`, 'Asia/Jakarta');
    expect(parsed.records.map((r) => r.pin)).toEqual(['1001', '1002']);
    expect(parsed.malformed).toHaveLength(1);
    expect(parsed.malformed[0]?.lineNumber).toBe(2);
    expect(parsed.malformed[0]?.problem).toContain(problem);
  });

  it('counts the same PIN and time once, reporting the duplicate', () => {
    const parsed = parseAttlog('1001\t2026-06-01 07:25:00\t0\t1\n1001\t2026-06-01 07:25:00\t0\t1\n1001\t2026-06-01 07:25:01\t0\t1', 'Asia/Jakarta');
    expect(parsed.records).toHaveLength(2);
    expect(parsed.duplicates).toBe(1);
  });
});

describe('kindOfPunch', () => {
  it.each([
    [0, 'IN'],
    [1, 'OUT'],
    [4, 'IN'],
    [5, 'OUT'],
    [2, 'UNKNOWN'],
    [255, 'UNKNOWN'],
  ] as const)('status %i → %s', (status, kind) => {
    expect(kindOfPunch(status)).toBe(kind);
  });
});
