// Issue 13 item 4: SQL statements of every list and `_entities` path of every subgraph, at 10 and at 100
// rows. The paths come from each running subgraph's own schema (introspection), so a field added later is
// measured without editing this file: every member of `_Entity` (the @key types) gives one row for its
// reference with its leaf fields and one row per object or list field, asked for through `_entities`
// with 10 and with 100 representations; every root field with a `first` argument (the paged lists) gives
// one row asked for with `first: 10` and `first: 100`. A count that grows with the rows is an N+1.
// Statements are counted in the subgraph's own database as everywhere in the bench (sql-counts.ts).
import {
  buildClientSchema,
  getIntrospectionQuery,
  getNamedType,
  isLeafType,
  isNonNullType,
  isObjectType,
  isUnionType,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
  type IntrospectionQuery,
} from 'graphql';
import pg from 'pg';
import { postGraphql } from './graphql-client.ts';
import type { SqlCountMethod } from './report.ts';
import type { SubgraphName } from './scenarios.ts';
import { SqlCounter, countPerOperation } from './sql-counts.ts';

export const STATEMENT_TABLE_SCENARIO = 'statement-counts';
export const STATEMENT_TABLE_SIZES = [10, 100] as const;

/** The keys the `_entities` rows resolve and the values of the arguments a field requires, read once. */
export interface PathInputs {
  /** Keys of each entity type by its typename (Region: codes; the others: ids), most populated first. */
  keys: Record<string, string[]>;
  /** Values by argument name for required arguments (year, month, instansiId). */
  argumentValues: Record<string, string | number>;
}

export interface StatementPath {
  subgraph: SubgraphName;
  /** `Query.employees`, `_entities Employee` (reference and leaf fields) or `_entities Employee.skps`. */
  path: string;
  /** Builds the request for `rows` rows. */
  request: (rows: number) => { query: string; variables?: Record<string, unknown> };
  /** Rows actually answered (entities or list nodes). */
  answered: (data: unknown) => number;
}

export interface StatementRow {
  subgraph: string;
  path: string;
  user: string | null;
  /** Statements at each of STATEMENT_TABLE_SIZES (null: not measured). */
  statements: (number | null)[];
  /** Rows the subgraph answered at each size (fewer than asked: the data holds fewer). */
  rows: (number | null)[];
  /** no: the count grows with the rows; yes: it does not while more rows were answered; unproven: no more rows in the data, or errors. */
  constant: 'yes' | 'no' | 'unproven';
  /** First GraphQL error of the path (every demo user tried was refused, or the field failed). */
  error: string | null;
}

export interface StatementTable {
  sizes: number[];
  method: SqlCountMethod;
  /** Employees in personnel's database when measured (the data size). */
  employees: number | null;
  rows: StatementRow[];
}

/** Demo users tried in turn for a path: the first one answered without errors measures it. */
export const READERS = ['nasional.analis', 'nasional.pimpinan', 'nasional.admin', 'nasional.auditor'];

/** Levels of object fields selected below a path's field; deeper lists are other paths' rows. */
const DEPTH_BELOW_FIELD = 2;

/** The argument string for a field's required arguments, or null when one of them has no value. */
function argumentsOf(field: GraphQLField<unknown, unknown>, values: PathInputs['argumentValues'], extra: Record<string, string> = {}): string | null {
  const parts: string[] = [];
  for (const arg of field.args) {
    if (arg.name in extra) {
      parts.push(`${arg.name}: ${extra[arg.name]}`);
      continue;
    }
    if (!isNonNullType(arg.type) || arg.defaultValue !== undefined) continue;
    const value = values[arg.name];
    if (value === undefined) return null;
    parts.push(`${arg.name}: ${JSON.stringify(value)}`);
  }
  return parts.length ? `(${parts.join(', ')})` : '';
}

/**
 * Fields only their own subject may read (performance: an employee's feedback requests): no demo reader
 * sees them for other employees, so they are left out of the selections below other fields (their own
 * `_entities` row shows the refusal).
 */
