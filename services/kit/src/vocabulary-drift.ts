// The drift check each service's test runs on its schema.graphql (docs/service-template.md "Vocabulary"):
// an enum named like a shared one must list the kit's values, in the kit's order. Kept apart from
// vocabulary.ts so runtime code importing the lists does not load the GraphQL parser.
import { Kind, parse } from 'graphql';
import { sharedEnums } from './vocabulary.ts';

export interface EnumDrift {
  enumName: string;
  inSchema: string[];
  inKit: readonly string[];
}

/** The shared enums a schema declares, with their values. */
export function sharedEnumsIn(sdl: string): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const definition of parse(sdl).definitions) {
    if (definition.kind !== Kind.ENUM_TYPE_DEFINITION || !(definition.name.value in sharedEnums)) continue;
    found.set(definition.name.value, (definition.values ?? []).map((value) => value.name.value));
  }
  return found;
}

/** Every shared enum of the schema whose values differ from the kit's (empty when none drifted). */
export function sharedEnumDrift(sdl: string): EnumDrift[] {
  return [...sharedEnumsIn(sdl)].flatMap(([enumName, inSchema]) => {
    const inKit = sharedEnums[enumName] ?? [];
    return inSchema.join('|') === inKit.join('|') ? [] : [{ enumName, inSchema, inKit }];
  });
}
