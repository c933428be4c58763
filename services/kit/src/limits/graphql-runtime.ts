// Apollo Server and ApolloGateway load graphql through Node's own resolution, which picks graphql 16's
// CommonJS build (the package has no "exports" map); Vite-based tools such as vitest resolve
// `import 'graphql'` in our sources to its .mjs build instead. graphql-js refuses schema objects made by
// the other build ("from another module or realm"), and Apollo keeps an error's code and HTTP status
// only when it is its own GraphQLError. So the cost check takes graphql, and graphql-query-complexity's
// CommonJS build, from where Apollo takes them; under plain Node this is the module `import` gives too.
import { createRequire } from 'node:module';
import type * as GraphQL from 'graphql';
import type * as QueryComplexity from 'graphql-query-complexity';

const require = createRequire(import.meta.url);

export const graphql = require('graphql') as typeof GraphQL;
export const queryComplexity = require('graphql-query-complexity') as typeof QueryComplexity;
