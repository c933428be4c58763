// The attendance ingest scenario (issue 11 "Scale": sustained check-ins through the device endpoint and
// the mobile mutation, statuses visible p95 < 2 s, memory flat, and where the time goes). It starts the
// attendance subgraph of this checkout as a child process on a fresh database (the way the launcher runs
// it, with a personnel consumer group of its own that starts at the topic's end), so the run writes no
// capture into a system anyone looks at. The employee read model is filled with synthetic employees
// directly (as a bulk loader would) plus the two demo employees whose Keycloak users check in through the
// mutation; offices, fences and devices are registered through the admin mutations of nasional.admin.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startAttendanceProcess } from '@kinerja/attendance/testing';
import { findFreePort } from '@kinerja/local-infra';
import { startConsumerAtTopicEnd } from '@kinerja/kit/testing';
import { topics } from '@kinerja/proto';
import pg from 'pg';
import { passwordToken, postGraphql } from './graphql-client.ts';
import {
  attlogBody,
  memoryOfMetrics,
  memoryTrend,
  punchAt,
  statementFigures,
  summariseCpuProfile,
  type CpuProfile,
  type IngestPhase,
  type IngestResult,
  type MemorySample,
  type PlannedPunch,
  type PunchPlan,
  type StatementStat,
} from './ingest-figures.ts';
import { summariseLatencies } from './latency.ts';

export const INGEST_SCENARIO = 'attendance-ingest';

export interface IngestOptions {
  /** DATABASE_URL (server), KAFKA_BROKERS, KEYCLOAK_URL, KEYCLOAK_REALM for the child process. */
  env: Record<string, string | undefined>;
  keycloakUrl: string;
  realm: string;
  password: string;
  employees: number;
  devices: number;
  linesPerPost: number;
  /** Concurrent checkIn mutations. */
  connections: number;
  durationSeconds: number;
  /** Writes a V8 CPU profile of the service and summarises it. */
  cpuProfile: boolean;
  log: (line: string) => void;
}

const DEMO_EMPLOYEES = [
  { employeeId: 'bench-pegawai', nip: '199001152015032001', username: 'karawang.pegawai' },
  { employeeId: 'bench-atasan', nip: '197805122003121003', username: 'karawang.atasan' },
];
const CENTRE = { latitude: -6.3048, longitude: 107.3036 };
const ZONE_OFFSET = '+07:00';
const SEEN_TIMEOUT_MS = 10_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const wibDate = (at: Date) => new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);

async function fillReadModel(db: pg.Client, employees: number): Promise<string[]> {
  const ids = Array.from({ length: employees }, (_, i) => `bench-${String(i + 1).padStart(7, '0')}`);
  const nips = ids.map((_, i) => `2000010120200${String(i + 1).padStart(5, '0')}`);
  const units = ids.map((_, i) => `bench-unit-${i % 50}`);
  await db.query(
    `insert into employee (employee_id, nip, name, region_code, unit_id, instansi_id, unit_path, supervisor_id, status, last_event_at)
     select id, nip, 'Pegawai bench ' || id, '32.15', unit, 'bench-inst', array['bench-inst', unit], null, 'ACTIVE', now()
     from unnest($1::text[], $2::text[], $3::text[]) as e(id, nip, unit)`,
    [
      [...ids, ...DEMO_EMPLOYEES.map((e) => e.employeeId)],
      [...nips, ...DEMO_EMPLOYEES.map((e) => e.nip)],
      [...units, ...DEMO_EMPLOYEES.map(() => 'bench-unit-0')],
    ],
  );
  await db.query(`insert into org_unit_scope (unit_id, region_code) select distinct unnest($1::text[]), '32.15' on conflict do nothing`, [['bench-inst', ...new Set(units)]]);
  return ids;
}

async function adminSetup(graphqlUrl: string, token: string, devices: number): Promise<{ officeId: string; serials: string[] }> {
  const call = async (query: string, variables: Record<string, unknown>) => {
    const answer = await postGraphql(graphqlUrl, token, query, variables);
    if (answer.errors?.length) throw new Error(`persiapan bench gagal: ${JSON.stringify(answer.errors).slice(0, 300)}`);
    return answer.data as Record<string, { id: string }>;
  };
  const office = await call('mutation ($input: RegisterOfficeInput!) { registerOffice(input: $input) { id } }', {
    input: { instansiId: 'bench-inst', name: 'Kantor bench presensi', regionCode: '32.15', timeZone: 'Asia/Jakarta' },
  });
  const officeId = (office['registerOffice'] as { id: string }).id;
  await call('mutation ($input: AddGeofenceInput!) { addGeofence(input: $input) { id } }', { input: { officeId, name: 'Halaman kantor', ...CENTRE } });
  const serials = Array.from({ length: devices }, (_, i) => `BENCH${String(i + 1).padStart(4, '0')}`);
  for (const serial of serials) await call('mutation ($input: RegisterDeviceInput!) { registerDevice(input: $input) { id } }', { input: { officeId, serial, name: `Mesin ${serial}` } });
  for (const employee of DEMO_EMPLOYEES) await call('mutation ($e: ID!, $o: ID!) { placeEmployee(employeeId: $e, officeId: $o) { id } }', { e: employee.employeeId, o: officeId });
  return { officeId, serials };
}

