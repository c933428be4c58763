import { gql } from '@urql/core';

export type SkpStatus = 'DRAFT' | 'SUBMITTED' | 'APPROVED' | 'REJECTED' | 'REVISION_REQUESTED';
export type RatingLevel = 'DI_ATAS_EKSPEKTASI' | 'SESUAI_EKSPEKTASI' | 'DI_BAWAH_EKSPEKTASI';
export type Predikat = 'SANGAT_BAIK' | 'BAIK' | 'BUTUH_PERBAIKAN' | 'KURANG' | 'SANGAT_KURANG';
export type IndicatorAspect = 'KUANTITAS' | 'KUALITAS' | 'WAKTU' | 'BIAYA';
export type PeriodState = 'NOT_STARTED' | 'OPEN' | 'LOCKED';

export interface EvaluationPeriodRow {
  code: string;
  name: string;
  start: string;
  end: string;
  deadline: string;
  state: PeriodState;
}

export interface RealisationRow {
  id: string;
  period: string;
  value: number;
  evidenceUrl: string | null;
  note: string | null;
  recordedAt: string;
}

export interface IndicatorRow {
  id: string;
  text: string;
  aspect: IndicatorAspect;
  target: number;
  unit: string;
  quarterlyTargets: number[] | null;
}

export interface RhkRow {
  id: string;
  kind: 'UTAMA' | 'TAMBAHAN';
  text: string;
  supports: { id: string; text: string } | null;
  goal: { id: string; text: string } | null;
  indicators: IndicatorRow[];
}

export interface SkpEventRow {
  action: string;
  fromStatus: SkpStatus | null;
  toStatus: SkpStatus;
  actor: string;
  actorEmployee: { id: string; name: string } | null;
  note: string | null;
  at: string;
}

export interface PeriodResultRow {
  period: { code: string; name: string; state: PeriodState };
  result: { hasilKerja: RatingLevel; perilakuKerja: RatingLevel; predikat: Predikat; status: 'DRAFT' | 'FINAL'; note: string | null } | null;
  feedback: { text: string; givenAt: string }[];
}

export interface MySkp {
  id: string;
  year: number;
  status: SkpStatus;
  rater: { id: string; name: string } | null;
  rhk: RhkRow[];
  behaviours: { behaviour: string; expectation: string }[];
  history: SkpEventRow[];
  periods: PeriodResultRow[];
}

export interface MySkpData {
  me: { id: string; name: string; supervisor: { id: string; name: string } | null; skp: MySkp | null; skps: { id: string; year: number; status: SkpStatus }[] } | null;
  supervisorRhk: { id: string; kind: string; text: string }[];
  evaluationPeriods: EvaluationPeriodRow[];
}

export const mySkpQuery = gql<MySkpData, { year: number }>`
  query SkpSaya($year: Int!) {
    me {
      id
      name
      supervisor {
        id
        name
      }
      skp(year: $year) {
        id
        year
        status
        rater {
          id
          name
        }
        rhk {
          id
          kind
          text
          supports {
            id
            text
          }
          goal {
            id
            text
          }
          indicators {
            id
            text
            aspect
            target
            unit
            quarterlyTargets
          }
        }
        behaviours {
          behaviour
          expectation
        }
        history {
          action
          fromStatus
          toStatus
          actor
          actorEmployee {
            id
            name
          }
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
            hasilKerja
            perilakuKerja
            predikat
            status
            note
          }
          feedback {
            text
            givenAt
          }
        }
      }
      skps {
        id
        year
        status
      }
    }
    supervisorRhk(year: $year) {
      id
      kind
      text
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

export const createSkpMutation = gql<{ createSkp: { id: string } }, { year: number }>`
  mutation BuatSkp($year: Int!) {
    createSkp(year: $year) {
      id
    }
  }
`;

export interface RhkInput {
  kind: 'UTAMA' | 'TAMBAHAN';
  text: string;
  supportsRhkId: string | null;
}

export const addRhkMutation = gql<{ addRhk: { id: string } }, { skpId: string; input: RhkInput }>`
  mutation TambahRhk($skpId: ID!, $input: RhkInput!) {
    addRhk(skpId: $skpId, input: $input) {
      id
    }
  }
`;

export const removeRhkMutation = gql<{ removeRhk: { id: string } }, { rhkId: string }>`
  mutation HapusRhk($rhkId: ID!) {
    removeRhk(rhkId: $rhkId) {
      id
    }
  }
`;

export interface IndicatorInput {
  id?: string;
  text: string;
  aspect: IndicatorAspect;
  target: number;
  unit: string;
  quarterlyTargets?: number[] | null;
}

export const setIndicatorsMutation = gql<{ setIndicators: { id: string } }, { rhkId: string; indicators: IndicatorInput[] }>`
  mutation AturIndikator($rhkId: ID!, $indicators: [IndicatorInput!]!) {
    setIndicators(rhkId: $rhkId, indicators: $indicators) {
      id
    }
  }
`;

export const submitSkpMutation = gql<{ submitSkp: { id: string; status: SkpStatus } }, { skpId: string }>`
  mutation AjukanSkp($skpId: ID!) {
    submitSkp(skpId: $skpId) {
      id
      status
    }
  }
`;

export const requestRevisionMutation = gql<{ requestSkpRevision: { id: string; status: SkpStatus } }, { skpId: string; note: string }>`
  mutation MintaRevisiSkp($skpId: ID!, $note: String!) {
    requestSkpRevision(skpId: $skpId, note: $note) {
      id
      status
    }
  }
`;

export interface RealisationVariables {
  indicatorId: string;
  period: string;
  value: number;
  evidenceUrl: string | null;
  note: string | null;
}

export const recordRealisationMutation = gql<{ recordRealisation: { id: string } }, RealisationVariables>`
  mutation CatatRealisasi($indicatorId: ID!, $period: String!, $value: Float!, $evidenceUrl: String, $note: String) {
    recordRealisation(indicatorId: $indicatorId, period: $period, value: $value, evidenceUrl: $evidenceUrl, note: $note) {
      id
    }
  }
`;

/**
 * One indicator's realisations, read on their own: under Skp.rhk.indicators they would be priced for
 * every indicator of every RHK (20 × 10 × 50) and the gateway refuses such a query as too costly.
 */
export const indicatorRealisationsQuery = gql<{ indicator: { id: string; realisations: RealisationRow[] } | null }, { indicatorId: string }>`
  query RealisasiIndikator($indicatorId: ID!) {
    indicator(id: $indicatorId) {
      id
      realisations {
        id
        period
        value
        evidenceUrl
        note
        recordedAt
      }
    }
  }
`;
