import { gql } from '@urql/core';

export interface RegionNameData {
  region: { code: string; name: string; level: string } | null;
}

export const regionNameQuery = gql<RegionNameData, { code: string }>`
  query NamaWilayah($code: String!) {
    region(code: $code) {
      code
      name
      level
    }
  }
`;
