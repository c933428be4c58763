// Standards and mapping rules as the schema shows them.
import { competencies } from '../domain/dictionary.ts';
import type { CompetencyStandardResolvers, MappingBandResolvers, MappingSchemeResolvers } from '../generated/resolvers-types.ts';

export const CompetencyStandard: CompetencyStandardResolvers = {
  id: (parent) => parent.standard.id,
  source: (parent) => parent.source,
  instansiId: (parent) => parent.standard.instansiId,
  jenisJabatan: (parent) => parent.standard.jenisJabatan,
  positionId: (parent) => parent.standard.positionId,
  effectiveFrom: (parent) => parent.standard.effectiveFrom,
  levels: (parent) =>
    competencies.flatMap((competency) => {
      const level = parent.standard.levels[competency.code];
      return level === undefined ? [] : [{ competency, level }];
    }),
};

export const MappingScheme: MappingSchemeResolvers = {
  bands: (parent) => [...parent.bands].sort((a, b) => b.minJpm - a.minJpm),
};

export const MappingBand: MappingBandResolvers = {
  talentPotential: (parent) => parent.potential,
};
