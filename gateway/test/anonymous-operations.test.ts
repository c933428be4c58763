// The anonymous allow-list (src/auth/anonymous-operations.ts) against the real composed supergraph: every
// listed root field exists, and what it returns reaches no entity (no type with a federation key), so a
// request without a token can never select employee, unit or region data through it.
import { fileURLToPath } from 'node:url';
import { buildASTSchema, getNamedType, isEnumType, isObjectType, isScalarType, parse, type GraphQLNamedType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { anonymousRootFields } from '../src/auth/anonymous-operations.ts';
import { composeSupergraph, readSubgraphSources } from '../src/supergraph/composition.ts';

const servicesDir = fileURLToPath(new URL('../../services', import.meta.url));
const outcome = composeSupergraph(readSubgraphSources(servicesDir));
if (!outcome.ok) throw new Error(outcome.errors.join('\n'));
const schema = buildASTSchema(parse(outcome.supergraphSdl), { assumeValidSDL: true });

/** An entity in the supergraph: some subgraph declares a key for it. */
function isEntity(type: GraphQLNamedType): boolean {
  return (type.astNode?.directives ?? []).some((d) => d.name.value === 'join__type' && (d.arguments ?? []).some((a) => a.name.value === 'key'));
}

/** Every named type reachable from a type through its fields. */
function reachable(type: GraphQLNamedType, seen = new Set<string>()): GraphQLNamedType[] {
  if (seen.has(type.name)) return [];
  seen.add(type.name);
  if (!isObjectType(type)) return [type];
  return [type, ...Object.values(type.getFields()).flatMap((field) => reachable(getNamedType(field.type), seen))];
}

describe('anonymous root fields', () => {
  it.each([...anonymousRootFields])('%s exists and reaches only plain types (no entity, no interface or union)', (name) => {
    const field = schema.getQueryType()?.getFields()[name] ?? schema.getMutationType()?.getFields()[name];
    expect(field, `${name} is not in the supergraph`).toBeDefined();
    const types = reachable(getNamedType(field!.type));
    for (const type of types) {
      expect(isScalarType(type) || isEnumType(type) || isObjectType(type), `${name} reaches ${type.name}`).toBe(true);
      expect(isEntity(type), `${name} reaches the entity ${type.name}`).toBe(false);
    }
  });

  it('recognises an entity (the check above can fail)', () => {
    expect(isEntity(schema.getType('Employee')!)).toBe(true);
    expect(isEntity(schema.getType('PublicFeedbackForm')!)).toBe(false);
  });

  it('the allow-list holds only a few public operations', () => {
    expect([...anonymousRootFields].sort()).toEqual(['publicFeedbackForm', 'startPublicFeedback', 'submitPublicFeedback']);
  });
});
