import { gql } from '@urql/core';
import type { RegionLevel } from '../../format/region-level.ts';
import type { DashboardVariables } from '../../dashboard/scope.ts';

export interface CompetencyGapSummary {
  competency: { code: string; name: string };
  assessedEmployees: number;
  employeesBelowStandard: number;
  averageGap: number | null;
}

export interface DashboardRegion {
  code: string;
  name: string;
  level: RegionLevel;
  headcount: number;
  /** null when the competency subgraph failed (the field is nullable so the region stays). */
  competencyGaps?: CompetencyGapSummary[] | null;
}

export interface DashboardData {
  scope?: DashboardRegion | null;
  regions?: DashboardRegion[];
}

// One operation reads personnel's headcount and competency's gap summaries of the same regions
// (the gateway joins them on Region.code); `withCompetency` lets the page drop the competency part
// when that subgraph fails, instead of losing the whole dashboard.
export const dashboardQuery = gql<DashboardData, DashboardVariables>`
  query Dasbor(
    $scopeCode: String!
    $withScope: Boolean!
    $childLevel: RegionLevel!
    $parentCode: String
    $withChildren: Boolean!
    $withCompetency: Boolean!
  ) {
    scope: region(code: $scopeCode) @include(if: $withScope) {
      ...DashboardRegion
    }
    regions(level: $childLevel, parentCode: $parentCode) @include(if: $withChildren) {
      ...DashboardRegion
    }
  }

  fragment DashboardRegion on Region {
    code
    name
    level
    headcount
    competencyGaps @include(if: $withCompetency) {
      competency {
        code
        name
      }
      assessedEmployees
      employeesBelowStandard
      averageGap
    }
  }
`;
