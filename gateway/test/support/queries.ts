/** `{ node { child { ... { id } } } }` with `depth` levels of fields, the leaf `id` included (as graphql-armor counts). */
export function nestedNodeQuery(depth: number): string {
  const objectLevels = depth - 1;
  return `{ node ${'{ child '.repeat(objectLevels - 1)}{ id }${' }'.repeat(objectLevels - 1)} }`;
}

export function aliasedQuery(aliases: number): string {
  return `{ ${Array.from({ length: aliases }, (_, i) => `a${i}: node { id }`).join(' ')} }`;
}
