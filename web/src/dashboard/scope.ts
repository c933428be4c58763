// Which regions the dashboard shows for the viewer's `region_code`: national viewers see the nation
// (personnel's region `ID`) and its provinces, a province itself and its regencies/cities, a regency
// only itself (it has no child regions).
import { levelOfRegionCode } from '../format/region-level.ts';
import type { RegionLevel } from '../format/region-level.ts';

export interface DashboardVariables {
  /** The viewer's own region, read through `region(code:)`. */
  readonly scopeCode: string;
  readonly withScope: boolean;
  /** The child regions, read through `regions(level:, parentCode:)`. */
  readonly childLevel: RegionLevel;
  readonly parentCode: string | null;
  readonly withChildren: boolean;
  /** Off after the competency subgraph failed, so personnel figures still show. */
  readonly withCompetency: boolean;
}

export function dashboardVariables(regionCode: string, withCompetency = true): DashboardVariables {
  const level = levelOfRegionCode(regionCode);
  if (level === 'NATIONAL') {
    return { scopeCode: 'ID', withScope: true, childLevel: 'PROVINCE', parentCode: null, withChildren: true, withCompetency };
  }
  if (level === 'PROVINCE') {
    return { scopeCode: regionCode, withScope: true, childLevel: 'REGENCY', parentCode: regionCode, withChildren: true, withCompetency };
  }
  // `regions` requires a level even when skipped; REGENCY is the only level below a province.
  return { scopeCode: regionCode, withScope: true, childLevel: 'REGENCY', parentCode: regionCode, withChildren: false, withCompetency };
}

/**
 * The region the dashboard shows: the one the viewer drilled into (`#/dasbor?wilayah=32`) when it lies
 * inside their own region, else their own. Drilling never leaves the viewer's scope.
 */
export function dashboardRegionCode(viewerRegionCode: string, drillCode: string | null | undefined): string {
  const drill = (drillCode ?? '').trim();
  if (drill === '' || drill.toUpperCase() === 'ID') return viewerRegionCode;
  if (levelOfRegionCode(viewerRegionCode) === 'NATIONAL') return drill;
  return drill === viewerRegionCode || drill.startsWith(`${viewerRegionCode}.`) ? drill : viewerRegionCode;
}

/** `#/dasbor?wilayah=32.15` (the national view without a region). */
export function dashboardHref(regionCode: string | null): string {
  return regionCode ? `#/dasbor?wilayah=${encodeURIComponent(regionCode)}` : '#/dasbor';
}
