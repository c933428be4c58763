// The audit test every subgraph runs (test/integration/audit.integration.test.ts): it lists the Mutation
// fields of the service's schema.graphql and needs, for each, a call in the service's table that succeeds
// and leaves at least one audit entry with the mutation's name, who made it and why; a mutation without an
// entry in the table fails the test, naming it. Then the chains verify, a tampered entry is refused by the
// table's trigger, and the auditor reads the entries through `<service>AuditLog`.
import { Kind, parse, print, type DefinitionNode } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from './audit.ts';
import { ensureRealmUser, type RealmUser } from './testing-keycloak.ts';
import { auditLogField, auditLogSdl } from './audit-log.ts';
import type { GraphQLResult, TestSubgraph } from './testing.ts';

/** The names of the Mutation fields an SDL declares (type Mutation and its extensions). */
export function mutationFieldNames(sdl: string): string[] {
  return parse(sdl).definitions.flatMap((definition) =>
    (definition.kind === Kind.OBJECT_TYPE_DEFINITION || definition.kind === Kind.OBJECT_TYPE_EXTENSION) && definition.name.value === 'Mutation'
      ? (definition.fields ?? []).map((field) => field.name.value)
      : [],
  );
}

/** One successful call of the mutation through the suite's subgraph; earlier calls' results may be used. */
export type AuditedCall = () => Promise<GraphQLResult>;

export interface AuditCoverageOptions {
  service: string;
  /** The text of the service's schema.graphql. */
  sdl: string;
  /** Starts the suite's subgraph (the service's harness); stopped after the suite. */
  start: () => Promise<TestSubgraph>;
  /**
   * Keyed by Mutation field; called in this order, so a call may use what an earlier one created. Given
   * the running harness. To cover a new mutation, add `<name>: async () => h.gql(token, '<document>', vars)`.
   */
  calls: (harness: TestSubgraph) => Record<string, AuditedCall>;
  /** What the suite runs before the calls (publish read-model events, …). */
  prepare?: (harness: TestSubgraph) => Promise<void>;
  /** A mutation call refused for bad input: it must leave no audit entry (the entry shares the transaction). */
  refused?: (harness: TestSubgraph) => AuditedCall;
}

/** A test-only auditor of one regency, to show the audit log is region-scoped. */
const regencyAuditor: RealmUser = {
  username: 'karawang.auditor',
  firstName: 'Auditor',
  lastName: 'Karawang',
  roles: ['auditor', 'default-roles-asn'],
  attributes: { region_code: ['32.15'] },
};

const typeDefinitionsNamed = (sdl: string, names: readonly string[]): string[] =>
  parse(sdl)
    .definitions.filter((definition: DefinitionNode) => 'name' in definition && definition.name !== undefined && names.includes(definition.name.value))
    .map((definition) => print(definition));

