// Query limits applied while validating, before the gateway plans anything (graphql-armor). Each
// rejection carries a Bahasa Indonesia message and a stable reason; errors/masking.ts turns them into
// BAD_USER_INPUT because the caller has to change the query.
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { GraphQLArmorRejectCallback } from '@escape.tech/graphql-armor-types';
import { GraphQLError } from 'graphql';
import { z } from 'zod';

export interface QueryLimits {
  maxDepth: number;
  maxAliases: number;
  maxCost: number;
  maxDirectives: number;
  maxTokens: number;
}

/**
 * How graphql-armor prices a document (its cost-limit rule): a scalar costs `scalarCost`, an object
 * field `objectCost` plus `depthCostFactor` × the cost of its selection, and the whole is multiplied by
 * a literal `first:`/`last:` argument. The rule knows nothing else: not which fields return lists, not
 * variables (`first: $n` multiplies by 1), not argument defaults.
 *
 * - scalarCost 1, objectCost 2: a scalar is a column of a row already fetched; an object is another
 *   row (a DataLoader batch, often another subgraph's `_entities` fetch).
 * - depthCostFactor 2 (armor's default is 1.5): with no list information, depth is the only signal of
 *   fan-out, and unpaged lists nested under a page (supervisor → subordinates → supervisor → …) multiply
 *   the response by a team size at every level. The factor is capped by maxDepth's contract: a thin
 *   chain of 12 levels must stay admissible (it costs 6,142; 13 levels cost 12,286, so such a query is
 *   refused for its depth, not its cost). At 2.5 a 12-level chain would already cost 55,599.
 *
 * Costs of the benchmark scenarios (tools/bench/src/scenarios.ts): national dashboard 64, provincial
 * drill-down 136, employee profile 284, employee list of 100 rows 14,400, a training-needs page of 50
 * rows 16,508 (its relay edges/node wrappers add two levels to every field). maxCost 21,000 admits all of
 * them with a 25% margin over the heaviest, and refuses (test/limits.test.ts) nested paginated lists
 * (100 × 100 × 100 is ~10^7), a page of 100 going up to the supervisor and two levels down with
 * competency fields (22,200), a page of 100 with three supervisor/subordinates round trips (76,600) or
 * with two round trips selecting a row's worth of fields (95,800). Narrower queries under a page still
 * pass (two round trips selecting only a name: 19,000): armor cannot tell them from the training-needs
 * page. Variables escape the multiplier, so page sizes stay capped by the subgraphs (personnel 100).
 *
 * The armor default was maxCost 5,000 with factor 1.5, which refused the employee list (7,475) and the
 * 50-row training-needs page (5,835) while admitting a 100-row page going up and two levels down
 * (4,156 for three levels of subordinates). GATEWAY_MAX_COST overrides maxCost without a rebuild
 * (docs/conventions.md).
 */
export const costFactors = { scalarCost: 1, objectCost: 2, depthCostFactor: 2 } as const;

/**
 * Depth 12 fits the deepest dashboard query (region -> units -> employees -> supervisor -> position ...)
 * with room to spare; cost and tokens keep one request from fanning out into thousands of subgraph rows.
 */
export const defaultQueryLimits: QueryLimits = {
  maxDepth: 12,
  maxAliases: 15,
  maxCost: 21_000,
  maxDirectives: 20,
  maxTokens: 2000,
};

const limitsEnv = z.object({
  GATEWAY_MAX_COST: z.coerce.number().int().min(1).optional(),
});

/** The limits with the environment's overrides (GATEWAY_MAX_COST); fails fast on a bad value. */
export function queryLimitsFromEnv(env: Record<string, string | undefined> = process.env): QueryLimits {
  const parsed = limitsEnv.safeParse({ GATEWAY_MAX_COST: env['GATEWAY_MAX_COST'] || undefined });
  if (!parsed.success) {
    const details = parsed.error.issues
      .map((issue) => `${issue.path.join('.')}: ${issue.message}`)
      .join('; ');
    throw new Error(`gateway: invalid configuration: ${details}`);
  }
  return { ...defaultQueryLimits, maxCost: parsed.data.GATEWAY_MAX_COST ?? defaultQueryLimits.maxCost };
}

export const limitReasons = {
  depth: 'query_too_deep',
  aliases: 'too_many_aliases',
  cost: 'query_too_costly',
  directives: 'too_many_directives',
  tokens: 'query_too_many_tokens',
} as const;

export const limitReasonSet: ReadonlySet<string> = new Set(Object.values(limitReasons));

function reject(message: string, reason: string): GraphQLArmorRejectCallback {
  return (context) => {
    context?.reportError(new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', reason } }));
  };
}

/** Apollo Server options (plugins, validation rules, parse options) that enforce the limits. */
export function queryLimitOptions(limits: QueryLimits = queryLimitsFromEnv()) {
  const armor = new ApolloArmor({
    maxDepth: {
      n: limits.maxDepth,
      propagateOnRejection: false,
      onReject: [reject(`Kueri terlalu dalam; batasnya ${limits.maxDepth} tingkat`, limitReasons.depth)],
    },
    maxAliases: {
      n: limits.maxAliases,
      propagateOnRejection: false,
      onReject: [
        reject(`Kueri memakai terlalu banyak alias; batasnya ${limits.maxAliases}`, limitReasons.aliases),
      ],
    },
    costLimit: {
      maxCost: limits.maxCost,
      ...costFactors,
      propagateOnRejection: false,
      onReject: [reject(`Kueri terlalu mahal; batas biayanya ${limits.maxCost}`, limitReasons.cost)],
    },
    maxDirectives: {
      n: limits.maxDirectives,
      propagateOnRejection: false,
      onReject: [
        reject(
          `Kueri memakai terlalu banyak direktif; batasnya ${limits.maxDirectives}`,
          limitReasons.directives,
        ),
      ],
    },
    // Armor's Apollo token plugin throws from parsingDidStart, which Apollo Server 5 calls outside its
    // parse try/catch (dist/esm/requestPipeline.js), so a rejection surfaces as an unexpected server
    // error. graphql-js enforces the same limit inside parse (parseOptions below): a clean 400.
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: true },
  });
  const { plugins, validationRules } = armor.protect();
  return {
    // graphql-armor is CommonJS and types its plugins against @apollo/server's CJS declarations; the
    // objects are the same, only the declaration files differ.
    plugins: plugins as unknown as ApolloServerPlugin<BaseContext>[],
    validationRules,
    parseOptions: { maxTokens: limits.maxTokens },
  };
}

/** graphql-js's message for a document over parseOptions.maxTokens. */
export const tooManyTokensPattern = /Document contains more tha[nt] \d+ tokens/;
