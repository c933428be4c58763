// Verifies the audit chains of each subgraph's database (kit audit.ts: append-only, hash-chained
// audit_entry) with a plain PostgreSQL client: every link recomputed, the first broken one named.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { verifyAuditChain, type AuditChainReport, type SqlRunner } from '@kinerja/kit/audit';

/** The subgraphs of the repository: the services/* packages declaring `kinerja.subgraph.port`. */
export function subgraphNames(root: string): string[] {
  return readdirSync(join(root, 'services'))
    .filter((name) => {
      try {
        const pkg = JSON.parse(readFileSync(join(root, 'services', name, 'package.json'), 'utf8')) as { kinerja?: { subgraph?: unknown } };
        return pkg.kinerja?.subgraph !== undefined;
      } catch {
        return false;
      }
    })
    .sort();
}

/** A service's database on a server URL (`kinerja_<service>`, as the launcher and compose name it). */
export function serviceDatabaseUrl(serverUrl: string, service: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/kinerja_${service}`;
  return url.toString();
}

/** The kit's `?` placeholders as pg's `$1…`. */
function runner(client: pg.Client): SqlRunner {
  return {
    execute: async <T>(sql: string, params: unknown[] = []) => {
      let index = 0;
      const result = await client.query(sql.replace(/\?/g, () => `$${(index += 1)}`), params);
      return result.rows as T;
    },
  };
}

export interface ServiceVerification extends AuditChainReport {
  service: string;
}

export async function verifyDatabase(service: string, databaseUrl: string): Promise<ServiceVerification> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return { service, ...(await verifyAuditChain(runner(client))) };
  } finally {
    await client.end();
  }
}