export const SELF_ONLY_FIELDS = new Set(['Employee.feedbackRequests']);

/** Every leaf field of `type`, and its object fields down to `depth` levels, with required arguments filled. */
export function selectionOf(type: GraphQLObjectType, depth: number, values: PathInputs['argumentValues']): string {
  const parts: string[] = [];
  for (const field of Object.values(type.getFields())) {
    if (field.name.startsWith('__') || SELF_ONLY_FIELDS.has(`${type.name}.${field.name}`)) continue;
    const args = argumentsOf(field, values);
    if (args === null) continue;
    const named = getNamedType(field.type);
    if (isLeafType(named)) parts.push(`${field.name}${args}`);
    else if (depth > 0 && isObjectType(named)) parts.push(`${field.name}${args} { ${selectionOf(named, depth - 1, values)} }`);
    else if (depth > 0 && isUnionType(named)) parts.push(`${field.name}${args} { __typename }`);
  }
  return parts.length ? parts.join(' ') : '__typename';
}

/**
 * `count` keys spread evenly over all of them, so the smaller request has entities of the same kinds as the
 * larger one (big and small units, with and without children): a count that then grows is the rows, not
 * nested levels only the larger sample reaches.
 */
export function spread<T>(keys: readonly T[], count: number): T[] {
  const n = Math.min(count, keys.length);
  return Array.from({ length: n }, (_, i) => keys[Math.floor((i * keys.length) / n)] as T);
}

const keyFieldOf = (typename: string): string => (typename === 'Region' ? 'code' : 'id');

function firstListLength(value: unknown): number {
  if (Array.isArray(value)) return value.length;
  if (value && typeof value === 'object') {
    // A connection or page: the first list among its fields (nodes, edges).
    for (const inner of Object.values(value)) if (Array.isArray(inner)) return inner.length;
  }
  return 0;
}

/** The rows of a subgraph's table, from its schema. */
export function statementPaths(subgraph: SubgraphName, schema: GraphQLSchema, inputs: PathInputs): StatementPath[] {
  const paths: StatementPath[] = [];
  const values = inputs.argumentValues;
  const entity = schema.getType('_Entity');
  const entityTypes = entity && isUnionType(entity) ? entity.getTypes() : [];
  for (const type of entityTypes) {
    const keyField = keyFieldOf(type.name);
    const keys = inputs.keys[type.name] ?? [];
    const representations = (rows: number) => spread(keys, rows).map((key) => ({ __typename: type.name, [keyField]: key }));
    const entitiesPath = (name: string, selection: string): StatementPath => ({
      subgraph,
      path: `_entities ${name}`,
      request: (rows) => ({
        query: `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on ${type.name} { ${selection} } } }`,
        variables: { representations: representations(rows) },
      }),
      answered: (data) => ((data as { _entities?: unknown[] } | null)?._entities ?? []).filter((e) => e !== null).length,
    });
    const fields = Object.values(type.getFields());
    const leaves = fields.filter((f) => isLeafType(getNamedType(f.type)) && argumentsOf(f, values) !== null);
    paths.push(entitiesPath(type.name, leaves.map((f) => `${f.name}${argumentsOf(f, values)}`).join(' ') || '__typename'));
    for (const field of fields) {
      const named = getNamedType(field.type);
      const args = argumentsOf(field, values);
      if (isLeafType(named) || !isObjectType(named) || args === null) continue;
      paths.push(entitiesPath(`${type.name}.${field.name}`, `${keyField} ${field.name}${args} { ${selectionOf(named, DEPTH_BELOW_FIELD - 1, values)} }`));
    }
  }
  for (const field of Object.values(schema.getQueryType()?.getFields() ?? {})) {
    if (field.name.startsWith('_') || !field.args.some((a) => a.name === 'first')) continue;
    const named = getNamedType(field.type);
    if (!isObjectType(named)) continue;
    const args = (rows: number) => argumentsOf(field, values, { first: String(rows) });
    if (args(1) === null) continue;
    paths.push({
      subgraph,
      path: `Query.${field.name}`,
      request: (rows) => ({ query: `{ ${field.name}${args(rows)} { ${selectionOf(named, DEPTH_BELOW_FIELD + 1, values)} } }` }),
      answered: (data) => firstListLength((data as Record<string, unknown> | null)?.[field.name]),
    });
  }
  return paths;
}

