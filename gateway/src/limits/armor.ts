// Query limits applied while validating, before the gateway plans anything (graphql-armor). Each
// rejection carries a Bahasa Indonesia message and a stable reason; errors/masking.ts turns them into
// BAD_USER_INPUT because the caller has to change the query.
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { GraphQLArmorRejectCallback } from '@escape.tech/graphql-armor-types';
import { GraphQLError } from 'graphql';

export interface QueryLimits {
  maxDepth: number;
  maxAliases: number;
  maxCost: number;
  maxDirectives: number;
  maxTokens: number;
}

/**
 * Depth 12 fits the deepest dashboard query (region -> units -> employees -> supervisor -> position ...)
 * with room to spare; cost and tokens keep one request from fanning out into thousands of subgraph rows.
 */
export const defaultQueryLimits: QueryLimits = {
  maxDepth: 12,
  maxAliases: 15,
  maxCost: 5000,
  maxDirectives: 20,
  maxTokens: 2000,
};

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
export function queryLimitOptions(limits: QueryLimits = defaultQueryLimits) {
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