async function statementStats(db: pg.Client): Promise<StatementStat[] | null> {
  try {
    const result = await db.query(
      `select s.queryid::text as query_id, s.query, s.calls::bigint as calls, s.total_exec_time as total_ms
       from pg_stat_statements s join pg_database d on d.oid = s.dbid
       where d.datname = current_database() and s.query !~* 'pg_stat_statements|pg_database'`,
    );
    return result.rows.map((row: { query_id: string; query: string; calls: string; total_ms: number }) => ({ queryId: row.query_id, query: row.query, calls: Number(row.calls), totalMs: Number(row.total_ms) }));
  } catch {
    return null;
  }
}

async function captureCount(db: pg.Client): Promise<number> {
  return Number((await db.query('select count(*) as n from capture')).rows[0].n);
}

/** RSS, V8 heap use and full collections from the service's ops port (prom-client default metrics). */
async function memoryNow(metricsUrl: string): Promise<ReturnType<typeof memoryOfMetrics>> {
  try {
    return memoryOfMetrics(await (await fetch(metricsUrl, { signal: AbortSignal.timeout(2000) })).text());
  } catch {
    return null;
  }
}

/** What a path's load loop reports. */
interface PhaseRun {
  seconds: number;
  requests: number;
  errors: number;
  errorKinds: Record<string, number>;
  latencies: number[];
}

interface PushSample {
  employeeId: string;
  punch: PlannedPunch;
  sentAt: number;
}

/** Polls the employee's month until the day shows the capture as its first in / last out. */
async function timeToStatus(graphqlUrl: string, token: string, sample: PushSample): Promise<number | null> {
  const instant = Date.parse(`${sample.punch.time.replace(' ', 'T')}${ZONE_OFFSET}`);
  const field = sample.punch.status === 0 ? 'firstIn' : 'lastOut';
  const deadline = sample.sentAt + SEEN_TIMEOUT_MS;
  while (performance.now() < deadline) {
    let answer: Awaited<ReturnType<typeof postGraphql>>;
    try {
      answer = await postGraphql(
        graphqlUrl,
        token,
        'query ($reps: [_Any!]!, $month: String!) { _entities(representations: $reps) { ... on Employee { attendance(month: $month) { days { date firstIn lastOut } } } } }',
        { reps: [{ __typename: 'Employee', id: sample.employeeId }], month: sample.punch.date.slice(0, 7) },
      );
    } catch {
      // A poll that fails (a socket closed while the service paused, e.g. for a heap snapshot) is a poll that
      // did not see the capture yet: the sample counts as not seen if none succeeds before the deadline,
      // instead of the failure aborting the whole scenario.
      await sleep(20);
      continue;
    }
    const days = (answer.data as { _entities?: { attendance: { days: { date: string; firstIn: string | null; lastOut: string | null }[] } | null }[] } | null)?._entities?.[0]?.attendance?.days ?? [];
    const seen = days.find((d) => d.date === sample.punch.date)?.[field];
    if (seen && Date.parse(seen) === instant) return performance.now() - sample.sentAt;
    await sleep(20);
  }
  return null;
}