export async function introspectSubgraph(url: string, token: string): Promise<GraphQLSchema> {
  const answer = await postGraphql(url, token, getIntrospectionQuery());
  if (answer.errors?.length || !answer.data) throw new Error(`introspection of ${url}: ${JSON.stringify(answer.errors).slice(0, 300)}`);
  return buildClientSchema(answer.data as IntrospectionQuery);
}

/**
 * Keys from personnel's database (it owns every entity), those with the most employees first, so the
 * rows asked for have data behind them in the other subgraphs too.
 */
export async function readPathInputs(personnelDatabaseUrl: string, rows: number, periods: { year: number; month: string }): Promise<PathInputs & { employees: number }> {
  const client = new pg.Client({ connectionString: personnelDatabaseUrl });
  await client.connect();
  try {
    const list = async (sql: string) => (await client.query<{ key: string }>(sql, [rows])).rows.map((r) => r.key);
    const employees = await list(`select id::text as key from employee where status = 'ACTIVE' order by nip limit $1`);
    const regions = await list(`select r.code as key from region r left join lateral (select count(*) as n from employee e where e.region_code = r.code) c on true
      order by c.n desc, r.code limit $1`);
    const units = await list(`select u.id::text as key from org_unit u left join lateral (select count(*) as n from employee e where e.unit_id = u.id) c on true
      order by c.n desc, u.id limit $1`);
    const positions = await list('select id::text as key from position order by id limit $1');
    const instansi = await client.query<{ id: string }>('select u.instansi_id::text as id from employee e join org_unit u on u.id = e.unit_id group by u.instansi_id order by count(*) desc limit 1');
    const total = await client.query<{ n: string }>('select count(*) as n from employee');
    return {
      keys: { Employee: employees, Region: regions, OrgUnit: units, Position: positions },
      argumentValues: { year: periods.year, month: periods.month, ...(instansi.rows[0] ? { instansiId: instansi.rows[0].id } : {}) },
      employees: Number(total.rows[0]?.n ?? 0),
    };
  } finally {
    await client.end();
  }
}

export function verdict(statements: readonly (number | null)[], rows: readonly (number | null)[], error: string | null): StatementRow['constant'] {
  if (error || statements.some((n) => n === null)) return 'unproven';
  // More statements for more rows is the N+1 this table looks for. A count that falls is not (a cache
  // warmed by the smaller request, fewer distinct parents in the larger page).
  if (statements.some((n, i) => i > 0 && (n as number) > (statements[i - 1] as number))) return 'no';
  // The same count proves something only when the larger request really answered more rows.
  return rows.every((n, i) => i === 0 || (n as number) > (rows[i - 1] as number)) ? 'yes' : 'unproven';
}

export interface StatementTableOptions {
  subgraphUrls: Partial<Record<SubgraphName, string>>;
  databaseUrls: Partial<Record<SubgraphName, string>>;
  /** A bearer token per demo user (READERS). */
  token: (user: string) => Promise<string>;
  periods: { year: number; month: string };
  log: (line: string) => void;
}

/**
 * Background work (consumers of the shared topics, relays) only adds statements: the least of three counts
 * is the path's own. A count across a reset or eviction of pg_stat_statements (another user of a shared
 * server) is taken again, up to MAX_ATTEMPTS times in all.
 */
const TRIES = 3;
const MAX_ATTEMPTS = 8;

