// One DataLoader per name per request, created on first use, so resolvers anywhere in a request share
// the same batch (DESIGN.md "Federation": every reference and nested list costs O(1) statements).
import DataLoader from 'dataloader';

export interface LoaderRegistry {
  /** The request's loader called `name`, created with `batch` the first time it is asked for. */
  get<K, V>(name: string, batch: DataLoader.BatchLoadFn<K, V>, options?: DataLoader.Options<K, V>): DataLoader<K, V>;
}

export function createLoaderRegistry(): LoaderRegistry {
  const loaders = new Map<string, DataLoader<unknown, unknown>>();
  return {
    get<K, V>(name: string, batch: DataLoader.BatchLoadFn<K, V>, options?: DataLoader.Options<K, V>) {
      let loader = loaders.get(name) as DataLoader<K, V> | undefined;
      if (!loader) {
        loader = new DataLoader<K, V>(batch, options);
        loaders.set(name, loader as DataLoader<unknown, unknown>);
      }
      return loader;
    },
  };
}

/** Orders batch results by the requested keys, filling gaps with null (DataLoader's contract). */
export function byKeys<K, V>(keys: readonly K[], rows: readonly V[], keyOf: (row: V) => K): (V | null)[] {
  const index = new Map<K, V>();
  for (const row of rows) index.set(keyOf(row), row);
  return keys.map((key) => index.get(key) ?? null);
}

/** Groups batch results per requested key (for one-to-many lists), an empty list when none. */
export function groupByKeys<K, V>(keys: readonly K[], rows: readonly V[], keyOf: (row: V) => K): V[][] {
  const groups = new Map<K, V[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return keys.map((key) => groups.get(key) ?? []);
}
