// Metric labels stay bounded whatever names clients send (issue 14 "Operations endpoints").
import { describe, expect, it } from 'vitest';
import { createOperationLabeler, defaultOpsPort, publicReadiness, routeLabel } from '../src/ops.ts';

describe('createOperationLabeler', () => {
  it('with a known list, counts only those names under their own label', () => {
    const label = createOperationLabeler({ known: ['Dasbor', 'DaftarPegawai'] });
    expect(['Dasbor', 'DaftarPegawai', 'Lain', null, '', 'x y'].map(label)).toEqual([
      'Dasbor',
      'DaftarPegawai',
      'other',
      'anonymous',
      'anonymous',
      'other',
    ]);
  });

  it('without one, admits the first maxDistinct names and counts every later name as other', () => {
    const label = createOperationLabeler({ maxDistinct: 2 });
    expect(['A', 'B', 'C', 'A', 'B', 'D'].map(label)).toEqual(['A', 'B', 'other', 'A', 'B', 'other']);
  });

  it('never admits more than maxDistinct labels from many random names', () => {
    const label = createOperationLabeler({ maxDistinct: 50 });
    const labels = new Set(Array.from({ length: 5000 }, (_, i) => label(`Op${i}`)));
    expect(labels.size).toBe(51);
    expect(labels.has('other')).toBe(true);
  });

  it('refuses names that are not GraphQL names or are too long', () => {
    const label = createOperationLabeler();
    expect(label('a'.repeat(65))).toBe('other');
    expect(label('drop"table')).toBe('other');
  });
});

describe('ops helpers', () => {
  it.each([
    [4001, 5001],
    [4000, 5000],
    [0, 0],
  ])('puts the ops port of %i at %i', (port, ops) => {
    expect(defaultOpsPort(port)).toBe(ops);
  });

  it('tells the public only ready or not', () => {
    expect(publicReadiness({ ready: false, checks: { database: 'down: password authentication failed' } })).toEqual({
      status: 'not_ready',
    });
  });

  it('labels unknown paths as other', () => {
    const routes = new Set(['/graphql']);
    expect(routeLabel('/graphql', routes)).toBe('/graphql');
    expect(routeLabel('/.env', routes)).toBe('other');
  });
});
