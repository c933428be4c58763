// Issue 14, chaos: "PostgreSQL restarted during writes (each write either fully there or fully absent,
// clients get a retryable error)". Personnel runs on a private PostgreSQL server that is restarted while
// hires stream in. Afterwards every hire the client saw succeed has its employee row and its outbox event;
// every refused one has neither; and a refusal says the client may retry (SERVICE_UNAVAILABLE).
import { passwordToken, type SubgraphProcess } from '@kinerja/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { printCounts } from '../src/counts.ts';
import { hireStream, prepareHiring } from '../src/personnel-writes.ts';
import { privatePostgres, sqlOne, startPersonnel, type PrivatePostgres } from '../src/processes.ts';

describe('PostgreSQL restarted during writes', () => {
  let postgres: PrivatePostgres;
  let personnel: SubgraphProcess;

  beforeAll(async () => {
    postgres = await privatePostgres();
    personnel = await startPersonnel({ ...process.env, DATABASE_URL: postgres.serverUrl });
  });
  afterAll(async () => {
    await personnel?.stop().catch(() => undefined);
    await postgres?.remove();
  });

  it('leaves each write whole or absent and tells the refused clients to retry', async () => {
    const target = await prepareHiring(personnel.url, await passwordToken('nasional.admin'));
    let streaming = true;
    const stream = hireStream(target, 3, () => !streaming, 20);
    await new Promise((r) => setTimeout(r, 5000));
    const restartStarted = Date.now();
    await postgres.restart();
    const restartSeconds = Math.round((Date.now() - restartStarted) / 100) / 10;
    await new Promise((r) => setTimeout(r, 10_000));
    streaming = false;
    const outcomes = await stream;

    const db = personnel.database.url;
    const present = async (nip: string) => {
      const row = await sqlOne<{ employees: string; events: string }>(
        db,
        `select (select count(*) from employee where nip = $1) as employees,
                (select count(*) from outbox_event o join employee e on o.key = e.id::text where e.nip = $1) as events`,
        [nip],
      );
      return { employees: Number(row.employees), events: Number(row.events) };
    };
    let wholeOk = 0;
    let halfWritten = 0;
    let refusedButWritten = 0;
    let refusedAbsent = 0;
    for (const outcome of outcomes) {
      const { employees, events } = await present(outcome.nip);
      if (employees !== events) halfWritten++;
      else if (outcome.ok && employees === 1) wholeOk++;
      else if (!outcome.ok && employees === 0) refusedAbsent++;
      else if (!outcome.ok) refusedButWritten++;
    }
    const refused = outcomes.filter((o) => !o.ok);
    const retryable = refused.filter((o) => !o.ok && o.code === 'SERVICE_UNAVAILABLE');
    const counts = {
      restartSeconds,
      writes: outcomes.length,
      ok: outcomes.length - refused.length,
      okWhole: wholeOk,
      refused: refused.length,
      refusedAbsent,
      refusedButWritten,
      halfWritten,
      refusedRetryable: retryable.length,
      refusedCodes: [...new Set(refused.map((o) => (o.ok ? '' : `${o.code}/${o.reason}`)))].join('+') || 'none',
    };
    printCounts('postgres-restart', counts);
    expect(refused.length).toBeGreaterThan(0);
    expect(counts).toMatchObject({ okWhole: outcomes.length - refused.length, halfWritten: 0, refusedRetryable: refused.length });
    // A write the client saw refused may still have committed (the answer was lost, not the write): it must then be whole.
    expect(refusedAbsent + refusedButWritten).toBe(refused.length);
  });
});
