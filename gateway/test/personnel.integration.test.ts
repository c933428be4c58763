// Issue 3 "Done means", through the gateway with real Keycloak tokens and the real personnel subgraph
// (its own fresh database): token scoping by region and by person, 401 without a token, and a hire that
// leaves a protobuf event on personnel.employee.v1.
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { EmployeeChange, EmployeeChangedSchema, fromBinary, topics } from '@kinerja/proto';
import { Kafka, logLevel, type Consumer } from 'kafkajs';
import pg from 'pg';
import { fileURLToPath } from 'node:url';
import { keycloakAvailable, keycloakRealmUrl, passwordToken } from '@kinerja/kit/testing';
import { ensureTopics } from '@kinerja/kit/events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadGatewayConfig } from '../src/config.ts';
import { createLogger } from '../src/observability/logger.ts';
import { startGateway, type RunningGateway } from '../src/server/gateway-server.ts';
import { composeSupergraph, readSubgraphSources } from '../src/supergraph/composition.ts';
import { fixtureNips, writePersonnelFixture, type PersonnelFixture } from './support/personnel-fixture.ts';
import { startPersonnel, type PersonnelProcess } from './support/personnel-process.ts';

const servicesDir = fileURLToPath(new URL('../../services', import.meta.url));
const personnelReady =
  existsSync(`${servicesDir}/personnel/schema.graphql`) && process.env['KINERJA_SKIP_PERSONNEL'] !== '1';
const keycloakUp = await keycloakAvailable();
if (!keycloakUp && process.env['CI'])
  throw new Error(`Keycloak is not answering at ${keycloakRealmUrl()}; run \`npm run infra -- up\``);

interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

const employeesQuery = `query DaftarPegawai($filter: EmployeeFilter) {
  employees(filter: $filter, first: 100) { totalCount nodes { nip region { code } } }
}`;

