// The query cost check (graphql-query-complexity), run once the operation is resolved so that
// variables are known: `employees(first: $n)` costs what `employees(first: 100)` costs, and an omitted
// `first` costs the subgraph's default page size. armor.ts keeps graphql-armor's other limits.
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { DocumentNode, GraphQLError, GraphQLSchema } from 'graphql';
import type { ComplexityEstimator } from 'graphql-query-complexity';
import { graphql, queryComplexity } from './graphql-runtime.ts';
import { boundedSizeFor, noListSizes, unlistedListSize, unlistedMaxPageSize, type ListSize, type ListSizes } from './list-sizes.ts';

const { getNamedType, getNullableType, isLeafType, isListType } = graphql;

export const costReason = 'query_too_costly';

/** The page a `first` argument asks for, else the default, within 1..max (what the subgraph would serve or refuse). */
function pageSize(first: unknown, defaultSize: number, maxSize: number): number {
  const asked = typeof first === 'number' && Number.isFinite(first) ? Math.trunc(first) : defaultSize;
  return Math.min(Math.max(asked, 1), maxSize);
}

function elementsOf(size: ListSize | undefined, args: Record<string, unknown>): number {
  if (!size) return pageSize(args['first'], unlistedListSize, unlistedMaxPageSize);
  switch (size.kind) {
    case 'paged':
      return pageSize(args[size.slicingArgument], size.defaultSize, size.maxSize);
    case 'bounded':
      return boundedSizeFor(size, args);
    case 'page-elements':
      return 1;
  }
}

/**
 * A bound on the values the response can hold: every field costs 1 (or its @cost weight), and a list
 * field (or a paged connection field) multiplies its selection by its size from the subgraphs'
 * @listSize (list-sizes.ts); a list of scalars counts one per element. A connection's page size
 * multiplies its whole selection, so `totalCount` and `pageInfo` are counted per row: a few values per
 * row, kept for simplicity. Introspection is bounded by the schema (and by the depth and token limits),
 * so it costs 1 per field whatever its lists.
 */
export function listAwareEstimator({ sizes, weights }: ListSizes): ComplexityEstimator {
  return ({ type, field, args, childComplexity }) => {
    if (type.name.startsWith('__') || field.name.startsWith('__')) return 1 + childComplexity;
    const key = `${type.name}.${field.name}`;
    // A subgraph's entity fetch (the gateway's plan, or a direct caller) returns one entity per
    // representation: priced by their number, so a direct call cannot fetch thousands for the price of ten.
    if (key === 'Query._entities') {
      const representations = Array.isArray(args['representations']) ? args['representations'].length : 1;
      return 1 + representations * childComplexity;
    }
    const size = sizes.get(key);
    const weight = weights.get(key) ?? 1;
    const returnsList = isListType(getNullableType(field.type));
    const paged = size?.kind === 'paged';
    if (!returnsList && !paged) {
      // An object field of an unlisted schema with a `first` argument is paged like a list.
      if (!size && 'first' in args && !isLeafType(getNamedType(field.type))) {
        return weight + elementsOf(undefined, args) * childComplexity;
      }
      return weight + childComplexity;
    }
    const perElement = isLeafType(getNamedType(field.type)) ? 1 : childComplexity;
    return weight + elementsOf(size, args) * perElement;
  };
}

export interface CostInput {
  schema: GraphQLSchema;
  document: DocumentNode;
  variables?: Record<string, unknown> | undefined;
  operationName?: string | undefined;
  /** From the supergraph (listSizesFromSupergraph); without it every list is priced as unlisted. */
  listSizes?: ListSizes | undefined;
}

/** graphql-query-complexity's guard against fragment bombs (its default maxQueryNodes). */
const maxQueryNodes = 10_000;

export type CostOutcome = { ok: true; cost: number } | { ok: false; error: GraphQLError };

function refusal(message: string, reason: string): GraphQLError {
  return new graphql.GraphQLError(message, {
    extensions: { code: 'BAD_USER_INPUT', reason, http: { status: 400 } },
  });
}

export function tooCostly(cost: number, maxCost: number): GraphQLError {
  return refusal(
    `Kueri terlalu mahal: biayanya ${cost}, batasnya ${maxCost}; kecilkan first atau kurangi daftar bersarang`,
    costReason,
  );
}

/** The operation's cost, or the refusal when it exceeds maxCost (or cannot be priced). */
export function checkCost(input: CostInput, maxCost: number): CostOutcome {
  let cost: number;
  try {
    cost = queryComplexity.getComplexity({
      schema: input.schema,
      query: input.document,
      variables: input.variables ?? {},
      ...(input.operationName ? { operationName: input.operationName } : {}),
      estimators: [listAwareEstimator(input.listSizes ?? noListSizes)],
      maxQueryNodes,
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/maximum allowed number of nodes/.test(message)) {
      return {
        ok: false,
        error: refusal(
          `Kueri terlalu mahal: lebih dari ${maxQueryNodes} field setelah fragmen diuraikan`,
          costReason,
        ),
      };
    }
    // Variables that do not fit their types: execution would refuse them too, but an unpriced query
    // must not run.
    return {
      ok: false,
      error: refusal(`Variabel kueri tidak valid: ${message}`, 'invalid_variables'),
    };
  }
  return cost > maxCost ? { ok: false, error: tooCostly(cost, maxCost) } : { ok: true, cost };
}

/** Refuses an operation over maxCost before the gateway plans it (HTTP 400, BAD_USER_INPUT, query_too_costly). */
export function costLimitPlugin(maxCost: number, listSizes: ListSizes): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, request, operationName }) {
          const outcome = checkCost(
            { schema, document, variables: request.variables, operationName: operationName ?? undefined, listSizes },
            maxCost,
          );
          if (!outcome.ok) throw outcome.error;
        },
      };
    },
  };
}
