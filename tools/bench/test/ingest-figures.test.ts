// The attendance ingest scenario's pure parts: what the simulated devices push (checked against the
// service's own ATTLOG parser), and the figures made of what was measured. No timing assertions.
import { describe, expect, it } from 'vitest';
import { parseAttlog } from '../../../services/attendance/src/domain/attlog.ts';
import {
  areaOf,
  attlogBody,
  memoryOfMetrics,
  memoryTrend,
  punchAt,
  statementFigures,
  summariseCpuProfile,
  workingDayBefore,
  type CpuProfile,
  type PunchPlan,
} from '../src/ingest-figures.ts';

// 2026-11-27 is a Friday.
const plan: PunchPlan = { pins: ['1', '2', '3'], lastDate: '2026-11-27', maxRounds: 6, jitter: 0.5 };

describe('the punches a simulated device pushes', () => {
  it('walks its employees, morning in then afternoon out of one date, then the working day before', () => {
    const punches = Array.from({ length: 12 }, (_, i) => punchAt(plan, i));
    expect(punches.map((p) => p.pin)).toEqual(['1', '2', '3', '1', '2', '3', '1', '2', '3', '1', '2', '3']);
    expect(punches.map((p) => `${p.date} ${p.status}`)).toEqual([
      ...Array(3).fill('2026-11-27 0'),
      ...Array(3).fill('2026-11-27 1'),
      ...Array(3).fill('2026-11-26 0'),
      ...Array(3).fill('2026-11-26 1'),
    ]);
    expect(punches[0]?.time).toMatch(/^2026-11-27 07:\d{2}:\d{2}$/);
    expect(punches[3]?.time).toMatch(/^2026-11-27 16:\d{2}:\d{2}$/);
    // After maxRounds the plan starts over (a long run pushes duplicates, which the service counts once).
    expect(punchAt(plan, 18)).toEqual(punchAt(plan, 0));
  });

  it('skips Saturdays and Sundays going back', () => {
    expect(workingDayBefore('2026-11-30', 0)).toBe('2026-11-30');
    expect(workingDayBefore('2026-11-30', 1)).toBe('2026-11-27');
    expect(workingDayBefore('2026-11-29', 0)).toBe('2026-11-27');
    expect(workingDayBefore('2026-11-27', 5)).toBe('2026-11-20');
  });

  it('writes ATTLOG lines the service parses without a malformed or repeated line', () => {
    const punches = Array.from({ length: 500 }, (_, i) => punchAt({ ...plan, pins: Array.from({ length: 250 }, (_, p) => String(p + 1)) }, i));
    const parsed = parseAttlog(attlogBody(punches), 'Asia/Jakarta');
    expect(parsed.malformed).toEqual([]);
    expect(parsed.duplicates).toBe(0);
    expect(parsed.records.map((r) => `${r.pin} ${r.status}`)).toEqual(punches.map((p) => `${p.pin} ${p.status}`));
    // Wall-clock times of the office zone (WIB, UTC+7).
    expect(parsed.records[0]?.at.toISOString()).toBe(new Date(`${(punches[0]?.time ?? '').replace(' ', 'T')}+07:00`).toISOString());
  });
});

