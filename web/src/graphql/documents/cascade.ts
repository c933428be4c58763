import { gql } from '@urql/core';

export interface CascadeGoal {
  id: string;
  text: string;
  indicator: string;
  target: number | null;
  targetUnit: string | null;
}

export interface CascadeNodeRow {
  rhk: { id: string; kind: 'UTAMA' | 'TAMBAHAN'; text: string };
  /** The name only for region-wide readers: personnel shows an atasan nobody outside their own chain. */
  employee: { id: string; name?: string };
  goal: { id: string };
  parent: { id: string } | null;
  depth: number;
}

export interface CascadeData {
  me: { id: string } | null;
  orgUnit: {
    id: string;
    name: string;
    performanceCascade: {
      year: number;
      goals: CascadeGoal[];
      nodes: CascadeNodeRow[];
      employees: number;
      aligned: number;
      coverage: number;
      notAligned: { id: string; name?: string }[];
    };
  } | null;
}

export const cascadeQuery = gql<CascadeData, { unitId: string; year: number; withNames: boolean }>`
  query KaskadeKinerja($unitId: ID!, $year: Int!, $withNames: Boolean!) {
    me {
      id
    }
    orgUnit(id: $unitId) {
      id
      name
      performanceCascade(year: $year) {
        year
        goals {
          id
          text
          indicator
          target
          targetUnit
        }
        nodes {
          rhk {
            id
            kind
            text
          }
          employee {
            id
            name @include(if: $withNames)
          }
          goal {
            id
          }
          parent {
            id
          }
          depth
        }
        employees
        aligned
        coverage
        notAligned {
          id
          name @include(if: $withNames)
        }
      }
    }
  }
`;
