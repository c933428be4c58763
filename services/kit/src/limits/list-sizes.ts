// How many elements each list field of the supergraph can return, for the cost check (cost.ts). Each
// subgraph declares its list sizes in its own schema.graphql, next to the field
// (README "Adding a subgraph"), so a new subgraph or a changed page size needs no
// edit here: Federation's @listSize and @cost (https://specs.apollo.dev/cost/v0.1) and our
// @pageLimit / @listSizeWhen (composed with @composeDirective) survive composition into the
// supergraph, and this module reads them from the supergraph SDL. The API schema ApolloGateway hands
// the server drops directives, hence the supergraph. test/limits.test.ts fails when a list field of the
// composed supergraph has no @listSize.
import type { ConstDirectiveNode, ConstValueNode, DocumentNode, TypeNode } from 'graphql';
import { graphql } from './graphql-runtime.ts';

/** A field paged by a slicing argument (`first`): its default when omitted, capped at the subgraph's maximum. */
export interface PagedListSize {
  kind: 'paged';
  slicingArgument: string;
  defaultSize: number;
  maxSize: number;
}

/** A narrower size when an argument is given (and equals `equals`, when set): `regions(level: PROVINCE)`. */
export interface SizeWhen {
  argument: string;
  equals?: string;
  size: number;
}

/** A list without paging: bounded by the data, so the cost check assumes a size. */
export interface BoundedListSize {
  kind: 'bounded';
  assumedSize: number;
  /** The first that matches the field's arguments wins. */
  when: readonly SizeWhen[];
}

/** The elements of a connection (`sizedFields`): the connection field already multiplied by the page. */
export interface PageElements {
  kind: 'page-elements';
}

export type ListSize = PagedListSize | BoundedListSize | PageElements;

export interface ListSizes {
  /** Keyed by `Type.field` in the supergraph. */
  sizes: ReadonlyMap<string, ListSize>;
  /** `@cost(weight:)` of a field, keyed by `Type.field`; fields without one cost 1. */
  weights: ReadonlyMap<string, number>;
}

export const noListSizes: ListSizes = { sizes: new Map(), weights: new Map() };

/** A list field without @listSize (another schema, a field added since): paged by `first` if it has one, else this size. */
export const unlistedListSize = 10;

/** `first` beyond this on a list field without @listSize still counts as this many. */
export const unlistedMaxPageSize = 1000;

const costSpec = 'https://specs.apollo.dev/cost/';
const limitsSpec = 'https://specs.kinerja.go.id/limits/';

/**
 * The name a spec's directive has in this supergraph: the `import` of its `@link` (possibly renamed with
 * `as`), else the namespaced `<spec>__<directive>` the link spec prescribes, provided the supergraph
 * defines a directive by that name. Composition writes `@cost` under its own name even when its link
 * imports only `@listSize` (@apollo/composition 2.14), so a defined plain name is the last resort.
 */
function directiveNames(document: DocumentNode): (specPrefix: string, directive: string) => string | undefined {
  const defined = new Set(
    document.definitions.flatMap((definition) =>
      definition.kind === graphql.Kind.DIRECTIVE_DEFINITION ? [definition.name.value] : [],
    ),
  );
  const linked = linkedDirectiveNames(document);
  return (specPrefix, directive) => {
    const name = linked(specPrefix, directive);
    if (name !== undefined && defined.has(name)) return name;
    return defined.has(directive) ? directive : undefined;
  };
}

function linkedDirectiveNames(document: DocumentNode): (specPrefix: string, directive: string) => string | undefined {
  const links = document.definitions.flatMap((definition) =>
    definition.kind === graphql.Kind.SCHEMA_DEFINITION || definition.kind === graphql.Kind.SCHEMA_EXTENSION
      ? (definition.directives ?? []).filter((directive) => directive.name.value === 'link')
      : [],
  );
  return (specPrefix, directive) => {
    for (const link of links) {
      const args = argumentValues(link);
      const url = args['url'];
      if (typeof url !== 'string' || !url.startsWith(specPrefix)) continue;
      const imports = Array.isArray(args['import']) ? args['import'] : [];
      for (const entry of imports) {
        if (entry === `@${directive}`) return directive;
        if (entry && typeof entry === 'object' && (entry as Record<string, unknown>)['name'] === `@${directive}`)
          return String((entry as Record<string, unknown>)['as'] ?? `@${directive}`).replace(/^@/, '');
      }
      return `${String(args['as'] ?? url.split('/').at(-2))}__${directive}`;
    }
    return undefined;
  };
}

function argumentValues(directive: ConstDirectiveNode): Record<string, unknown> {
  return Object.fromEntries((directive.arguments ?? []).map((arg) => [arg.name.value, graphql.valueFromASTUntyped(arg.value)]));
}

