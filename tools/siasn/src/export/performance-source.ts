// The finalised results come from the performance service through the gateway (never from its tables):
// `finalisedResults` a page at a time, with the people's NIP, name, SIASN id, golongan, position and unit
// resolved by personnel, and the instansi's periods for the months of each period. The tool logs in to
// Keycloak as its own confidential client (client credentials): a service account with the
// admin-kepegawaian role for the region it exports.
import type { FinalisedResultInput, Predikat, RatingLevel } from '../domain/skp-export.ts';
import { CachedToken } from './oauth-token.ts';

export interface GraphqlSource {
  graphqlUrl: string;
  token: CachedToken;
}

export interface ServiceAccount {
  keycloakUrl: string;
  realm: string;
  clientId: string;
  clientSecret: string;
}

export function serviceAccountToken(account: ServiceAccount): CachedToken {
  return new CachedToken({
    url: `${account.keycloakUrl.replace(/\/+$/, '')}/realms/${account.realm}/protocol/openid-connect/token`,
    form: { grant_type: 'client_credentials', client_id: account.clientId, client_secret: account.clientSecret },
  });
}

const PERSON = 'id nip name siasnId';
const FINALISED_RESULTS = `query SiasnExport($instansiId: ID!, $year: Int!, $period: String, $first: Int, $after: String) {
  finalisedResults(instansiId: $instansiId, year: $year, period: $period, first: $first, after: $after) {
    nodes { period hasilKerja perilakuKerja predikat skp { employee { ${PERSON} } } rater { ${PERSON} golongan position { title } unit { name } } }
    endCursor hasNextPage
  }
}`;
const PERIODS = 'query SiasnExportPeriods($instansiId: ID!, $year: Int!) { evaluationPeriods(year: $year, instansiId: $instansiId) { code start end } }';

interface Person {
  id: string;
  nip: string;
  name: string;
  siasnId: string | null;
}

interface ResultNode {
  period: string;
  hasilKerja: RatingLevel;
  perilakuKerja: RatingLevel;
  predikat: Predikat;
  skp: { employee: Person };
  rater: (Person & { golongan: string | null; position: { title: string }; unit: { name: string } }) | null;
}

export class GraphqlError extends Error {}

async function query<T>(source: GraphqlSource, text: string, variables: Record<string, unknown>): Promise<T> {
  const response = await fetch(source.graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await source.token.get()}` },
    body: JSON.stringify({ query: text, variables }),
  });
  const body = (await response.json().catch(() => ({}))) as { data?: T; errors?: { message: string; extensions?: { reason?: string } }[] };
  if (body.errors?.length || !body.data) {
    const error = body.errors?.[0];
    throw new GraphqlError(`gateway ${response.status}: ${error?.message ?? 'tanpa data'}${error?.extensions?.reason ? ` (${error.extensions.reason})` : ''}`);
  }
  return body.data;
}

/** Every finalised result of an instansi's year (or one period), page by page. */
export async function* readFinalisedResults(
  source: GraphqlSource,
  selection: { instansiId: string; year: number; period?: string | null; pageSize?: number },
): AsyncGenerator<FinalisedResultInput> {
  const { evaluationPeriods } = await query<{ evaluationPeriods: { code: string; start: string; end: string }[] }>(source, PERIODS, { instansiId: selection.instansiId, year: selection.year });
  const periods = new Map(evaluationPeriods.map((p) => [p.code, p]));
  let after: string | null = null;
  for (;;) {
    const page: { finalisedResults: { nodes: ResultNode[]; endCursor: string | null; hasNextPage: boolean } } = await query(source, FINALISED_RESULTS, {
      instansiId: selection.instansiId,
      year: selection.year,
      period: selection.period ?? null,
      first: selection.pageSize ?? 200,
      after,
    });
    for (const node of page.finalisedResults.nodes) {
      const period = periods.get(node.period);
      if (!period) throw new GraphqlError(`periode ${node.period} tidak ada di skema periode instansi ${selection.instansiId} tahun ${selection.year}`);
      const { rater } = node;
      yield {
        employee: node.skp.employee,
        rater: rater && { id: rater.id, nip: rater.nip, name: rater.name, siasnId: rater.siasnId, golongan: rater.golongan, positionTitle: rater.position.title, unitName: rater.unit.name },
        year: selection.year,
        period: node.period,
        periodStart: period.start,
        periodEnd: period.end,
        hasilKerja: node.hasilKerja,
        perilakuKerja: node.perilakuKerja,
        predikat: node.predikat,
      };
    }
    if (!page.finalisedResults.hasNextPage) return;
    after = page.finalisedResults.endCursor;
  }
}
