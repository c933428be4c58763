// Issue 14, chaos: "a consumer killed mid-batch and restarted (0 double effects)". Personnel publishes a
// backlog of hires; competency starts reading it and is killed with SIGKILL (no shutdown hook, offsets
// not committed for what it was doing) while part of the backlog is applied; a new competency process on
// the same database and consumer group finishes the backlog. Each event's effect and its processed_event
// row commit in one transaction, so the redelivered part is skipped, not applied again.
import { createTestDatabase, passwordToken, type SubgraphProcess, type TestDatabase } from '@kinerja/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { printCounts, waitFor } from '../src/counts.ts';
import { hire, prepareHiring, type HireOutcome } from '../src/personnel-writes.ts';
import { freshEmployeeGroup, sqlOne, startCompetency, startPersonnel } from '../src/processes.ts';

const BACKLOG = Number(process.env['CHAOS_BACKLOG'] ?? 1500);
const HIRING_CONCURRENCY = 8;

describe('a consumer killed mid-batch', () => {
  let personnel: SubgraphProcess;
  let competency: SubgraphProcess | undefined;
  let competencyDb: TestDatabase;
  let groupId: string;

  beforeAll(async () => {
    groupId = await freshEmployeeGroup(process.env);
    personnel = await startPersonnel(process.env);
    competencyDb = await createTestDatabase('chaos_competency');
  });
  afterAll(async () => {
    await Promise.allSettled([personnel?.stop(), competency?.stop()]);
    await competencyDb?.drop();
  });

  it('applies every event exactly once after a SIGKILL and a restart', async () => {
    const target = await prepareHiring(personnel.url, await passwordToken('nasional.admin'));
    const outcomes: HireOutcome[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: HIRING_CONCURRENCY }, async () => {
        while (next < BACKLOG) outcomes.push(await hire(target, 2, next++));
      }),
    );
    const hired = outcomes.flatMap((o) => (o.ok ? [o.employeeId] : []));
    expect(outcomes.filter((o) => !o.ok).slice(0, 3)).toEqual([]);
    const published = await waitFor(async () => {
      const row = await sqlOne<{ n: string }>(personnel.database.url, 'select count(*) as n from outbox_event where published_at is null');
      return Number(row.n) === 0;
    }, 120_000);
    expect(published).toBe(true);

    const applied = async () => Number((await sqlOne<{ n: string }>(competencyDb.url, 'select count(*) as n from employee where employee_id = any($1)', [hired])).n);
    competency = await startCompetency(process.env, groupId, competencyDb);
    // Kill as soon as part of the backlog is in: the process is then inside a batch.
    await waitFor(async () => (await applied()) > 0, 120_000, 20);
    await competency.kill();
    const appliedAtKill = await applied();

    competency = await startCompetency(process.env, groupId, competencyDb);
    const caughtUp = await waitFor(async () => (await applied()) === hired.length, 180_000);
    const processed = await sqlOne<{ rows: string; distinct: string }>(competencyDb.url, 'select count(*) as rows, count(distinct event_id) as distinct from processed_event where consumer_group = $1', [groupId]);
    const counts = {
      backlog: hired.length,
      appliedAtKill,
      appliedAfterRestart: await applied(),
      processedEvents: Number(processed.rows),
      doubleEffects: Number(processed.rows) - Number(processed.distinct),
      caughtUp,
    };
    printCounts('consumer-kill', counts);
    expect(appliedAtKill).toBeLessThan(hired.length);
    expect(counts).toMatchObject({ appliedAfterRestart: hired.length, processedEvents: hired.length, doubleEffects: 0, caughtUp: true });
  });
});
