// Resolver types generated from schema.graphql (DESIGN.md: the SDL and the code cannot drift).
// Parents are the repositories' records and the shapes resolvers/parents.ts defines, so field resolvers are
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
          Employee: '../resolvers/parents.ts#EmployeeParent',
          Region: '../resolvers/parents.ts#RegionParent',
          OrgUnit: '../resolvers/parents.ts#OrgUnitParent',
          Competency: '../domain/dictionary.ts#Competency as DictionaryCompetency',
          CompetencyLevel: '../domain/dictionary.ts#CompetencyLevelDescription',
          CompetencyStandard: '../resolvers/parents.ts#StandardParent',
          MappingRule: '../resolvers/parents.ts#MappingRuleParent',
          MappingScheme: '../domain/category.ts#MappingScheme as DomainMappingScheme',
          MappingBand: '../domain/category.ts#CategoryBand',
          CompetencyProfile: '../resolvers/parents.ts#ProfileParent',
          CompetencyAssessment: '../repositories/assessment-rows.ts#AssessmentRecord',
          TrainingProgramme: '../repositories/programme-rows.ts#ProgrammeRecord',
          TrainingNeed: '../resolvers/parents.ts#TrainingNeedParent',
        },
      },
    },
  },
};

export default config;