export async function runStatementTable(options: StatementTableOptions): Promise<StatementTable> {
  const personnelDb = options.databaseUrls.personnel;
  if (!personnelDb) throw new Error('the statement table reads its keys from the personnel database');
  const sizes = [...STATEMENT_TABLE_SIZES];
  const inputs = await readPathInputs(personnelDb, Math.max(...sizes), options.periods);
  const schemaToken = await options.token(READERS[0] as string);
  const rows: StatementRow[] = [];
  let method: SqlCountMethod = 'unavailable';
  for (const [subgraph, url] of Object.entries(options.subgraphUrls) as [SubgraphName, string][]) {
    const databaseUrl = options.databaseUrls[subgraph];
    if (!databaseUrl) continue;
    const counter = await SqlCounter.open(subgraph, databaseUrl);
    method = counter.method;
    try {
      const paths = statementPaths(subgraph, await introspectSubgraph(url, schemaToken), inputs);
      options.log(`statement table: ${subgraph}, ${paths.length} paths`);
      for (const path of paths) rows.push(await measurePath(path, url, counter, sizes, options));
    } finally {
      await counter.close();
    }
  }
  return { sizes, method, employees: inputs.employees, rows };
}

/**
 * The statements of one operation: with pg_stat_statements the difference of two readings around it (no idle
 * baseline to subtract: background work only adds, and the least of several counts drops it); null when
 * the statistics were reset or entries evicted in between. Without it, the bench's settled count.
 */
async function countStatements(counter: SqlCounter, operation: () => Promise<void>): Promise<number | null> {
  if (counter.method !== 'pg_stat_statements') {
    const [count] = await countPerOperation([counter], operation, 1);
    return count?.statements ?? null;
  }
  const before = await counter.sample();
  await operation();
  const after = await counter.sample();
  return before.epoch === after.epoch ? after.statements - before.statements : null;
}

function describeError(error: unknown): string {
  const { message, extensions } = (error ?? {}) as { message?: string; extensions?: { code?: string; reason?: string } };
  const code = [extensions?.code, extensions?.reason].filter(Boolean).join(' ');
  return `${message ?? 'error'}${code ? ` (${code})` : ''}`.slice(0, 200);
}

async function measurePath(path: StatementPath, url: string, counter: SqlCounter, sizes: readonly number[], options: StatementTableOptions): Promise<StatementRow> {
  // The first reader answered without errors at the smallest size measures the path (it also warms caches).
  let user: string | null = null;
  let error: string | null = null;
  const refusals: string[] = [];
  for (const candidate of READERS) {
    const answer = await postGraphql(url, await options.token(candidate), path.request(sizes[0] as number).query, path.request(sizes[0] as number).variables);
    if (!answer.errors?.length) {
      user = candidate;
      error = null;
      break;
    }
    refusals.push(`${candidate}: ${describeError(answer.errors[0])}`);
  }
  error = refusals.length === READERS.length ? refusals.join('; ') : null;
  if (!user) return { subgraph: path.subgraph, path: path.path, user: null, statements: sizes.map(() => null), rows: sizes.map(() => null), constant: 'unproven', error };
  const token = await options.token(user);
  const statements: (number | null)[] = [];
  const rows: (number | null)[] = [];
  for (const size of sizes) {
    const { query, variables } = path.request(size);
    let answered = 0;
    let least: number | null = null;
    let counted = 0;
    const operation = async () => {
      const answer = await postGraphql(url, token, query, variables);
      if (answer.errors?.length) error ??= `${size} rows: ${describeError(answer.errors[0])}`;
      answered = path.answered(answer.data);
    };
    for (let attempt = 0; attempt < MAX_ATTEMPTS && counted < TRIES; attempt++) {
      const count = await countStatements(counter, operation);
      if (count === null) continue;
      counted++;
      least = least === null ? count : Math.min(least, count);
    }
    statements.push(least);
    rows.push(answered);
  }
  return { subgraph: path.subgraph, path: path.path, user, statements, rows, constant: verdict(statements, rows, error), error };
}
