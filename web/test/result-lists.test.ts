import { describe, expect, it } from 'vitest';
import { csvFileName, findResultLists, listToCsv } from '../src/workbench/result-lists.ts';

const result = {
  data: {
    employees: {
      totalCount: 2,
      edges: [
        { node: { nip: '199001152015032001', name: 'Siti Rahmawati, S.Kom.', region: { code: '32.15', name: 'Kabupaten Karawang' } } },
        { node: { nip: '198205072004101001', name: 'Agus "Gun" Gunawan', region: null } },
      ],
    },
    competencies: [{ code: 'M.1', name: 'Integritas' }],
    tags: ['a', 'b'],
  },
};

describe('lists in a workbench result', () => {
  it('finds every list of objects with its path, not lists of scalars', () => {
    expect(findResultLists(result).map((list) => [list.path, list.rows.length])).toEqual([
      ['data.employees.edges', 2],
      ['data.competencies', 1],
    ]);
  });

  it('writes one column per leaf field, quoting commas and quotes, with a BOM and CRLF', () => {
    const [edges] = findResultLists(result);
    expect(listToCsv(edges!)).toBe(
      '\uFEFFnode.nip,node.name,node.region.code,node.region.name\r\n' +
        '199001152015032001,"Siti Rahmawati, S.Kom.",32.15,Kabupaten Karawang\r\n' +
        '198205072004101001,"Agus ""Gun"" Gunawan",,\r\n',
    );
  });

  it('names the file after the path', () => {
    expect(csvFileName('data.employees.edges')).toBe('employees-edges.csv');
    expect(csvFileName('data')).toBe('hasil.csv');
  });

  it('finds nothing in an error-only result', () => {
    expect(findResultLists({ errors: 'x', data: null })).toEqual([]);
  });
});
