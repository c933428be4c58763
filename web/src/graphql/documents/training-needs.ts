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
}

export interface TrainingNeedsVariables {
  regionCode: string | null;
  competency: string | null;
  first: number;
  after: string | null;
}

export const trainingNeedsQuery = gql<TrainingNeedsData, TrainingNeedsVariables>`
  query KebutuhanDiklat($regionCode: String, $competency: String, $first: Int, $after: String) {
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
  }
`;
