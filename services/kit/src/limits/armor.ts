// Query limits. graphql-armor checks depth, aliases and directives while validating (and graphql-js
// counts tokens while parsing), before the gateway plans anything; the cost check (cost.ts) runs once
// the operation is resolved, when its variables are known. Each rejection carries a Bahasa Indonesia
// message and a stable reason; errors/masking.ts turns armor's into BAD_USER_INPUT because the caller
// has to change the query.
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { GraphQLArmorRejectCallback } from '@escape.tech/graphql-armor-types';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { z } from 'zod';
import { costLimitPlugin, costReason } from './cost.ts';
import { noListSizes, type ListSizes } from './list-sizes.ts';

export interface QueryLimits {
  maxDepth: number;
  maxAliases: number;
  maxCost: number;
  maxDirectives: number;
  maxTokens: number;
}

/**
 * maxCost bounds the values a response can hold (cost.ts: 1 per field, lists multiplied by their page
 * size or assumed size from the subgraphs' @listSize (list-sizes.ts), `first` read after variables are applied). Costs against the
 * composed supergraph (test/limits.test.ts): national dashboard 5,625, provincial drill-down 5,629,
 * employee profile 188, training-needs page of 50 rows 1,105, employee list of 100 rows 2,301; a
 * training-needs page at the competency subgraph's maximum of 500 rows with the same fields 11,001.
 * 21,000 admits every page the subgraphs serve with at least a 25% margin and refuses lists multiplied
 * by lists: a page of 100 reaching up and two levels down with competency fields 31,301, two round trips
 * selecting a row of fields 92,301, three round trips 122,301, the dashboard over all 514 regencies
 * 76,073. A page of 100 with two round trips selecting only a name (12,301) passes: it is no wider than
 * the 500-row training-needs page. GATEWAY_MAX_COST overrides maxCost without a rebuild
 * (docs/conventions.md).
 */
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
  cost: costReason,
  directives: 'too_many_directives',
  tokens: 'query_too_many_tokens',
} as const;

export const limitReasonSet: ReadonlySet<string> = new Set(Object.values(limitReasons));

function reject(message: string, reason: string): GraphQLArmorRejectCallback {
  return (context) => {
    context?.reportError(new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', reason } }));
  };
}

/**
 * Apollo Server options (plugins, validation rules, parse options) that enforce the limits; the cost
 * check prices lists with `listSizes`, read from the supergraph (listSizesFromSupergraph).
 */
export function queryLimitOptions(limits: QueryLimits = queryLimitsFromEnv(), listSizes: ListSizes = noListSizes) {
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
    // Armor prices lists by a literal `first` only (a variable or an omitted `first` counts 1) and
    // cannot tell a list field from an object field: cost.ts replaces it.
    costLimit: { enabled: false },
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
    plugins: [...(plugins as unknown as ApolloServerPlugin<BaseContext>[]), costLimitPlugin(limits.maxCost, listSizes)],
    validationRules,
    parseOptions: { maxTokens: limits.maxTokens },
  };
}

/** graphql-js's message for a document over parseOptions.maxTokens. */
export const tooManyTokensPattern = /Document contains more tha[nt] \d+ tokens/;

/**
 * A refusal by one of the limits as the client sees it (gateway and subgraphs alike): BAD_USER_INPUT with
 * the limit's reason, because the caller's fix is a smaller query; undefined for any other error.
 */
export function limitRefusal(error: GraphQLFormattedError): GraphQLFormattedError | undefined {
  const code = error.extensions?.['code'];
  const reason = error.extensions?.['reason'];
  const locations = error.locations ? { locations: error.locations } : {};
  if (code === 'GRAPHQL_PARSE_FAILED' && tooManyTokensPattern.test(error.message)) {
    return {
      message: 'Kueri terlalu panjang; kurangi jumlah field atau argumen',
      ...locations,
      extensions: { code: 'BAD_USER_INPUT', reason: limitReasons.tokens },
    };
  }
  // Limits are checked as validation rules, so Apollo labels them GRAPHQL_VALIDATION_FAILED.
  if (code === 'GRAPHQL_VALIDATION_FAILED' && typeof reason === 'string' && limitReasonSet.has(reason)) {
    return { message: error.message, ...locations, extensions: { code: 'BAD_USER_INPUT', reason } };
  }
  return undefined;
}
