// Issue 12 "Nothing half-written after a crash mid-run": the real service process (src/main.ts) computes
// with batches of one employee; the second batch is held on a row lock, the process is killed with SIGKILL
// mid-transaction, and a new process on the same database resumes the run from its cursor. Every employee
// ends with exactly one statement version and the summaries equal a recount.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { Kafka, logLevel } from 'kafkajs';
import { findFreePort } from '@kinerja/local-infra';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, passwordToken, postGraphQL, startConsumerAtTopicEnd, type TestDatabase } from '@kinerja/kit/testing';
import { inputTopics } from '../../src/events/topics.ts';
import { publishEmployee, type TestEmployee } from '../support/events.ts';
import { until } from '../support/until.ts';

const main = fileURLToPath(new URL('../../src/main.ts', import.meta.url));
const run = randomUUID().slice(0, 8);
const INSTANSI = `inst-crash-${run}`;
const groupId = `remuneration-test-crash-${run}`;
const employees: TestEmployee[] = ['a', 'b', 'c'].map((letter, i) => ({
  employeeId: `emp-crash-${letter}-${run}`,
  nip: `19850101201001100${i + 1}`,
  regionCode: '32.15',
  instansiId: INSTANSI,
  unitId: `unit-crash-${run}`,
  kelasJabatan: i === 0 ? 15 : 1,
  golongan: 'III/a',
}));

let database: TestDatabase;
let db: pg.Client;
let kafka: Kafka;
const children: ChildProcess[] = [];

async function startService(): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  let log = '';
  const port = await findFreePort();
  const child = spawn(process.execPath, [main], {
    env: { ...process.env, PORT: String(port), DATABASE_URL: database.url, LOG_LEVEL: 'warn', REMUNERATION_INPUTS_GROUP: groupId, REMUNERATION_BATCH_SIZE: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  child.stdout?.on('data', (chunk: Buffer) => (log = (log + chunk.toString()).slice(-20_000)));
  child.stderr?.on('data', (chunk: Buffer) => (log = (log + chunk.toString()).slice(-20_000)));
  await until('the service to answer /healthz', async () => {
    if (child.exitCode !== null) throw new Error(`service exited: ${log}`);
    return (await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => null))?.ok ? true : undefined;
  });
  return { child, url: `http://127.0.0.1:${port}/graphql`, output: () => log };
}

const query = async <T extends pg.QueryResultRow>(sql: string, params: unknown[] = []) => (await db.query<T>(sql, params)).rows;

beforeAll(async () => {
  database = await createTestDatabase('remuneration_crash');
  db = new pg.Client({ connectionString: database.url });
  await db.connect();
  kafka = new Kafka({ clientId: 'remuneration-crash-test', brokers: (process.env['KAFKA_BROKERS'] ?? 'localhost:9092').split(','), logLevel: logLevel.NOTHING });
  // The service's group starts at the topics' end: it reads what this suite publishes, not the shared backlog.
  for (const topic of Object.values(inputTopics)) await startConsumerAtTopicEnd(groupId, topic);
});

afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await db?.end();
  if (kafka) {
    const admin = kafka.admin();
    await admin.connect();
    await admin.deleteGroups([groupId]).catch(() => undefined);
    await admin.disconnect();
  }
  await database?.drop();
});

describe('a compute run killed mid-batch', () => {
  it('leaves nothing half-written and a new process resumes it without double lines', async () => {
    const first = await startService();
    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    for (const employee of employees) await publishEmployee(producer, employee);
    await producer.disconnect();
    await until('the employees in the read model', async () => ((await query(`select 1 from "employee" where "instansi_id" = $1`, [INSTANSI])).length === 3 ? true : undefined));

    // Hold the second employee's statement: an uncommitted current row makes the service's insert wait.
    const blocker = new pg.Client({ connectionString: database.url });
    await blocker.connect();
    await blocker.query('begin');
    await blocker.query(
      `insert into "tpp_statement" ("id", "employee_id", "month", "version", "current", "instansi_id", "region_code", "nip", "name", "rule_version", "inputs",
         "base", "gross", "deductions", "tax", "net", "lines", "cuts", "run_id", "computed_by", "computed_at", "reason")
       values ($1, $2, '2026-08', 99, true, $3, '32.15', 'x', 'x', $1, 'x', 0, 0, 0, 0, 0, '[]', '{}', $1, 'test', now(), 'penahan')`,
      [randomUUID(), employees[1]!.employeeId, INSTANSI],
    );

    const token = await passwordToken('karawang.admin');
    const started = await postGraphQL(first.url, token, `mutation($i: ID!) { computeTpp(instansiId: $i, month: "2026-08") { id } }`, { i: INSTANSI });
    expect(started.errors).toBeUndefined();
    const runId = (started.data?.['computeTpp'] as { id: string }).id;
    await until('the first batch committed and the second waiting on the lock', async () => {
      const [progress] = await query<{ processed: number }>(`select "processed" from "tpp_run" where "id" = $1`, [runId]);
      const waiting = await query(`select 1 from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`);
      return progress?.processed === 1 && waiting.length > 0 ? true : undefined;
    });
    first.child.kill('SIGKILL');
    await new Promise((resolve) => first.child.once('exit', resolve));
    await blocker.query('rollback');
    await blocker.end();

    // Only the committed batch is there: one statement, one summary contribution, the run still RUNNING at 1.
    expect(await query(`select "employee_id" from "tpp_statement" where "month" = '2026-08'`)).toEqual([{ employee_id: employees[0]!.employeeId }]);
    expect(await query(`select "status", "processed" from "tpp_run" where "id" = $1`, [runId])).toEqual([{ status: 'RUNNING', processed: 1 }]);

    const second = await startService();
    await until('the resumed run to finish', async () => {
      const [state] = await query<{ status: string }>(`select "status" from "tpp_run" where "id" = $1`, [runId]);
      return state?.status === 'RUNNING' ? undefined : state!.status;
    });
    expect(await query(`select "status", "processed", "changed" from "tpp_run" where "id" = $1`, [runId])).toEqual([{ status: 'DONE', processed: 3, changed: 3 }]);
    const versions = await query<{ employee_id: string; n: string }>(`select "employee_id", count(*) as n from "tpp_statement" where "month" = '2026-08' group by 1 order by 1`);
    expect(versions.map((v) => [v.employee_id, Number(v.n)])).toEqual(employees.map((e) => [e.employeeId, 1]).sort());
    const [summary] = await query<{ gross: string; headcount_paid: number }>(`select "gross", "headcount_paid" from "tpp_summary" where "scope_kind" = 'UNIT' and "scope_id" = $1 and "month" = '2026-08'`, [INSTANSI]);
    const [recount] = await query<{ gross: string; n: string }>(`select sum("gross") as gross, count(*) filter (where "gross" > 0) as n from "tpp_statement" where "month" = '2026-08' and "current"`);
    expect([Number(summary!.gross), summary!.headcount_paid]).toEqual([Number(recount!.gross), Number(recount!.n)]);
    const events = await query(`select 1 from "outbox_event" where "type" = 'TppComputed'`);
    expect(events).toHaveLength(3);
    second.child.kill('SIGTERM');
    await new Promise((resolve) => second.child.once('exit', resolve));
  });
});
