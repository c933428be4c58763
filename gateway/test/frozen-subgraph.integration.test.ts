// Issue 14 "Done means": with the real competency subgraph process frozen (SIGSTOP: its sockets stay
// open, nothing answers), a dashboard-like operation through the gateway answers within the configured
// deadline with personnel's data and an error naming the competency part; once competency runs again,
// the same operation gets both parts. Real personnel and competency processes on fresh databases, real
// Keycloak tokens.
import { fileURLToPath } from 'node:url';
import { keycloakAvailable, keycloakRealmUrl, passwordToken } from '@kinerja/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadGatewayConfig } from '../src/config.ts';
import { createLogger } from '../src/observability/logger.ts';
import { startGateway, type RunningGateway } from '../src/server/gateway-server.ts';
import { composeSupergraph, readSubgraphSources } from '../src/supergraph/composition.ts';
import { startCompetency, type CompetencyProcess } from './support/competency-process.ts';
import { writePersonnelFixture } from './support/personnel-fixture.ts';
import { startPersonnel, type PersonnelProcess } from './support/personnel-process.ts';

const servicesDir = fileURLToPath(new URL('../../services', import.meta.url));
const keycloakUp = await keycloakAvailable();
if (!keycloakUp && process.env['CI'])
  throw new Error(`Keycloak is not answering at ${keycloakRealmUrl()}; run \`npm run infra -- up\``);

/** The read deadline under test; the answer must come before it plus MARGIN_MS (a loaded 2-core machine). */
const READ_TIMEOUT_MS = 1500;
const MARGIN_MS = 5000;

// Personnel's region and competency's dictionary, both nullable at the root, so one part can be missing
// without nulling the other (a non-null field of the frozen subgraph would null its parent instead).
const dashboardQuery = `query DasborRingkas($regionCode: String!) {
  region(code: $regionCode) { code headcount }
  competency(code: "M.1") { code name }
}`;

interface GraphQLBody {
  data?: {
    region: { code: string; headcount: number } | null;
    competency: { code: string; name: string } | null;
  } | null;
  errors?: { message: string; path?: unknown[]; extensions?: Record<string, unknown> }[];
}

describe.skipIf(!keycloakUp)('a frozen subgraph behind the gateway', () => {
  let personnel: PersonnelProcess | undefined;
  let competency: CompetencyProcess | undefined;
  let gateway: RunningGateway | undefined;
  let token: string;

  async function askDashboard() {
    const started = performance.now();
    const response = await fetch(gateway!.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: dashboardQuery, variables: { regionCode: '32.15' } }),
    });
    const body = (await response.json()) as GraphQLBody;
    return { status: response.status, body, elapsedMs: performance.now() - started };
  }

  beforeAll(async () => {
    const started = await Promise.allSettled([startPersonnel(), startCompetency()]);
    if (started[0].status === 'fulfilled') personnel = started[0].value;
    if (started[1].status === 'fulfilled') competency = started[1].value;
    const failure = started.find((outcome) => outcome.status === 'rejected');
    if (failure) throw failure.reason;
    await writePersonnelFixture(personnel!.database.url);
    const outcome = composeSupergraph(
      readSubgraphSources(servicesDir).filter((source) => ['personnel', 'competency'].includes(source.name)),
    );
    if (!outcome.ok) throw new Error(outcome.errors.join('\n'));
    const config = loadGatewayConfig({
      PORT: '0',
      KEYCLOAK_URL: process.env['KEYCLOAK_URL'],
      KEYCLOAK_REALM: process.env['KEYCLOAK_REALM'],
      SUBGRAPH_PERSONNEL_URL: personnel!.url,
      SUBGRAPH_COMPETENCY_URL: competency!.url,
      GATEWAY_SUBGRAPH_TIMEOUT_MS: String(READ_TIMEOUT_MS),
    });
    gateway = await startGateway(config, {
      supergraphSdl: outcome.supergraphSdl,
      logger: createLogger('silent'),
    });
    token = await passwordToken('nasional.analis');
  });

  afterAll(async () => {
    const steps = [() => gateway?.stop(), () => competency?.stop(), () => personnel?.stop()];
    for (const step of steps) await step()?.catch(() => undefined);
  });

  it('answers with both parts while competency runs', async () => {
    const { body } = await askDashboard();
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({
      region: { code: '32.15', headcount: 3 },
      competency: { code: 'M.1', name: expect.any(String) },
    });
  });

  it("answers within the deadline with personnel's data and an error for competency while it is frozen", async () => {
    competency!.pause();
    try {
      const { status, body, elapsedMs } = await askDashboard();
      console.info(
        `frozen competency: answered in ${Math.round(elapsedMs)} ms (deadline ${READ_TIMEOUT_MS} ms)`,
      );
      expect(elapsedMs).toBeLessThan(READ_TIMEOUT_MS + MARGIN_MS);
      expect(status).toBe(200);
      expect(body.data).toEqual({ region: { code: '32.15', headcount: 3 }, competency: null });
      expect(body.errors).toEqual([
        {
          message: `Layanan kompetensi tidak menjawab dalam ${READ_TIMEOUT_MS} ms; data dari layanan itu tidak ada dalam jawaban ini`,
          extensions: {
            code: 'SUBGRAPH_TIMEOUT',
            reason: 'subgraph_timeout',
            subgraph: 'competency',
            requestId: expect.any(String),
          },
        },
      ]);
    } finally {
      competency!.resume();
    }
  });

  it('gets both parts again once competency runs again', async () => {
    const { body } = await askDashboard();
    expect(body.errors).toBeUndefined();
    expect(body.data?.competency?.code).toBe('M.1');
    expect(body.data?.region?.headcount).toBe(3);
  });
});
