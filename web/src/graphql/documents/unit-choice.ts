import { gql } from '@urql/core';

interface UnitLink {
  id: string;
  name: string;
}

export interface UnitChoiceData {
  me: { id: string; unit: (UnitLink & { parent: (UnitLink & { parent: (UnitLink & { parent: UnitLink | null }) | null }) | null }) | null } | null;
  orgUnits?: (UnitLink & { children: UnitLink[] })[];
}

/** The viewer's own unit and the units above it; a region-wide admin also gets the instansi of the region with their OPDs. */
export const unitChoiceQuery = gql<UnitChoiceData, { regionCode: string; withRegionUnits: boolean }>`
  query PilihanUnit($regionCode: String, $withRegionUnits: Boolean!) {
    me {
      id
      unit {
        id
        name
        parent {
          id
          name
          parent {
            id
            name
            parent {
              id
              name
            }
          }
        }
      }
    }
    orgUnits(regionCode: $regionCode) @include(if: $withRegionUnits) {
      id
      name
      children {
        id
        name
      }
    }
  }
`;