export function describeAuditCoverage(options: AuditCoverageOptions): void {
  const mutations = mutationFieldNames(options.sdl);
  let harness: TestSubgraph;
  let calls: Record<string, AuditedCall>;
  describe(`${options.service}: every mutation writes an audit entry`, () => {
    beforeAll(async () => {
      harness = await options.start();
      calls = options.calls(harness);
      await options.prepare?.(harness);
    }, 120_000);
    afterAll(async () => {
      await harness?.stop();
    });

    it('schema.graphql declares the audit log with the kit\'s types', () => {
      const withPageLimit = /import:\s*\[[^\]]*"@pageLimit"/.test(options.sdl);
      const expected = auditLogSdl(options.service, withPageLimit);
      const shared = ['AuditEntry', 'AuditEntryPage', 'AuditLogFilter'];
      expect(typeDefinitionsNamed(options.sdl, shared)).toEqual(typeDefinitionsNamed(expected, shared));
      const field = (sdl: string) =>
        parse(sdl)
          .definitions.flatMap((d) => ((d.kind === Kind.OBJECT_TYPE_DEFINITION || d.kind === Kind.OBJECT_TYPE_EXTENSION) && d.name.value === 'Query' ? (d.fields ?? []) : []))
          .filter((f) => f.name.value === auditLogField(options.service))
          .map((f) => print(f));
      expect(field(options.sdl)).toEqual(field(expected));
    });

    it('the table has a call for every mutation of schema.graphql and none for a mutation it lacks', () => {
      const missing = mutations.filter((name) => !(name in calls));
      const unknown = Object.keys(calls).filter((name) => !mutations.includes(name));
      expect(missing, `add a call for these mutations to the table of test/integration/audit.integration.test.ts`).toEqual([]);
      expect(unknown, 'calls for mutations schema.graphql does not declare').toEqual([]);
    });

    it('each call succeeds and writes audit entries naming the mutation, the caller and the request, in order', async () => {
      const uncovered: string[] = [];
      for (const [name, call] of Object.entries(calls)) {
        if (!mutations.includes(name)) continue;
        const [{ n: before } = { n: 0 }] = await harness.sql<{ n: number }>('select count(*)::int as n from audit_entry where operation = ?', [name]);
        const result = await call();
        expect(result.errors, `${name}: ${JSON.stringify(result.errors)}`).toBeUndefined();
        const rows = await harness.sql<{ actor_username: string; request_id: string; entity_type: string }>(
          'select actor_username, request_id, entity_type from audit_entry where operation = ? order by seq offset ?',
          [name, before],
        );
        if (rows.length === 0) uncovered.push(name);
        for (const row of rows) {
          expect(row.actor_username).not.toBe('');
          expect(row.request_id).not.toBe('');
        }
      }
      expect(uncovered, 'mutations that changed nothing the audit saw (hand-written SQL needs recordAudit)').toEqual([]);
    }, 240_000);

    const { refused } = options;
    // Registered only for a service with a mutation to refuse (a generated one may have none yet).
    if (refused) it('a refused mutation leaves no audit entry', async () => {
      const [{ n: before } = { n: 0 }] = await harness.sql<{ n: number }>('select count(*)::int as n from audit_entry');
      const result = await refused(harness)();
      expect(result.errors?.[0]?.extensions?.['code']).toBeDefined();
      const [{ n: after } = { n: 0 }] = await harness.sql<{ n: number }>('select count(*)::int as n from audit_entry');
      expect(after).toBe(before);
    });

    it('the chains verify, refuse edits and deletes, and name an entry changed behind the trigger', async () => {
      // Two entries of its own (inserting is what the table allows), so a service with few mutations
      // still has entries to check and a page to read.
      for (let i = 0; i < 2; i += 1) {
        await harness.sql(
          `insert into audit_entry (id, actor_subject, actor_username, actor_roles, operation, request_id, entity_type, action)
           values (gen_random_uuid(), 'audit-test', 'audit-test', '[]', 'auditCoverageTest', 'audit-test', 'audit_entry', 'insert')`,
        );
      }
      const report = await verifyAuditChain({ execute: (sql, params) => harness.sql(sql, params) as never });
      expect(report.firstBroken).toBeNull();
      expect(report.entries).toBeGreaterThanOrEqual(mutations.length + 2);
      const [last] = await harness.sql<{ seq: string; chain: number }>(`select seq::text as seq, chain from audit_entry where operation = 'auditCoverageTest' order by seq desc limit 1`);
      const seq = Number(last?.seq);
      await expect(harness.sql(`update audit_entry set reason = 'diubah' where seq = ?`, [seq])).rejects.toThrow(/append-only/);
      await expect(harness.sql('delete from audit_entry where seq = ?', [seq])).rejects.toThrow(/append-only/);
      // Someone with the power to disable triggers edits an entry: verify names it and its chain.
      await harness.sql('alter table audit_entry disable trigger audit_entry_append_only');
      await harness.sql(`update audit_entry set reason = 'diubah' where seq = ?`, [seq]);
      await harness.sql('alter table audit_entry enable trigger audit_entry_append_only');
      const tampered = await verifyAuditChain({ execute: (sql, params) => harness.sql(sql, params) as never });
      expect(tampered.firstBroken).toEqual({ seq, chain: last?.chain, problem: 'hash does not match the content (entry edited)' });
    });

    it(`the auditor reads the entries through ${auditLogField(options.service)}, newest first; an employee may not`, async () => {
      const field = auditLogField(options.service);
      const query = `query ($first: Int) { ${field}(first: $first) { nodes { seq operation actorUsername requestId hash prevHash } hasNextPage endCursor } }`;
      const audited = await harness.gql(await harness.token('nasional.auditor'), query, { first: 2 });
      expect(audited.errors).toBeUndefined();
      const page = (audited.data?.[field] ?? {}) as { nodes: { seq: string; operation: string }[]; hasNextPage: boolean; endCursor: string };
      expect(page.nodes).toHaveLength(2);
      expect(Number(page.nodes[0]?.seq)).toBeGreaterThan(Number(page.nodes[1]?.seq));
      expect(page.hasNextPage).toBe(true);
      const refused = await harness.gql(await harness.token('karawang.pegawai'), query, { first: 2 });
      expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'missing_role' });
    });

    it(`a regency auditor reads only the entries of the regency, and no other region`, async () => {
      await ensureRealmUser(regencyAuditor);
      const token = await harness.token(regencyAuditor.username);
      const field = auditLogField(options.service);
      const result = await harness.gql(token, `{ ${field}(first: 200) { nodes { regionCode } } }`);
      expect(result.errors).toBeUndefined();
      const regions = ((result.data?.[field] as { nodes: { regionCode: string | null }[] }).nodes ?? []).map((node) => node.regionCode);
      const [{ n } = { n: -1 }] = await harness.sql<{ n: number }>(`select count(*)::int as n from audit_entry where region_code = '32.15' or region_code like '32.15.%'`);
      expect(regions).toHaveLength(Math.min(n, 200));
      expect(regions.every((code) => code === '32.15' || code?.startsWith('32.15.'))).toBe(true);
      const outside = await harness.gql(token, `{ ${field}(filter: { regionCode: "36" }) { nodes { seq } } }`);
      expect(outside.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'region_out_of_scope' });
    });
  });
}
