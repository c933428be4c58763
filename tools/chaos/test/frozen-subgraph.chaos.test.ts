// Issue 14, chaos: "a subgraph frozen under dashboard load (gateway stays up, answers within the bound
// with partial data)". Ten clients ask a dashboard-like operation through the gateway without pause;
// meanwhile the competency process is frozen (SIGSTOP: sockets open, nothing answers) for 20 s. Every
// answer must come within the gateway's read deadline plus a margin, carry personnel's part, and name
// the missing part; none may be a 5xx; once competency runs again, answers are whole again.
import { passwordToken, type SubgraphProcess } from '@kinerja/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningGateway } from '../../../gateway/src/server/gateway-server.ts';
import { printCounts } from '../src/counts.ts';
import { gatewayOver } from '../src/gateway.ts';
import { postGraphql } from '../src/graphql.ts';
import { freshEmployeeGroup, startCompetency, startPersonnel } from '../src/processes.ts';

/** The gateway's read deadline in this scenario (GATEWAY_SUBGRAPH_TIMEOUT_MS). */
const READ_TIMEOUT_MS = 2000;
/** A loaded 2-core machine runs the gateway, both subgraphs, PostgreSQL and the ten clients. */
const MARGIN_MS = 3000;
const FROZEN_SECONDS = 20;

const dashboard = '{ region(code: "32") { code name } competency(code: "M.1") { code name } }';
type Dashboard = { region: { code: string; name: string } | null; competency: { code: string; name: string } | null };

describe('a subgraph frozen under dashboard load', () => {
  let personnel: SubgraphProcess;
  let competency: SubgraphProcess;
  let gateway: RunningGateway;

  beforeAll(async () => {
    const groupId = await freshEmployeeGroup(process.env);
    [personnel, competency] = await Promise.all([startPersonnel(process.env), startCompetency(process.env, groupId)]);
    gateway = await gatewayOver({ personnel: personnel.url, competency: competency.url }, { GATEWAY_SUBGRAPH_TIMEOUT_MS: String(READ_TIMEOUT_MS) });
  });
  afterAll(async () => {
    competency?.resume();
    await gateway?.stop();
    await Promise.allSettled([personnel?.stop(), competency?.stop()]);
  });

  it('keeps answering within the bound with personnel\'s data and an error naming competency', async () => {
    const token = await passwordToken('nasional.pimpinan');
    type Sample = { askedAt: number; status: number | null; elapsedMs: number; whole: boolean; personnelPart: boolean; missingNamed: string | null };
    const samples: Sample[] = [];
    let running = true;
    const client = async () => {
      while (running) {
        const askedAt = Date.now();
        const outcome = await postGraphql<Dashboard>(gateway.url, token, dashboard, undefined, 60_000);
        if (outcome.kind === 'no-answer') {
          samples.push({ askedAt, status: null, elapsedMs: outcome.elapsedMs, whole: false, personnelPart: false, missingNamed: null });
          continue;
        }
        const { answer } = outcome;
        samples.push({
          askedAt,
          status: answer.status,
          elapsedMs: outcome.elapsedMs,
          whole: !answer.errors?.length && answer.data?.competency?.code === 'M.1',
          personnelPart: answer.data?.region?.name === 'Jawa Barat',
          missingNamed: (answer.errors?.[0]?.extensions?.['subgraph'] as string | undefined) ?? null,
        });
      }
    };
    const clients = Array.from({ length: 10 }, client);
    await new Promise((r) => setTimeout(r, 5000));
    competency.pause();
    const frozenFrom = Date.now();
    await new Promise((r) => setTimeout(r, FROZEN_SECONDS * 1000));
    competency.resume();
    const frozenUntil = Date.now();
    // The breaker half-opens after its reset time (10 s by default): wait for it, then for whole answers.
    await new Promise((r) => setTimeout(r, 15_000));
    running = false;
    await Promise.all(clients);

    // Asked while frozen; a question asked in the last read deadline before the resume may still get
    // competency's answer once it runs again, so only earlier ones must name the missing part.
    const frozen = samples.filter((s) => s.askedAt >= frozenFrom && s.askedAt < frozenUntil);
    const surelyMissing = frozen.filter((s) => s.askedAt < frozenUntil - READ_TIMEOUT_MS);
    const lastAfter = samples.filter((s) => s.askedAt >= frozenUntil).slice(-20);
    const counts = {
      requests: samples.length,
      duringFreeze: frozen.length,
      status5xx: samples.filter((s) => s.status !== null && s.status >= 500).length,
      noAnswer: samples.filter((s) => s.status === null).length,
      frozenWithPersonnelData: frozen.filter((s) => s.personnelPart).length,
      frozenNamingCompetency: frozen.filter((s) => s.missingNamed === 'competency').length,
      askedBeforeLastDeadline: surelyMissing.length,
      thoseNamingCompetency: surelyMissing.filter((s) => s.missingNamed === 'competency').length,
      frozenMaxMs: Math.round(Math.max(0, ...frozen.map((s) => s.elapsedMs))),
      boundMs: READ_TIMEOUT_MS + MARGIN_MS,
      wholeAfterResume: lastAfter.filter((s) => s.whole).length,
      lastAfterResume: lastAfter.length,
    };
    printCounts('frozen-subgraph', counts);
    expect(frozen.length).toBeGreaterThan(10);
    expect(counts).toMatchObject({ status5xx: 0, noAnswer: 0, frozenWithPersonnelData: frozen.length, wholeAfterResume: lastAfter.length });
    expect(counts.thoseNamingCompetency).toBe(surelyMissing.length);
    expect(counts.frozenMaxMs).toBeLessThan(READ_TIMEOUT_MS + MARGIN_MS);
    expect((await fetch(gateway.url.replace('/graphql', '/healthz'))).status).toBe(200);
  });
});
