// Issue 10 "Done means": the national predikat distribution costs O(regions), never O(employees). The probe
// reads Region.predikatDistribution for the nation straight from the performance subgraph (as the gateway's
// `_entities` fetch would) and counts, on the performance database, the SQL statements, the rows they return
// and the shared buffers they touch per read (pg_stat_statements), beside the number of rated evaluations:
// buffers that grew with evaluations would be a scan of employees instead of the maintained counts
// (predikat_summary).
import pg from 'pg';
import { postGraphql } from './graphql-client.ts';
import type { PredikatDistributionProbe } from './report.ts';
import { SqlCounter, countPerOperation } from './sql-counts.ts';

export interface PredikatProbeInput {
  /** The performance subgraph's /graphql. */
  subgraphUrl: string;
  databaseUrl: string;
  /** A token of a national region reader (nasional.pimpinan). */
  token: string;
  year: number;
  /** Region codes read in one operation; the national code by default. */
  regionCodes?: readonly string[];
  repetitions: number;
}

export function predikatDistributionQuery(): string {
  return 'query ($reps: [_Any!]!, $year: Int!) { _entities(representations: $reps) { ... on Region { code predikatDistribution(year: $year) { total counts { predikat employees } } } } }';
}

export async function probePredikatDistribution(input: PredikatProbeInput): Promise<PredikatDistributionProbe> {
  const regionCodes = input.regionCodes ?? ['ID'];
  const variables = { reps: regionCodes.map((code) => ({ __typename: 'Region', code })), year: input.year };
  const read = async () => {
    const answer = await postGraphql(input.subgraphUrl, input.token, predikatDistributionQuery(), variables);
    if (answer.status !== 200 || answer.errors?.length) throw new Error(`Region.predikatDistribution failed: ${answer.status} ${JSON.stringify(answer.errors ?? []).slice(0, 300)}`);
  };
  await read();
  const counter = await SqlCounter.open('performance', input.databaseUrl);
  try {
    const [count] = await countPerOperation([counter], read, input.repetitions);
    return {
      operation: 'Region.predikatDistribution (annual)',
      regions: regionCodes.length,
      evaluations: await evaluationCount(input.databaseUrl),
      method: counter.method,
      statementsPerRead: count?.statements ?? null,
      rowsPerRead: count?.rows ?? null,
      blocksPerRead: count?.blocks ?? null,
    };
  } finally {
    await counter.close();
  }
}

async function evaluationCount(databaseUrl: string): Promise<number | null> {
  const client = new pg.Client({ connectionString: databaseUrl });
  try {
    await client.connect();
    return Number((await client.query('select count(*) as n from evaluation')).rows[0].n);
  } catch {
    return null;
  } finally {
    await client.end().catch(() => {});
  }
}
