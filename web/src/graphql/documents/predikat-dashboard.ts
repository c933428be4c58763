import { gql } from '@urql/core';
import type { Predikat } from './skp.ts';

export interface RegionPredikatData {
  region: {
    code: string;
    predikatDistribution: { year: number; period: string; total: number; counts: { predikat: Predikat; employees: number; share: number }[] } | null;
  } | null;
}

/** A region's distribution of a year's annual predikat (performance's maintained counts: one row per predikat). */
export const regionPredikatQuery = gql<RegionPredikatData, { code: string; year: number }>`
  query DasborPredikat($code: String!, $year: Int!) {
    region(code: $code) {
      code
      predikatDistribution(year: $year) {
        year
        period
        total
        counts {
          predikat
          employees
          share
        }
      }
    }
  }
`;
