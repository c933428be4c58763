// The attendance ingest scenario run end to end, briefly: this checkout's attendance subgraph as a child
// process on a fresh database, real Kafka and Keycloak, two devices pushing and one checkIn loop for two
// seconds each. It asserts what the report holds, never how fast: no timing assertions.
import { beforeAll, describe, expect, it } from 'vitest';
import { runAttendanceIngest } from '../src/attendance-ingest.ts';
import type { IngestResult } from '../src/ingest-figures.ts';
import { demoLogin } from '../src/settings.ts';

let result: IngestResult;
const log: string[] = [];

beforeAll(async () => {
  result = await runAttendanceIngest({
    env: process.env,
    ...demoLogin(process.env),
    // 400: two seconds of pushes stay within the punch plan (80 rounds per employee), so no line repeats.
    employees: 400,
    devices: 2,
    linesPerPost: 20,
    connections: 1,
    durationSeconds: 2,
    cpuProfile: true,
    log: (line) => log.push(line),
  });
}, 180_000);

describe('a short real run of the attendance ingest scenario', () => {
  it('stores the devices’ pushes and the check-ins, counting them in the database', () => {
    const [device, mutation] = result.phases;
    const why = JSON.stringify({ phases: result.phases.map(({ sql: _sql, ...phase }) => phase), log });
    expect(result.phases.map((p) => p.path)).toEqual(['device', 'mutation']);
    expect(device?.errors, why).toBe(0);
    expect(device?.requests, why).toBeGreaterThan(0);
    // Every line of every answered push is a new capture (disjoint employees, no repeated punch).
    expect(device?.captures, why).toBe((device?.requests ?? 0) * 20);
    expect(mutation?.requests, why).toBeGreaterThan(0);
    expect(mutation?.captures, why).toBe(mutation?.requests);
    // Two check-ins of one employee in the same millisecond are one capture (the second is refused).
    expect(Object.keys(mutation?.errorKinds ?? {}).every((kind) => kind === 'duplicate_capture'), why).toBe(true);
  });

  it('saw captures reach the day status through GraphQL', () => {
    expect(result.captureToStatus.samples).toBeGreaterThan(0);
    expect(result.captureToStatus.notSeen).toBe(0);
    expect(result.captureToStatus.p50).toBeLessThanOrEqual(result.captureToStatus.p95);
  });

  it('reports memory, SQL statements per capture and the CPU profile', () => {
    expect(result.memory.samples.length).toBeGreaterThan(0);
    expect(result.memory.startMiB).toBeGreaterThan(0);
    expect(result.memory.paths.map((p) => p.path)).toEqual(['device', 'mutation']);
    expect(result.memory.samples.every((s) => s.heapUsedMiB !== null && s.heapUsedMiB > 0)).toBe(true);
    // prom-client's GC series appear with the first collection; after seconds of load there has been one.
    expect(result.memory.samples.at(-1)?.majorGcs).toBeGreaterThanOrEqual(0);
    // The launcher's PostgreSQL preloads pg_stat_statements (bench/README.md).
    expect(result.phases[0]?.sql?.perCapture).toBeGreaterThan(0);
    expect(result.phases[0]?.sql?.top.length).toBeGreaterThan(0);
    expect(result.cpu?.byArea.length).toBeGreaterThan(0);
    expect(result.cpu?.topFunctions.length).toBeGreaterThan(0);
    expect(log.some((line) => line.includes('starting the attendance subgraph'))).toBe(true);
  });
});
