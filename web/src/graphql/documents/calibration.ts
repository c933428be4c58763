import { gql } from '@urql/core';
import type { Predikat } from './skp.ts';

export interface DistributionLimitRow {
  predikat: Predikat[];
  bound: 'AT_MOST' | 'AT_LEAST' | 'AT_LEAST_COUNT';
  value: number;
  description: string;
  actualCount: number;
  actualShare: number;
  violated: boolean;
  violation: string | null;
}

export interface UnitDistribution {
  year: number;
  period: string;
  total: number;
  counts: { predikat: Predikat; employees: number; share: number }[];
  unitPredikat: string | null;
  limits: DistributionLimitRow[];
  violations: string[];
  finalisations: { evaluations: number; unitPredikat: string | null; override: boolean; reason: string | null; violations: string[]; finalisedBy: string; finalisedAt: string }[];
}

export interface CalibrationData {
  orgUnit: { id: string; name: string; predikatDistribution: UnitDistribution } | null;
}

export const calibrationQuery = gql<CalibrationData, { unitId: string; year: number; period: string }>`
  query KalibrasiUnit($unitId: ID!, $year: Int!, $period: String!) {
    orgUnit(id: $unitId) {
      id
      name
      predikatDistribution(year: $year, period: $period) {
        year
        period
        total
        counts {
          predikat
          employees
          share
        }
        unitPredikat
        limits {
          predikat
          bound
          value
          description
          actualCount
          actualShare
          violated
          violation
        }
        violations
        finalisations {
          evaluations
          unitPredikat
          override
          reason
          violations
          finalisedBy
          finalisedAt
        }
      }
    }
  }
`;

export const finaliseMutation = gql<
  { finaliseEvaluations: { finalised: number } },
  { unitId: string; year: number; period: string; override: boolean; reason: string | null }
>`
  mutation FinalisasiPenilaian($unitId: ID!, $year: Int!, $period: String!, $override: Boolean, $reason: String) {
    finaliseEvaluations(unitId: $unitId, year: $year, period: $period, override: $override, reason: $reason) {
      finalised
    }
  }
`;
