// The page caps a schema.graphql declares with @pageLimit(max:) (docs/service-template.md "List sizes and
// costs"): the gateway's cost check reads them from the supergraph, the service enforces its own constant.
// Each service's test compares the two through this, so they cannot drift. Kept apart from runtime code
// so a resolver importing the kit does not load the GraphQL parser.
import { Kind, parse, type ValueNode } from 'graphql';

export interface PageLimit {
  /** @pageLimit(max:) */
  max: number;
  /** The default value of the field's `first` argument, or null when it has none. */
  defaultFirst: number | null;
}

const intValue = (value: ValueNode | undefined): number | null => (value?.kind === Kind.INT ? Number(value.value) : null);

/** `Type.field` → its @pageLimit and `first` default, for every field of the schema that declares @pageLimit. */
export function pageLimitsIn(sdl: string): Map<string, PageLimit> {
  const limits = new Map<string, PageLimit>();
  for (const definition of parse(sdl).definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
    for (const field of definition.fields ?? []) {
      const directive = field.directives?.find((d) => d.name.value === 'pageLimit');
      if (!directive) continue;
      const max = intValue(directive.arguments?.find((a) => a.name.value === 'max')?.value);
      if (max === null) throw new Error(`${definition.name.value}.${field.name.value}: @pageLimit without an integer max`);
      const first = field.arguments?.find((a) => a.name.value === 'first');
      limits.set(`${definition.name.value}.${field.name.value}`, { max, defaultFirst: intValue(first?.defaultValue) });
    }
  }
  return limits;
}
