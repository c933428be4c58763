// Talent 9-box of an employee and the counts per box of a unit or a region (issue 10 "Talent 9-box").
import { forbidden } from '@kinerja/kit/errors';
import { performanceAxisOf, potentialOfCategory, talentBox, talentFollowUps, talentMatrix } from '../domain/talent-box.ts';
import type { TalentBox, TalentMatrix } from '../generated/resolvers-types.ts';
import { readsRegion } from './access.ts';
import type { PerformanceContext } from './context.ts';
import { predikatOfEmployee } from './evaluation-types.ts';
import { potentialOf, talentPairsOf } from './loaders.ts';

/** Employee.talentBox once visibility is checked (types.ts). */
export async function talentBoxOfEmployee(ctx: PerformanceContext, employeeId: string, year: number): Promise<TalentBox | null> {
  const [annual, potential] = await Promise.all([predikatOfEmployee(ctx, employeeId, year, null), potentialOf(ctx).load(employeeId)]);
  const axis = potential === null ? undefined : potentialOfCategory[potential.category];
  if (annual === null || potential === null || axis === undefined) return null;
  const performance = performanceAxisOf(annual.predikat);
  const box = talentBox(performance, axis);
  return { box, performance, potential: axis, predikat: annual.predikat, predikatStatus: annual.status, jpm: potential.jpm, category: potential.category, followUp: talentFollowUps[box]! };
}

export async function unitTalentMatrix(ctx: PerformanceContext, unitId: string, year: number): Promise<TalentMatrix> {
  const matrix = talentMatrix(await talentPairsOf(ctx, 'UNIT', year).load(unitId));
  return { year, ...matrix, boxes: matrix.boxes.map((b) => ({ ...b, followUp: talentFollowUps[b.box]! })) };
}

export async function regionTalentMatrix(ctx: PerformanceContext, regionCode: string, year: number): Promise<TalentMatrix> {
  if (!readsRegion(ctx.viewer, regionCode)) throw forbidden(`Wilayah ${regionCode} di luar cakupan Anda`, 'region_out_of_scope');
  const matrix = talentMatrix(await talentPairsOf(ctx, 'REGION', year).load(regionCode));
  return { year, ...matrix, boxes: matrix.boxes.map((b) => ({ ...b, followUp: talentFollowUps[b.box]! })) };
}