async function devicePhase(options: IngestOptions, baseUrl: string, graphqlUrl: string, readerToken: string, serials: string[], pinsOf: string[][], employeeOfPin: Map<string, string>) {
  const stopAt = performance.now() + options.durationSeconds * 1000;
  const latencies: number[] = [];
  const toStatus: number[] = [];
  let notSeen = 0;
  let requests = 0;
  let errors = 0;
  const errorKinds: Record<string, number> = {};
  let latest: PushSample | null = null;
  const lastDate = wibDate(new Date(Date.now() - 86_400_000));
  const jitter = Math.random();
  const pushers = serials.map(async (serial, d) => {
    // 40 working days back stays inside the 62-day window of accepted capture times.
    const plan: PunchPlan = { pins: pinsOf[d] as string[], lastDate, maxRounds: 80, jitter };
    let index = 0;
    let wrapped = false;
    while (performance.now() < stopAt) {
      if (!wrapped && index >= plan.pins.length * plan.maxRounds) {
        wrapped = true;
        options.log(`  ${INGEST_SCENARIO}: ${serial} went through its punch plan; later pushes repeat captures (counted once): give more --employees`);
      }
      const punches = Array.from({ length: options.linesPerPost }, (_, i) => punchAt(plan, index + i));
      index += options.linesPerPost;
      const sentAt = performance.now();
      try {
        const response = await fetch(`${baseUrl}/iclock/cdata?SN=${serial}&table=ATTLOG&Stamp=9999`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: attlogBody(punches) });
        const body = await response.text();
        if (response.status === 200 && body.startsWith('OK')) {
          requests += 1;
          latencies.push(performance.now() - sentAt);
          const punch = punches[punches.length - 1] as PlannedPunch;
          latest = { employeeId: employeeOfPin.get(punch.pin) as string, punch, sentAt };
        } else {
          errors += 1;
          errorKinds[`HTTP ${response.status}`] = (errorKinds[`HTTP ${response.status}`] ?? 0) + 1;
        }
      } catch (error) {
        errors += 1;
        errorKinds[(error as Error).message] = (errorKinds[(error as Error).message] ?? 0) + 1;
      }
    }
  });
  const sampler = (async () => {
    let previous: PushSample | null = null;
    while (performance.now() < stopAt) {
      const sample: PushSample | null = latest;
      if (sample === null || sample === previous) {
        await sleep(20);
        continue;
      }
      previous = sample;
      const ms = await timeToStatus(graphqlUrl, readerToken, sample);
      if (ms === null) notSeen += 1;
      else toStatus.push(ms);
      await sleep(100);
    }
  })();
  const started = performance.now();
  await Promise.all([...pushers, sampler]);
  return { seconds: (performance.now() - started) / 1000, requests, errors, errorKinds, latencies, toStatus, notSeen };
}

async function mutationPhase(options: IngestOptions, graphqlUrl: string, tokens: string[]) {
  const stopAt = performance.now() + options.durationSeconds * 1000;
  const latencies: number[] = [];
  const errorKinds: Record<string, number> = {};
  let requests = 0;
  let errors = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: options.connections }, async (_, c) => {
      let n = c;
      while (performance.now() < stopAt) {
        const token = tokens[n++ % tokens.length] as string;
        const sentAt = performance.now();
        try {
          const answer = await postGraphql(graphqlUrl, token, 'mutation ($input: CheckInInput!) { checkIn(input: $input) { capture { id } day { status } } }', {
            input: { kind: n % 2 === 0 ? 'IN' : 'OUT', ...CENTRE, accuracyMeters: 10 },
          });
          if (answer.status === 200 && !answer.errors?.length) {
            requests += 1;
            latencies.push(performance.now() - sentAt);
          } else {
            errors += 1;
            const reason = String((answer.errors?.[0] as { extensions?: { reason?: string; code?: string } } | undefined)?.extensions?.reason ?? `HTTP ${answer.status}`);
            errorKinds[reason] = (errorKinds[reason] ?? 0) + 1;
          }
        } catch (error) {
          errors += 1;
          const reason = (error as Error).message;
          errorKinds[reason] = (errorKinds[reason] ?? 0) + 1;
        }
      }
    }),
  );
  return { seconds: (performance.now() - started) / 1000, requests, errors, latencies, errorKinds };
}

function newestProfile(dir: string): CpuProfile | null {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.cpuprofile'))
    .map((f) => join(dir, f));
  // The watchdog writes one too; the service's is the big one.
  const largest = files.sort((a, b) => statSync(b).size - statSync(a).size)[0];
  return largest === undefined ? null : (JSON.parse(readFileSync(largest, 'utf8')) as CpuProfile);
}