function namedType(type: TypeNode): string {
  return type.kind === graphql.Kind.NAMED_TYPE ? type.name.value : namedType(type.type);
}

const intValue = (value: ConstValueNode | undefined): number | undefined =>
  value?.kind === graphql.Kind.INT ? Number.parseInt(value.value, 10) : undefined;

/** The list sizes and field weights the subgraphs declared, read from the composed supergraph SDL. */
export function listSizesFromSupergraph(supergraphSdl: string): ListSizes {
  const document = graphql.parse(supergraphSdl);
  const nameOf = directiveNames(document);
  const listSizeName = nameOf(costSpec, 'listSize');
  const costName = nameOf(costSpec, 'cost');
  const pageLimitName = nameOf(limitsSpec, 'pageLimit');
  const sizeWhenName = nameOf(limitsSpec, 'listSizeWhen');
  const sizes = new Map<string, ListSize>();
  const weights = new Map<string, number>();
  for (const definition of document.definitions) {
    if (
      definition.kind !== graphql.Kind.OBJECT_TYPE_DEFINITION &&
      definition.kind !== graphql.Kind.OBJECT_TYPE_EXTENSION &&
      definition.kind !== graphql.Kind.INTERFACE_TYPE_DEFINITION &&
      definition.kind !== graphql.Kind.INTERFACE_TYPE_EXTENSION
    )
      continue;
    for (const field of definition.fields ?? []) {
      const key = `${definition.name.value}.${field.name.value}`;
      const directives = field.directives ?? [];
      const named = (name: string | undefined) => directives.filter((d) => name !== undefined && d.name.value === name);
      const [cost] = named(costName);
      if (cost) weights.set(key, Number(argumentValues(cost)['weight']));
      const [listSize] = named(listSizeName);
      if (!listSize) continue;
      const args = argumentValues(listSize);
      const slicing = Array.isArray(args['slicingArguments']) ? (args['slicingArguments'] as string[]) : [];
      const [pageLimit] = named(pageLimitName);
      const [slicingArgument] = slicing;
      if (slicingArgument !== undefined) {
        const maxSize = pageLimit ? Number(argumentValues(pageLimit)['max']) : unlistedMaxPageSize;
        const defaultSize =
          intValue(field.arguments?.find((arg) => arg.name.value === slicingArgument)?.defaultValue) ??
          (typeof args['assumedSize'] === 'number' ? args['assumedSize'] : maxSize);
        sizes.set(key, { kind: 'paged', slicingArgument, defaultSize, maxSize });
      } else {
        const when = named(sizeWhenName).map((directive): SizeWhen => {
          const values = argumentValues(directive);
          return {
            argument: String(values['argument']),
            ...(typeof values['equals'] === 'string' ? { equals: values['equals'] } : {}),
            size: Number(values['size']),
          };
        });
        sizes.set(key, {
          kind: 'bounded',
          assumedSize: typeof args['assumedSize'] === 'number' ? args['assumedSize'] : unlistedListSize,
          when,
        });
      }
      const sizedFields = Array.isArray(args['sizedFields']) ? (args['sizedFields'] as string[]) : [];
      for (const sized of sizedFields) sizes.set(`${namedType(field.type)}.${sized}`, { kind: 'page-elements' });
    }
  }
  return { sizes, weights };
}

/**
 * The same, read from one subgraph's own schema.graphql (the kit's server limits a direct call as the
 * gateway does). A subgraph imports `@listSize`/`@cost` through its federation `@link` without defining
 * them, so their definitions are added before reading it as a supergraph.
 */
export function listSizesFromSubgraph(subgraphSdl: string): ListSizes {
  const costDefinitions = `
directive @listSize(assumedSize: Int, slicingArguments: [String!], sizedFields: [String!], requireOneSlicingArgument: Boolean = true) on FIELD_DEFINITION
directive @cost(weight: Int!) on ARGUMENT_DEFINITION | ENUM | FIELD_DEFINITION | INPUT_FIELD_DEFINITION | OBJECT | SCALAR
`;
  const defined = (name: string) => new RegExp(`directive\\s+@${name}\\b`).test(subgraphSdl);
  const missing = costDefinitions
    .split('\n')
    .filter((line) => (line.includes('@listSize(') && !defined('listSize')) || (line.includes('@cost(') && !defined('cost')))
    .join('\n');
  return listSizesFromSupergraph(`${subgraphSdl}\n${missing}`);
}

/** The size a bounded list takes for these arguments: the first matching @listSizeWhen, else its assumed size. */
export function boundedSizeFor(size: BoundedListSize, args: Readonly<Record<string, unknown>>): number {
  const match = size.when.find(
    ({ argument, equals }) =>
      args[argument] !== undefined && args[argument] !== null && (equals === undefined || String(args[argument]) === equals),
  );
  return match?.size ?? size.assumedSize;
}
