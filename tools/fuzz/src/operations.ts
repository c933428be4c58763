// GraphQL operations generated from a schema with fast-check: a root field of Query or Mutation with
// arguments of the declared types (sometimes valid, often absurd: empty, huge, wrong shape, injection
// strings), passed as variables, and a random selection up to a depth. What a careless or hostile client
// could send; the property under test is that nothing of it ever makes a server fail.
import fc from 'fast-check';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';

export interface GeneratedOperation {
  query: string;
  variables: Record<string, unknown>;
  rootField: string;
}

const hostileStrings = [
  '',
  ' ',
  'ID',
  '32',
  '32.15',
  '32.%',
  '_',
  "'; drop table employee; --",
  '" or 1=1 --',
  '\u0000',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  '199001152015032001',
  '2026-02-30',
  '2026-13',
  '00000000-0000-0000-0000-000000000000',
  'x'.repeat(5000),
  '😀'.repeat(50),
];

function stringValue(): fc.Arbitrary<string> {
  return fc.oneof(fc.constantFrom(...hostileStrings), fc.string({ maxLength: 40 }), fc.uuid(), fc.stringMatching(/^\d{4}-\d{2}(-\d{2})?$/));
}

function scalarValue(name: string): fc.Arbitrary<unknown> {
  switch (name) {
    case 'Int':
      return fc.oneof(fc.integer(), fc.constantFrom(0, -1, 1, 2_147_483_647, -2_147_483_648, 1_000_000));
    case 'Float':
      return fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(0, -0.5, 1e308));
    case 'Boolean':
      return fc.boolean();
    default:
      return stringValue();
  }
}

function inputValue(type: GraphQLInputType, depth: number): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return inputValue(type.ofType, depth);
  if (isListType(type)) return depth > 3 ? fc.constant([]) : fc.array(inputValue(type.ofType, depth + 1), { maxLength: 3 });
  if (isEnumType(type)) {
    const values = type.getValues().map((v) => v.name);
    return fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...values) }, { weight: 1, arbitrary: fc.constant('NOT_A_VALUE') });
  }
  if (isInputObjectType(type)) {
    if (depth > 3) return fc.constant({});
    const fields = Object.values(type.getFields());
    const required = fields.filter((f) => isNonNullType(f.type) && f.defaultValue === undefined).map((f) => f.name);
    return fc.record(Object.fromEntries(fields.map((f) => [f.name, inputValue(f.type, depth + 1)])), { requiredKeys: required });
  }
  if (isScalarType(type)) return scalarValue(type.name);
  return fc.constant(null);
}

/** Mostly the arguments a field declares with values of their type; sometimes one left out or null. */
function argumentsFor(args: readonly GraphQLArgument[]): fc.Arbitrary<Record<string, unknown>> {
  if (args.length === 0) return fc.constant({});
  const required = args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined).map((a) => a.name);
  return fc.record(Object.fromEntries(args.map((a) => [a.name, fc.oneof({ weight: 8, arbitrary: inputValue(a.type, 0) }, { weight: 1, arbitrary: fc.constant(null) })])), {
    requiredKeys: required,
  });
}

interface Selection {
  text: string;
  variables: { name: string; type: string; value: unknown }[];
}

function selectionOf(type: GraphQLObjectType, depth: number, maxDepth: number, counter: { n: number }): fc.Arbitrary<Selection> {
  const fields = Object.values(type.getFields());
  const leaves = fields.filter((f) => {
    const named = getNamedType(f.type);
    return (isScalarType(named) || isEnumType(named)) && f.args.every((a) => !isNonNullType(a.type));
  });
  const candidates = depth >= maxDepth ? leaves : fields;
  if (candidates.length === 0) return fc.constant({ text: '__typename', variables: [] });
  return fc
    .uniqueArray(fc.constantFrom(...candidates), { minLength: 1, maxLength: Math.min(4, candidates.length), selector: (f) => f.name })
    .chain((chosen) => fc.tuple(...chosen.map((field) => fieldSelection(field, depth, maxDepth, counter))))
    .map((parts) => ({ text: ['__typename', ...parts.map((p) => p.text)].join(' '), variables: parts.flatMap((p) => p.variables) }));
}

function fieldSelection(field: GraphQLField<unknown, unknown>, depth: number, maxDepth: number, counter: { n: number }): fc.Arbitrary<Selection> {
  const named = getNamedType(field.type);
  const sub: fc.Arbitrary<Selection | null> = isObjectType(named)
    ? selectionOf(named, depth + 1, maxDepth, counter)
    : isInterfaceType(named) || isUnionType(named)
      ? fc.constant({ text: '__typename', variables: [] })
      : fc.constant(null);
  return fc.tuple(argumentsFor(field.args), sub).map(([values, child]) => {
    const variables: Selection['variables'] = [];
    const argText = Object.entries(values).map(([name, value]) => {
      const arg = field.args.find((a) => a.name === name) as GraphQLArgument;
      const variable = `v${counter.n++}`;
      variables.push({ name: variable, type: String(arg.type), value });
      return `${name}: $${variable}`;
    });
    const head = argText.length ? `${field.name}(${argText.join(', ')})` : field.name;
    return { text: child ? `${head} { ${child.text} }` : head, variables: [...variables, ...(child?.variables ?? [])] };
  });
}

export function operationArbitrary(schema: GraphQLSchema, kind: 'query' | 'mutation', maxDepth = 3): fc.Arbitrary<GeneratedOperation> | null {
  const root = kind === 'query' ? schema.getQueryType() : schema.getMutationType();
  if (!root) return null;
  // Federation's own root fields are the gateway's business, still fair game when calling a subgraph directly.
  const fields = Object.values(root.getFields());
  if (fields.length === 0) return null;
  return fc.constantFrom(...fields).chain((field) => {
    const counter = { n: 0 };
    return fieldSelection(field, 0, maxDepth, counter).map((selection) => {
      const declarations = selection.variables.map((v) => `$${v.name}: ${v.type}`);
      const query = `${kind} Fuzz${declarations.length ? `(${declarations.join(', ')})` : ''} { ${selection.text} }`;
      return { query, variables: Object.fromEntries(selection.variables.map((v) => [v.name, v.value])), rootField: field.name };
    });
  });
}
