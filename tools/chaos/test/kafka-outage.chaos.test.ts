// Issue 14, chaos: "Kafka stopped for 60 s during a stream of writes, then started (0 events lost, 0
// applied twice)". Real personnel and competency processes on a private broker: hires keep succeeding
// during the outage (the outbox holds their events), and once the broker is back every event reaches
// competency's read model exactly once.
import { passwordToken, type SubgraphProcess } from '@kinerja/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { printCounts, waitFor } from '../src/counts.ts';
import { hireStream, prepareHiring } from '../src/personnel-writes.ts';
import { freshEmployeeGroup, privateKafka, sqlOne, startCompetency, startPersonnel, type PrivateKafka } from '../src/processes.ts';

const OUTAGE_SECONDS = Number(process.env['CHAOS_OUTAGE_SECONDS'] ?? 60);
const BEFORE_SECONDS = 10;
const AFTER_SECONDS = 10;

describe('Kafka stopped during a stream of writes', () => {
  let kafka: PrivateKafka;
  let personnel: SubgraphProcess;
  let competency: SubgraphProcess;
  let groupId: string;

  beforeAll(async () => {
    kafka = await privateKafka();
    const env = { ...process.env, KAFKA_BROKERS: kafka.brokers };
    groupId = await freshEmployeeGroup(env);
    [personnel, competency] = await Promise.all([startPersonnel(env), startCompetency(env, groupId)]);
  });
  afterAll(async () => {
    await Promise.allSettled([personnel?.stop(), competency?.stop()]);
    await kafka?.remove();
  });

  it(`loses no event and applies none twice across a ${OUTAGE_SECONDS} s outage`, async () => {
    const target = await prepareHiring(personnel.url, await passwordToken('nasional.admin'));
    let streaming = true;
    const stream = hireStream(target, 1, () => !streaming);
    await new Promise((r) => setTimeout(r, BEFORE_SECONDS * 1000));
    await kafka.stop();
    const outageStarted = Date.now();
    await new Promise((r) => setTimeout(r, OUTAGE_SECONDS * 1000));
    await kafka.start();
    const outageSeconds = Math.round((Date.now() - outageStarted) / 1000);
    await new Promise((r) => setTimeout(r, AFTER_SECONDS * 1000));
    streaming = false;
    const outcomes = await stream;
    const hired = outcomes.flatMap((o) => (o.ok ? [o.employeeId] : []));

    const personnelDb = personnel.database.url;
    const competencyDb = competency.database.url;
    const caughtUp = await waitFor(async () => {
      const row = await sqlOne<{ n: string }>(competencyDb, 'select count(*) as n from employee where employee_id = any($1)', [hired]);
      return Number(row.n) === hired.length;
    }, 180_000);
    const outbox = await sqlOne<{ events: string; published: string }>(personnelDb, "select count(*) as events, count(published_at) as published from outbox_event where topic = 'personnel.employee.v1'");
    const readModel = await sqlOne<{ n: string }>(competencyDb, 'select count(*) as n from employee where employee_id = any($1)', [hired]);
    const processed = await sqlOne<{ rows: string; distinct: string }>(competencyDb, 'select count(*) as rows, count(distinct event_id) as distinct from processed_event where consumer_group = $1', [groupId]);
    const counts = {
      outageSeconds,
      writes: outcomes.length,
      writesOk: hired.length,
      writesFailed: outcomes.length - hired.length,
      eventsInOutbox: Number(outbox.events),
      eventsPublished: Number(outbox.published),
      appliedToReadModel: Number(readModel.n),
      processedEvents: Number(processed.rows),
      lost: hired.length - Number(readModel.n),
      appliedTwice: Number(processed.rows) - Number(processed.distinct),
      caughtUp,
    };
    printCounts('kafka-outage', counts);
    expect(outcomes.filter((o) => !o.ok).slice(0, 3)).toEqual([]);
    expect(hired.length).toBeGreaterThan(10);
    expect(counts).toMatchObject({ eventsInOutbox: hired.length, eventsPublished: hired.length, appliedToReadModel: hired.length, processedEvents: hired.length, lost: 0, appliedTwice: 0, caughtUp: true });
  });
});
