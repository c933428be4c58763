import { gql } from '@urql/core';

export interface TrainingNeedListRow {
  employee: { id: string; nip: string; name: string };
  competency: { code: string; name: string };
  required: number;
  assessed: number;
  gap: number;
  programme: { code: string; name: string } | null;
  /** JP of the suggested programme, 0 when there is none. */
  hours: number;
}

export interface TrainingNeedsData {
  trainingNeeds: {
    edges: { cursor: string; node: TrainingNeedListRow }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
  trainingNeedsSummary: {
    people: number;
    needs: number;
    hours: number;
    needsWithoutProgramme: number;
  };
  competencies: { code: string; name: string }[];
  /** The viewer's region (`ID` for national) with people below standard per competency and level. */
  scopeRegion: {
    competencyGaps: { competency: { code: string; name: string }; byNeedLevel: { level: number; employees: number }[] }[];
  } | null;
}

export interface TrainingNeedsVariables {
  /** Region whose per-level counts feed the chart (`ID` for national viewers). */
  scopeCode: string;
  regionCode: string | null;
  competency: string | null;
  first: number;
  after: string | null;
}

export const trainingNeedsQuery = gql<TrainingNeedsData, TrainingNeedsVariables>`
  query KebutuhanDiklat($scopeCode: String!, $regionCode: String, $competency: String, $first: Int, $after: String) {
    trainingNeeds(regionCode: $regionCode, competency: $competency, first: $first, after: $after) {
      edges {
        cursor
        node {
          employee {
            id
            nip
            name
          }
          competency {
            code
            name
          }
          required
          assessed
          gap
          programme {
            code
            name
          }
          hours
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
    trainingNeedsSummary(regionCode: $regionCode, competency: $competency) {
      people
      needs
      hours
      needsWithoutProgramme
    }
    competencies {
      code
      name
    }
    scopeRegion: region(code: $scopeCode) {
      competencyGaps(competency: $competency) {
        competency {
          code
          name
        }
        byNeedLevel {
          level
          employees
        }
      }
    }
  }
`;
