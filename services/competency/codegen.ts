// Resolver types generated from schema.graphql (DESIGN.md: the SDL and the code cannot drift).
// Parents are the stores' records and the shapes resolvers/types.ts builds, so field resolvers are
// checked against what the parent really holds.
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: 'schema.graphql',
  overwrite: true,
  silent: true,
  generates: {
    'src/generated/resolvers-types.ts': {
      plugins: ['typescript', 'typescript-resolvers'],
      config: {
        federation: true,
        useTypeImports: true,
        // Node's type stripping runs this file: no TypeScript enums.
        enumsAsTypes: true,
        contextType: '../resolvers/context.ts#Context',
        mappers: {
          Employee: '../resolvers/types.ts#EmployeeParent',
          Region: '../resolvers/types.ts#RegionParent',
          OrgUnit: '../resolvers/types.ts#OrgUnitParent',
          Competency: '../domain/dictionary.ts#Competency as DictionaryCompetency',
          CompetencyLevel: '../domain/dictionary.ts#CompetencyLevelDescription',
          CompetencyStandard: '../resolvers/types.ts#StandardParent',
          MappingRule: '../resolvers/types.ts#MappingRuleParent',
          MappingScheme: '../domain/category.ts#MappingScheme as DomainMappingScheme',
          MappingBand: '../domain/category.ts#CategoryBand',
          CompetencyProfile: '../resolvers/types.ts#ProfileParent',
          CompetencyAssessment: '../store/assessment-store.ts#AssessmentRecord',
          TrainingProgramme: '../store/programme-store.ts#ProgrammeRecord',
          TrainingNeed: '../resolvers/types.ts#TrainingNeedParent',
        },
      },
    },
  },
};

export default config;
