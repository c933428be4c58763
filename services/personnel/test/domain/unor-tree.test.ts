// The direct supervisor (atasan langsung, DOMAIN.md "People and organisation") from SIASN's unit tree:
// the leader of the person's unit, or for the leader the nearest leader above.
import { describe, expect, it } from 'vitest';
import { parentsFirst, UnorTree } from '../../src/domain/unor-tree.ts';

// Instansi (led by the sekda S) → Setda (S) and Dinas (K) → Bidang (B) → Seksi (nobody yet).
const tree = new UnorTree([
  { id: 'ROOT', parentId: null, name: 'Pemerintah Kabupaten', leaderPnsId: 'S' },
  { id: 'SETDA', parentId: 'ROOT', name: 'Sekretariat Daerah', leaderPnsId: 'S' },
  { id: 'DINAS', parentId: 'ROOT', name: 'Dinas Kesehatan', leaderPnsId: 'K' },
  { id: 'BIDANG', parentId: 'DINAS', name: 'Bidang P2P', leaderPnsId: 'B' },
  { id: 'SEKSI', parentId: 'BIDANG', name: 'Seksi Surveilans', leaderPnsId: null },
  { id: 'LOOP1', parentId: 'LOOP2', name: 'a', leaderPnsId: 'L' },
  { id: 'LOOP2', parentId: 'LOOP1', name: 'b', leaderPnsId: 'L' },
]);

describe('supervisorOf', () => {
  it.each([
    ['S', 'SETDA', null, 'the sekda leads the instansi: nobody above'],
    ['X', 'SETDA', 'S', 'staff of the Setda report to the sekda'],
    ['K', 'DINAS', 'S', 'an OPD head reports to the leader of the instansi'],
    ['B', 'BIDANG', 'K', 'a bidang head reports to the OPD head'],
    ['Y', 'BIDANG', 'B', 'bidang staff report to the bidang head'],
    ['Z', 'SEKSI', 'B', 'a seksi without a leader: its staff report to the bidang head'],
    ['Q', 'UNKNOWN', null, 'an unknown unit gives no supervisor'],
    ['L', 'LOOP1', null, 'a loop in the tree ends the walk'],
  ] as [string, string, string | null, string][])('%s in %s → %s (%s)', (person, unit, expected) => {
    expect(tree.supervisorOf(person, unit)).toBe(expected);
  });
});

describe('inTreeOrder and rootOf', () => {
  it('lists one instansi parents first and leaves loops out', () => {
    expect(tree.inTreeOrder('ROOT').map((node) => node.id)).toEqual(['ROOT', 'SETDA', 'DINAS', 'BIDANG', 'SEKSI']);
    expect(tree.inTreeOrder('OTHER')).toEqual([]);
    expect(tree.rootOf('SEKSI')).toBe('ROOT');
    expect(tree.rootOf('LOOP1')).toBeNull();
  });
});

describe('parentsFirst', () => {
  it('puts each item after the one it names, keeps the rest in file order and survives cycles', () => {
    const items = [
      { id: 'c', up: 'b' },
      { id: 'a', up: null },
      { id: 'b', up: 'a' },
      { id: 'x', up: 'y' },
      { id: 'y', up: 'x' },
      { id: 'z', up: 'missing' },
    ];
    const ordered = parentsFirst(items, (item) => item.id, (item) => item.up).map((item) => item.id);
    expect(ordered).toEqual(['a', 'b', 'c', 'y', 'x', 'z']);
    expect(ordered).toHaveLength(items.length);
  });
});
