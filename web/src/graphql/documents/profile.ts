import { gql } from '@urql/core';

export interface CompetencyGap {
  competency: { code: string; name: string };
  required: number;
  assessed: number | null;
  gap: number | null;
}

export interface TrainingNeedRow {
  competency: { code: string; name: string };
  gap: number;
  programme: { code: string; name: string } | null;
  /** JP of the suggested programme, 0 when there is none. */
  hours: number;
}

export interface CompetencyProfile {
  jpm: number | null;
  category: string | null;
  categoryLabel: string | null;
  latestAssessment: { assessedOn: string } | null;
  gaps: CompetencyGap[];
  trainingNeeds: TrainingNeedRow[];
}

export interface MyProfile {
  id: string;
  nip: string;
  name: string;
  employmentType: string;
  golongan: string | null;
  position: { title: string; jenisJabatan: string; kelasJabatan: number } | null;
  unit: { id: string; name: string } | null;
  region: { code: string; name: string } | null;
  supervisor: { id: string; nip: string; name: string } | null;
  competencyProfile?: CompetencyProfile | null;
}

export interface MyProfileData {
  me: MyProfile | null;
}

export interface MyProfileVariables {
  withCompetency: boolean;
}

export const myProfileQuery = gql<MyProfileData, MyProfileVariables>`
  query ProfilSaya($withCompetency: Boolean!) {
    me {
      id
      nip
      name
      employmentType
      golongan
      position {
        title
        jenisJabatan
        kelasJabatan
      }
      unit {
        id
        name
      }
      region {
        code
        name
      }
      supervisor {
        id
        nip
        name
      }
      competencyProfile @include(if: $withCompetency) {
        jpm
        category
        categoryLabel
        latestAssessment {
          assessedOn
        }
        gaps {
          competency {
            code
            name
          }
          required
          assessed
          gap
        }
        trainingNeeds {
          competency {
            code
            name
          }
          gap
          programme {
            code
            name
          }
          hours
        }
      }
    }
  }
`;