describe.skipIf(!keycloakUp || !personnelReady)('gateway + personnel + Keycloak', () => {
  let personnel: PersonnelProcess;
  let gateway: RunningGateway;
  let fixture: PersonnelFixture;
  const tokens = new Map<string, string>();

  async function post(query: string, username?: string, variables?: Record<string, unknown>) {
    let token = username ? tokens.get(username) : undefined;
    if (username && !token) {
      token = await passwordToken(username);
      tokens.set(username, token);
    }
    const response = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, body: (await response.json()) as GraphQLBody };
  }

  type EmployeeList = {
    employees: { totalCount: number; nodes: { nip: string; region: { code: string } }[] };
  };

  beforeAll(async () => {
    personnel = await startPersonnel();
    fixture = await writePersonnelFixture(personnel.database.url);
    // Only personnel: this suite is about personnel's scoping, whatever state the other subgraphs are in.
    const outcome = composeSupergraph(
      readSubgraphSources(servicesDir).filter((source) => source.name === 'personnel'),
    );
    if (!outcome.ok) throw new Error(outcome.errors.join('\n'));
    const config = loadGatewayConfig({
      PORT: '0',
      KEYCLOAK_URL: process.env['KEYCLOAK_URL'],
      KEYCLOAK_REALM: process.env['KEYCLOAK_REALM'],
      SUBGRAPH_PERSONNEL_URL: personnel.url,
    });
    gateway = await startGateway(config, {
      supergraphSdl: outcome.supergraphSdl,
      logger: createLogger('silent'),
    });
  }, 120_000);

  afterAll(async () => {
    await gateway?.stop();
    await personnel?.stop();
  }, 30_000);

  it('refuses a request without a token with 401 before reaching personnel', async () => {
    const { status, body } = await post(employeesQuery);
    expect(status).toBe(401);
    expect(body.errors?.[0]?.extensions).toEqual({ code: 'UNAUTHENTICATED', reason: 'missing_token' });
  });

  it('lets the analis of province 32 see only region codes starting with 32', async () => {
    const { status, body } = await post(employeesQuery, 'jabar.analis');
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const { nodes, totalCount } = (body.data as EmployeeList).employees;
    expect(nodes.map((node) => node.nip).sort()).toEqual(
      [
        fixtureNips.atasan,
        fixtureNips.pegawai,
        fixtureNips.karawangColleague,
        fixtureNips.bandung,
        fixtureNips.jabarProvince,
      ].sort(),
    );
    expect(totalCount).toBe(5);
    for (const node of nodes) expect(node.region.code).toMatch(/^32(\.|$)/);
  });

  it('gives the analis of 32 nothing, or FORBIDDEN, when asking for region 36', async () => {
    const { body } = await post(employeesQuery, 'jabar.analis', { filter: { regionCode: '36' } });
    if (body.errors) {
      expect(body.errors[0]?.extensions?.['code']).toBe('FORBIDDEN');
      expect(JSON.stringify(body.data ?? null)).not.toContain(fixtureNips.tangerang1);
    } else {
      expect((body.data as EmployeeList).employees).toEqual({ totalCount: 0, nodes: [] });
    }
  });

  it('shows the Banten analis the region 36 employees the Jabar analis cannot see', async () => {
    const { body } = await post(employeesQuery, 'banten.analis');
    expect(body.errors).toBeUndefined();
    expect((body.data as EmployeeList).employees.nodes.map((node) => node.nip).sort()).toEqual(
      [fixtureNips.tangerang1, fixtureNips.tangerang2].sort(),
    );
  });

  it('gives a pegawai her own record through me', async () => {
    const { body } = await post('{ me { id nip name region { code } } }', 'karawang.pegawai');
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({
      me: {
        id: fixture.ids.pegawai,
        nip: fixtureNips.pegawai,
        name: 'Siti Rahmawati',
        region: { code: '32.15' },
      },
    });
  });

  it.each([
    ['by id', (f: PersonnelFixture) => `{ employee(id: "${f.ids.karawangColleague}") { nip name } }`],
    ['by NIP', () => `{ employee(nip: "${fixtureNips.karawangColleague}") { nip name } }`],
  ])('does not let a pegawai read a colleague %s', async (_how, query) => {
    const { body } = await post(query(fixture), 'karawang.pegawai');
    expect(JSON.stringify(body)).not.toContain('Agus Pratama');
    if (body.errors) expect(body.errors[0]?.extensions?.['code']).toBe('FORBIDDEN');
    else expect(body.data).toEqual({ employee: null });
  });

  it('lists a pegawai herself and her own atasan, never a colleague', async () => {
    // personnel's rule (domain/visibility.ts): every viewer with a NIP also sees their own direct
    // supervisor, on every read path including lists; nobody else appears.
    const { body } = await post(employeesQuery, 'karawang.pegawai');
    expect(body.errors).toBeUndefined();
    const { nodes, totalCount } = (body.data as EmployeeList).employees;
    expect(nodes.map((node) => node.nip).sort()).toEqual([fixtureNips.atasan, fixtureNips.pegawai].sort());
    expect(totalCount).toBe(2);
  });

  // Issue 9: an asesor names the people of their region they assess (name, NIP, position, unit), and
  // reads no personal data, grade or reporting line (personnel domain/visibility.ts).
  it('lets karawang.asesor name a Karawang employee but not read their birth date or golongan', async () => {
    const query = `{ employee(nip: "${fixtureNips.pegawai}") { nip name position { title } unit { name } birthDate golongan } }`;
    const { status, body } = await post(query, 'karawang.asesor');
    expect(status).toBe(200);
    expect(body.data).toEqual({
      employee: { nip: fixtureNips.pegawai, name: 'Siti Rahmawati', position: { title: expect.any(String) }, unit: { name: expect.any(String) }, birthDate: null, golongan: null },
    });
    expect(body.errors?.map((error) => [error.path?.join('.'), error.extensions?.['code'], error.extensions?.['reason']]).sort()).toEqual([
      ['employee.birthDate', 'FORBIDDEN', 'employee_field_restricted'],
      ['employee.golongan', 'FORBIDDEN', 'employee_field_restricted'],
    ]);
  });

  describe("a pegawai's own atasan langsung", () => {
    const kepalaNip = '196901011990031001';

    beforeAll(async () => {
      // The atasan's own supervisor, which the pegawai must not see. Written in Jawa Tengah (33) so the
      // exact region-scoping lists above stay true whatever order the tests run in.
      const client = new pg.Client({ connectionString: personnel.database.url });
      await client.connect();
      try {
        const unitId = randomUUID();
        await client.query(
          "insert into org_unit (id, name, region_code, parent_id, instansi_id) values ($1, 'Pemerintah Provinsi Jawa Tengah', '33', null, $1)",
          [unitId],
        );
        const kepalaId = randomUUID();
        await client.query(
          `insert into employee (id, nip, name, gender, birth_date, tmt_cpns, employment_type, golongan, position_id, unit_id, region_code, supervisor_id)
           values ($1, $2, 'Bambang Suharto', 'MALE', '1969-01-01', '1990-03-01', 'PNS', 'IV/c', $3, $4, '33', null)`,
          [kepalaId, kepalaNip, fixture.positionId, unitId],
        );
        await client.query('update employee set supervisor_id = $1 where id = $2', [kepalaId, fixture.ids.atasan]);
      } finally {
        await client.end();
      }
    });

    it('comes back through me { supervisor }, but not the supervisor above him', async () => {
      const { body } = await post(
        '{ me { supervisor { nip name supervisor { nip name } } } }',
        'karawang.pegawai',
      );
      expect(body.errors).toBeUndefined();
      expect(body.data).toEqual({
        me: { supervisor: { nip: fixtureNips.atasan, name: 'Budi Santoso', supervisor: null } },
      });
    });

    it('can be read by NIP and by id', async () => {
      const byNip = await post(`{ employee(nip: "${fixtureNips.atasan}") { id nip name } }`, 'karawang.pegawai');
      expect(byNip.body.errors).toBeUndefined();
      expect(byNip.body.data).toEqual({
        employee: { id: fixture.ids.atasan, nip: fixtureNips.atasan, name: 'Budi Santoso' },
      });
      const byId = await post(`{ employee(id: "${fixture.ids.atasan}") { nip } }`, 'karawang.pegawai');
      expect(byId.body.data).toEqual({ employee: { nip: fixtureNips.atasan } });
    });

    it("does not open the atasan's own supervisor nor a peer under the same atasan", async () => {
      for (const nip of [kepalaNip, fixtureNips.karawangColleague]) {
        const { body } = await post(`{ employee(nip: "${nip}") { nip name } }`, 'karawang.pegawai');
        expect(JSON.stringify(body)).not.toMatch(/Bambang Suharto|Agus Pratama/);
        if (body.errors) expect(body.errors[0]?.extensions?.['code']).toBe('FORBIDDEN');
        else expect(body.data).toEqual({ employee: null });
      }
      const { body } = await post('{ me { supervisor { subordinates { nip } } } }', 'karawang.pegawai');
      expect(body.data).toEqual({ me: { supervisor: { subordinates: [{ nip: fixtureNips.pegawai }] } } });
    });
  });

  describe('a hire through the gateway', () => {
    let consumer: Consumer;
    const received: { key: string; headers: Record<string, string>; value: Buffer }[] = [];

    beforeAll(async () => {
      const kafka = new Kafka({
        clientId: 'gateway-test',
        brokers: (process.env['KAFKA_BROKERS'] ?? 'localhost:9092').split(','),
        logLevel: logLevel.NOTHING,
      });
      // A fresh broker (CI's) has no topics yet: create it and its .dlq the way the services' consumers do.
      await ensureTopics(kafka, [topics.personnelEmployee]);
      consumer = kafka.consumer({ groupId: `gateway-test-${randomUUID()}` });
      await consumer.connect();
      await consumer.subscribe({ topic: topics.personnelEmployee, fromBeginning: true });
      await consumer.run({
        eachMessage: async ({ message }) => {
          const headers = Object.fromEntries(
            Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)]),
          );
          received.push({
            key: message.key?.toString() ?? '',
            headers,
            value: message.value ?? Buffer.alloc(0),
          });
        },
      });
    }, 120_000);

    afterAll(async () => {
      await consumer?.disconnect();
    }, 30_000);

    it('publishes EmployeeChanged (HIRED) that a consumer decodes', async () => {
      const { body } = await post(
        'mutation Rekrut($input: HireEmployeeInput!) { hireEmployee(input: $input) { id nip region { code } } }',
        'jabar.admin',
        {
          input: {
            nip: '199507172020122004',
            name: 'Rina Kartika',
            gender: 'FEMALE',
            birthDate: '1995-07-17',
            employmentType: 'PNS',
            golongan: 'III/a',
            positionId: fixture.positionId,
            unitId: fixture.karawangUnitId,
            supervisorId: fixture.ids.atasan,
          },
        },
      );
      expect(body.errors).toBeUndefined();
      const hired = (body.data as { hireEmployee: { id: string; nip: string; region: { code: string } } })
        .hireEmployee;
      expect(hired).toMatchObject({ nip: '199507172020122004', region: { code: '32.15' } });

      await expect
        .poll(() => received.filter((message) => message.key === hired.id).length, {
          timeout: 30_000,
          interval: 250,
        })
        .toBe(1);
      const message = received.find((candidate) => candidate.key === hired.id);
      const event = fromBinary(EmployeeChangedSchema, message?.value ?? new Uint8Array());
      expect(event).toMatchObject({
        change: EmployeeChange.HIRED,
        employeeId: hired.id,
        nip: '199507172020122004',
        name: 'Rina Kartika',
        regionCode: '32.15',
        unitId: fixture.karawangUnitId,
        supervisorId: fixture.ids.atasan,
      });
      expect(message?.headers['event-id']).toBe(event.eventId);
    }, 60_000);
  });
});
