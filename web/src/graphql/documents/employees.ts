import { gql } from '@urql/core';

export interface EmployeeRow {
  id: string;
  nip: string;
  name: string;
  golongan: string | null;
  position: { title: string } | null;
  unit: { id: string; name: string } | null;
  region: { code: string; name: string } | null;
}

export interface EmployeesData {
  employees: {
    totalCount: number | null;
    edges: { cursor: string; node: EmployeeRow }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

export interface EmployeesVariables {
  filter: { search?: string | null };
  first: number;
  after: string | null;
}

export const employeesQuery = gql<EmployeesData, EmployeesVariables>`
  query Pegawai($filter: EmployeeFilter, $first: Int, $after: String) {
    employees(filter: $filter, first: $first, after: $after) {
      totalCount
      edges {
        cursor
        node {
          id
          nip
          name
          golongan
          position {
            title
          }
          unit {
            id
            name
          }
          region {
            code
            name
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;