describe('the memory trend', () => {
  const sample = (atSeconds: number, path: 'device' | 'mutation', rssMiB: number, heapUsedMiB: number | null = null, majorGcs: number | null = null) => ({ atSeconds, path, rssMiB, heapUsedMiB, majorGcs });

  it('reports start, end and maximum, and per path a slope of its second half near zero when flat', () => {
    const samples = [100, 180, 240, 250, 251, 249, 250, 250].map((rssMiB, atSeconds) => sample(atSeconds, 'device', rssMiB));
    const trend = memoryTrend(samples);
    expect(trend).toMatchObject({ startMiB: 100, endMiB: 250, maxMiB: 251 });
    // Seconds 4–7: 251, 249, 250, 250 → −0.2 MiB/s.
    expect(trend.paths).toEqual([{ path: 'device', startMiB: 100, endMiB: 250, maxMiB: 251, rssSlopeMiBPerMinute: -12, heapFloorMiB: { firstHalf: null, secondHalf: null } }]);
    expect(trend.samples).toHaveLength(8);
  });

  it('shows a leak as a steady positive slope', () => {
    const samples = Array.from({ length: 10 }, (_, atSeconds) => sample(atSeconds, 'device', 200 + atSeconds));
    expect(memoryTrend(samples).paths[0]?.rssSlopeMiBPerMinute).toBe(60);
  });

  it('keeps the device path still growing out of the mutation path\'s slope', () => {
    // The colleague's 10 s run: RSS climbs through the device path and is flat through the mutation path;
    // a slope over the run's second half (seconds 4–7) would say +660 MiB/min.
    const samples = [sample(0, 'device', 190), sample(1, 'device', 300), sample(2, 'device', 400), sample(3, 'device', 420), sample(4, 'mutation', 440), sample(5, 'mutation', 455), sample(6, 'mutation', 455), sample(7, 'mutation', 455)];
    const [device, mutation] = memoryTrend(samples).paths;
    expect(device).toMatchObject({ path: 'device', startMiB: 190, endMiB: 420, rssSlopeMiBPerMinute: 1200 });
    expect(mutation).toMatchObject({ path: 'mutation', startMiB: 440, endMiB: 455, maxMiB: 455, rssSlopeMiBPerMinute: 0 });
  });

  it('takes the heap floor of each half that saw a full collection', () => {
    // heapUsed saws as garbage piles up and is collected; the full-collection count steps at seconds 3, 6 and 9.
    const heaps = [60, 150, 210, 58, 140, 200, 61, 170, 230, 59];
    const gcs = [1, 1, 1, 2, 2, 2, 3, 3, 3, 4];
    const sawtooth = heaps.map((heap, atSeconds) => sample(atSeconds, 'device', 450, heap, gcs[atSeconds] as number));
    expect(memoryTrend(sawtooth).paths[0]?.heapFloorMiB).toEqual({ firstHalf: 58, secondHalf: 59 });
    // What survives each collection grows: a leak.
    const leaking = [150, 210, 80, 170, 230, 100, 190, 250, 120, 140].map((heap, atSeconds) => sample(atSeconds, 'device', 450 + atSeconds, heap, [1, 1, 2, 2, 2, 3, 3, 3, 4, 4][atSeconds] as number));
    expect(memoryTrend(leaking).paths[0]?.heapFloorMiB).toEqual({ firstHalf: 80, secondHalf: 100 });
  });

  it('has no heap floor for a half without a full collection, however low heapUsed was', () => {
    // A short run: the heap only grows, the lowest sample is just the first one.
    const growing = [40, 80, 120, 160, 200, 240].map((heap, atSeconds) => sample(atSeconds, 'mutation', 300 + atSeconds * 10, heap, 5));
    expect(memoryTrend(growing).paths[0]?.heapFloorMiB).toEqual({ firstHalf: null, secondHalf: null });
  });

  it('counts a collection between the last device sample and the first mutation sample for the mutation path', () => {
    const samples = [sample(0, 'device', 400, 200, 1), sample(1, 'device', 400, 220, 1), sample(2, 'mutation', 400, 70, 2), sample(3, 'mutation', 400, 90, 2)];
    expect(memoryTrend(samples).paths.map((p) => p.heapFloorMiB)).toEqual([
      { firstHalf: null, secondHalf: null },
      { firstHalf: 70, secondHalf: null },
    ]);
  });

  it('reads RSS, heap use and full collections from the service\'s metrics, with or without default labels', () => {
    const text = [
      '# HELP process_resident_memory_bytes Resident memory size in bytes.',
      'process_resident_memory_bytes{service="attendance"} 471859200',
      'nodejs_heap_size_used_bytes{service="attendance"} 62914560',
      'nodejs_gc_duration_seconds_count{service="attendance",kind="minor"} 160',
      'nodejs_gc_duration_seconds_count{service="attendance",kind="major"} 6',
    ].join('\n');
    expect(memoryOfMetrics(text)).toEqual({ rssMiB: 450, heapUsedMiB: 60, majorGcs: 6 });
    expect(memoryOfMetrics('process_resident_memory_bytes 1048576')).toEqual({ rssMiB: 1, heapUsedMiB: null, majorGcs: null });
    // Before the first full collection prom-client has no series for it yet.
    expect(memoryOfMetrics('process_resident_memory_bytes 1048576\nnodejs_gc_duration_seconds_count{kind="minor"} 3')?.majorGcs).toBe(0);
    expect(memoryOfMetrics('nodejs_heap_size_used_bytes 1048576')).toBeNull();
  });

  it('has nothing to say without samples', () => {
    expect(memoryTrend([])).toEqual({ samples: [], startMiB: null, endMiB: null, maxMiB: null, paths: [] });
  });
});

