import { gql } from '@urql/core';
import type { EvaluationPeriodRow, Predikat, RatingLevel, SkpStatus } from './skp.ts';

export interface TeamSkp {
  id: string;
  year: number;
  status: SkpStatus;
  employee: { id: string; name: string; nip: string; position: { title: string } | null };
  rhk: {
    id: string;
    kind: 'UTAMA' | 'TAMBAHAN';
    text: string;
    supports: { id: string; text: string } | null;
  }[];
  history: { action: string; actor: string; note: string | null; at: string }[];
  periods: { period: { code: string; name: string; state: string }; result: { predikat: Predikat; hasilKerja: RatingLevel; perilakuKerja: RatingLevel; status: 'DRAFT' | 'FINAL' } | null }[];
}

export interface TeamData {
  teamSkps: TeamSkp[];
  evaluationPeriods: EvaluationPeriodRow[];
}

export const teamSkpsQuery = gql<TeamData, { year: number }>`
  query TimSaya($year: Int!) {
    teamSkps(year: $year) {
      id
      year
      status
      employee {
        id
        name
        nip
        position {
          title
        }
      }
      rhk {
        id
        kind
        text
        supports {
          id
          text
        }
      }
      history {
        action
        actor
        note
        at
      }
      periods {
        period {
          code
          name
          state
        }
        result {
          predikat
          hasilKerja
          perilakuKerja
          status
        }
      }
    }
    evaluationPeriods(year: $year) {
      code
      name
      start
      end
      deadline
      state
    }
  }
`;

export const approveSkpMutation = gql<
  { approveSkp: { id: string; status: SkpStatus } },
  { skpId: string; expectations: { behaviour: string; expectation: string }[]; note: string | null }
>`
  mutation SetujuiSkp($skpId: ID!, $expectations: [BehaviourExpectationInput!]!, $note: String) {
    approveSkp(skpId: $skpId, expectations: $expectations, note: $note) {
      id
      status
    }
  }
`;

export const rejectSkpMutation = gql<{ rejectSkp: { id: string; status: SkpStatus } }, { skpId: string; note: string }>`
  mutation TolakSkp($skpId: ID!, $note: String!) {
    rejectSkp(skpId: $skpId, note: $note) {
      id
      status
    }
  }
`;

export const decideRevisionMutation = gql<{ decideSkpRevision: { id: string; status: SkpStatus } }, { skpId: string; grant: boolean; note: string | null }>`
  mutation PutuskanRevisiSkp($skpId: ID!, $grant: Boolean!, $note: String) {
    decideSkpRevision(skpId: $skpId, grant: $grant, note: $note) {
      id
      status
    }
  }
`;

export const predikatPreviewQuery = gql<{ predikatPreview: Predikat }, { hasilKerja: RatingLevel; perilakuKerja: RatingLevel }>`
  query PratinjauPredikat($hasilKerja: RatingLevel!, $perilakuKerja: RatingLevel!) {
    predikatPreview(hasilKerja: $hasilKerja, perilakuKerja: $perilakuKerja)
  }
`;

export const rateEvaluationMutation = gql<
  { rateEvaluation: { predikat: Predikat; status: string } },
  { skpId: string; period: string; hasilKerja: RatingLevel; perilakuKerja: RatingLevel; note: string | null }
>`
  mutation NilaiKinerja($skpId: ID!, $period: String!, $hasilKerja: RatingLevel!, $perilakuKerja: RatingLevel!, $note: String) {
    rateEvaluation(skpId: $skpId, period: $period, hasilKerja: $hasilKerja, perilakuKerja: $perilakuKerja, note: $note) {
      predikat
      status
    }
  }
`;