export async function runAttendanceIngest(options: IngestOptions): Promise<IngestResult> {
  const groupId = `bench-attendance-${randomUUID().slice(0, 8)}`;
  const group = await startConsumerAtTopicEnd(groupId, topics.personnelEmployee, options.env);
  const profileDir = options.cpuProfile ? mkdtempSync(join(tmpdir(), 'kinerja-bench-cpu-')) : null;
  const opsPort = await findFreePort();
  const extraEnv: Record<string, string> = { OPS_PORT: String(opsPort), ATTENDANCE_EMPLOYEE_GROUP: groupId };
  if (profileDir !== null) extraEnv['NODE_OPTIONS'] = `${options.env['NODE_OPTIONS'] ?? ''} --cpu-prof --cpu-prof-dir=${profileDir}`.trim();
  options.log(`  ${INGEST_SCENARIO}: starting the attendance subgraph on a fresh database`);
  const service = await startAttendanceProcess(options.env, extraEnv);
  const db = new pg.Client({ connectionString: service.database.url });
  const memory: MemorySample[] = [];
  let sampling = true;
  let result: IngestResult | undefined;
  try {
    await db.connect();
    // Available where pg_stat_statements is preloaded (the launcher's server); else no SQL figures.
    await db.query('create extension if not exists pg_stat_statements').catch(() => undefined);
    const graphqlUrl = service.url;
    const baseUrl = graphqlUrl.replace(/\/graphql$/, '');
    const employeeIds = await fillReadModel(db, options.employees);
    const admin = await passwordToken(options.keycloakUrl, options.realm, 'nasional.admin', options.password);
    const { officeId, serials } = await adminSetup(graphqlUrl, admin, options.devices);
    // PINs 1..N, each device serving a disjoint slice (every device of an office knows every PIN).
    const pins = employeeIds.map((_, i) => String(i + 1));
    await db.query('insert into device_pin (office_id, pin, employee_id) select $1::uuid, unnest($2::text[]), unnest($3::text[])', [officeId, pins, employeeIds]);
    const employeeOfPin = new Map(pins.map((pin, i) => [pin, employeeIds[i] as string]));
    const pinsOf = serials.map((_, d) => pins.filter((_, i) => i % serials.length === d));
    const reader = await passwordToken(options.keycloakUrl, options.realm, 'nasional.pimpinan', options.password);
    const checkInTokens = await Promise.all(DEMO_EMPLOYEES.map((e) => passwordToken(options.keycloakUrl, options.realm, e.username, options.password)));

    const metricsUrl = `http://127.0.0.1:${opsPort}/metrics`;
    const t0 = performance.now();
    let runningPath: IngestPhase['path'] = 'device';
    const memoryLoop = (async () => {
      while (sampling) {
        const path = runningPath;
        const now = await memoryNow(metricsUrl);
        if (now !== null) memory.push({ atSeconds: (performance.now() - t0) / 1000, path, ...now });
        await sleep(1000);
      }
    })();

    // Each path between two snapshots of the statements and a count of the stored captures.
    const measure = async (path: IngestPhase['path'], run: () => Promise<PhaseRun>): Promise<IngestPhase> => {
      runningPath = path;
      const stats = await statementStats(db);
      const count = await captureCount(db);
      const done = await run();
      const statsAfter = await statementStats(db);
      const captures = (await captureCount(db)) - count;
      return {
        path,
        seconds: Math.round(done.seconds * 10) / 10,
        requests: done.requests,
        captures,
        capturesPerSecond: Math.round(captures / done.seconds),
        requestLatency: summariseLatencies(done.latencies),
        errors: done.errors,
        errorKinds: done.errorKinds,
        sql: stats && statsAfter ? statementFigures(stats, statsAfter, captures) : null,
      };
    };
    options.log(`  ${INGEST_SCENARIO}: ${options.devices} devices × ${options.linesPerPost} lines per push, ${options.durationSeconds} s, ${options.employees} employees`);
    let device: Awaited<ReturnType<typeof devicePhase>> | undefined;
    const devicePath = await measure('device', async () => (device = await devicePhase(options, baseUrl, graphqlUrl, reader, serials, pinsOf, employeeOfPin)));

    // The child consumes the broker's personnel.employee.v1 like any attendance service: a stack sharing the
    // broker may have published the demo employees by now, under other ids. Whichever the token's NIP finds
    // must be placed at the bench office.
    await db.query(
      `insert into employee_office (employee_id, office_id) select employee_id, $1::uuid from employee where nip = any($2::text[])
       on conflict (employee_id) do update set office_id = excluded.office_id`,
      [officeId, DEMO_EMPLOYEES.map((e) => e.nip)],
    );
    options.log(`  ${INGEST_SCENARIO}: checkIn mutation, ${options.connections} connections, ${options.durationSeconds} s`);
    const mutationPath = await measure('mutation', () => mutationPhase(options, graphqlUrl, checkInTokens));
    const toStatus = device?.toStatus ?? [];
    sampling = false;
    await memoryLoop;
    result = {
      name: INGEST_SCENARIO,
      settings: { employees: options.employees, devices: options.devices, linesPerPost: options.linesPerPost, connections: options.connections, durationSeconds: options.durationSeconds },
      phases: [devicePath, mutationPath],
      captureToStatus: { ...summariseLatencies(toStatus), samples: toStatus.length, notSeen: device?.notSeen ?? 0 },
      memory: memoryTrend(memory),
      cpu: null,
    };
    return result;
  } finally {
    sampling = false;
    await db.end().catch(() => undefined);
    await service.stop();
    await group.delete();
    if (profileDir !== null) {
      try {
        const profile = newestProfile(profileDir);
        // The profile is written when the service exits, so it lands on the result after the return.
        if (result !== undefined && profile !== null) result.cpu = summariseCpuProfile(profile);
      } catch (error) {
        options.log(`  ${INGEST_SCENARIO}: CPU profile unreadable: ${(error as Error).message}`);
      }
      rmSync(profileDir, { recursive: true, force: true });
    }
  }
}