describe('SQL statements per capture', () => {
  it('counts what ran between two snapshots, per capture, busiest first', () => {
    const before = [
      { queryId: 'a', query: 'insert into capture …', calls: 10, totalMs: 100 },
      { queryId: 'b', query: 'select  1\n from x', calls: 5, totalMs: 5 },
    ];
    const after = [
      { queryId: 'a', query: 'insert into capture …', calls: 14, totalMs: 180 },
      { queryId: 'b', query: 'select  1\n from x', calls: 5, totalMs: 5 },
      { queryId: 'c', query: 'insert into day_status …', calls: 4, totalMs: 120 },
    ];
    expect(statementFigures(before, after, 2000)).toEqual({
      statements: 8,
      perCapture: 0.004,
      totalMs: 200,
      top: [
        { query: 'insert into day_status …', perCapture: 0.002, totalMs: 120 },
        { query: 'insert into capture …', perCapture: 0.002, totalMs: 80 },
      ],
    });
    expect(statementFigures(before, after, 0).perCapture).toBeNull();
  });
});

describe('the CPU profile summary', () => {
  it('names the area of a frame', () => {
    expect(areaOf('file:///w/node_modules/@mikro-orm/core/x.js', 'f')).toBe('@mikro-orm/core');
    expect(areaOf('file:///w/node_modules/pg/lib/client.js', 'f')).toBe('pg');
    expect(areaOf('file:///w/services/attendance/src/commands/x.ts', 'f')).toBe('attendance src');
    expect(areaOf('node:internal/streams/writable', 'f')).toBe('node internals');
    expect(areaOf('', '(garbage collector)')).toBe('(garbage collector)');
    expect(areaOf('', 'writeBuffer')).toBe('node internals');
  });

  it('shares self time by area and function, naming the caller of native work', () => {
    const frame = (functionName: string, url = '') => ({ functionName, url, lineNumber: 9 });
    const profile: CpuProfile = {
      nodes: [
        { id: 1, callFrame: frame('(root)'), children: [2, 5] },
        { id: 2, callFrame: frame('recordCaptures', 'file:///w/services/attendance/src/commands/record-captures.ts'), children: [3] },
        { id: 3, callFrame: frame('query', 'file:///w/node_modules/pg/lib/client.js'), children: [4] },
        { id: 4, callFrame: frame('writeBuffer') },
        { id: 5, callFrame: frame('(idle)') },
      ],
      samples: [2, 4, 4, 5],
      timeDeltas: [100, 100, 100, 700],
    };
    const summary = summariseCpuProfile(profile);
    expect(summary.sampledSeconds).toBe(0);
    expect(summary.byArea).toEqual([
      { name: '(idle)', percent: 70 },
      { name: 'node internals', percent: 20 },
      { name: 'attendance src', percent: 10 },
    ]);
    expect(summary.topFunctions[1]).toEqual({ name: 'writeBuffer', percent: 20, via: ['query pg/lib/client.js:10'] });
    expect(summary.topFunctions[2]).toMatchObject({ name: 'recordCaptures attendance/src/commands/record-captures.ts:10', percent: 10 });
  });
});
