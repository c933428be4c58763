import { describe, expect, it } from 'vitest';
import { byKeys, createLoaderRegistry, groupByKeys } from '../src/loaders.ts';

describe('loader registry', () => {
  it('batches loads of the same name into one call and reuses the loader', async () => {
    const registry = createLoaderRegistry();
    const calls: (readonly number[])[] = [];
    const batch = async (keys: readonly number[]) => {
      calls.push(keys);
      return keys.map((k) => k * 2);
    };
    const results = await Promise.all([1, 2, 3].map((k) => registry.get('double', batch).load(k)));
    expect(results).toEqual([2, 4, 6]);
    expect(calls).toEqual([[1, 2, 3]]);
    expect(registry.get('double', batch)).toBe(registry.get('double', batch));
  });

  it('orders and groups rows by key', () => {
    expect(byKeys(['b', 'a', 'c'], [{ id: 'a' }, { id: 'b' }], (r) => r.id)).toEqual([{ id: 'b' }, { id: 'a' }, null]);
    expect(groupByKeys([1, 2], [{ p: 1, v: 'x' }, { p: 1, v: 'y' }], (r) => r.p)).toEqual([[{ p: 1, v: 'x' }, { p: 1, v: 'y' }], []]);
  });
});
